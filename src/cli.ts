#!/usr/bin/env node
/**
 * The `dateline` command: parses arguments, calls the library, prints what
 * happened and sets the exit code (0 built, 1 content or template errors,
 * 2 bad usage or config). The library never exits the process.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { build, type Progress } from './build.js';
import { BuildFailed, ConfigError, countLabel, DatelineError, formatProblem, type Problem } from './errors.js';
import { parseInstant } from './parse/dates.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const HELP = `Usage: dateline <command> [options]

Commands:
  build           build the site into its output folder

Options for build:
  --root DIR      site root holding dateline.config.json (default: the current folder)
  --content DIR   folder of stories (default: the config's contentDir under the root)
  --out DIR       output folder (default: the config's outDir under the root)
  --drafts        include stories marked \`draft: true\`
  --future        include stories dated after now (embargoed)
  --strict        treat warnings as errors
  --now TIME      the build's "now": ISO 8601 or Unix seconds
                  (default: $SOURCE_DATE_EPOCH, else the clock)
  --verbose       print the time of each stage, and stack traces of internal errors
  --quiet         print errors only

  -h, --help      show this help
  -v, --version   show Dateline's version

Exit codes: 0 built, 1 errors in content or templates, 2 bad usage or config.`;

const EXIT = { ok: 0, content: 1, usage: 2 } as const;

class UsageError extends DatelineError {}

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
        verbose: { type: 'boolean' },
        quiet: { type: 'boolean' },
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
  const [command, ...extra] = positionals;
  if (command === undefined) return usage('no command given');
  if (command !== 'build') return usage(`unknown command \`${command}\``);
  if (extra.length > 0) return usage(`unexpected argument \`${extra[0]}\``);

  const quiet = values.quiet ?? false;
  const started = performance.now();
  const progress = progressPrinter(quiet);
  try {
    const summary = await build({
      ...(values.root !== undefined && { root: values.root }),
      ...(values.content !== undefined && { content: values.content }),
      ...(values.out !== undefined && { out: values.out }),
      drafts: values.drafts ?? false,
      future: values.future ?? false,
      strict: values.strict ?? false,
      now: resolveNow(values.now, process.env.SOURCE_DATE_EPOCH),
      onProgress: progress.update,
    });
    progress.clear();
    if (!quiet) {
      summary.warnings.forEach(printProblem);
      if (values.verbose) {
        print(Object.entries(summary.timings).map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`).join(', '));
      }
      const held = heldBack(summary.held);
      if (held) print(held);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      print(`Built ${countLabel(summary.pages, 'page')} from ${countLabel(summary.stories, 'story', 'stories')} in ${seconds} s`);
    }
    return EXIT.ok;
  } catch (error) {
    progress.clear();
    return failure(error, values.verbose ?? false);
  }
}

function failure(error: unknown, verbose: boolean): number {
  if (error instanceof UsageError) return usage(error.message);
  if (error instanceof ConfigError) {
    error.problems.forEach(printProblem);
    printError('The configuration is invalid; nothing was built.');
    return EXIT.usage;
  }
  if (error instanceof BuildFailed) {
    error.problems.forEach(printProblem);
    const errors = error.problems.filter((problem) => problem.severity === 'error').length;
    printError(`Build failed with ${countLabel(errors, 'error')}; the output folder was left as it was.`);
    return EXIT.content;
  }
  const internal = error as Error;
  printError(`Internal error: ${internal.message}${verbose ? '' : ' (run with --verbose for details)'}`);
  if (verbose) printError(internal.stack ?? String(internal));
  return EXIT.content;
}

/** `--now`, else SOURCE_DATE_EPOCH, else the clock, as epoch milliseconds. */
function resolveNow(flag: string | undefined, sourceDateEpoch: string | undefined): number {
  if (flag !== undefined) {
    if (/^\d+$/.test(flag)) return Number(flag) * 1000;
    const instant = parseInstant(flag, 'UTC');
    if (instant === undefined) throw new UsageError(`--now \`${flag}\` is not a date: use ISO 8601 or Unix seconds`);
    return instant.epochMs;
  }
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    if (!/^\d+$/.test(sourceDateEpoch)) throw new UsageError(`SOURCE_DATE_EPOCH \`${sourceDateEpoch}\` is not a number of seconds`);
    return Number(sourceDateEpoch) * 1000;
  }
  return Date.now();
}

function heldBack(held: { drafts: readonly string[]; embargoed: readonly string[] }): string | undefined {
  const parts = [
    held.drafts.length > 0 && `${countLabel(held.drafts.length, 'draft')} (--drafts to include): ${held.drafts.join(', ')}`,
    held.embargoed.length > 0 &&
      `${countLabel(held.embargoed.length, 'embargoed story', 'embargoed stories')} (--future to include): ${held.embargoed.join(', ')}`,
  ].filter(Boolean);
  return parts.length > 0 ? `Left out ${parts.join('; ')}` : undefined;
}

/** Progress on one terminal line, only on a TTY and only once a build has run for a moment. */
function progressPrinter(quiet: boolean) {
  const enabled = !quiet && process.stderr.isTTY === true;
  const started = Date.now();
  let last = 0;
  let shown = false;
  const label = { parse: 'Parsing stories', render: 'Rendering pages' } as const;
  return {
    update(progress: Progress) {
      const now = Date.now();
      if (!enabled || now - started < 500 || (now - last < 100 && progress.done < progress.total)) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\x1b[K${label[progress.stage]} ${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')}`);
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

function usage(message: string): number {
  printError(`dateline: ${message}\nRun \`dateline --help\` for usage.`);
  return EXIT.usage;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}

function printProblem(problem: Problem): void {
  printError(formatProblem(problem));
}

process.exitCode = await main(process.argv.slice(2));
