import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SitePaths } from '../../src/config.js';
import { ChangeQueue, classify, type ChangeBatch } from '../../src/dev/changes.js';

const root = path.join(path.sep, 'site');
const paths: SitePaths = { root, content: path.join(root, 'content'), out: path.join(root, 'dist'), templates: path.join(root, 'templates') };
const config = path.join(root, 'dateline.config.json');
const at = (...parts: string[]) => path.join(root, ...parts);

describe('classify', () => {
  it('sorts every file a watcher reports by what it means for a rebuild', () => {
    expect(
      [
        at('dateline.config.json'),
        at('content', '2023', '09', 'call.md'),
        at('content', '_posts', '2024-03-05-budget.markdown'),
        at('content', 'images', 'valley.svg'),
        at('content', 'notes.txt'),
        at('templates', 'story.liquid'),
        at('templates', 'partials', 'story-card.liquid'),
        at('templates', 'assets', 'style.css'),
        at('templates', 'i18n', 'ur.json'),
        at('templates', 'package-assets.json'),
      ].map((file) => classify(file, paths, config)),
    ).toEqual(['config', 'story', 'story', 'content-asset', 'content-asset', 'template', 'template', 'theme-asset', 'template', 'theme-asset']);
  });

  it('tells editorial data (`_` names) apart: read again by the next run, never a story or an asset', () => {
    expect(
      [at('content', '_front.yml'), at('content', '_authors', 'ayesha-siddiqui.md'), at('content', 'news', '_index.md')].map((file) => classify(file, paths, config)),
    ).toEqual(['editorial', 'editorial', 'editorial']);
  });

  it('ignores what does not make the site: editor swap and backup files, other template files, files elsewhere', () => {
    expect(
      [
        at('content', '.call.md.swp'),
        at('content', 'call.md~'),
        at('templates', 'README.txt'),
        at('templates', 'data.json'),
        at('dist', 'index.html'),
        at('package.json'),
        at('content'),
      ].map((file) => classify(file, paths, config)),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('ChangeQueue', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A queue whose batches are recorded as `kind: files` lines. */
  function queue(debounceMs: number) {
    const batches: string[][] = [];
    let release: () => void = () => {};
    const q = new ChangeQueue(debounceMs, async (batch: ChangeBatch) => {
      batches.push([...batch].map(([kind, files]) => `${kind}: ${[...files].sort().join(' ')}`));
      await new Promise<void>((resolve) => (release = resolve));
    });
    return { q, batches, release: () => release() };
  }

  it('holds changes until started, then hands them over as one batch', async () => {
    vi.useFakeTimers();
    const { q, batches, release } = queue(8);
    q.add('story', 'a.md');
    q.add('template', 'story.liquid');
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toEqual([]);
    q.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(batches).toEqual([['story: a.md', 'template: story.liquid']]);
    release();
    void q.close();
  });

  it('hands a lone save over after the debounce, and a burst only once it has been quiet', async () => {
    vi.useFakeTimers();
    const { q, batches, release } = queue(8);
    q.start();
    q.add('story', 'a.md');
    await vi.advanceTimersByTimeAsync(9);
    expect(batches).toEqual([['story: a.md']]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    // A second file within the debounce makes it a burst (a checkout): it waits for 60 ms of quiet.
    q.add('story', 'b.md');
    await vi.advanceTimersByTimeAsync(2);
    q.add('story', 'c.md');
    await vi.advanceTimersByTimeAsync(50);
    q.add('story', 'd.md');
    await vi.advanceTimersByTimeAsync(50);
    expect(batches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(11);
    expect(batches).toEqual([['story: a.md'], ['story: b.md c.md d.md']]);
    release();
    void q.close();
  });

  it('keeps what arrives during a rebuild for the next batch, and nothing after it is closed', async () => {
    vi.useFakeTimers();
    const { q, batches, release } = queue(8);
    q.start();
    q.add('story', 'a.md');
    await vi.advanceTimersByTimeAsync(9);
    q.add('story', 'b.md');
    q.add('content-asset', 'x.svg');
    await vi.advanceTimersByTimeAsync(500);
    expect(batches).toEqual([['story: a.md']]);
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(batches).toEqual([['story: a.md'], ['story: b.md', 'content-asset: x.svg']]);
    release();
    void q.close();
    q.add('story', 'c.md');
    await vi.advanceTimersByTimeAsync(500);
    expect(batches).toHaveLength(2);
  });

  it('closes only once the batch being handled is done, handing out none after', async () => {
    const { q, batches, release } = queue(8);
    q.start();
    q.add('story', 'a.md');
    while (batches.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    q.add('story', 'b.md');
    let closed = false;
    const closing = q.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(closed).toBe(false);
    release();
    await closing;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(batches).toEqual([['story: a.md']]);
  });

  it('closes at once when no batch is being handled', async () => {
    const { q } = queue(8);
    q.start();
    await expect(q.close()).resolves.toBeUndefined();
  });
});
