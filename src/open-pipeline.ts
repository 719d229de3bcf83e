/**
 * The one place a pipeline is set up, for `dateline build` and `check` and
 * for `dateline dev`: the parse cache and the body store opened (with the
 * cache folder, or a body store of the run's own without one), every story
 * file found, those unchanged since the cache last saw them not read again.
 */
import path from 'node:path';
import { readingOf, type SiteConfig, type SitePaths } from './config.js';
import { BodyStore } from './cache/bodies.js';
import { ParseCache, parseFingerprint } from './cache/parse-cache.js';
import { loadStoryFiles } from './load/files.js';
import { Pipeline, type PipelineOptions } from './pipeline.js';

/** The folder of story bodies inside the cache folder. */
export const BODIES = 'bodies';

/** The folder of made images (resized copies and crops) inside the cache folder. */
export const IMAGES = 'images';

/** The folder of the last search index inside the cache folder. */
export const SEARCH = 'search';

/** A pipeline with its story files loaded, and how to let go of what it holds. */
export interface OpenPipeline {
  readonly pipeline: Pipeline;
  /** Why the parse cache was not used, if it was not (another Dateline or time zone, damage). */
  readonly cacheNote?: string;
  /** Delete what only this run needed (a body store without a cache folder). */
  close(): void;
}

/**
 * A pipeline for the site at `paths` with its caches in `cacheDir`
 * (undefined: none kept), run as `options` say.
 */
export async function openPipeline(
  config: SiteConfig,
  paths: SitePaths,
  cacheDir: string | undefined,
  options: Omit<PipelineOptions, 'cache' | 'bodies' | 'imageCache' | 'searchCache'>,
): Promise<OpenPipeline> {
  // Bodies live with the cache, so a warm build finds them; without one, in a folder of this run's own.
  const bodies = cacheDir === undefined ? BodyStore.temporary() : new BodyStore(path.join(cacheDir, BODIES));
  const close = () => {
    if (cacheDir === undefined) bodies.remove();
  };
  try {
    const cache = cacheDir === undefined ? undefined : await ParseCache.open(cacheDir, parseFingerprint(readingOf(config)));
    const pipeline = new Pipeline(config, paths, { ...options, bodies, ...(cache && { cache }), ...(cacheDir !== undefined && { imageCache: path.join(cacheDir, IMAGES), searchCache: path.join(cacheDir, SEARCH) }) });
    for (const source of await loadStoryFiles(paths.content, paths.root, cache?.known)) pipeline.setSource(source);
    return { pipeline, ...(cache?.rejected && { cacheNote: cache.rejected }), close };
  } catch (error) {
    close();
    throw error;
  }
}
