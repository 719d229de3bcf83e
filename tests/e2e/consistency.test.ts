/**
 * One input, one site: what a build publishes does not depend on the line
 * endings an editor's machine writes, on the cache, or on dev versus build.
 * The CLI as a process on temporary copies of the fixture newsroom.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, NOW, page, REPO, runCli, snapshot, tempDir } from '../helpers.js';

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

describe('a static file at a page’s address', () => {
  it.each([
    ['content/feed.xml', 'feed.xml', 'feed.xml, which the build writes itself (a page, feed or sitemap of the site)'],
    ['content/tags/ttp/index.html', 'tags/ttp/index.html', 'tags/ttp/index.html, which the build writes itself'],
    ['content/assets/style.css', 'assets/style.css', 'assets/style.css, as templates/assets/style.css is'],
  ])('%s: an error naming both, with or without the cache, and dist/ untouched', (_, file, message) => {
    const root = copyFixture('newsroom');
    cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
    expect(runCli(['build', '--now', NOW], { cwd: root }).status).toBe(0);
    const before = snapshot(path.join(root, 'dist'));
    mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
    writeFileSync(path.join(root, 'content', file), 'a file someone put there\n');
    for (const args of [[], ['--no-cache']]) {
      const run = runCli(['build', '--now', NOW, ...args], { cwd: root });
      expect(run.status, run.stdout).toBe(1);
      expect(run.stderr).toContain(`content/${file}: is copied to ${message}`);
      expect(snapshot(path.join(root, 'dist'))).toEqual(before);
    }
  });
});

describe('names in two Unicode forms', () => {
  it('are one tag, shown one way, linked once, with no warning about spellings', () => {
    const root = copyFixture('newsroom');
    const [composed, decomposed] = ['Caf\u00e9 Culture', 'Cafe\u0301 Culture'];
    writeFileSync(path.join(root, 'content', 'cafe-1.md'), `---\ntitle: One\ndate: 2023-09-12\ntags: [${composed}, ${decomposed}]\n---\nBody.\n`);
    writeFileSync(path.join(root, 'content', 'cafe-2.md'), `---\ntitle: Two\ndate: 2023-09-13\ntags: [${decomposed}]\n---\nBody.\n`);
    const out = path.join(tempDir(), 'dist');
    const run = runCli(['build', '--root', root, '--out', out, '--now', NOW]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('Caf');
    const story = page(path.join(out, '2023', '09', 'cafe-1', 'index.html'));
    expect(story('a[rel=tag]').map((_, a) => story(a).text()).get()).toEqual([composed]);
    const tag = page(path.join(out, 'tags', 'cafe-culture', 'index.html'));
    expect(tag('h1').text()).toContain(composed);
    expect(tag('.card h2').length).toBe(2);
  });
});
