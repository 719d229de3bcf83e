/**
 * `dateline theme --copy`: the default theme's templates, words and assets
 * copied into the site's templates folder, to be edited there. A file the
 * site already has is never overwritten.
 */
import { existsSync } from 'node:fs';
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_TEMPLATES, loadConfig, TEMPLATES_DIR } from '../config.js';
import { relativePosix } from '../load/files.js';
import { EXIT, failure, print, printError, usage } from './io.js';

export interface ThemeFlags {
  root?: string;
  copy?: boolean;
  verbose?: boolean;
}

export async function themeCommand(flags: ThemeFlags): Promise<number> {
  if (!flags.copy) return usage('`dateline theme` takes `--copy`: dateline theme --copy puts the default theme\'s files into the site\'s templates folder');
  try {
    const { paths } = loadConfig(flags.root === undefined ? {} : { root: flags.root });
    const files = (await readdir(DEFAULT_TEMPLATES, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relativePosix(DEFAULT_TEMPLATES, path.join(entry.parentPath, entry.name)))
      .sort();
    // A site without templates of its own is given the default theme's folder: its own is the default name (one named in the config must exist).
    const own = paths.templates === DEFAULT_TEMPLATES ? path.join(paths.root, TEMPLATES_DIR) : paths.templates;
    const shown = relativePosix(paths.root, own) || '.';
    const present = files.filter((file) => existsSync(path.join(own, file)));
    if (present.length > 0) {
      printError(`dateline theme: ${shown}/ already has ${present.slice(0, 3).join(', ')}${present.length > 3 ? ` and ${present.length - 3} more` : ''}; nothing was copied. Move them aside to copy the default theme again.`);
      return EXIT.usage;
    }
    for (const file of files) await cp(path.join(DEFAULT_TEMPLATES, file), path.join(own, file), { errorOnExist: true, force: false });
    print(`Copied the default theme into ${shown}/ (${files.length} files). Builds use these now; a template you delete comes from the default theme again.`);
    return EXIT.ok;
  } catch (error) {
    return failure(error, flags.verbose ?? false);
  }
}
