import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { readPublishedRecord, savePublishedRecord } from '../../src/cache/published-record.js';
import { readPublishedSitemap } from '../../src/load/published-sitemap.js';
import { RetiredUrls } from '../../src/load/retired-urls.js';
import { buildSite } from '../../src/model/site.js';
import { toInstant } from '../../src/parse/dates.js';
import type { Story } from '../../src/parse/story.js';
import { planSite } from '../../src/plan/plan.js';
import { kindOfUrl, normalizeUrl, publishedBy, type PublishedUrl } from '../../src/plan/published-urls.js';
import { droppedUrls } from '../../src/plan/url-guard.js';
import { FIXTURES, tempDir } from '../helpers.js';

const { config } = loadConfig({ root: path.join(FIXTURES, 'newsroom') });
const selection = { drafts: false, future: false, now: Date.UTC(2024, 0, 1) };

function story(file: string, slug: string, more: Partial<Story> = {}): Story {
  return {
    file,
    hash: file,
    title: slug,
    date: toInstant(Date.UTC(2023, 8, 13, 4), config.timezone),
    bylines: [],
    tags: ['TTP'],
    summary: '',
    summarySource: 'first-paragraph',
    kind: 'news',
    corrections: [],
    series: [],
    slug,
    draft: false,
    aliases: [],
    body: '',
    ...more,
  };
}

function guard(stories: Story[], published: PublishedUrl[], retired = RetiredUrls.NONE) {
  const { site } = buildSite(stories, config, selection);
  const { plan } = planSite(site);
  return droppedUrls({ published, retired, problems: [] }, plan, site).map((p) => `${p.severity} ${p.file ?? ''}:${p.line ?? ''} ${p.message}`);
}

describe('addresses', () => {
  it('are compared as a build writes them', () => {
    expect(['/a/b', '/a/b/', '/a/b/index.html', '/a/b/index.htm', '/a/b.html', '/caf%C3%A9/', '/bad%E0%/'].map(normalizeUrl)).toEqual([
      '/a/b/',
      '/a/b/',
      '/a/b/',
      '/a/b/',
      '/a/b.html',
      '/café/',
      '/bad%E0%/',
    ]);
  });

  it('are told apart by shape when read from a sitemap', () => {
    expect(['/', '/tags/ttp/', '/sections/', '/2023/09/call/', '/tags/ttp/page/2/', '/page/3/'].map(kindOfUrl)).toEqual([
      'list',
      'list',
      'list',
      'story',
      'pagination',
      'pagination',
    ]);
  });

  it('published by a plan: stories, aliases and first list pages, not pagination or the 404 page', () => {
    const stories = Array.from({ length: 3 }, (_, i) => story(`content/s${i}.md`, `s${i}`, i === 0 ? { aliases: ['/old/'] } : {}));
    const { site } = buildSite(stories, { ...config, pageSize: 2 }, selection);
    const urls = publishedBy(planSite(site).plan).map(({ url, kind, file }) => `${kind} ${url} ${file ?? ''}`);
    expect(urls).toContain('story /2023/09/s0/ content/s0.md');
    expect(urls).toContain('alias /old/ content/s0.md');
    expect(urls).toContain('list / ');
    expect(urls).toContain('list /tags/ttp/ ');
    expect(urls.some((url) => url.includes('/page/') || url.includes('404'))).toBe(false);
  });
});

describe('droppedUrls', () => {
  it('pairs a lost address with the one new story in its folder when nothing else tells', () => {
    const published = [{ url: '/2023/09/old-title/', kind: 'story' as const }];
    expect(guard([story('content/a.md', 'new-title')], published)).toEqual([
      'error content/a.md:1 its address changed from /2023/09/old-title/ to /2023/09/new-title/: add `aliases: [/2023/09/old-title/]`',
    ]);
    // Two new stories in that folder: no guessing, the address itself is named.
    expect(guard([story('content/a.md', 'new-title'), story('content/b.md', 'other')], published)).toEqual([
      'error : /2023/09/old-title/ was published, and it would lead nowhere: if its story moved, add `aliases: [/2023/09/old-title/]` to it; list /2023/09/old-title/ in retired-urls.txt if it was withdrawn on purpose',
    ]);
  });

  it('finds a story by its file name when the permalink pattern changed', () => {
    const published = [{ url: '/2023/09/13/call/', kind: 'story' as const }];
    expect(guard([story('content/call.md', 'call'), story('content/b.md', 'other')], published)).toEqual([
      'error content/call.md:1 its address changed from /2023/09/13/call/ to /2023/09/call/: add `aliases: [/2023/09/13/call/]`',
    ]);
  });

  it('lets retired addresses and folders go, and warns when one is built again', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'retired-urls.txt'), '# gone\n/2023/09/gone/   # legal\n/categories/*\n/2023/09/kept\n');
    const { retired, problems } = RetiredUrls.load(root);
    expect(problems).toEqual([]);
    const published: PublishedUrl[] = ['/2023/09/gone/', '/categories/x/', '/categories/y/page/2/', '/2023/09/kept/'].map((url) => ({ url, kind: 'story' }));
    expect(guard([story('content/kept.md', 'kept')], published, retired)).toEqual([
      'warning retired-urls.txt:4 /2023/09/kept/ is retired, but this build publishes it again: remove the line',
    ]);
  });

  it('warns when a list page goes with its last story', () => {
    const published: PublishedUrl[] = [{ url: '/tags/floods/', kind: 'list' }];
    expect(guard([story('content/a.md', 'a')], published)).toEqual([
      'warning : /tags/floods/, a list page the last build published, is gone: no published story has that tag, byline or section now, so links to it find the 404 page; list it in retired-urls.txt to let it go',
    ]);
  });

  it('names an embargoed story whose address was published', () => {
    const later = story('content/a.md', 'a', { date: toInstant(Date.UTC(2025, 0, 1), config.timezone) });
    expect(guard([later], [{ url: '/2023/09/a/', kind: 'story', file: 'content/a.md' }])).toEqual([
      'error content/a.md:1 is now dated after the time of this build, so /2023/09/a/, which the last build published, would lead nowhere: publish it, or list /2023/09/a/ in retired-urls.txt if it was withdrawn on purpose',
    ]);
  });
});

