/** Feeds, sitemaps and structured data for awkward stories, read back by real parsers. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { buildInMemory, tempDir, xmllint } from '../helpers.js';

const hostile = [
  '---',
  'title: "Tom & Jerry <script>alert(1)</script> ]]> end\\a\\x1b"',
  'date: 2023-09-12 10:00',
  'byline: "Ayesha <b>& co</b> ]]>"',
  'tags: ["C&C <i>", "]]>"]',
  'summary: "Summary with \\x07 a bell, & an ampersand and ]]> in it"',
  '---',
  'Body with `]]>` and **bold** & more.',
  '',
].join('\n');

const bare = '---\ntitle: Bare\ndate: 2023-09-11\n---\n| only | a table |\n| - | - |\n| 1 | 2 |\n';

describe('feeds with hostile text', () => {
  it.each(['feed.xml', 'atom.xml'])('%s stays well-formed and keeps the text exactly', async (file) => {
    const { text } = await buildInMemory({ 'hostile.md': hostile });
    const xml = text(file);
    const saved = path.join(tempDir(), file);
    writeFileSync(saved, xml);
    expect(xmllint(['--noout', saved]).status).toBe(0);
    const item = parseFeed(xml).items[0]!;
    expect(item.title).toBe('Tom & Jerry <script>alert(1)</script> ]]> end');
    expect(item.authors[0]?.name).toBe('Ayesha <b>& co</b> ]]>');
    expect(item.categories.map((c) => c.label)).toEqual(expect.arrayContaining(['C&C <i>', ']]>']));
    expect(item.description).toBe('Summary with  a bell, & an ampersand and ]]> in it');
    expect(item.content).toContain('<code>]]></code>');
  });

  it('JSON Feed keeps the text exactly, control characters escaped', async () => {
    const { text } = await buildInMemory({ 'hostile.md': hostile });
    const item = JSON.parse(text('feed.json')).items[0];
    expect(item.title).toBe('Tom & Jerry <script>alert(1)</script> ]]> end\u0007\u001b');
    expect(item.tags).toEqual(['C&C <i>', ']]>']);
  });

  it('JSON-LD cannot close its script element', async () => {
    const { html, text } = await buildInMemory({ 'hostile.md': hostile });
    const page = text('2023/09/hostile/index.html');
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    const data = JSON.parse(html('2023/09/hostile/index.html')('script[type="application/ld+json"]').text());
    expect(data.headline).toBe('Tom & Jerry <script>alert(1)</script> ]]> end\u0007\u001b');
  });
});

describe('a story with no summary, image, byline or tags', () => {
  it('gets feeds and structured data with those fields left out', async () => {
    const { text, html, xml } = await buildInMemory({ 'bare.md': bare });
    const json = JSON.parse(text('feed.json')).items[0];
    expect(Object.keys(json).sort()).toEqual(['content_html', 'date_modified', 'date_published', 'id', 'title', 'url']);
    const rss = xml('feed.xml');
    expect(rss('item').children().map((_, el) => el.tagName).get()).toEqual(['title', 'link', 'guid', 'pubDate', 'content:encoded']);
    const atomEntry = xml('atom.xml')('entry');
    expect(atomEntry.find('author, category, summary')).toHaveLength(0);
    const data = JSON.parse(html('2023/09/bare/index.html')('script[type="application/ld+json"]').text());
    for (const field of ['author', 'image', 'keywords', 'articleSection', 'description', 'dateline']) expect(data).not.toHaveProperty(field);
    expect(JSON.stringify(data)).not.toMatch(/undefined|null|""/);
  });
});

describe('sitemaps', () => {
  it('leave out the news sitemap when nothing is recent, and robots.txt says so', async () => {
    const { writer, text } = await buildInMemory({ 'bare.md': bare }, undefined, Date.UTC(2024, 0, 1));
    expect(writer.files.has('news-sitemap.xml')).toBe(false);
    expect(text('robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n');
  });

  it('include a story published within the last 48 hours and not one from 49 hours ago', async () => {
    const story = (date: string) => `---\ntitle: At ${date}\ndate: ${date}\n---\nx\n`;
    const { html } = await buildInMemory(
      { 'a.md': story('2024-01-01T00:00:00Z'), 'b.md': story('2023-12-30T01:00:00Z'), 'c.md': story('2023-12-29T23:00:00Z') },
      undefined,
      Date.UTC(2024, 0, 1, 0, 0),
    );
    const $ = html('news-sitemap.xml');
    expect($('news\\:title').map((_, t) => $(t).text()).get()).toEqual(['At 2024-01-01T00:00:00Z', 'At 2023-12-30T01:00:00Z']);
  });
});
