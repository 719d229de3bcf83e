/**
 * Stopping `dateline dev` with Ctrl+C, whenever it comes: at once during the
 * first build (a minute on a large archive), cleanly while serving, and never
 * leaving the folder it serves from in the temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_GENERATOR, REPO, tempDir } from '../helpers.js';

/** A site of `count` generated stories. */
function generatedSite(count: number): string {
  const root = tempDir('dateline-stop-');
  writeFileSync(path.join(root, 'dateline.config.json'), '{ "title": "Stop Times", "url": "https://example.org/" }');
  const made = spawnSync(process.execPath, [CORPUS_GENERATOR, path.join(root, 'content'), String(count)], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  return root;
}

/** `dateline dev` on `root` with a temporary folder of its own; stopped with SIGINT once `ready` says so. */
async function interrupted(root: string, ready: (temporary: string, printed: string) => boolean) {
  const temporary = tempDir('dateline-stop-tmp-');
  const child = spawn(process.execPath, [path.join(REPO, 'lib', 'cli.js'), 'dev', '--root', root, '--port', '0', '--host', '127.0.0.1'], {
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', TMPDIR: temporary },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!ready(temporary, printed) && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 10));
  const signalled = Date.now();
  child.kill('SIGINT');
  const code = await exit;
  return { code, printed, left: readdirSync(temporary), ms: Date.now() - signalled };
}

const serving = (folder: string) => readdirSync(folder).some((name) => name.startsWith('dateline-dev-'));

describe('stopping dateline dev', () => {
  it('ends at once on Ctrl+C during the first build, leaving nothing behind', async () => {
    const root = generatedSite(600);
    // The served folder is made before the first build starts: the signal lands during it.
    const run = await interrupted(root, (temporary) => serving(temporary));
    expect(run.printed).not.toMatch(/Serving at/);
    expect(run.code).toBe(130);
    expect(run.left).toEqual([]);
  }, 120_000);

  it('stops cleanly on Ctrl+C while serving, leaving nothing behind', async () => {
    const root = generatedSite(20);
    const run = await interrupted(root, (_, printed) => printed.includes('Serving at'));
    expect(run.code).toBe(0);
    expect(run.left).toEqual([]);
  }, 120_000);
});
