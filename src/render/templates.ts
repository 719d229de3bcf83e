/**
 * The LiquidJS environment: output escaped by default, and an unknown variable
 * or filter is an error naming the template file and line, not an empty string.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Liquid, LiquidError } from 'liquidjs';
import { DEFAULT_TEMPLATES, type SiteConfig } from '../config.js';
import type { Problem } from '../errors.js';
import { relativePosix } from '../load/files.js';
import { absoluteUrl, siteUrl } from './urls.js';
import { publishedUrl, type AssetNames } from '../load/theme-assets.js';
import { registerCardTag } from './card-tag.js';
import { say, type Phrase } from './words.js';

/**
 * How long one page may take to render, in milliseconds: far above any real
 * template's (a few ms), so only a runaway loop reaches it.
 */
export const RENDER_LIMIT_MS = 20_000;

/**
 * How many values one page's render may create (LiquidJS counts ranges,
 * joins, padding): far above any real page, well below what exhausts memory
 * (`(1..1000000000)` crashed V8 with 2.4 GB before anything was reported).
 */
export const RENDER_MEMORY_LIMIT = 10_000_000;

/**
 * A Liquid engine reading templates from `dir`, with Dateline's filters,
 * linking the theme's assets by their published `assets` names. A
 * template a site's own theme lacks comes from the default theme: a page
 * kind added in a later version appears in the site's layout, instead of
 * failing its build.
 */
export function createEngine(dir: string, config: SiteConfig, assets: AssetNames): Liquid {
  const engine = new Liquid({
    root: path.resolve(dir) === path.resolve(DEFAULT_TEMPLATES) ? [dir] : [dir, DEFAULT_TEMPLATES],
    extname: '.liquid',
    cache: true,
    outputEscape: 'escape',
    strictVariables: true,
    strictFilters: true,
    // Optional story fields (updated, image, section…) are absent, not empty: let `{% if %}` test them.
    lenientIf: true,
    ownPropertyOnly: true,
    jsTruthy: true,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: RENDER_MEMORY_LIMIT,
  });
  // A theme asset's address is its published name's (see load/theme-assets.ts).
  engine.registerFilter('url', (value: unknown) => siteUrl(publishedUrl(String(value), assets), config.basePath));
  engine.registerFilter('absolute_url', (value: unknown) => absoluteUrl(publishedUrl(String(value), assets), config));
  // `{{ words.page_of | say: number: 2, total: 7 }}`: a phrase with its slots filled (see words.ts).
  engine.registerFilter('say', (phrase: Phrase, ...slots: unknown[]) => say(phrase, Object.fromEntries(slots.filter(isKeyword))));
  registerCardTag(engine);
  return engine;
}

/** A keyword argument as LiquidJS passes it to a filter: `[name, value]`. */
function isKeyword(argument: unknown): argument is [string, string | number] {
  return Array.isArray(argument) && argument.length === 2 && typeof argument[0] === 'string';
}

/**
 * A template error as a problem at the template's file and line. Paths are
 * relative to `root`; `dir` is the templates folder.
 */
export function templateProblem(error: unknown, root: string, dir: string): Problem {
  if (error instanceof LiquidError) {
    const token = error.token;
    const [line, column] = token?.getPosition() ?? [];
    const message = explainLimit((error.originalError?.message ?? error.message).split(', line:')[0] ?? error.message);
    const file = token?.file ?? (token && templateWithSource(dir, token.input));
    return {
      severity: 'error',
      ...(file && { file: relativePosix(root, file) }),
      ...(line !== undefined && { line, column }),
      message: `template error: ${message}`,
    };
  }
  return { severity: 'error', message: `template error: ${(error as Error).message}` };
}

/** LiquidJS's terse messages for its render limits, said in full. */
function explainLimit(message: string): string {
  if (message === 'memory alloc limit exceeded') {
    return `the page created more than ${RENDER_MEMORY_LIMIT.toLocaleString('en-US')} values, the most one page may (a loop over a huge range?)`;
  }
  if (message === 'template render limit exceeded') {
    return `the page took more than ${RENDER_LIMIT_MS / 1000} s to render, the longest one page may (a loop that runs away?)`;
  }
  return message;
}

/**
 * LiquidJS leaves the file off the tokens of some errors (an undefined
 * variable inside a block), but every token keeps the whole template text:
 * find the template with that text. Only runs when a build has failed.
 */
function templateWithSource(dir: string, source: string): string | undefined {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.liquid')).sort();
  const match = files.find((name) => readFileSync(path.join(dir, name), 'utf8') === source);
  return match === undefined ? undefined : path.join(dir, match);
}