describe('the record of the last build', () => {
  it('keeps what was published, and warns when it is damaged', async () => {
    const dir = tempDir();
    const urls: PublishedUrl[] = [
      { url: '/b/', kind: 'story', file: 'content/b.md' },
      { url: '/', kind: 'list' },
    ];
    await savePublishedRecord(dir, urls);
    expect(await readPublishedRecord(dir)).toEqual({ urls: [urls[1], urls[0]], problems: [] });
    writeFileSync(path.join(dir, 'published.json'), 'garbage');
    const damaged = await readPublishedRecord(dir);
    expect(damaged.urls).toEqual([]);
    expect(damaged.problems.map((p) => p.message)).toEqual([expect.stringContaining('is damaged')]);
    expect(await readPublishedRecord(tempDir())).toEqual({ urls: [], problems: [] });
  });
});

describe('a published sitemap', () => {
  const urlset = (...locs: string[]) =>
    `<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.map((loc) => `<url><loc>${loc}</loc></url>`).join('\n')}\n</urlset>\n`;

  it('is followed through its index to sitemaps beside it, gzipped or not', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'sitemap.xml'),
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://example.org/news/sitemap-1.xml</loc></sitemap><sitemap><loc>https://example.org/news/sitemap-2.xml.gz</loc></sitemap></sitemapindex>',
    );
    writeFileSync(path.join(dir, 'sitemap-1.xml'), urlset('https://example.org/news/2023/09/call/', 'https://example.org/news/tags/ttp/page/2/'));
    writeFileSync(path.join(dir, 'sitemap-2.xml.gz'), gzipSync(urlset('https://www.example.org/news/tags/ttp/')));
    const { urls, problems } = readPublishedSitemap(path.join(dir, 'sitemap.xml'), '/news/', (file) => path.basename(file));
    expect(problems).toEqual([]);
    expect(urls).toEqual([
      { url: '/2023/09/call/', kind: 'story', seenAt: { file: 'sitemap-1.xml', line: 3, column: 11 } },
      { url: '/tags/ttp/', kind: 'list', seenAt: { file: 'sitemap-2.xml.gz', line: 3, column: 11 } },
    ]);
  });

  it('names each address outside the site and each sitemap not beside its index', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'index.xml'), '<sitemapindex><sitemap><loc>https://example.org/news/part.xml</loc></sitemap></sitemapindex>');
    writeFileSync(path.join(dir, 'b.xml'), urlset('https://example.org/other/x/', 'not an address'));
    const shown = (file: string) => path.relative(dir, file);
    expect(readPublishedSitemap(path.join(dir, 'a', 'index.xml'), '/news/', shown).problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      `a/index.xml:1: lists the sitemap https://example.org/news/part.xml, which is not beside it as a/part.xml: download it there too`,
    ]);
    expect(readPublishedSitemap(path.join(dir, 'b.xml'), '/news/', shown).problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      "b.xml:3: https://example.org/other/x/ is not an address under the site's base path /news/",
      "b.xml:4: not an address is not an address under the site's base path /news/",
    ]);
    writeFileSync(path.join(dir, 'c.xml'), '<rss/>');
    expect(readPublishedSitemap(path.join(dir, 'c.xml'), '/news/', shown).problems.map((p) => p.message)).toEqual([
      'is not a sitemap: its root element must be `<urlset>` or `<sitemapindex>`',
    ]);
  });
});
