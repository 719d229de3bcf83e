/**
 * Load the site's editorial data from the content folder: author profiles
 * (`_authors/*.md`, or the config's `authorsDir`) and the front page's picks
 * (`_front.yml`). They are few and small,
 * so every run reads them again: an edit in dev needs no bookkeeping.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FRONT_FILE } from '../parse/front-page.js';
import { compareText } from '../errors.js';
import { listEntries, readSource, type SourceFile } from './files.js';
import { isStoryFile } from './story-names.js';

/** The profile files under `authorsDir` (absolute), in path order; paths in messages are relative to `root`. */
export async function loadProfileFiles(authorsDir: string, root: string): Promise<SourceFile[]> {
  const names = listEntries(authorsDir, root)
    .filter(({ name, outside }) => outside === undefined && isStoryFile(name))
    .map(({ name }) => name)
    .sort(compareText);
  return Promise.all(names.map((name) => readSource(path.join(authorsDir, name), name, root)));
}

/** The front page's picks file, if the site has one. */
export async function loadFrontFile(contentDir: string, root: string): Promise<SourceFile | undefined> {
  const file = path.join(contentDir, FRONT_FILE);
  if (!existsSync(file)) return undefined;
  return readSource(file, FRONT_FILE, root);
}
