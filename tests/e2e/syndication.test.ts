/**
 * What feed readers and search engines get, checked by tools no one here
 * wrote: a real feed parser, xmllint with the sitemaps.org and Google News
 * XSDs, a JSON Schema validator, and JSON-LD parsed from the pages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, filesEndingWith, page, runCli, schemaFile, tempDir, xmllint } from '../helpers.js';

/** The fixture newsroom a day after the army chief's call: two stories fall in the news window. */
const NOW = '2023-09-14T12:00:00+05:00';
const NEWEST_FIRST = [
  ['What the ISPR does', 'https://example.org/news/2023/09/ispr/', '2023-09-14T02:00:00.000Z'],
  ['Army chief speaks to US defence secretary', 'https://example.org/news/2023/09/call/', '2023-09-13T04:30:00.000Z'],
  ['Troops repel attack in Chitral', 'https://example.org/news/2023/09/chitral/', '2023-09-07T03:15:00.000Z'],
  ['US envoy names TTP the top regional threat', 'https://example.org/news/2023/08/envoy-names-ttp/', '2023-08-18T18:05:00.000Z'],
  ['Think tank counts 389 dead in six months', 'https://example.org/news/2023/07/report/', '2023-07-04T09:00:00.000Z'],
  ["<script>alert('title')</script> & friends", 'https://example.org/news/2023/06/hostile/', '2023-06-01T07:00:00.000Z'],
];

let site: string;
let out: string;
const read = (file: string) => readFileSync(path.join(out, file), 'utf8');

function build(root: string): string {
  const dist = path.join(tempDir(), 'dist');
  const run = runCli(['build', '--root', root, '--out', dist, '--now', NOW]);
  expect(run.status, run.stderr).toBe(0);
  return dist;
}

beforeAll(() => {
  site = copyFixture('newsroom');
  out = build(site);
});

