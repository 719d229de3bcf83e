/**
 * One input, one site: what a build publishes does not depend on the line
 * endings an editor's machine writes, on the cache, or on dev versus build.
 * The CLI as a process on temporary copies of the fixture newsroom.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, NOW, runCli, snapshot, tempDir } from '../helpers.js';

function buildInto(root: string, ...args: string[]): string {
  const out = path.join(tempDir(), 'dist');
  const run = runCli(['build', '--root', root, '--out', out, '--now', NOW, ...args]);
  expect(run.status, run.stderr).toBe(0);
  return out;
}

describe('line endings', () => {
  it('builds a newsroom saved with Windows line endings byte-identical to one saved with LF', () => {
    const lf = copyFixture('newsroom');
    const crlf = copyFixture('newsroom');
    const stories = readdirSync(path.join(crlf, 'content')).filter((name) => name.endsWith('.md'));
    for (const name of stories) {
      const file = path.join(crlf, 'content', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n'));
    }
    expect(readFileSync(path.join(crlf, 'content', 'call.md'), 'utf8')).toContain('\r\n---\r\n');
    expect(snapshot(buildInto(crlf, '--drafts'))).toEqual(snapshot(buildInto(lf, '--drafts')));
  });
});
