/**
 * The theme's assets (its `assets/` folder and the files it takes from
 * packages, see package-assets.ts), published under names made from their
 * content: `assets/style.css` is written as `assets/style.1f0c9e2ab4.css`.
 * A host may then keep them for a year (see render/headers.ts): an edited
 * file gets a new name, and pages link the new name. Templates keep writing
 * `{{ '/assets/style.css' | url }}`; the `url` filter gives the published name.
 *
 * Stylesheets name other assets (fonts, images) by relative `url()`s: those
 * are rewritten to the published names before the stylesheet's own name is
 * made from its bytes, so a new font renames the stylesheet too.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_TEMPLATES, type SitePaths } from '../config.js';
import { compareText, type Problem } from '../errors.js';
import type { Asset } from './assets.js';
import { listFiles, relativePosix, sourceHash } from './files.js';
import { PACKAGE_ASSETS, packageAssets } from './package-assets.js';

/** The folder of theme assets in the templates folder, and in the site. */
export const THEME_ASSETS = 'assets';

/** Each theme asset's published path by its plain one: `assets/style.css` → `assets/style.1f0c9e2ab4.css`. Plain data: render workers get a copy. */
export type AssetNames = Readonly<Record<string, string>>;

/** The theme's assets ready to write, and their names. */
export interface ThemeAssets {
  readonly files: readonly Asset[];
  readonly names: AssetNames;
  /** Changes whenever any published name does (pages name them all, through the layout). */
  readonly digest: string;
}

/** Hex digits of the content hash in a published name: 40 bits, plenty for a theme's few files. */
const HASH_LENGTH = 10;

/** The theme at `paths`' assets, read and named; or the problems of its package mapping and its stylesheets. */
export async function loadThemeAssets(paths: SitePaths): Promise<{ assets: ThemeAssets; problems: readonly Problem[] }> {
  const sources = await readSources(paths);
  if (sources.problems.length > 0) return { assets: NO_ASSETS, problems: sources.problems };
  const { names, files, problems } = publishAll(sources.read);
  if (problems.length > 0) return { assets: NO_ASSETS, problems };
  return {
    assets: {
      files: [...files].sort((a, b) => compareText(a.path, b.path)),
      names,
      digest: sourceHash(Buffer.from(JSON.stringify(names))).slice(0, HASH_LENGTH),
    },
    problems: [],
  };
}

/** One asset's bytes, by its plain path, and where they came from (relative to the site root, for messages). */
type Sources = ReadonlyMap<string, { readonly bytes: Buffer; readonly from: string }>;

/** The theme's own assets and those it takes from packages, read; or the problems of the mapping. */
async function readSources(paths: SitePaths): Promise<{ read: Sources; problems: readonly Problem[] }> {
  // A theme with no assets of its own (a site that only changes some words or templates) keeps the default theme's look.
  const theme = existsSync(path.join(paths.templates, THEME_ASSETS)) ? paths.templates : DEFAULT_TEMPLATES;
  const own = path.join(theme, THEME_ASSETS);
  const sources = (await listFiles(own)).map((name) => ({ from: path.join(own, name), to: `${THEME_ASSETS}/${name}` }));
  const packaged = packageAssets(theme, paths.root);
  const twice = packaged.assets.filter((asset) => sources.some((source) => source.to === asset.to));
  const mapping = relativePosix(paths.root, path.join(theme, PACKAGE_ASSETS));
  const problems = [
    ...packaged.problems,
    ...twice.map((asset): Problem => ({ severity: 'error', file: mapping, message: `\`${asset.to.slice(THEME_ASSETS.length + 1)}\` is also a file of the theme's ${THEME_ASSETS}/ folder: map the package's file to another place` })),
  ];
  if (problems.length > 0) return { read: new Map(), problems };
  sources.push(...packaged.assets);
  const read = await Promise.all(sources.map(async ({ from, to }) => [to, { bytes: await readFile(from), from: relativePosix(paths.root, from) }] as const));
  return { read: new Map(read), problems: [] };
}

