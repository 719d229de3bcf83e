/**
 * What a build's URL check compares against: the addresses the last build
 * recorded (in the cache folder), those of a sitemap given on the command
 * line (the live site's, for CI without the cache), and the addresses
 * retired on purpose.
 */
import type { SitePaths } from '../config.js';
import { ConfigError } from '../errors.js';
import { readPublishedRecord } from '../cache/published-record.js';
import type { UrlHistory } from '../plan/url-guard.js';
import { readPublishedSitemap } from './published-sitemap.js';
import { RetiredUrls } from './retired-urls.js';
import { relativePosix } from './files.js';
import { inside } from '../folders.js';

/**
 * The history of the site at `paths`: throws `ConfigError` for a sitemap that
 * cannot be read; its problems hold the retired file's errors and a warning
 * for a damaged record, reported with the build's.
 */
export async function loadUrlHistory(
  paths: SitePaths,
  basePath: string,
  sources: { readonly cacheDir?: string; readonly sitemap?: string },
): Promise<UrlHistory> {
  const record = sources.cacheDir === undefined ? { urls: [], problems: [] } : await readPublishedRecord(sources.cacheDir);
  const sitemap = sources.sitemap === undefined ? { urls: [], problems: [] } : readPublishedSitemap(sources.sitemap, basePath, (file) => shown(paths.root, file));
  if (sitemap.problems.length > 0) throw new ConfigError(sitemap.problems, { about: 'command line' });
  const { retired, problems } = RetiredUrls.load(paths.root);
  return { published: [...record.urls, ...sitemap.urls], retired, problems: [...record.problems, ...problems] };
}

/** A file as messages name it: relative to the site root when inside it. */
function shown(root: string, file: string): string {
  return inside(file, root) ? relativePosix(root, file) : file;
}
