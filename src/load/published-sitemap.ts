/**
 * The addresses a live site published, read from its sitemap, for a build
 * without the last build's record (CI starts from a clean clone):
 * `dateline build --published-sitemap live-sitemap.xml`. A sitemap index
 * is followed to its sitemaps, which must sit beside it under the names its
 * addresses end in (`curl -O` each); `.gz` files are read gunzipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import type { Location, Problem } from '../errors.js';
import { kindOfUrl, normalizeUrl, type PublishedUrl } from '../plan/published-urls.js';

/** One `<loc>` and where it is. */
interface Loc {
  readonly text: string;
  readonly at: Location;
}

/**
 * Every address in the sitemap `file` (or in the sitemaps its index lists)
 * under the site's `basePath`, as site-relative addresses; problems name the
 * file and line. `shown` is how messages name a file.
 */
export function readPublishedSitemap(
  file: string,
  basePath: string,
  shown: (file: string) => string,
): { urls: PublishedUrl[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const urls: PublishedUrl[] = [];
  const read = (name: string, depth: number) => {
    const parsed = parseSitemap(name, shown(name));
    problems.push(...parsed.problems);
    if (parsed.root === 'sitemapindex' && depth === 0) {
      for (const loc of parsed.locs) {
        const child = path.join(path.dirname(name), path.posix.basename(pathOf(loc.text) ?? ''));
        if (pathOf(loc.text) === undefined || !existsSync(child)) {
          problems.push({
            severity: 'error',
            ...loc.at,
            message: `lists the sitemap ${loc.text}, which is not beside it as ${shown(child)}: download it there too`,
          });
        } else {
          read(child, depth + 1);
        }
      }
      return;
    }
    if (parsed.root !== 'urlset' && parsed.problems.length === 0) {
      problems.push({ severity: 'error', file: shown(name), line: 1, message: 'is not a sitemap: its root element must be `<urlset>` or `<sitemapindex>`' });
      return;
    }
    for (const loc of parsed.locs) {
      const pathname = pathOf(loc.text);
      if (pathname === undefined || !pathname.startsWith(basePath)) {
        problems.push({ severity: 'error', ...loc.at, message: `${loc.text} is not an address under the site's base path ${basePath}` });
        continue;
      }
      const url = normalizeUrl(`/${pathname.slice(basePath.length)}`);
      const kind = kindOfUrl(url);
      if (kind !== 'pagination') urls.push({ url, kind, seenAt: loc.at });
    }
  };
  read(file, 0);
  return { urls, problems };
}

/** The path of an absolute address, or undefined if it is not one. */
function pathOf(address: string): string | undefined {
  try {
    return new URL(address).pathname;
  } catch {
    return undefined;
  }
}

/** The root element's name and every `<loc>` of one sitemap file. */
function parseSitemap(file: string, shownAs: string): { root: string | undefined; locs: Loc[]; problems: Problem[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
    if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    return { root: undefined, locs: [], problems: [{ severity: 'error', file: shownAs, message: `cannot be read as a sitemap: ${reason}` }] };
  }
  const parser = new SaxesParser({ position: true });
  const locs: Loc[] = [];
  const problems: Problem[] = [];
  let root: string | undefined;
  let inLoc: { text: string; at: Location } | undefined;
  parser.on('opentag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    root ??= name;
    if (name === 'loc') inLoc = { text: '', at: { file: shownAs, line: parser.line, column: parser.column + 1 } };
  });
  parser.on('text', (text) => {
    if (inLoc) inLoc.text += text;
  });
  parser.on('cdata', (text) => {
    if (inLoc) inLoc.text += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name.replace(/^.*:/, '') !== 'loc' || !inLoc) return;
    locs.push({ text: inLoc.text.trim(), at: inLoc.at });
    inLoc = undefined;
  });
  parser.on('error', (error) => {
    // saxes prefixes the message with `line:column: `.
    problems.push({ severity: 'error', file: shownAs, line: parser.line, column: parser.column + 1, message: `is not well-formed XML: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}` });
    throw error;
  });
  try {
    parser.write(bytes.toString('utf8')).close();
  } catch {
    return { root, locs: [], problems };
  }
  return { root, locs, problems };
}
