/**
 * The watcher of a dev session. chokidar 4 stops watching a folder that is
 * deleted or moved away and back (a `git checkout` of another branch can
 * do both to `content/`) and never reports it again; watched from its
 * parent, with everything else there ignored, it is seen to go and come
 * back, files and all.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/** Watch `folders` (everything under them) and `files`, from their parents. */
export function watchSite(folders: readonly string[], files: readonly string[]): FSWatcher {
  const parents = [...new Set([...folders, ...files].map((target) => path.dirname(target)))];
  const wanted = new Set([...parents, ...folders, ...files]);
  const within = folders.map((folder) => folder + path.sep);
  const ignored = (file: string) => !wanted.has(file) && !within.some((prefix) => file.startsWith(prefix));
  return watch(parents, { ignoreInitial: true, ignored });
}
