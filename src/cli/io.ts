/** Printing for the CLI, and how errors become messages and exit codes. */
import { BuildFailed, ConfigError, countLabel, DatelineError, fileSystemMessage, formatProblem, OutputLocked, type Problem } from '../errors.js';
import { parseInstant } from '../parse/dates.js';
import { annotation, inGitHubActions } from './annotations.js';

/** Exit codes: built, content or template errors, bad usage or config, stopped by Ctrl+C (128 + SIGINT, as shells report it). */
export const EXIT = { ok: 0, content: 1, usage: 2, interrupted: 130 } as const;

/** The command line was wrong: exit code 2. */
export class UsageError extends DatelineError {}

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Print `problem` as `file:line:column: message`, and in a GitHub workflow as an annotation too. */
export function printProblem(problem: Problem): void {
  printError(formatProblem(problem));
  if (inGitHubActions()) print(annotation(problem));
}

export function usage(message: string): number {
  printError(`dateline: ${message}\nRun \`dateline --help\` for usage.`);
  return EXIT.usage;
}

/**
 * Print what went wrong and return the exit code; internal errors show their
 * stack only with `verbose`. `check` writes nothing, and says so.
 */
export function failure(error: unknown, verbose: boolean, command: 'build' | 'check' = 'build'): number {
  if (error instanceof UsageError) return usage(error.message);
  if (error instanceof ConfigError) {
    error.problems.forEach(printProblem);
    printError(`The ${error.about} is invalid; nothing was ${command === 'check' ? 'checked' : 'built'}.`);
    return EXIT.usage;
  }
  if (error instanceof OutputLocked) {
    printError(`${error.message}\nNothing was built.`);
    return EXIT.usage;
  }
  if (error instanceof BuildFailed) {
    error.problems.forEach(printProblem);
    const errors = error.problems.filter((problem) => problem.severity === 'error').length;
    const outcome = command === 'check' ? 'nothing was written' : 'the output folder was left as it was';
    printError(`${command === 'check' ? 'Check' : 'Build'} failed with ${countLabel(errors, 'error')}; ${outcome}.`);
    return EXIT.content;
  }
  const internal = error as Error;
  const fileSystem = fileSystemMessage(error);
  if (fileSystem !== undefined) {
    printError(`Error: ${fileSystem}; nothing was published.`);
    if (verbose) printError(internal.stack ?? String(internal));
    return EXIT.content;
  }
  printError(`Internal error: ${internal.message}${verbose ? '' : ' (run with --verbose for details)'}`);
  if (verbose) printError(internal.stack ?? String(internal));
  return EXIT.content;
}

/** `--now`, else SOURCE_DATE_EPOCH, else the clock, as epoch milliseconds. */
export function resolveNow(flag: string | undefined, sourceDateEpoch: string | undefined): number {
  if (flag !== undefined) {
    const instant = /^\d+$/.test(flag) ? Number(flag) * 1000 : parseInstant(flag, 'UTC')?.epochMs;
    if (instant === undefined) throw new UsageError(`--now \`${flag}\` is not a date: use ISO 8601 or Unix seconds`);
    return inRange(instant, '--now', flag);
  }
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    if (!/^\d+$/.test(sourceDateEpoch)) throw new UsageError(`SOURCE_DATE_EPOCH \`${sourceDateEpoch}\` is not a number of seconds`);
    return inRange(Number(sourceDateEpoch) * 1000, 'SOURCE_DATE_EPOCH', sourceDateEpoch);
  }
  return Date.now();
}

/** The latest "now" a build takes: the end of year 9999, the last that ISO 8601 dates write in four digits. */
const LATEST_NOW = Date.UTC(9999, 11, 31, 23, 59, 59);

function inRange(epochMs: number, name: string, given: string): number {
  if (!Number.isFinite(epochMs) || epochMs < 0 || epochMs > LATEST_NOW) throw new UsageError(`${name} \`${given}\` is out of range: use a time between 1970 and 9999`);
  return epochMs;
}
