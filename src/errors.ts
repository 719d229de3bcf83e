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
  constructor(
    readonly problems: readonly Problem[],
    options?: { cause?: unknown; about?: 'configuration' | 'command line' },
  ) {
    super(`Invalid ${options?.about ?? 'configuration'}: ${countLabel(problems.length, 'problem')}`, options);
    this.about = options?.about ?? 'configuration';
  }

  /** What is wrong: the config (and folders) or a file named on the command line. */
  readonly about: 'configuration' | 'command line';
}

/** Another build is writing the same output folder: exit code 2, nothing touched. */
export class OutputLocked extends DatelineError {}

/** What a file-system error code means for the user, and what to look at. */
const FILE_SYSTEM_CAUSES: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full: free some space on it',
  EDQUOT: 'the disk quota is used up: free some space',
  EACCES: 'permission denied: check who owns it and the permissions of the folder that holds it',
  EPERM: 'operation not permitted: check who owns it and the permissions of the folder that holds it',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many files are open at once: raise the limit (`ulimit -n`)',
  ENFILE: 'too many files are open on this machine',
  ENAMETOOLONG: 'the name is too long for the file system',
  ENOTDIR: 'a part of the path is a file where a folder was expected',
  EISDIR: 'it is a folder where a file was expected',
  ENOENT: 'it does not exist (was it moved or deleted during the build?)',
  EBUSY: 'it is in use by another program',
  EIO: 'the disk reported an input/output error',
};

/**
 * `error`, given `file` as its path when the file system left it out (an
 * error writing to an open file names none), so its message can say where.
 */
export function atPath(error: unknown, file: string): unknown {
  const errno = error as NodeJS.ErrnoException | null;
  if (typeof errno === 'object' && errno !== null && errno.code !== undefined && errno.path === undefined) errno.path = file;
  return error;
}

/**
 * A file-system error said for a user: what could not be done to which
 * path, and the likely cause (`could not write /site/.dateline-cache/bodies/ab12: the disk is full …`);
 * undefined for any other error.
 */
export function fileSystemMessage(error: unknown): string | undefined {
  const { code, syscall, path, dest } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  const cause = code === undefined ? undefined : FILE_SYSTEM_CAUSES[code];
  if (cause === undefined) return undefined;
  const what = path === undefined ? (syscall ?? 'use a file') : `${syscall ?? 'use'} ${path}${dest === undefined ? '' : ` to ${dest}`}`;
  return `could not ${what}: ${cause} (${code})`;
}

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
