/**
 * Errors and problem reports.
 *
 * A user's mistake is a `Problem` (file, position, message); a build collects
 * every problem it finds before giving up, so an editor fixes them all in one go.
 * Exceptions are for stage boundaries only: `DatelineError` keeps its `cause`.
 */

/** Where a problem was found; `line` and `column` are 1-based. */
export interface Location {
  /** Path relative to the site root, with `/` separators. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** One thing wrong with the user's input. */
export interface Problem extends Partial<Location> {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** The base of every error Dateline throws; keeps the error it wraps as `cause`. */
export class DatelineError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The user's content or templates have errors: exit code 1. */
export class BuildFailed extends DatelineError {
  constructor(readonly problems: readonly Problem[], options?: { cause?: unknown }) {
    super(`Build failed with ${countLabel(problems.filter((p) => p.severity === 'error').length, 'error')}`, options);
  }
}

/** The config file or the command line is wrong: exit code 2. */
export class ConfigError extends DatelineError {
  constructor(readonly problems: readonly Problem[], options?: { cause?: unknown }) {
    super(`Invalid configuration: ${countLabel(problems.length, 'problem')}`, options);
  }
}

/** Another build is writing the same output folder: exit code 2, nothing touched. */
export class OutputLocked extends DatelineError {}

/** `file:line:column: message`, leaving out what is unknown. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.line === undefined ? undefined : problem.column]
    .filter((part) => part !== undefined)
    .join(':');
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return where ? `${where}: ${prefix}${problem.message}` : `${prefix}${problem.message}`;
}

/** Problems in a stable order: by file, then line, then column, then message. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.message, b.message),
  );
}

/** Code-point order, independent of the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `1 error`, `3 errors`, `1,234 stories`. */
export function countLabel(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : plural}`;
}

/** Backticks around a value as the user wrote it, shortened if very long. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const short = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return `\`${short}\``;
}
