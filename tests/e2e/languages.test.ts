/**
 * The words a page prints come from its language's table: a story's page
 * and card speak the story's language, lists and the site's chrome the
 * site's. A site adds or changes words in `templates/i18n/<lang>.json`; a
 * table that is wrong fails the build at its line, with `dist/` untouched.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../../src/render/words/en.js';
import { page, snapshot, storyText, testSite, themeAsset } from '../helpers.js';

const NOW = '2024-01-01T00:00:00Z';

const URDU_STORY = `---
title: آرمی چیف کا امریکی وزیر دفاع سے رابطہ
date: 2023-09-13T11:00:00+05:00
lang: ur
byline: Ayesha Siddiqui
location: اسلام آباد
kind: analysis
tags: [TTP]
series: Return of the TTP
---
جنرل عاصم منیر نے لائیڈ آسٹن سے بات کی۔
`;

const STORIES = {
  'content/2023/09/call-urdu.md': URDU_STORY,
  'content/2023/09/call.md': storyText('Army chief speaks to US defence secretary', '2023-09-13T09:30:00+05:00', 'byline: Ayesha Siddiqui\ntags: [TTP]\nseries: Return of the TTP\n'),
  'content/2023/09/chitral.md': storyText('Troops repel attack in Chitral', '2023-09-07T08:15:00+05:00', 'tags: [TTP]\n'),
};

/** The English words of the default theme, as printed (plural forms and slots aside). */
const ENGLISH_WORDS = Object.values(ENGLISH).filter((word): word is string => typeof word === 'string' && !word.includes('{') && word.trim().length > 1);

describe('an Urdu story on an English site', () => {
  const { out, build } = testSite(STORIES, { timezone: 'Asia/Karachi' });
  const run = build(NOW);
  const at = (url: string) => page(path.join(out, url, 'index.html'));

  it('builds', () => {
    expect(run.status, run.stderr).toBe(0);
  });

  it('prints the story in Urdu words and an Urdu date, and no English word of the theme', () => {
    const $ = at('2023/09/call-urdu');
    const article = $('article.story');
    expect(article.attr('lang')).toBe('ur');
    expect(article.attr('dir')).toBe('rtl');
    expect(article.find('.bylines').text()).toBe('از Ayesha Siddiqui');
    expect(article.find('.story-label').first().text()).toBe('تجزیہ');
    expect(article.find('.series-place').text()).toBe('حصہ 2 از 2، سلسلہ Return of the TTP');
    const published = article.find('.times').text();
    expect(published).toMatch(/^اشاعت 13 ستمبر، 2023/);
    expect(published).not.toMatch(/September/);
    expect(article.find('.story-foot h2').text()).toBe('ٹیگ');
    expect(article.find('#related-title').text()).toBe('متعلقہ خبریں');
    // The story's own words, with its related stories and the tag names taken out, hold nothing of the English theme.
    const own = article.clone();
    own.find('.related ul, .tags, .kicker').remove();
    const text = own.text();
    for (const word of ENGLISH_WORDS) expect(text, word).not.toContain(word);
  });

  it('keeps the site chrome in the site language, and marks English stories linked from the Urdu one as English', () => {
    const $ = at('2023/09/call-urdu');
    expect($('html').attr('lang')).toBe('en');
    expect($('.skip-link').text()).toBe('Skip to content');
    const related = $('.related li').first();
    expect(related.attr('lang')).toBe('en');
    expect(related.attr('dir')).toBe('ltr');
    expect(related.find('time').text()).toBe('13 September 2023, 09:30 GMT+5');
  });

  it('shows the Urdu card in Urdu on an English list, its date in one piece', () => {
    const $ = at('tags/ttp');
    expect($('.count').text()).toBe('3 stories');
    const card = $('article.card[lang="ur"]');
    expect(card.attr('dir')).toBe('rtl');
    expect(card.find('.story-label').text()).toBe('تجزیہ');
    const date = card.find('.card-meta time');
    expect(date.parent().is('bdi')).toBe(true);
    expect(date.text()).toMatch(/^13 ستمبر، 2023 کو 11:00/);
  });

  it('counts in the plural forms of the site language', () => {
    expect(at('tags/ttp')('meta[name="description"]').attr('content')).toBe('3 stories filed under tag TTP in Valley Gazette.');
    expect(at('series/return-of-the-ttp')('.count').text()).toBe('A series in 2 parts, from the first');
  });
});

