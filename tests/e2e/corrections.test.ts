/**
 * Corrections, as readers, feed readers and search engines meet them: a
 * marked notice on the story, the site's corrections log and its feed, and
 * the story's modification time moved to its latest correction.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { page, snapshot, testSite } from '../helpers.js';

const NOW = '2024-01-01T00:00:00Z';

const read = (file: string) => readFileSync(file, 'utf8');

/** A site of `stories` (path under content/ → text), built; its output folder and the run. */
function site(stories: Record<string, string>) {
  const made = testSite(Object.fromEntries(Object.entries(stories).map(([file, text]) => [`content/${file}`, text])), { timezone: 'Asia/Karachi' });
  const build = () => made.build(NOW);
  return { ...made, build, first: build() };
}

const CHITRAL = [
  '---',
  'title: Troops repel attack in Chitral',
  'date: 2023-09-07 08:15',
  'updated: 2023-09-07 14:40',
  'corrections:',
  '  - date: 2023-09-08 10:20',
  '    text: An earlier version gave the day of the attack as Thursday. It was Wednesday.',
  '  - date: 2023-09-09 09:00',
  '    kind: clarification',
  '    text: The number of attackers killed comes from officials and has not been confirmed independently.',
  '---',
  'Four soldiers were killed.',
  '',
].join('\n');

const CALL = [
  '---',
  'title: Army chief speaks to US defence secretary',
  'date: 2023-09-13 09:30',
  'corrections:',
  '  - date: 2023-09-13 18:00',
  '    text: The call lasted about 30 minutes, not an hour.',
  '---',
  'The call covered border security.',
  '',
].join('\n');

const DRAFT = '---\ntitle: Not yet\ndate: 2023-09-10\ndraft: true\ncorrections:\n  - { date: 2023-09-11, text: Not for readers. }\n---\nDraft.\n';

describe('a site whose stories were corrected', () => {
  const { out, first } = site({ '2023/09/chitral.md': CHITRAL, '2023/09/call.md': CALL, '2023/09/plain.md': '---\ntitle: Plain\ndate: 2023-09-12\n---\nNothing to correct.\n', '2023/09/draft.md': DRAFT });

  it('builds', () => {
    expect(first.status, first.stderr).toBe(0);
  });

  it('shows each story its corrections in a marked notice, newest first, each dated and anchored', () => {
    const $ = page(path.join(out, '2023/09/chitral/index.html'));
    const notice = $('article aside.corrections');
    expect(notice.attr('aria-labelledby')).toBe('corrections-title');
    expect(notice.find('h2').text()).toBe('Corrections and clarifications');
    const items = notice.find('li').map((_, li) => ({
      id: $(li).attr('id'),
      label: $(li).find('.correction-label').text(),
      time: $(li).find('time').attr('datetime'),
      text: $(li).text(),
    })).get();
    expect(items.map(({ id, label, time }) => [id, label, time])).toEqual([
      ['correction-2', 'Clarification', '2023-09-09T09:00:00+05:00'],
      ['correction-1', 'Correction', '2023-09-08T10:20:00+05:00'],
    ]);
    expect(items[1]!.text).toContain('It was Wednesday.');
    const one = page(path.join(out, '2023/09/call/index.html'));
    expect(one('aside.corrections h2').text()).toBe('Correction');
    expect(page(path.join(out, '2023/09/plain/index.html'))('aside.corrections')).toHaveLength(0);
  });

  it('tells search engines of each correction, and that the story changed when it was last corrected', () => {
    const $ = page(path.join(out, '2023/09/chitral/index.html'));
    const data = JSON.parse($('script[type="application/ld+json"]').text());
    expect(data.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'Clarification: The number of attackers killed comes from officials and has not been confirmed independently.', datePublished: '2023-09-09T09:00:00+05:00' },
      { '@type': 'CorrectionComment', text: 'Correction: An earlier version gave the day of the attack as Thursday. It was Wednesday.', datePublished: '2023-09-08T10:20:00+05:00' },
    ]);
    expect(data.dateModified).toBe('2023-09-09T09:00:00+05:00');
    expect($('meta[property="article:modified_time"]').attr('content')).toBe('2023-09-09T09:00:00+05:00');
    // Readers still see the update the newsroom made, not the corrections, as "Updated".
    expect($('.times time').eq(1).attr('datetime')).toBe('2023-09-07T14:40:00+05:00');
    const sitemap = load(read(path.join(out, 'sitemap.xml')), { xml: true });
    const entry = sitemap('url').filter((_, url) => sitemap(url).find('loc').text() === 'https://example.org/news/2023/09/chitral/');
    expect(entry.find('lastmod').text()).toBe('2023-09-09T09:00:00+05:00');
  });

  it("updates the site feed's entry to the latest correction", () => {
    const feed = parseFeed(read(path.join(out, 'atom.xml')));
    const chitral = feed.items.find((item) => item.title === 'Troops repel attack in Chitral');
    expect(chitral?.updated?.toISOString()).toBe('2023-09-09T04:00:00.000Z');
  });

  it('lists every published correction at /corrections/, newest first, each linking to its notice', () => {
    const $ = page(path.join(out, 'corrections/index.html'));
    expect($('h1').text()).toBe('Corrections');
    const entries = $('.corrections-log li').map((_, li) => [[
      $(li).find('.correction-label').text(),
      $(li).find('time').attr('datetime'),
      $(li).find('.correction-story a').text(),
      $(li).find('.correction-story a').attr('href'),
    ]]).get();
    expect(entries).toEqual([
      ['Correction', '2023-09-13T18:00:00+05:00', 'Army chief speaks to US defence secretary', '/news/2023/09/call/#correction-1'],
      ['Clarification', '2023-09-09T09:00:00+05:00', 'Troops repel attack in Chitral', '/news/2023/09/chitral/#correction-2'],
      ['Correction', '2023-09-08T10:20:00+05:00', 'Troops repel attack in Chitral', '/news/2023/09/chitral/#correction-1'],
    ]);
    expect($('link[rel="alternate"][type="application/rss+xml"]').first().attr('href')).toBe('https://example.org/news/corrections/feed.xml');
    // Every page links to the log.
    expect(page(path.join(out, 'index.html'))('footer a[href="/news/corrections/"]').text()).toBe('Corrections');
  });

  it.each(['feed.xml', 'atom.xml', 'feed.json'])('has a feed of corrections (%s) a feed reader reads', (file) => {
    const text = read(path.join(out, 'corrections', file));
    const feed = file.endsWith('.json') ? JSON.parse(text) : parseFeed(text);
    const items = (feed.items as { title: string; url: string }[]).map((item) => [item.title, item.url]);
    expect(items).toEqual([
      ['Correction: Army chief speaks to US defence secretary', 'https://example.org/news/2023/09/call/#correction-1'],
      ['Clarification: Troops repel attack in Chitral', 'https://example.org/news/2023/09/chitral/#correction-2'],
      ['Correction: Troops repel attack in Chitral', 'https://example.org/news/2023/09/chitral/#correction-1'],
    ]);
    if (!file.endsWith('.json')) {
      const parsed = parseFeed(text);
      expect(parsed.items[0]?.published?.toISOString()).toBe('2023-09-13T13:00:00.000Z');
      expect(parsed.items[0]?.description ?? parsed.items[0]?.content).toContain('about 30 minutes');
      expect(new Set(parsed.items.map((item) => item.id)).size).toBe(3);
    }
  });
});

