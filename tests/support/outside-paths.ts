/**
 * Finds references to paths outside the repository in its code, scripts and
 * CI: a newsroom clones the repository alone, so nothing it runs may reach a
 * folder beside it (such as the developers' reference folder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One reference that leaves the repository. */
export interface OutsideReference {
  /** The file, relative to the repository, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly why: string;
}

/** Folders whose files are checked, and the kinds of file read in them. */
const CHECKED_FOLDERS = ['src', 'tests', 'bench', '.ci'];
const CODE = /\.(?:[cm]?[jt]s|json|sh)$/;
/** Build output, installed packages and caches: not the repository's own text. */
const SKIPPED = new Set(['node_modules', 'lib', 'dist', '.dateline-cache', '.output']);

/** A quoted relative path that starts by going up: `'..'`, `"../x"`, `` `../../y` ``. */
const UPWARD_LITERAL = /(['"`])(\.\.(?:\/[^'"`\s]*)?)\1/g;
/** `'..'` given as its own segment to `path.join`/`path.resolve`: where it leads depends on a variable, so it is refused outright. */
const UPWARD_SEGMENT = /\b(?:join|resolve)\([^)]*,\s*(['"`])\.\.\1/g;
/** A relative path going up in a shell command, e.g. `node ../elsewhere/x.mjs`. */
const UPWARD_ARGUMENT = /(?:^|[\s=:'"])(\.\.(?:\/\S*)?)(?=$|[\s'"])/g;

/**
 * References in `text` (the contents of `file`, relative to `repo`) to paths
 * outside `repo`. `shell` says the text is a command line, whose relative
 * paths are read from the repository root; in code they are read from the
 * file's own folder, as `import` and `new URL(…, import.meta.url)` read them.
 */
export function outsideReferences(repo: string, file: string, text: string, shell = false): OutsideReference[] {
  const from = shell ? repo : path.dirname(path.join(repo, file));
  const found: OutsideReference[] = [];
  const leaves = (target: string) => {
    const relative = path.relative(repo, path.resolve(from, target));
    return relative.startsWith('..') || path.isAbsolute(relative);
  };
  text.split('\n').forEach((line, index) => {
    const add = (why: string) => found.push({ file, line: index + 1, text: line.trim(), why });
    for (const match of line.matchAll(shell ? UPWARD_ARGUMENT : UPWARD_LITERAL)) {
      const target = shell ? match[1]! : match[2]!;
      if (leaves(target)) add(`\`${target}\` leads outside the repository`);
    }
    if (!shell && UPWARD_SEGMENT.test(line)) add('`..` as a path segment: write the path from the repository root instead');
    UPWARD_SEGMENT.lastIndex = 0;
  });
  return found;
}

/** Every reference to a path outside `repo` in its checked folders and its package scripts. */
export function outsideReferencesIn(repo: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  for (const folder of CHECKED_FOLDERS) {
    for (const file of filesUnder(repo, folder)) {
      const text = readFileSync(path.join(repo, file), 'utf8');
      found.push(...outsideReferences(repo, file, text, file.startsWith('.ci/') && !CODE.test(file)));
    }
  }
  const { scripts = {} } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  for (const [name, command] of Object.entries(scripts)) {
    found.push(...outsideReferences(repo, `package.json (script "${name}")`, command, true));
  }
  return found;
}

/** Code files under `folder` (and, in `.ci/`, every script), relative to `repo`, with `/` separators. */
function filesUnder(repo: string, folder: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(repo, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(child);
      } else if (entry.isFile() && (CODE.test(entry.name) || folder === '.ci')) {
        files.push(child);
      }
    }
  };
  walk(folder);
  return files.sort();
}