describe('an Urdu site', () => {
  const { out, build } = testSite(STORIES, { language: 'ur', timezone: 'Asia/Karachi', pageSize: 2 });
  const run = build(NOW);
  const at = (url: string) => page(path.join(out, url, 'index.html'));

  it('speaks Urdu in its chrome, lists and pagination', () => {
    expect(run.status, run.stderr).toBe(0);
    const home = at('');
    expect(home('html').attr('lang')).toBe('ur');
    expect(home('html').attr('dir')).toBe('rtl');
    expect(home('.skip-link').text()).toBe('مواد پر جائیں');
    expect(home('nav[aria-label="سائٹ"] a').map((_, a) => home(a).text()).get()).toEqual(['ٹیگ', 'مصنفین', 'سلسلے', 'تلاش']);
    const search = at('search');
    expect(search('h1').text()).toBe('تلاش');
    const ui = JSON.parse(search('#search').attr('data-translations') ?? '{}') as Record<string, string>;
    expect([ui.placeholder, ui.many_results]).toEqual(['خبروں میں تلاش کریں', '[SEARCH_TERM] کے لیے [COUNT] خبریں ملیں']);
    const tag = at('tags/ttp');
    expect(tag('.count').text()).toBe('3 خبریں · صفحہ 1 از 2');
    expect(tag('.pagination span').text()).toBe('صفحہ 1 از 2');
    expect(tag('.pagination a[rel="next"]').text()).toBe('پرانی خبریں →');
    const second = at('tags/ttp/page/2');
    expect(second('title').text()).toBe('TTP، صفحہ 2 | Valley Gazette');
    expect(second('.pagination a[rel="prev"]').text()).toBe('← نئی خبریں');
  });
});

describe('a site\'s own words', () => {
  it('changes a built-in word, adds a language, and falls back to English word by word', () => {
    const site = testSite({
      ...STORIES,
      'content/2023/09/appel.md': storyText('Le chef de l\'armée appelle Washington', '2023-09-14T10:00:00+05:00', 'lang: fr\ntags: [TTP]\n'),
      'templates/i18n/en.json': JSON.stringify({ related_stories: 'More on this', story_count: { one: '{count} report', other: '{count} reports' } }, null, 2),
      'templates/i18n/fr.json': JSON.stringify({ by: 'Par', published: 'Publié' }, null, 2),
    });
    const run = site.build(NOW);
    expect(run.status, run.stderr).toBe(0);
    const at = (url: string) => page(path.join(site.out, url, 'index.html'));
    expect(at('2023/09/call')('#related-title').text()).toBe('More on this');
    expect(at('tags/ttp')('.count').text()).toBe('4 reports');
    const french = at('2023/09/appel');
    expect(french('.times').text()).toMatch(/^Publié 14 septembre 2023/);
    expect(french('#related-title').text()).toBe('More on this');
    // The theme's look stays the default one: a site that only changes words has no assets of its own.
    expect(existsSync(path.join(site.out, themeAsset(site.out, 'assets/style.css')))).toBe(true);
  });

  it('rebuilds the pages when a word changes', () => {
    const site = testSite({ ...STORIES, 'templates/i18n/en.json': '{ "related_stories": "More on this" }\n' });
    expect(site.build(NOW).status).toBe(0);
    site.put('templates/i18n/en.json', '{ "related_stories": "Read more" }\n');
    const run = site.build(NOW);
    expect(run.status, run.stderr).toBe(0);
    expect(page(path.join(site.out, '2023/09/call/index.html'))('#related-title').text()).toBe('Read more');
  });
});