describe('a correction of a story in another language', () => {
  it('is dated in that language on its page, and in the site’s on the log, where only its own words carry the language', () => {
    const urdu = '---\ntitle: آرمی چیف کا رابطہ\ndate: 2023-09-13 11:00\nlang: ur\ncorrections:\n  - date: 2023-09-14 09:00\n    text: رابطے کا دورانیہ درست کر دیا گیا ہے۔\n---\nمتن۔\n';
    const { out, first } = site({ '2023/09/urdu.md': urdu });
    expect(first.status, first.stderr).toBe(0);
    const story = page(path.join(out, '2023/09/urdu/index.html'));
    expect(story('aside.corrections time').text()).toBe('14 ستمبر، 2023 کو 09:00 GMT +5');
    const log = page(path.join(out, 'corrections/index.html'));
    const entry = log('.corrections-log li');
    expect(entry.attr('lang')).toBeUndefined();
    expect(entry.find('.correction-head time').text()).toBe('14 September 2023, 09:00 GMT+5');
    expect([entry.find('.correction-story').attr('lang'), entry.find('.correction-story').attr('dir')]).toEqual(['ur', 'rtl']);
    expect(entry.find('p').last().attr('lang')).toBe('ur');
  });
});

describe('a site with no corrections', () => {
  it('still has its corrections page, saying so', () => {
    const { out, first } = site({ '2023/09/plain.md': '---\ntitle: Plain\ndate: 2023-09-12\n---\nNothing to correct.\n' });
    expect(first.status, first.stderr).toBe(0);
    const $ = page(path.join(out, 'corrections/index.html'));
    expect($('main p').last().text()).toBe('No corrections have been published.');
    expect(parseFeed(read(path.join(out, 'corrections/feed.xml'))).items).toEqual([]);
  });
});

describe("a site's own theme made before the corrections page", () => {
  it('gets the page from the default theme, in its own layout', () => {
    const { out, build } = testSite({
      'content/call.md': CALL,
      'templates/layout.liquid': '<!DOCTYPE html>\n<html lang="en"><title>{{ page.title }}</title><body class="house-style">{% block content %}{% endblock %}</body></html>\n',
    });
    const run = build(NOW);
    expect(run.status, run.stderr).toBe(0);
    const $ = page(path.join(out, 'corrections/index.html'));
    expect($('body').attr('class')).toBe('house-style');
    expect($('.corrections-log li .correction-story a').text()).toBe('Army chief speaks to US defence secretary');
  });
});

describe('a correction written wrong', () => {
  it('stops the build at its line, with every mistake, and the site untouched', () => {
    const { out, put, build, first } = site({ '2023/09/call.md': CALL });
    expect(first.status, first.stderr).toBe(0);
    const before = snapshot(out);
    put(
      'content/2023/09/call.md',
      CALL.replace('  - date: 2023-09-13 18:00\n', '  - date: 2023-09-13 18:00\n  - text: Missing its date.\n  - date: 2023-09-14\n    kind: retraction\n'),
    );
    const run = build();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/2023/09/call.md:5:5: `corrections.0.text`: is required: what was wrong and what is right');
    expect(run.stderr).toContain('content/2023/09/call.md:6:5: `corrections.1.date`: is required: when the correction was made');
    expect(run.stderr).toContain('content/2023/09/call.md:8:11: `corrections.2.kind`: must be `correction` or `clarification` (got `retraction`)');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(snapshot(out)).toEqual(before);
  });
});
