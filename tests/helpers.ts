/** Shared helpers for tests that run Dateline the way users do. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll } from 'vitest';
import { generate, loadConfig, MemoryWriter } from '../src/index.js';

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

/**
 * Run the compiled `dateline` CLI as a child process; it is killed after
 * `timeoutMs` (default two minutes, room for a loaded machine).
 */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The temporary folders this test file made: deleted after its tests, so runs do not fill the temporary folder. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A folder a test left read-only: left for the system's own cleaning.
    }
  }
});

/** A fresh temporary folder, deleted once the test file's tests are done. */
export function tempDir(prefix = 'dateline-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A story file's text: `title`, `date`, more frontmatter lines in `fields` (each ending in a newline), and a one-line body. */
export function storyText(title: string, date: string, fields = ''): string {
  return `---\ntitle: ${title}\ndate: ${date}\n${fields}---\nText of ${title}.\n`;
}

/** A site made for a test, and how to change and build it. */
export interface TestSite {
  readonly root: string;
  /** Its output folder, `dist/`. */
  readonly out: string;
  /** Write `text` to `file`, a path under the site root (`content/2023/09/call.md`). */
  put(file: string, text: string): void;
  /** `dateline build` of the site at `now`, with its own cache folder, so warm builds are warm. */
  build(now: string, ...flags: string[]): CliResult;
}

/**
 * A site in a temporary folder: `files` (paths under the site root → text),
 * and a config of `config` over a title and `https://example.org/news/`.
 */
export function testSite(files: Readonly<Record<string, string>>, config: Readonly<Record<string, unknown>> = {}): TestSite {
  const root = tempDir();
  writeFileSync(path.join(root, 'dateline.config.json'), JSON.stringify({ title: 'Valley Gazette', url: 'https://example.org/news/', ...config }));
  const put = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  mkdirSync(path.join(root, 'content'));
  for (const [file, text] of Object.entries(files)) put(file, text);
  return {
    root,
    out: path.join(root, 'dist'),
    put,
    build: (now, ...flags) => runCli(['build', '--root', root, '--now', now, '--cache', path.join(root, '.cache'), ...flags]),
  };
}

/**
 * A copy of `tests/fixtures/<name>` in a temporary folder, so tests can change
 * it freely; without the build report that builds run in place leave behind.
 */
export function copyFixture(name: string): string {
  const dir = tempDir(`dateline-${name}-`);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true, filter: (source) => path.basename(source) !== '.dateline-cache' });
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

/**
 * Where a theme asset was published in the site at `out`: its plain path
 * (`assets/style.css`) with the content hash the build put in its name
 * (`assets/style.1f0c9e2ab4.css`). Fails unless there is exactly one.
 */
export function themeAsset(out: string, plain: string): string {
  const { dir, name, ext } = path.posix.parse(plain);
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped(name)}\\.[0-9a-f]{10}${escaped(ext)}$`);
  const found = readdirSync(path.join(out, dir)).filter((file) => pattern.test(file));
  if (found.length !== 1) throw new Error(`${found.length} published copies of ${plain} in ${out}: ${found.join(', ')}`);
  return path.posix.join(dir, found[0]!);
}

/** Parse an HTML file with a real HTML parser. */
export function page(file: string): CheerioAPI {
  return load(readFileSync(file, 'utf8'));
}

/** A schema the tests validate output against (`tests/schemas/`, see SOURCES.md there). */
export function schemaFile(name: string): string {
  return path.join(REPO, 'tests', 'schemas', name);
}

/** The generator of benchmark newsrooms: `node CORPUS_GENERATOR OUTDIR N` writes N stories. */
export const CORPUS_GENERATOR = path.join(REPO, 'bench', 'make-corpus.mjs');

/** Run `xmllint` with `args`; returns its exit status and messages. */
export function xmllint(args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync('xmllint', [...args], { encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint could not run (${result.error.message}); run \`npm test\`, which installs it`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every file under `dir` whose path ends with `suffix`, relative to `dir`. */
export function filesEndingWith(dir: string, suffix: string): string[] {
  return Object.keys(snapshot(dir)).filter((file) => file.endsWith(suffix));
}

/**
 * Build a site made of `stories` (file name → text) and `config` through the
 * library into memory; `file(path)` parses an output with cheerio.
 */
export async function buildInMemory(
  stories: Record<string, string>,
  config = '{ "title": "T", "url": "https://example.org/" }',
  now = Date.UTC(2024, 0, 1),
) {
  const root = tempDir();
  writeFileSync(path.join(root, 'dateline.config.json'), config);
  for (const [name, text] of Object.entries(stories)) {
    mkdirSync(path.dirname(path.join(root, 'content', name)), { recursive: true });
    writeFileSync(path.join(root, 'content', name), text);
  }
  mkdirSync(path.join(root, 'content'), { recursive: true });
  const { config: site, paths } = loadConfig({ root });
  const writer = new MemoryWriter();
  const summary = await generate(site, paths, { now }, writer);
  const text = (file: string) => {
    const content = writer.files.get(file);
    if (content === undefined) throw new Error(`${file} was not written`);
    return content.toString();
  };
  return { summary, writer, text, html: (file: string) => load(text(file)), xml: (file: string) => load(text(file), { xml: true }) };
}
