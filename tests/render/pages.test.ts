/** Rendering through the library with an in-memory writer. */
import type { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { siteUrl } from '../../src/render/urls.js';
import { buildInMemory } from '../helpers.js';

const render = buildInMemory;

describe('rendered pages', () => {
  it('leaves out what a story does not have instead of printing empty values', async () => {
    const { html } = await render({ 'bare.md': '---\ntitle: Bare\ndate: 2023-01-01\n---\n| a |\n| - |\n| 1 |\n' });
    const $ = html('2023/01/bare/index.html');
    expect($('meta[name=description]')).toHaveLength(0);
    expect($('.standfirst, .bylines, .kicker, figure, .dateline, .tags')).toHaveLength(0);
    expect($('time')).toHaveLength(1);
    expect($.html()).not.toMatch(/undefined|\[object Object\]/);
  });

  it('shows a kicker above the headline, and titles of its own to search engines and where the story is shared', async () => {
    const { html } = await render({
      'call.md': [
        '---',
        'title: Army chief and US defence secretary discuss TTP',
        'date: 2023-09-13 09:30',
        'kicker: Exclusive',
        'seo_title: Army chief, Austin discuss TTP in phone call',
        'social_title: What the army chief told the Pentagon',
        '---',
        'The call covered border security.',
        '',
      ].join('\n'),
      'plain.md': '---\ntitle: Floods in Chitral\ndate: 2023-09-12\n---\nWater rose overnight.\n',
    });
    const $ = html('2023/09/call/index.html');
    expect($('article .story-kicker').text()).toBe('Exclusive');
    expect($('article .story-kicker + h1').text()).toBe('Army chief and US defence secretary discuss TTP');
    expect($('title').text()).toBe('Army chief, Austin discuss TTP in phone call | T');
    expect($('meta[property="og:title"]').attr('content')).toBe('What the army chief told the Pentagon');
    expect($('meta[name="twitter:title"]').attr('content')).toBe('What the army chief told the Pentagon');
    expect(JSON.parse($('script[type="application/ld+json"]').text()).headline).toBe('Army chief and US defence secretary discuss TTP');
    const card = html('index.html')('.lead-story, .card').first();
    expect([card.find('.story-kicker').text(), card.find('h2').text()]).toEqual(['Exclusive', 'Army chief and US defence secretary discuss TTP']);
    // Without them, the headline is every title, and no empty kicker is printed.
    const plain = html('2023/09/plain/index.html');
    expect([plain('title').text(), plain('meta[property="og:title"]').attr('content'), plain('.story-kicker').length]).toEqual(['Floods in Chitral | T', 'Floods in Chitral', 0]);
  });

  it('shows "Updated" only for an update that came long enough after publication, and tells machines of every update', async () => {
    const stories = {
      'typo.md': '---\ntitle: Typo fixed\ndate: 2023-09-13 09:30\nupdated: 2023-09-13 09:40\n---\nBody.\n',
      'news.md': '---\ntitle: News added\ndate: 2023-09-13 09:30\nupdated: 2023-09-13 11:05\n---\nBody.\n',
      'early.md': '---\ntitle: Updated before it went out\ndate: 2023-09-13 09:30\nupdated: 2023-09-13 09:00\n---\nBody.\n',
    };
    const shown = (html: (file: string) => ReturnType<typeof load>, slug: string) => {
      const $ = html(`2023/09/${slug}/index.html`);
      const times = $('.times time').map((_, time) => $(time).attr('datetime')).get();
      return { times, modified: $('meta[property="article:modified_time"]').attr('content'), said: $('.times').text().includes('Updated') };
    };
    const { html } = await render(stories);
    expect(shown(html, 'typo')).toEqual({ times: ['2023-09-13T09:30:00Z'], modified: '2023-09-13T09:40:00Z', said: false });
    expect(shown(html, 'news')).toEqual({ times: ['2023-09-13T09:30:00Z', '2023-09-13T11:05:00Z'], modified: '2023-09-13T11:05:00Z', said: true });
    expect(shown(html, 'early')).toEqual({ times: ['2023-09-13T09:30:00Z'], modified: '2023-09-13T09:00:00Z', said: false });
    const { html: eager } = await render(stories, '{ "title": "T", "url": "https://example.org/", "updatedAfterMinutes": 0 }');
    expect(shown(eager, 'typo')).toEqual({ times: ['2023-09-13T09:30:00Z', '2023-09-13T09:40:00Z'], modified: '2023-09-13T09:40:00Z', said: true });
  });

  it('refuses an updatedAfterMinutes that is not a whole number of minutes', async () => {
    await expect(render({}, '{ "title": "T", "url": "https://example.org/",\n  "updatedAfterMinutes": "soon" }')).rejects.toMatchObject({
      problems: [{ file: 'dateline.config.json', line: 2, message: '`updatedAfterMinutes`: must be a whole number of minutes, e.g. `15` (got `soon`)' }],
    });
  });

  it('labels every kind of story but news on its page and cards, and types it for search engines', async () => {
    const kinds = { news: 'NewsArticle', analysis: 'AnalysisNewsArticle', opinion: 'OpinionNewsArticle', explainer: 'BackgroundNewsArticle', review: 'ReviewNewsArticle', sponsored: 'AdvertiserContentArticle' };
    const stories = Object.fromEntries(
      Object.keys(kinds).map((kind, day) => [`${kind}.md`, `---\ntitle: A ${kind} story\ndate: 2023-09-${10 + day}\nkind: ${kind}\n${kind === 'opinion' ? 'kicker: Guest column\n' : ''}---\nBody.\n`]),
    );
    const { html } = await render(stories);
    const home = html('index.html');
    // The newest story leads the home page; the others are cards.
    const cards = home('.lead-story, .card').map((_, card) => [[home(card).find('h2').text(), home(card).find('.story-label').text()]]).get();
    expect(cards).toEqual([
      ['A sponsored story', 'Sponsored'],
      ['A review story', 'Review'],
      ['A explainer story', 'Explainer'],
      ['A opinion story', 'Opinion'],
      ['A analysis story', 'Analysis'],
      ['A news story', ''],
    ]);
    for (const [kind, type] of Object.entries(kinds)) {
      const $ = html(`2023/09/${kind}/index.html`);
      expect(JSON.parse($('script[type="application/ld+json"]').text())['@type'], kind).toBe(type);
      expect($('article .story-label').text(), kind).toBe(kind === 'news' ? '' : kind[0]!.toUpperCase() + kind.slice(1));
    }
    expect(html('2023/09/opinion/index.html')('article .story-kicker').text()).toBe('Opinion · Guest column');
    expect(html('2023/09/news/index.html')('.story-kicker')).toHaveLength(0);
  });

  it("marks a sponsored story's links off the site as paid, and no other story's", async () => {
    const body = 'See [the sponsor](https://sponsor.example.com/offer), [our report](/2023/09/other/) and [our site](https://example.org/about/).\n';
    const { html } = await render({
      'paid.md': `---\ntitle: Paid\ndate: 2023-09-13\nkind: sponsored\n---\n${body}`,
      'free.md': `---\ntitle: Free\ndate: 2023-09-13\n---\n${body}`,
    });
    const rels = (slug: string) => {
      const $ = html(`2023/09/${slug}/index.html`);
      return $('.body a').map((_, a) => `${$(a).attr('href')} ${$(a).attr('rel') ?? '-'}`).get();
    };
    expect(rels('paid')).toEqual(['https://sponsor.example.com/offer sponsored', '/2023/09/other/ -', 'https://example.org/about/ -']);
    expect(rels('free')).toEqual(['https://sponsor.example.com/offer -', '/2023/09/other/ -', 'https://example.org/about/ -']);
  });

  it('reads the kicker and the titles under the names archives give them', async () => {
    const { html } = await render({
      'call.md': '---\ntitle: Call\ndate: 2023-09-13\nlinktitle: Analysis\ntitle-tag: Search title\nog-title: Shared title\n---\nBody.\n',
    });
    const $ = html('2023/09/call/index.html');
    expect([$('.story-kicker').text(), $('title').text(), $('meta[property="og:title"]').attr('content')]).toEqual(['Analysis', 'Search title | T', 'Shared title']);
  });

  it('shows a non-Latin tag in its own script with an ASCII URL', async () => {
    const { html, writer } = await render({ 'ur.md': '---\ntitle: خبر\ndate: 2023-01-01\ntags: [پاکستان, 中国]\nlang: ur\n---\nمتن\n' });
    const $ = html('2023/01/ur/index.html');
    expect([$('article').attr('lang'), $('article').attr('dir')]).toEqual(['ur', 'rtl']);
    const links = $('a[rel=tag]').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get();
    expect(links[0]).toEqual(['پاکستان', '/tags/pakstan/']);
    expect(links[1]?.[0]).toBe('中国');
    expect(links[1]?.[1]).toMatch(/^\/tags\/x-[0-9a-f]{8}\/$/);
    expect(writer.files.has(`${String(links[1]?.[1]).slice(1)}index.html`)).toBe(true);
  });

  it('sets the whole page right to left when the site is in Urdu', async () => {
    const { html } = await render(
      { 'a.md': '---\ntitle: خبر\ndate: 2023-01-01\n---\nمتن\n' },
      '{ "title": "اخبار", "url": "https://example.org/", "language": "ur" }',
    );
    expect([html('index.html')('html').attr('lang'), html('index.html')('html').attr('dir')]).toEqual(['ur', 'rtl']);
    expect(html('2023/01/a/index.html')('article').attr('dir')).toBeUndefined();
  });

  it('follows the configured permalink pattern, dated in the site time zone', async () => {
    const { writer } = await render(
      { 'late.md': '---\ntitle: Late\ndate: 2023-12-31T22:00:00Z\nsection: World News\n---\nx\n' },
      '{ "title": "T", "url": "https://example.org/", "timezone": "Asia/Karachi", "permalink": "/:section/:year/:month/:day/:slug/" }',
    );
    expect(writer.files.has('world-news/2024/01/01/late/index.html')).toBe(true);
  });

  it('reports a story that lacks the section its permalink needs', async () => {
    await expect(
      render({ 'a.md': '---\ntitle: A\ndate: 2023-01-01\n---\nx\n' }, '{ "title": "T", "url": "https://e.org/", "permalink": "/:section/:slug/" }'),
    ).rejects.toMatchObject({ problems: [{ file: 'content/a.md', message: expect.stringContaining('needs a `section`') }] });
  });

  it('builds an empty site with a front page that says so', async () => {
    const { html, summary } = await render({});
    expect(summary.stories).toBe(0);
    expect(html('index.html')('main p').first().text()).toBe('No stories have been published yet.');
  });
});

describe('siteUrl', () => {
  it.each([
    ['/tags/ttp/', '/news/', '/news/tags/ttp/'],
    ['/', '/news/', '/news/'],
    ['/', '/', '/'],
    ['https://cdn.example.org/a.jpg', '/news/', 'https://cdn.example.org/a.jpg'],
    ['//cdn.example.org/a.jpg', '/news/', '//cdn.example.org/a.jpg'],
  ])('%j under %j is %j', (url, base, expected) => {
    expect(siteUrl(url, base)).toBe(expected);
  });
});
