/** The sample newsroom in `content/` builds into a real site. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { page, REPO, runCli, snapshot, tempDir, type CliResult } from '../helpers.js';

let out: string;
let run: CliResult;

beforeAll(() => {
  out = path.join(tempDir(), 'dist');
  run = runCli(['build', '--out', out], { cwd: REPO });
});

describe('the sample site', () => {
  it('builds without warnings, leaving out its draft', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Left out 1 draft (--drafts to include): content/2023/09/balochistan-follow-up.md');
  });

  it('has at least eight stories across several sections and bylines', () => {
    const home = page(path.join(out, 'index.html'));
    expect(home('.pagination').text()).toContain('Page 1 of 2');
    const stories = Object.keys(snapshot(out)).filter((f) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(f));
    expect(stories.length).toBeGreaterThanOrEqual(8);
    expect(page(path.join(out, 'sections/index.html'))('.term-index li').length).toBeGreaterThanOrEqual(3);
    expect(page(path.join(out, 'bylines/index.html'))('.term-index li').length).toBeGreaterThanOrEqual(3);
  });

  it('sets an Urdu story right to left', () => {
    const $ = page(path.join(out, '2023/09/army-chief-call-urdu/index.html'));
    expect([$('article').attr('lang'), $('article').attr('dir')]).toEqual(['ur', 'rtl']);
    expect($('article h1').text()).toBe('آرمی چیف اور امریکی وزیر دفاع کا ٹیلی فون پر رابطہ');
    // The site's own navigation stays in the site's language and direction.
    expect([$('html').attr('lang'), $('html').attr('dir')]).toEqual(['en', 'ltr']);
    expect($('meta[property="og:locale"]').attr('content')).toBe('ur');
    // Its dates are written in Urdu, with Urdu month names; machines still get ISO 8601.
    expect($('.times time').first().text()).toBe('13 ستمبر، 2023 کو 11:00 GMT +5');
    expect($('.times time').first().attr('datetime')).toBe('2023-09-13T11:00:00+05:00');
  });

  it("sets the Urdu story's card right to left wherever it is listed, its place, date and byline each kept whole", () => {
    for (const list of ['index.html', 'sections/pakistan/index.html', 'bylines/ayesha-siddiqui/index.html']) {
      const $ = page(path.join(out, list));
      const card = $('.card').filter((_, c) => $(c).find('a').attr('href') === '/news/2023/09/army-chief-call-urdu/');
      expect([card.attr('lang'), card.attr('dir')], list).toEqual(['ur', 'rtl']);
      // Each piece of the metadata line isolated, so an English date is not split around an Urdu place name.
      expect(card.find('.card-meta > bdi > time').attr('datetime'), list).toBe('2023-09-13T11:00:00+05:00');
      expect(card.find('.card-meta .dateline > bdi').text(), list).toBe('اسلام آباد');
    }
    const english = page(path.join(out, 'index.html'))('.card').first();
    expect(english.attr('lang')).toBeUndefined();
  });

  it('reports the army chief’s call, tagged and datelined as a newspaper would', () => {
    const $ = page(path.join(out, '2023/09/army-chief-austin-call/index.html'));
    expect($('h1').text()).toContain('Army chief and US defence secretary');
    expect($('.dateline').text()).toBe('ISLAMABAD:');
    expect($('a[rel=author]').text()).toBe('Ayesha Siddiqui');
    const tags = $('a[rel=tag]').map((_, a) => $(a).attr('href')).get();
    expect(tags).toEqual(expect.arrayContaining(['/news/tags/ttp/', '/news/tags/ispr/', '/news/tags/kp/', '/news/tags/balochistan/']));
    const body = $('.body').text();
    for (const fact of ['Asim Munir', 'Lloyd Austin', 'ceasefire', 'Chitral', '389', 'Matthew Miller', 'Tom West']) {
      expect(body).toContain(fact);
    }
  });

  it('puts links and images in story bodies under the site’s base path', () => {
    const $ = page(path.join(out, '2023/09/explainer-what-is-the-ttp/index.html'));
    expect($('.body img').attr('src')).toBe('/news/images/frontier-provinces.svg');
    expect($('.body a').map((_, a) => $(a).attr('href')).get()).toEqual(['/news/2023/07/picss-half-year-report/', '/news/2023/09/explainer-ispr/']);
  });

  it('makes every address in a feed item’s body absolute', () => {
    const bodies = [
      ...['feed.xml', 'atom.xml'].flatMap((file) => parseFeed(readFileSync(path.join(out, file), 'utf8')).items.map((item) => item.content ?? '')),
      ...(JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8')) as { items: { content_html: string }[] }).items.map((item) => item.content_html),
    ];
    const addresses = bodies.flatMap((html) => {
      const $ = load(html);
      return $('a[href], img[src]').map((_, element) => $(element).attr('href') ?? $(element).attr('src')).get();
    });
    expect(addresses).toEqual(expect.arrayContaining(['https://example.org/news/images/frontier-provinces.svg', 'https://example.org/news/2023/07/picss-half-year-report/']));
    expect(addresses.filter((address) => !/^(?:https:\/\/|#)/.test(address))).toEqual([]);
  });
});
