/** `dateline init [dir]`: a new site in an empty folder. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { settingProblems } from '../config.js';
import { PACKAGE_NAME, STARTER_DEFAULTS, starterFiles, type StarterSettings } from '../init/starter.js';
import { EXIT, failure, print, printError, resolveNow } from './io.js';

export interface InitFlags {
  title?: string;
  url?: string;
  timezone?: string;
  language?: string;
  verbose?: boolean;
}

/** What may already be in the folder: a repository made first with `git init`. */
const ALLOWED = new Set(['.git']);

export async function initCommand(dir: string | undefined, flags: InitFlags, version: string): Promise<number> {
  const target = path.resolve(dir ?? '.');
  const shown = dir ?? '.';
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      printError(`dateline init: ${shown} is a file, not a folder; nothing was written. Give an empty or new folder: dateline init my-site`);
      return EXIT.usage;
    }
    const found = readdirSync(target).filter((name) => !ALLOWED.has(name));
    if (found.length > 0) {
      printError(`dateline init: ${shown} is not empty (${found.sort().slice(0, 3).join(', ')}${found.length > 3 ? ', …' : ''}); nothing was written. Give an empty or new folder: dateline init my-site`);
      return EXIT.usage;
    }
  }
  const settings: StarterSettings = {
    title: flags.title ?? STARTER_DEFAULTS.title,
    url: flags.url ?? STARTER_DEFAULTS.url,
    timezone: flags.timezone ?? STARTER_DEFAULTS.timezone,
    language: flags.language ?? STARTER_DEFAULTS.language,
  };
  // The flags are checked by the rules the config file will be read by.
  const problems = settingProblems({ ...settings });
  if (problems.length > 0) {
    for (const problem of problems) printError(`dateline init: --${problem.setting} \`${settings[problem.setting as keyof StarterSettings]}\` ${problem.message}`);
    printError('Nothing was written.');
    return EXIT.usage;
  }
  try {
    const files = starterFiles(settings, { folder: path.basename(target), version, now: resolveNow(undefined, process.env.SOURCE_DATE_EPOCH) });
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(target, file)), { recursive: true });
      await writeFile(path.join(target, file), text, { flag: 'wx' });
    }
    print(`Created a Dateline site in ${shown}:`);
    for (const file of Object.keys(files).sort()) print(`  ${file}`);
    print('');
    print('Settings (change them in dateline.config.json at any time):');
    for (const key of Object.keys(settings) as (keyof StarterSettings)[]) {
      print(`  ${key.padEnd(9)} ${settings[key]}${flags[key] === undefined ? `   (the default; --${key} sets it)` : ''}`);
    }
    print('');
    print('Next:');
    if (dir !== undefined) print(`  cd ${dir}`);
    print(`  npm install        # installs ${PACKAGE_NAME}; commit package-lock.json with the site`);
    print('  npm run dev        # preview as you write');
    print('  npm run build      # the site, in dist/');
    if (flags.url === undefined) print(`Before publishing, set \`url\` to the site's address (GitHub Pages: https://OWNER.github.io/REPOSITORY/).`);
    return EXIT.ok;
  } catch (error) {
    return failure(error, flags.verbose ?? false);
  }
}

