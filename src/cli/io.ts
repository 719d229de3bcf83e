/** Printing for the CLI, and how errors become messages and exit codes. */
import { BuildFailed, ConfigError, countLabel, DatelineError, formatProblem, OutputLocked, type Problem } from '../errors.js';
import { parseInstant } from '../parse/dates.js';

/** Exit codes: built, content or template errors, bad usage or config. */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/** The command line was wrong: exit code 2. */
export class UsageError extends DatelineError {}

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function printProblem(problem: Problem): void {
  printError(formatProblem(problem));
}

export function usage(message: string): number {
  printError(`dateline: ${message}\nRun \`dateline --help\` for usage.`);
  return EXIT.usage;
}

/** Print what went wrong and return the exit code; internal errors show their stack only with `verbose`. */
export function failure(error: unknown, verbose: boolean): number {
  if (error instanceof UsageError) return usage(error.message);
  if (error instanceof ConfigError) {
    error.problems.forEach(printProblem);
    printError('The configuration is invalid; nothing was built.');
    return EXIT.usage;
  }
  if (error instanceof OutputLocked) {
    printError(`${error.message}\nNothing was built.`);
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
export function resolveNow(flag: string | undefined, sourceDateEpoch: string | undefined): number {
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
