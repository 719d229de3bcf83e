/**
 * Files copied to the site as they are: the theme's `assets/` folder and
 * the files it takes from packages (see package-assets.ts), and every file
 * in the content folder that is not a story (images, PDFs) nor editorial
 * data (`_` names, see `isEditorialData`).
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TEMPLATES, type SitePaths } from '../config.js';
import { BuildFailed, compareText, type Problem } from '../errors.js';
import type { Output } from '../render/html.js';
import { listFiles, relativePosix } from './files.js';
import { packageAssets } from './package-assets.js';
import { isEditorialData, isStoryFile } from './story-names.js';

/** A file copied to the site, and where it came from (relative to the site root, for messages). */
export interface Asset extends Output {
  readonly from: string;
}

/** Every asset of the site at `paths`, read; throws `BuildFailed` when the theme names a package file that is not there. */
export async function loadAssets(paths: SitePaths): Promise<Asset[]> {
  // A theme with no assets of its own (a site that only changes some words or templates) keeps the default theme's look.
  const theme = existsSync(path.join(paths.templates, 'assets')) ? paths.templates : DEFAULT_TEMPLATES;
  const themeAssets = path.join(theme, 'assets');
  const fromTheme = (await listFiles(themeAssets)).map((name) => ({ from: path.join(themeAssets, name), to: `assets/${name}` }));
  const packaged = packageAssets(theme, paths.root);
  if (packaged.problems.length > 0) throw new BuildFailed(packaged.problems);
  fromTheme.push(...packaged.assets);
  // Links within the site are followed, as for stories; those leading out of it are left out (and warned about with the stories).
  const fromContent = (await listFiles(paths.content, [], paths.root))
    .filter((name) => !isStoryFile(name) && !isEditorialData(name))
    .map((name) => ({ from: path.join(paths.content, name), to: name }));
  return Promise.all(
    [...fromTheme, ...fromContent].map(async ({ from, to }) => ({ path: to, content: await readFile(from), from: relativePosix(paths.root, from) })),
  );
}

/**
 * Assets that would land where the build writes a page, feed or sitemap of
 * its own (`content/feed.xml`, `content/tags/ttp/index.html`), or on another
 * asset: which file won depended on the order of writing (and on the cache),
 * so each is an error naming both.
 */
export function assetClashes(assets: readonly Pick<Asset, 'path' | 'from'>[], outputs: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, Pick<Asset, 'from'>>();
  for (const asset of assets) {
    const other = first.get(asset.path);
    if (outputs.has(asset.path)) {
      problems.push(clash(asset, `${asset.path}, which the build writes itself (a page, feed or sitemap of the site)`));
    } else if (other) {
      problems.push(clash(asset, `${asset.path}, as ${other.from} is`));
    } else {
      first.set(asset.path, asset);
    }
  }
  return problems.sort((a, b) => compareText(a.file ?? '', b.file ?? ''));
}

function clash(asset: Pick<Asset, 'from'>, where: string): Problem {
  return { severity: 'error', file: asset.from, message: `is copied to ${where}: move or rename the file` };
}
