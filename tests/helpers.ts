/** Shared helpers for tests that run Dateline the way users do. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, type CheerioAPI } from 'cheerio';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = path.join(REPO, 'tests', 'fixtures');
const CLI = path.join(REPO, 'lib', 'cli.js');

/** A fixed "now" so embargo decisions never depend on the clock. */
export const NOW = '2024-01-01T00:00:00Z';

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the compiled `dateline` CLI as a child process. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'dateline-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A copy of `tests/fixtures/<name>` in a temporary folder, so tests can change it freely. */
export function copyFixture(name: string): string {
  const dir = tempDir(`dateline-${name}-`);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with the SHA-256 of its bytes, sorted by path. */
export function snapshot(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  return Object.fromEntries(
    entries.map((file) => [file, createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')]),
  );
}

/** Parse an HTML file with a real HTML parser. */
export function page(file: string): CheerioAPI {
  return load(readFileSync(file, 'utf8'));
}
