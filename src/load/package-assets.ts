/**
 * A theme's assets that come from npm packages rather than from its own
 * folder: `package-assets.json` beside its templates maps a place under
 * `assets/` to a file of an installed package. The default theme takes its
 * Urdu font from `@fontsource/noto-nastaliq-urdu` (a dependency of
 * Dateline, so `npm update` brings its fixes); a theme copied from it keeps
 * the mapping, and a site can add the fonts of its own languages the same
 * way (a package the site installs is found first, then Dateline's own).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { parseLocatedJson } from '../parse/yaml.js';
import { relativePosix } from './files.js';

/** The mapping's file, in the templates folder. */
export const PACKAGE_ASSETS = 'package-assets.json';

/** Where each packaged asset is, and where it goes (`assets/…`); or the problems of the mapping. */
export function packageAssets(templates: string, root: string): { assets: { from: string; to: string }[]; problems: Problem[] } {
  const file = path.join(templates, PACKAGE_ASSETS);
  if (!existsSync(file)) return { assets: [], problems: [] };
  const shown = relativePosix(root, file);
  const problem = (message: string, line = 1): Problem => ({ severity: 'error', file: shown, line, message });
  const parsed = parseLocatedJson(readFileSync(file, 'utf8'), shown);
  if (!parsed.ok) return { assets: [], problems: parsed.problems };
  const mapping = parsed.value.data;
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) {
    return { assets: [], problems: [problem('must be one JSON object from a place under `assets/` to a package file, e.g. `{ "fonts/x.woff2": "@fontsource/x/files/x.woff2" }`')] };
  }
  const assets: { from: string; to: string }[] = [];
  const problems: Problem[] = [];
  const lineOf = (key: string) => parsed.value.locateKey(key).line;
  for (const [to, source] of Object.entries(mapping)) {
    const place = path.posix.normalize(to);
    if (typeof source !== 'string' || !/^(@[^/]+\/)?[^/@][^/]*\/.+/.test(source)) {
      problems.push(problem(`\`${to}\` must name a file of a package, such as \`@fontsource/noto-nastaliq-urdu/LICENSE\``, lineOf(to)));
    } else if (place.startsWith('..') || path.posix.isAbsolute(place)) {
      problems.push(problem(`\`${to}\` must be a place under \`assets/\`, such as \`fonts/noto-nastaliq-urdu.woff2\``, lineOf(to)));
    } else {
      const from = packageFile(source, [root, import.meta.dirname]);
      if (from) assets.push({ from, to: `assets/${place}` });
      else problems.push(problem(`\`${to}\`: \`${source}\` is not installed; add its package with \`npm install ${packageName(source)}\``, lineOf(to)));
    }
  }
  return { assets, problems };
}

/** `@scope/name` or `name`, from a package file's name. */
function packageName(source: string): string {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * A package file where Node would find the package from each of `from` in
 * turn. Its folder is looked up directly: packages may export only some
 * files (fonts packages export their CSS), and an asset is copied, not imported.
 */
function packageFile(source: string, from: readonly string[]): string | undefined {
  const name = packageName(source);
  const inside = source.slice(name.length + 1);
  for (const start of from) {
    for (const modules of createRequire(path.join(start, 'noop.js')).resolve.paths(name) ?? []) {
      const candidate = path.join(modules, name, inside);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}
