#!/usr/bin/env node
/**
 * The `dateline` command: parses arguments and hands them to one command.
 * Commands print what happened and return the exit code (0 success, 1
 * content or template errors, 2 bad usage or config); the library never
 * exits the process.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { EXIT, print, usage } from './cli/io.js';

// V8 lets a heap grow up to 4x past what survived its last full collection
// before collecting again; a build's garbage is short-lived, so that slack
// was most of its memory. Growing by 30% at a time (set here, as the process
// starts, so worker threads get it too), --no-cache builds: 10,000 stories,
// peak RSS 350 -> 265-276 MB; 100,000 stories 1,625 -> 770 MB, 509 -> 507 s.
// (--optimize-for-size did as well for memory but took 1.7x the time.)
setFlagsFromString('--heap-growing-percent=30');

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const HELP = `Usage: dateline <command> [options]

Commands (each is a section of README.md, in this package and on npm):
  init [DIR]        start a new site in an empty folder            "Starting a site"
  build             build the site into its output folder          "The command line"
  check             check everything a build checks, writing nothing  "The command line"
  dev               serve the site, rebuilding on every save       "For editors: the daily loop"
  new "Title"       start a story at content/YYYY/MM/slug.md       "For editors: the daily loop"
  theme --copy      copy the default theme into the site, to edit  "Templates"
Publishing on GitHub Pages, Netlify, Cloudflare Pages, S3 + CloudFront or
under a path of your own server: README.md, "Deploying".

Options for all commands:
  --root DIR        site root holding dateline.config.json (default: the current folder)
  --verbose         print stage timings and stack traces of internal errors

Options for build (and check, but for --out and --report):
  --content DIR     folder of stories (default: the config's contentDir under the root)
  --out DIR         output folder (default: the config's outDir under the root)
  --drafts          include stories marked \`draft: true\`
  --future          include stories dated after now (embargoed)
  --strict          treat warnings as errors
  --now TIME        the build's "now": ISO 8601 or Unix seconds
                    (default: $SOURCE_DATE_EPOCH, else the clock)
  --report FILE     where to write the JSON build report
                    (default: .dateline-cache/build-report.json under the root)
  --cache DIR       folder of the parse cache kept between builds
                    (default: .dateline-cache under the root)
  --no-cache        parse every story and keep no cache
  --published-sitemap FILE
                    a sitemap of the addresses already published (the live
                    site's): none may go missing without an alias or being
                    retired, as with the last build's own record in the cache
  --quiet           print errors only

Options for init (each printed with its default when not given):
  --title TEXT      the publication's name
  --url URL         the address the site is published at
  --timezone ZONE   the newsroom's IANA time zone, e.g. Asia/Karachi
  --language TAG    the site's language, e.g. en or ur

Options for dev:
  --port N          port to serve on (default: 4000)
  --host HOST       address to serve on (default: localhost)
  --open            open the site in a browser

Options for new:
  --section NAME    the story's section
  --tags "A, B"     its tags, separated by commas
  --byline NAME     its byline
  --now TIME        the story's date (default: now)

  -h, --help        show this help
  -v, --version     show Dateline's version

Exit codes: 0 success, 1 errors in content or templates, 2 bad usage or config.`;

/** Which options each command takes, beyond --root, --verbose, --help and --version. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  build: ['content', 'out', 'drafts', 'future', 'strict', 'now', 'report', 'cache', 'no-cache', 'published-sitemap', 'quiet'],
  check: ['content', 'drafts', 'future', 'strict', 'now', 'cache', 'no-cache', 'published-sitemap', 'quiet'],
  dev: ['port', 'host', 'open'],
  new: ['section', 'tags', 'byline', 'now'],
  init: ['title', 'url', 'timezone', 'language'],
  theme: ['copy'],
};

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        content: { type: 'string' },
        out: { type: 'string' },
        drafts: { type: 'boolean' },
        future: { type: 'boolean' },
        strict: { type: 'boolean' },
        now: { type: 'string' },
        report: { type: 'string' },
        cache: { type: 'string' },
        'no-cache': { type: 'boolean' },
        'published-sitemap': { type: 'string' },
        quiet: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        open: { type: 'boolean' },
        section: { type: 'string' },
        tags: { type: 'string' },
        byline: { type: 'string' },
        title: { type: 'string' },
        url: { type: 'string' },
        timezone: { type: 'string' },
        language: { type: 'string' },
        copy: { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = args;
  if (values.help || values.version) {
    print(values.help ? HELP : VERSION);
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (command === undefined) return usage('no command given');
  const allowed = COMMAND_OPTIONS[command];
  if (allowed === undefined) return usage(`unknown command \`${command}\``);
  const stray = Object.keys(values).find((name) => !['root', 'verbose', ...allowed].includes(name));
  if (stray !== undefined) return usage(`\`--${stray}\` is not an option of \`dateline ${command}\``);
  const maxPositionals = command === 'new' || command === 'init' ? 1 : 0;
  if (rest.length > maxPositionals) return usage(`unexpected argument \`${rest[maxPositionals]}\``);

  // Each command loads only its own modules: `build` never pays for the dev server's.
  switch (command) {
    case 'build':
      return (await import('./cli/build-command.js')).buildCommand(values);
    case 'check':
      return (await import('./cli/build-command.js')).buildCommand(values, 'check');
    case 'dev':
      return (await import('./cli/dev-command.js')).devCommand(values);
    case 'init':
      return (await import('./cli/init-command.js')).initCommand(rest[0], values, VERSION);
    case 'theme':
      return (await import('./cli/theme-command.js')).themeCommand(values);
    default:
      return (await import('./cli/new-command.js')).newCommand(rest[0], values);
  }
}

process.exitCode = await main(process.argv.slice(2));