/**
 * Every asset's published name and bytes. A stylesheet is named after the
 * assets it names, whose published names it is rewritten to hold.
 */
function publishAll(read: Sources): { names: AssetNames; files: Asset[]; problems: Problem[] } {
  const names = new Map<string, string>();
  const files: Asset[] = [];
  const problems: Problem[] = [];
  /** Stylesheets being named: one met again names a stylesheet that names it. */
  const naming = new Set<string>();
  const publish = (plain: string): string => {
    const known = names.get(plain);
    if (known !== undefined) return known;
    const source = read.get(plain)!;
    let bytes: Uint8Array = source.bytes;
    if (plain.endsWith('.css')) {
      naming.add(plain);
      const dir = path.posix.dirname(plain);
      bytes = Buffer.from(
        rewriteUrls(source.bytes.toString('utf8'), (url) => {
          const target = path.posix.join(dir, url);
          if (!read.has(target)) return undefined;
          if (naming.has(target)) {
            problems.push({ severity: 'error', file: source.from, message: `names ${url}, which names this file in turn: stylesheets may not import each other in a circle` });
            return undefined;
          }
          return path.posix.relative(dir, publish(target));
        }),
      );
      naming.delete(plain);
    }
    const published = hashedName(plain, bytes);
    names.set(plain, published);
    files.push({ path: published, content: bytes, from: source.from });
    return published;
  };
  const plainNames = [...read.keys()].sort(compareText);
  for (const plain of plainNames) publish(plain);
  return { names: Object.fromEntries(plainNames.map((plain) => [plain, names.get(plain)!])), files, problems };
}

/** What a theme whose assets cannot be published has: nothing. */
export const NO_ASSETS: ThemeAssets = { files: [], names: {}, digest: '' };

/** `assets/fonts/x.woff2` → `assets/fonts/x.<hash>.woff2`; a name without an extension gets the hash at its end. */
function hashedName(plain: string, bytes: Uint8Array): string {
  const hash = sourceHash(bytes).slice(0, HASH_LENGTH);
  const { dir, name, ext } = path.posix.parse(plain);
  return path.posix.join(dir, ext === '' ? `${name}.${hash}` : `${name}.${hash}${ext}`);
}

/**
 * The site URL (`/assets/style.css`, `assets/style.css?v=2`) of a theme
 * asset as published (`/assets/style.1f0c9e2ab4.css`); any other URL as it is.
 */
export function publishedUrl(url: string, names: AssetNames): string {
  const match = /^\/?([^?#]*)(.*)$/s.exec(url);
  const published = match && Object.hasOwn(names, match[1]!) ? names[match[1]!] : undefined;
  return published === undefined ? url : `${url.startsWith('/') ? '/' : ''}${published}${match![2]}`;
}

/**
 * `css` with each relative `url(…)` and `@import "…"` that `replace` knows
 * given its new value. Addresses with a scheme, a leading `/` or only a
 * fragment are another site's or the page's, and stay as they are.
 */
function rewriteUrls(css: string, replace: (url: string) => string | undefined): string {
  const swap = (url: string) => {
    if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url)) return undefined;
    const [bare, suffix = ''] = splitSuffix(url);
    const replaced = replace(bare);
    return replaced === undefined ? undefined : replaced + suffix;
  };
  return css
    .replace(/url\(\s*(["']?)([^"')\s]+)\1\s*\)/g, (whole, quote: string, url: string) => {
      const replaced = swap(url);
      return replaced === undefined ? whole : `url(${quote}${replaced}${quote})`;
    })
    .replace(/@import\s+(["'])([^"']+)\1/g, (whole, quote: string, url: string) => {
      const replaced = swap(url);
      return replaced === undefined ? whole : `@import ${quote}${replaced}${quote}`;
    });
}

/** `font.woff2?v=1#x` → [`font.woff2`, `?v=1#x`]. */
function splitSuffix(url: string): [string, string] {
  const at = url.search(/[?#]/);
  return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}
