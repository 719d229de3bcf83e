/**
 * Files copied to the site as they are: every file in the content folder
 * that is not a story (images, PDFs) nor editorial data (`_` names, see
 * `isEditorialData`). The theme's own assets are named by their content
 * instead (see theme-assets.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SitePaths } from '../config.js';
import { compareText, type Problem } from '../errors.js';
import type { Output } from '../render/html.js';
import { listFiles, relativePosix } from './files.js';
import { isEditorialData, isStoryFile } from './story-names.js';
import { THEME_ASSETS } from './theme-assets.js';

/** A file copied to the site, and where it came from (relative to the site root, for messages). */
export interface Asset extends Output {
  readonly from: string;
}

/** Every file of the content folder at `paths` that is copied as it is, read. */
export async function loadContentFiles(paths: SitePaths): Promise<Asset[]> {
  // Links within the site are followed, as for stories; those leading out of it are left out (and warned about with the stories).
  const names = (await listFiles(paths.content, [], paths.root)).filter((name) => !isStoryFile(name) && !isEditorialData(name));
  return Promise.all(
    names.map(async (name) => {
      const from = path.join(paths.content, name);
      return { path: name, content: await readFile(from), from: relativePosix(paths.root, from) };
    }),
  );
}

/**
 * Content files that would land where the build writes a file of its own
 * (`content/feed.xml`, `content/tags/ttp/index.html`): which file won
 * depended on the order of writing (and on the cache), so each is an error
 * naming both. The theme's folder is the theme's alone: hosts keep what is
 * in it for a year, which a file whose name does not change cannot bear.
 */
export function assetClashes(files: readonly Pick<Asset, 'path' | 'from'>[], outputs: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    if (outputs.has(file.path)) {
      problems.push(clash(file, `is copied to ${file.path}, which the build writes itself (a page, feed, sitemap or theme asset of the site): move or rename the file`));
    } else if (file.path.startsWith(`${THEME_ASSETS}/`)) {
      problems.push(clash(file, `is copied into ${THEME_ASSETS}/, the theme's folder, whose files hosts keep for a year by name: put it in another folder, or in the theme's assets/`));
    }
  }
  return problems.sort((a, b) => compareText(a.file ?? '', b.file ?? ''));
}

function clash(file: Pick<Asset, 'from'>, message: string): Problem {
  return { severity: 'error', file: file.from, message };
}
