/**
 * One input, one site: what a build publishes does not depend on the line
 * endings an editor's machine writes, on the cache, or on dev versus build.
 * The CLI as a process on temporary copies of the fixture newsroom.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startDev, type BuildEvent } from '../../src/dev/session.js';
import { formatProblem } from '../../src/errors.js';
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
    ['content/feed.xml', 'feed.xml', 'is copied to feed.xml, which the build writes itself (a page, feed, sitemap or theme asset of the site)'],
    ['content/tags/ttp/index.html', 'tags/ttp/index.html', 'is copied to tags/ttp/index.html, which the build writes itself'],
    ['content/assets/style.css', 'assets/style.css', 'is copied into assets/, the theme\'s folder'],
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
      expect(run.stderr).toContain(`content/${file}: ${message}`);
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

describe('links in the content folder', () => {
  /** The fixture newsroom with links to stories inside the site (followed) and outside it (left out with a warning). */
  function siteWithLinks(): { root: string; elsewhere: string } {
    const root = copyFixture('newsroom');
    const elsewhere = tempDir('dateline-elsewhere-');
    const story = (title: string) => `---\ntitle: ${title}\ndate: 2023-09-12 10:00\n---\nBody.\n`;
    mkdirSync(path.join(elsewhere, 'more'), { recursive: true });
    writeFileSync(path.join(elsewhere, 'outside.md'), story('From outside the site'));
    writeFileSync(path.join(elsewhere, 'more', 'outside-folder-story.md'), story('From a folder outside the site'));
    mkdirSync(path.join(root, 'shared', 'folder'), { recursive: true });
    writeFileSync(path.join(root, 'shared', 'inside.md'), story('Linked from inside the site'));
    writeFileSync(path.join(root, 'shared', 'folder', 'inside-folder-story.md'), story('From a linked folder inside the site'));
    symlinkSync(path.join(elsewhere, 'outside.md'), path.join(root, 'content', 'linked-outside.md'));
    symlinkSync(path.join(elsewhere, 'more'), path.join(root, 'content', 'outside-folder'));
    symlinkSync(path.join(root, 'shared', 'inside.md'), path.join(root, 'content', 'linked-inside.md'));
    symlinkSync(path.join(root, 'shared', 'folder'), path.join(root, 'content', 'inside-folder'));
    symlinkSync(path.join(root, 'nowhere.md'), path.join(root, 'content', 'broken.md'));
    return { root, elsewhere };
  }

  const warnings = (elsewhere: string, root: string) => [
    `content/broken.md: warning: is a link to ${path.join(root, 'nowhere.md')} (which does not exist), outside the site, and was left out`,
    `content/linked-outside.md: warning: is a link to ${path.join(elsewhere, 'outside.md')}, outside the site, and was left out: links are followed only within the site; copy the file (or folder) in instead`,
    `content/outside-folder: warning: is a link to ${path.join(elsewhere, 'more')}, outside the site, and was left out`,
  ];

  it('are followed within the site and left out, with a warning each, when they lead elsewhere: build', () => {
    const { root, elsewhere } = siteWithLinks();
    const out = path.join(tempDir(), 'dist');
    const run = runCli(['build', '--root', root, '--out', out, '--now', NOW]);
    expect(run.status, run.stderr).toBe(0);
    for (const warning of warnings(elsewhere, root)) expect(run.stderr).toContain(warning);
    const title = (slug: string) => page(path.join(out, '2023', '09', slug, 'index.html'))('h1').text();
    expect(title('linked-inside')).toBe('Linked from inside the site');
    expect(title('inside-folder-story')).toBe('From a linked folder inside the site');
    expect(existsSync(path.join(out, '2023', '09', 'linked-outside'))).toBe(false);
    expect(existsSync(path.join(out, '2023', '09', 'outside-folder-story'))).toBe(false);
    expect(runCli(['build', '--root', root, '--out', out, '--now', NOW, '--strict']).status).toBe(1);
  });

  it('are treated the same by dev, also when made while it runs', async () => {
    const { root, elsewhere } = siteWithLinks();
    const events: BuildEvent[] = [];
    const session = await startDev({ root, port: 0, host: '127.0.0.1', onBuild: (event) => events.push(event) });
    try {
      const status = async (slug: string) => (await fetch(new URL(`2023/09/${slug}/`, session.url))).status;
      expect([await status('linked-inside'), await status('inside-folder-story')]).toEqual([200, 200]);
      expect([await status('linked-outside'), await status('outside-folder-story')]).toEqual([404, 404]);
      const shown = (event: BuildEvent | undefined) => (event?.ok ? event.warnings.map(formatProblem) : []);
      for (const warning of warnings(elsewhere, root)) expect(shown(events[0]).some((line) => line.startsWith(warning))).toBe(true);

      writeFileSync(path.join(elsewhere, 'late.md'), '---\ntitle: Late\ndate: 2023-09-12 11:00\n---\nLate.\n');
      symlinkSync(path.join(elsewhere, 'late.md'), path.join(root, 'content', 'late.md'));
      await vi.waitFor(() => expect(shown(events.at(-1)).some((line) => line.startsWith(`content/late.md: warning: is a link to ${path.join(elsewhere, 'late.md')}, outside the site`))).toBe(true), { timeout: 20_000, interval: 50 });
      expect(await status('late')).toBe(404);
    } finally {
      await session.close();
    }
  });
});
