/**
 * Where a build may write. A build replaces its output folder whole and
 * keeps the folder it replaced in its cache, so an output path that is a
 * link, a file, or a folder holding (or inside) the site's sources would
 * move or delete files the build never made; a cache inside the content
 * folder would be published, drafts' text and all. Every such path is
 * refused, all problems at once, before anything is touched.
 */
import { accessSync, constants, existsSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { SitePaths } from './config.js';
import { ConfigError, type Problem } from './errors.js';
import { statOrUndefined } from './write/file-stamp.js';

/** The folders a run writes to: the output folder (a build's, not dev's) and the cache folder, each when it has one. */
export interface WrittenFolders {
  readonly out?: string;
  readonly cache?: string;
}

/** Throw a `ConfigError` (exit code 2) naming every folder that a run must not use as given. */
export function checkFolders(paths: SitePaths, { out: outDir, cache: cacheDir }: WrittenFolders): void {
  if (!existsSync(paths.content)) {
    throw new ConfigError([
      { severity: 'error', message: `the content folder ${paths.content} does not exist; create it, or point \`--content\` or \`contentDir\` at your stories` },
    ]);
  }
  const problems = [...(outDir === undefined ? [] : outputProblems(outDir, paths, cacheDir)), ...(cacheDir === undefined ? [] : cacheProblems(cacheDir, paths))];
  if (problems.length > 0) throw new ConfigError(problems.map((message): Problem => ({ severity: 'error', message })));
}

/** What is wrong with `outDir` as the output folder of the site at `paths` with the cache `cacheDir`. */
function outputProblems(outDir: string, paths: SitePaths, cacheDir: string | undefined): string[] {
  const problems: string[] = [];
  const out = statOrUndefined(outDir);
  if (out?.isSymbolicLink()) {
    problems.push(
      `the output folder ${outDir} is a symbolic link (to ${readlinkSync(outDir)}); a build replaces the output folder whole, and through a link it would replace what the link points at: point \`--out\` or \`outDir\` at a real folder, or delete the link`,
    );
  } else if (out && !out.isDirectory()) {
    problems.push(`the output folder ${outDir} is a file; a build replaces the output folder whole: choose another path, or move the file away`);
  } else if (out && !writable(outDir)) {
    problems.push(`the output folder ${outDir} is not writable by this user; a build replaces it whole and moves the old one into its cache: make it writable (\`chmod u+w ${outDir}\`)`);
  }
  const parent = existingAncestor(path.dirname(path.resolve(outDir)));
  if (!writable(parent)) {
    problems.push(`the folder ${parent} is not writable by this user; a build stages the output folder ${outDir} beside it there: make it writable, or choose another output folder`);
  }

  const realOut = realPath(outDir);
  const sources = [
    ['site root', paths.root],
    ['content folder', paths.content],
    ['templates folder', paths.templates],
    ...(cacheDir === undefined ? [] : [['cache folder', cacheDir] as const]),
  ] as const;
  for (const [name, folder] of sources) {
    const real = realPath(folder);
    if (inside(real, realOut)) {
      problems.push(`the output folder ${outDir} contains the ${name}; a build replaces the output folder whole, so choose another one`);
    } else if (name !== 'site root' && inside(realOut, real)) {
      problems.push(`the output folder ${outDir} is inside the ${name} ${folder}; a build would read, publish or replace its own output there: choose a folder outside it`);
    }
  }
  return problems;
}

/** What is wrong with `cacheDir` as the cache folder of the site at `paths`. */
function cacheProblems(cacheDir: string, paths: SitePaths): string[] {
  const problems: string[] = [];
  const realCache = realPath(cacheDir);
  const sources = [
    ['site root', paths.root, ''],
    ['content folder', paths.content, ', whose files are all published, and the cache holds the text of drafts'],
    ['templates folder', paths.templates, ', which is the site\'s theme'],
  ] as const;
  for (const [name, folder, why] of sources) {
    const real = realPath(folder);
    if (inside(real, realCache)) {
      problems.push(`the cache folder ${cacheDir} contains the ${name}; give the cache a folder of its own, such as \`.dateline-cache\``);
    } else if (name !== 'site root' && inside(realCache, real)) {
      problems.push(`the cache folder ${cacheDir} is inside the ${name} ${folder}${why}: choose a folder outside it`);
    }
  }
  return problems;
}

/** Whether `child` is `parent` or inside it. */
export function inside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** `dir`, or its nearest parent that exists. */
function existingAncestor(dir: string): string {
  let at = dir;
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return at;
}

/**
 * `file` with every link in the part of it that exists resolved: what the
 * path will really name once the rest is made.
 */
export function realPath(file: string): string {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync.native(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return absolute;
      rest.push(path.basename(at));
    }
  }
}