describe('RSS and Atom feeds', () => {
  it('are well-formed XML, every one of them', () => {
    const feeds = [...filesEndingWith(out, 'feed.xml'), ...filesEndingWith(out, 'atom.xml')];
    // The site's feed and its corrections' in both formats; by default each of 5 tags, 4 bylines and 3 sections has an RSS feed.
    expect(feeds.length).toBe(2 + 2 + 5 + 4 + 3);
    const result = xmllint(['--noout', ...feeds.map((f) => path.join(out, f))]);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(['feed.xml', 'atom.xml'])('%s lists every story, newest first, with its date and absolute link', (file) => {
    const feed = parseFeed(read(file));
    expect(feed.title).toBe('Fixture Gazette');
    expect(feed.url).toBe('https://example.org/news/');
    expect(feed.items.map((item) => [item.title, item.url, item.published?.toISOString()])).toEqual(NEWEST_FIRST);
    const call = feed.items[1]!;
    expect(call.authors.map((a) => a.name)).toEqual(['Ayesha Siddiqui', 'Bilal Ahmed']);
    if (file === 'atom.xml') expect(call.updated?.toISOString()).toBe('2023-09-13T10:00:00.000Z');
    expect(call.content?.trim()).toBe('<p>General Asim Munir and Lloyd Austin spoke by phone.</p>');
    expect(call.description).toBe('General Asim Munir and Lloyd Austin spoke by phone.');
    expect(call.categories.map((c) => c.label)).toEqual(expect.arrayContaining(['TTP', 'ISPR', 'Counter Terrorism']));
  });

  it('carries RFC 822 dates with the real offset in RSS and RFC 3339 in Atom', () => {
    expect(read('feed.xml')).toContain('<pubDate>Wed, 13 Sep 2023 09:30:00 +0500</pubDate>');
    expect(read('atom.xml')).toContain('<published>2023-09-13T09:30:00+05:00</published>');
  });

  it('has an RSS feed of summaries per tag, byline and section with exactly its stories', () => {
    const titles = (file: string) => parseFeed(read(file)).items.map((item) => item.title);
    expect(titles('tags/ttp/feed.xml')).toEqual(['Army chief speaks to US defence secretary', 'Troops repel attack in Chitral', 'US envoy names TTP the top regional threat']);
    expect(titles('bylines/bilal-ahmed/feed.xml')).toEqual(['What the ISPR does', 'Army chief speaks to US defence secretary', 'Troops repel attack in Chitral']);
    expect(parseFeed(read('sections/world/feed.xml')).title).toBe('World | Fixture Gazette');
    const call = parseFeed(read('tags/ttp/feed.xml')).items[0]!;
    expect(call.description).toBe('General Asim Munir and Lloyd Austin spoke by phone.');
    expect(call.content).toBeNull();
    expect(filesEndingWith(out, 'atom.xml')).toEqual(['atom.xml', 'corrections/atom.xml']);
  });

  it('writes the feeds the config asks for: formats, length and content for the site and for terms', () => {
    const configured = copyFixture('newsroom');
    const config = path.join(configured, 'dateline.config.json');
    const settings = { site: { formats: ['rss'], items: 2, content: 'summary' }, terms: { formats: ['atom', 'json'], items: 1, content: 'full' } };
    writeFileSync(config, readFileSync(config, 'utf8').replace('"pageSize": 2', `"pageSize": 2,\n  "feeds": ${JSON.stringify(settings)}`));
    const dist = build(configured);
    const there = (file: string) => readFileSync(path.join(dist, file), 'utf8');
    // The corrections log's feed comes in the site feed's formats.
    expect(filesEndingWith(dist, 'feed.xml')).toEqual(['corrections/feed.xml', 'feed.xml']);
    expect(filesEndingWith(dist, 'atom.xml').length).toBe(5 + 4 + 3);
    expect(filesEndingWith(dist, 'feed.json').length).toBe(5 + 4 + 3);
    const site = parseFeed(there('feed.xml'));
    expect(site.items.map((item) => [item.title, item.content])).toEqual([[NEWEST_FIRST[0]![0], null], [NEWEST_FIRST[1]![0], null]]);
    const term = parseFeed(there('tags/ttp/atom.xml'));
    expect(term.items.map((item) => [item.title, item.content?.trim()])).toEqual([
      ['Army chief speaks to US defence secretary', '<p>General Asim Munir and Lloyd Austin spoke by phone.</p>'],
    ]);
    const links = page(path.join(dist, 'tags/ttp/index.html'))('link[rel=alternate]').map((_, l) => l.attribs.href).get();
    expect(links).toEqual([
      'https://example.org/news/tags/ttp/atom.xml',
      'https://example.org/news/tags/ttp/feed.json',
      'https://example.org/news/feed.xml',
    ]);
  });

  it('refuses feed settings that are not settings, naming each', () => {
    const configured = copyFixture('newsroom');
    const config = path.join(configured, 'dateline.config.json');
    const settings = { terms: { formats: ['rss', 'rdf'], items: 0, content: 'some' } };
    writeFileSync(config, readFileSync(config, 'utf8').replace('"pageSize": 2', `"pageSize": 2,\n  "feeds": ${JSON.stringify(settings)}`));
    const run = runCli(['build', '--root', configured, '--now', NOW]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('`feeds.terms.formats.1`: must be one of `rss`, `atom`, `json`');
    expect(run.stderr).toContain('`feeds.terms.items`: must be at least 1');
    expect(run.stderr).toContain('`feeds.terms.content`: must be `full` (whole stories) or `summary`');
  });

  it('keeps hostile text as text', () => {
    const item = parseFeed(read('tags/b-bold-b/feed.xml')).items[0]!;
    expect(item.title).toBe("<script>alert('title')</script> & friends");
    expect(item.categories.map((c) => c.label)).toContain('<b>bold</b>');
  });
});

describe('JSON Feed', () => {
  const ajv = new Ajv.default({ allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile('jsonfeed-1.1.schema.json'), 'utf8')));

  it('passes the JSON Feed 1.1 schema, every one of them', () => {
    const feeds = filesEndingWith(out, 'feed.json');
    expect(feeds).toEqual(['corrections/feed.json', 'feed.json']);
    // Every term in JSON too, and summaries (`content_text`) as well as whole stories.
    const configured = copyFixture('newsroom');
    const config = path.join(configured, 'dateline.config.json');
    const settings = { site: { content: 'summary' }, terms: { formats: ['json'], content: 'full' } };
    writeFileSync(config, readFileSync(config, 'utf8').replace('"pageSize": 2', `"pageSize": 2,\n  "feeds": ${JSON.stringify(settings)}`));
    const dist = build(configured);
    const all = filesEndingWith(dist, 'feed.json');
    expect(all.length).toBe(1 + 1 + 5 + 4 + 3);
    for (const file of all) {
      const feed = JSON.parse(readFileSync(path.join(dist, file), 'utf8'));
      expect(validate(feed), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(dist, 'feed.json'), 'utf8')).items[1]).toMatchObject({
      content_text: 'General Asim Munir and Lloyd Austin spoke by phone.',
    });
  });

  it('lists every story with its date, link and authors', () => {
    const feed = JSON.parse(read('feed.json'));
    expect(feed.items.map((item: { title: string; url: string; date_published: string }) => [item.title, item.url, new Date(item.date_published).toISOString()])).toEqual(NEWEST_FIRST);
    expect(feed.items[1]).toMatchObject({
      date_published: '2023-09-13T09:30:00+05:00',
      date_modified: '2023-09-13T15:00:00+05:00',
      authors: [{ name: 'Ayesha Siddiqui', url: 'https://example.org/news/bylines/ayesha-siddiqui/' }, { name: 'Bilal Ahmed' }],
      tags: ['TTP', 'ISPR', 'Counter Terrorism'],
    });
    expect(feed.items[2].image).toBe('https://example.org/news/images/valley.svg');
  });
});

describe('feed ids', () => {
  it('stay the same when a story is edited', () => {
    const story = path.join(site, 'content/call.md');
    const original = readFileSync(story, 'utf8');
    writeFileSync(story, original.replace('title: Army chief speaks', 'title: Army chief talks').replace('spoke by phone', 'spoke by phone on Tuesday'));
    const edited = build(site);
    writeFileSync(story, original);
    const ids = (dist: string) => parseFeed(readFileSync(path.join(dist, 'atom.xml'), 'utf8')).items.map((item) => item.id);
    expect(ids(edited)).toEqual(ids(out));
    expect(ids(out)[1]).toBe('tag:example.org,2023-09-13:/news/2023/09/call/');
    expect(parseFeed(readFileSync(path.join(edited, 'atom.xml'), 'utf8')).items[1]?.title).toBe('Army chief talks to US defence secretary');
  });
});

describe('sitemaps and robots.txt', () => {
  const schema = () => schemaFile('sitemap-with-news.xsd');

  it('validate against the sitemaps.org and Google News XSDs', () => {
    const result = xmllint(['--noout', '--nonet', '--schema', schema(), path.join(out, 'sitemap.xml'), path.join(out, 'news-sitemap.xml')]);
    expect(result.output).toContain('sitemap.xml validates');
    expect(result.output).toContain('news-sitemap.xml validates');
    expect(result.status).toBe(0);
  });

  it('list every page but the 404 and the search page, with lastmod', () => {
    const $ = page(path.join(out, 'sitemap.xml'));
    const urls = $('url loc').map((_, loc) => $(loc).text()).get();
    const pages = filesEndingWith(out, 'index.html')
      .filter((file) => file !== 'search/index.html')
      .map((file) => `https://example.org/news/${file.replace(/index\.html$/, '')}`);
    expect(urls.sort()).toEqual(pages.sort());
    const call = $('url').filter((_, url) => $(url).find('loc').text().endsWith('/2023/09/call/'));
    expect(call.find('lastmod').text()).toBe('2023-09-13T15:00:00+05:00');
  });

  it('put only the last 48 hours in the news sitemap', () => {
    const $ = page(path.join(out, 'news-sitemap.xml'));
    expect($('url').map((_, url) => [[$(url).find('loc').text(), $(url).find('news\\:title').text(), $(url).find('news\\:publication_date').text()]]).get()).toEqual([
      ['https://example.org/news/2023/09/ispr/', 'What the ISPR does', '2023-09-14T07:00:00+05:00'],
      ['https://example.org/news/2023/09/call/', 'Army chief speaks to US defence secretary', '2023-09-13T09:30:00+05:00'],
    ]);
    expect($('news\\:name').first().text()).toBe('Fixture Gazette');
    expect($('news\\:language').first().text()).toBe('en');
  });

  it('point robots.txt at both', () => {
    expect(read('robots.txt')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/news/sitemap.xml\nSitemap: https://example.org/news/news-sitemap.xml\n',
    );
  });
});

describe('metadata on pages', () => {
  const storyPages = () => filesEndingWith(out, 'index.html').filter((f) => /^\d{4}\//.test(f));

  it('gives every story NewsArticle JSON-LD with dates that carry offsets', () => {
    expect(storyPages()).toHaveLength(6);
    for (const file of storyPages()) {
      const $ = page(path.join(out, file));
      const data = JSON.parse($('script[type="application/ld+json"]').text());
      const url = `https://example.org/news/${file.replace(/index\.html$/, '')}`;
      expect(data, file).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: $('h1').text(),
        mainEntityOfPage: { '@type': 'WebPage', '@id': url },
        publisher: { '@type': 'Organization', name: 'Fixture Gazette' },
      });
      for (const field of ['datePublished', 'dateModified']) {
        expect(data[field], `${file} ${field}`).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$/);
        expect(Number.isNaN(Date.parse(data[field]))).toBe(false);
      }
      for (const author of data.author ?? []) expect(author).toMatchObject({ '@type': 'Person', name: expect.any(String), url: expect.stringMatching(/^https:\/\/example\.org\/news\/bylines\/.+\/$/) });
      expect(JSON.stringify(data)).not.toMatch(/undefined|null|""/);
    }
  });

  it('fills the article fields a story has', () => {
    const data = JSON.parse(page(path.join(out, '2023/09/chitral/index.html'))('script[type="application/ld+json"]').text());
    expect(data).toMatchObject({
      datePublished: '2023-09-07T08:15:00+05:00',
      author: [{ '@type': 'Person', name: 'Bilal Ahmed', url: 'https://example.org/news/bylines/bilal-ahmed/' }],
      image: [{ url: 'https://example.org/news/images/valley.svg', width: 40, height: 20 }],
      articleSection: 'Pakistan',
      keywords: ['TTP', 'KP', 'counter terrorism'],
    });
  });

  it('has title, description, canonical, Open Graph, Twitter and robots tags on a story', () => {
    const $ = page(path.join(out, '2023/09/call/index.html'));
    const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).map((_, m) => $(m).attr('content')).get();
    expect($('title').text()).toBe('Army chief speaks to US defence secretary | Fixture Gazette');
    expect($('link[rel=canonical]').attr('href')).toBe('https://example.org/news/2023/09/call/');
    expect(meta('description')).toEqual(['General Asim Munir and Lloyd Austin spoke by phone.']);
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('article:published_time')).toEqual(['2023-09-13T09:30:00+05:00']);
    expect(meta('article:modified_time')).toEqual(['2023-09-13T15:00:00+05:00']);
    expect(meta('article:section')).toEqual(['Pakistan']);
    expect(meta('article:tag')).toEqual(['TTP', 'ISPR', 'Counter Terrorism']);
    expect(meta('article:author')).toEqual(['https://example.org/news/bylines/ayesha-siddiqui/', 'https://example.org/news/bylines/bilal-ahmed/']);
    expect(meta('twitter:card')).toEqual(['summary']);
    expect(meta('robots')).toEqual(['max-image-preview:large']);
    expect(page(path.join(out, '2023/09/chitral/index.html'))('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
  });

  it('puts WebSite and Organization JSON-LD on the home page', () => {
    const data = JSON.parse(page(path.join(out, 'index.html'))('script[type="application/ld+json"]').text());
    expect(data['@graph'].map((node: { '@type': string }) => node['@type'])).toEqual(['WebSite', 'Organization']);
    expect(data['@graph'][0]).toMatchObject({ name: 'Fixture Gazette', url: 'https://example.org/news/' });
  });

  it('links each page to its feeds for autodiscovery', () => {
    const feeds = (file: string) => {
      const $ = page(path.join(out, file));
      return $('link[rel=alternate]').map((_, l) => [[$(l).attr('type'), $(l).attr('href')]]).get();
    };
    expect(feeds('index.html')).toEqual([
      ['application/rss+xml', 'https://example.org/news/feed.xml'],
      ['application/atom+xml', 'https://example.org/news/atom.xml'],
      ['application/feed+json', 'https://example.org/news/feed.json'],
    ]);
    expect(feeds('tags/ttp/index.html')).toEqual([
      ['application/rss+xml', 'https://example.org/news/tags/ttp/feed.xml'],
      ['application/rss+xml', 'https://example.org/news/feed.xml'],
      ['application/atom+xml', 'https://example.org/news/atom.xml'],
      ['application/feed+json', 'https://example.org/news/feed.json'],
    ]);
  });

  it('gives term pages a canonical URL and rel=prev/next', () => {
    const first = page(path.join(out, 'tags/ttp/index.html'));
    const second = page(path.join(out, 'tags/ttp/page/2/index.html'));
    expect(first('link[rel=canonical]').attr('href')).toBe('https://example.org/news/tags/ttp/');
    expect(first('link[rel=next]').attr('href')).toBe('https://example.org/news/tags/ttp/page/2/');
    expect(second('link[rel=canonical]').attr('href')).toBe('https://example.org/news/tags/ttp/page/2/');
    expect(second('link[rel=prev]').attr('href')).toBe('https://example.org/news/tags/ttp/');
    expect(second('link[rel=next]')).toHaveLength(0);
  });
});
