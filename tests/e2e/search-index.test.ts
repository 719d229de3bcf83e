/**
 * The search index as a build keeps it: made again only when the stories
 * readers can find change, the same bytes from the same stories, left out
 * with `"search": false`, and kept current by `dateline dev`.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { page, snapshot, storyText, testSite } from '../helpers.js';
import { startDevProcess, type DevProcess } from '../support/dev-process.js';

const NOW = '2024-01-01T00:00:00Z';
const STORIES = {
  'content/2023/09/call.md': storyText('Army chief speaks to US defence secretary', '2023-09-13', 'section: Pakistan\ntags: [TTP]\n'),
  'content/2023/09/chitral.md': storyText('Troops repel attack in Chitral', '2023-09-07', 'section: Pakistan\n'),
};

/** The index's files and what they hold. */
const indexOf = (out: string) => Object.fromEntries(Object.entries(snapshot(out)).filter(([file]) => file.startsWith('pagefind/')));

describe('the search index in a build', () => {
  it('is kept by a warm build when no story readers can find changed, and made again when one did', () => {
    const site = testSite(STORIES);
    expect(site.build(NOW).status).toBe(0);
    const first = indexOf(site.out);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['pagefind/pagefind-entry.json', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css', 'pagefind/pagefind.js']));
    // Pagefind's other UIs are not shipped.
    expect(Object.keys(first).filter((file) => /component-ui|modular-ui|highlight/.test(file))).toEqual([]);

    const warm = site.build(NOW, '--verbose');
    expect(warm.stdout).toMatch(/Rendered 0 outputs/);
    expect(indexOf(site.out)).toEqual(first);

    // A draft added changes nothing readers can find.
    site.put('content/2023/09/draft.md', storyText('Balochistan braces for autumn', '2023-09-20', 'draft: true\n'));
    const withDraft = site.build(NOW, '--verbose');
    expect(withDraft.stdout).toMatch(/Rendered 0 outputs/);
    expect(indexOf(site.out)).toEqual(first);

    site.put('content/2023/09/chitral.md', storyText('Troops repel attack in Chitral', '2023-09-07', 'section: Pakistan\n').replace('Text of', 'Four soldiers were killed. Text of'));
    site.build(NOW);
    const after = indexOf(site.out);
    expect(after['pagefind/pagefind-entry.json']).not.toBe(first['pagefind/pagefind-entry.json']);
    // The UI is the same; only the index changed.
    expect(after['pagefind/pagefind-ui.js']).toBe(first['pagefind/pagefind-ui.js']);
  });

  it('is taken from the cache by a build whose output folder is gone, as in CI, and made anew when a story changed', () => {
    const site = testSite(STORIES);
    expect(site.build(NOW, '--verbose').stdout).toContain('indexed 2 stories for search');
    const first = indexOf(site.out);
    rmSync(site.out, { recursive: true });
    const again = site.build(NOW, '--verbose');
    expect(again.stdout).toContain('indexed 0 stories for search');
    expect(indexOf(site.out)).toEqual(first);
    rmSync(site.out, { recursive: true });
    site.put('content/2023/09/ispr.md', storyText('ISPR issues no statement', '2023-09-14'));
    const changed = site.build(NOW, '--verbose');
    expect(changed.stdout + changed.stderr).toContain('indexed 3 stories for search');
  });

  it('is the same, byte for byte, from the same stories', () => {
    const [one, two] = [testSite(STORIES), testSite(STORIES)];
    expect(one.build(NOW).status).toBe(0);
    expect(two.build(NOW, '--no-cache').status).toBe(0);
    expect(indexOf(two.out)).toEqual(indexOf(one.out));
  });

  it('is left out with the search page and its link when the config turns search off', () => {
    const site = testSite(STORIES, { search: false });
    const run = site.build(NOW);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(site.out, 'pagefind'))).toBe(false);
    expect(existsSync(path.join(site.out, 'search'))).toBe(false);
    const home = page(path.join(site.out, 'index.html'));
    expect(home('header nav a').map((_, a) => home(a).text()).get()).not.toContain('Search');
  });
});

describe('the search index in dateline dev', () => {
  let dev: DevProcess | undefined;
  afterEach(async () => {
    await dev?.stop();
    dev = undefined;
  });

  it('is served from the start, and made again after a change, its entry always naming files that are there', async () => {
    const site = testSite(STORIES);
    dev = await startDevProcess(site.root);
    await dev.waitForLine(/^Built /);
    const entry = async () => (await fetch(`${dev!.url}pagefind/pagefind-entry.json`)).json() as Promise<{ languages: Record<string, { hash: string; page_count: number }> }>;
    // Dev indexes after a rebuild has served its pages: the index follows a moment later.
    await expect.poll(async () => (await entry().catch(() => undefined))?.languages.en?.page_count, { timeout: 20_000 }).toBe(2);
    const first = await entry();
    // Drafts and embargoed stories show in dev, but are not indexed.
    site.put('content/2023/09/draft.md', storyText('Balochistan braces for autumn', '2023-09-20', 'draft: true\n'));
    site.put('content/2023/09/ispr.md', storyText('ISPR issues no statement', '2023-09-14'));
    // Every entry served meanwhile names a meta file that is there: the old index's or the new one's.
    const deadline = Date.now() + 20_000;
    let next = first;
    while (next.languages.en?.page_count !== 3 && Date.now() < deadline) {
      next = await entry();
      expect((await fetch(`${dev.url}pagefind/pagefind.${next.languages.en?.hash}.pf_meta`)).status).toBe(200);
    }
    expect(next.languages.en?.page_count).toBe(3);
    expect(next.languages.en?.hash).not.toBe(first.languages.en?.hash);
    // The old index stays for a search page opened before, until the next one lands.
    const meta = (entry: { languages: Record<string, { hash: string }> }) => fetch(`${dev!.url}pagefind/pagefind.${entry.languages.en?.hash}.pf_meta`);
    expect((await meta(first)).status).toBe(200);
    site.put('content/2023/09/ispr.md', storyText('ISPR issues a statement', '2023-09-14'));
    await expect.poll(async () => (await entry()).languages.en?.hash, { timeout: 20_000 }).not.toBe(next.languages.en?.hash);
    expect((await meta(first)).status).toBe(404);
    expect((await meta(next)).status).toBe(200);
  }, 60_000);
});