describe('a table of words that is wrong', () => {
  it('fails the build naming each problem at its line, leaving dist/ as it was', () => {
    const site = testSite(STORIES);
    expect(site.build(NOW).status).toBe(0);
    const before = snapshot(site.out);
    site.put('templates/i18n/ur.json', ['{', '  "published": "اشاعت",', '  "page_of": "صفحہ {numbr} از {total}",', '  "story_count": "{count} خبریں",', '  "pblished": "x"', '}', ''].join('\n'));
    site.put('templates/i18n/fr.json', '{ "by": "Par", }\n');
    site.put('templates/i18n/words.json', '{}\n');
    const run = site.build(NOW);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('templates/i18n/ur.json:3:3: `page_of`: `{numbr}` is not filled in there, its slots are `{number}`, `{total}`');
    expect(run.stderr).toContain('templates/i18n/ur.json:4:3: `story_count` counts, so it is given as plural forms: `{ "one": "{count} story", "other": "{count} stories" }`');
    expect(run.stderr).toMatch(/templates\/i18n\/ur\.json:5:3: warning: `pblished` is not a word the default theme prints \(did you mean `published`\?\)/);
    expect(run.stderr).toMatch(/templates\/i18n\/fr\.json:1:\d+: invalid JSON/);
    expect(run.stderr).toContain('templates/i18n/words.json: a table of words is a JSON file named for its language');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(site.out)).toEqual(before);
  });
});

describe('AP-style dates', () => {
  const site = testSite(
    {
      ...STORIES,
      'content/2024/03/noon.md': storyText('Senate meets at noon', '2024-03-04T12:00:00+05:00'),
      'content/2023/12/night.md': storyText('Results come in overnight', '2023-12-01T00:00:00+05:00'),
    },
    { timezone: 'Asia/Karachi', dates: { style: 'ap', zoneName: 'PKT' } },
  );
  const run = site.build('2024-06-01T00:00:00Z');
  const shown = (url: string) => page(path.join(site.out, url, 'index.html'))('.times time').first().text();

  it('writes English dates as the AP Stylebook does, with the newsroom\'s name for the zone', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(shown('2023/09/call')).toBe('Sept. 13, 2023, 9:30 a.m. PKT');
    expect(shown('2024/03/noon')).toBe('March 4, 2024, noon PKT');
    expect(shown('2023/12/night')).toBe('Dec. 1, 2023, midnight PKT');
    expect(shown('2023/09/chitral')).toBe('Sept. 7, 2023, 8:15 a.m. PKT');
  });

  it('leaves other languages\' dates to them', () => {
    expect(shown('2023/09/call-urdu')).toMatch(/^13 ستمبر، 2023 کو 11:00/);
  });

  it('names a zone with summer time by its season', () => {
    const us = testSite(
      {
        'content/2024/01/winter.md': storyText('Winter storm closes schools', '2024-01-15T16:05:00-05:00'),
        'content/2024/07/summer.md': storyText('Heat wave breaks records', '2024-07-15T21:45:00-04:00'),
      },
      { timezone: 'America/New_York', dates: { style: 'ap', zoneName: { standard: 'EST', daylight: 'EDT' } } },
    );
    expect(us.build('2024-08-01T00:00:00Z').status).toBe(0);
    const at = (url: string) => page(path.join(us.out, url, 'index.html'))('.times time').first().text();
    expect(at('2024/01/winter')).toBe('Jan. 15, 2024, 4:05 p.m. EST');
    expect(at('2024/07/summer')).toBe('July 15, 2024, 9:45 p.m. EDT');
  });

  it('refuses a style it does not know, at its line', () => {
    const bad = testSite(STORIES);
    writeFileSync(path.join(bad.root, 'dateline.config.json'), '{\n  "title": "Valley Gazette",\n  "url": "https://example.org/news/",\n  "dates": { "style": "chicago" }\n}\n');
    const result = bad.build(NOW);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain('dateline.config.json:4:23: `dates.style`: must be one of `international`, `ap` (got `chicago`)');
    expect(existsSync(bad.out)).toBe(false);
  });
});
