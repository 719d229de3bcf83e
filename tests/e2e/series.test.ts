/**
 * Series: a taxonomy read from its first part. Its page lists the parts
 * oldest first, numbered across pages; each part shows its place and links
 * to the parts either side, kept right when a new part is published.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, snapshot, storyText, testSite } from '../helpers.js';

const NOW = '2024-01-01T00:00:00Z';

const part = (title: string, date: string, extra = 'series: Return of the TTP\n') => storyText(title, date, extra);

function site(stories: Record<string, string>) {
  const made = testSite(Object.fromEntries(Object.entries(stories).map(([file, text]) => [`content/${file}`, text])), { pageSize: 2 });
  return { ...made, put: (file: string, text: string) => made.put(`content/${file}`, text), build: () => made.build(NOW) };
}

const PARTS = {
  'report.md': part('Think tank counts 389 dead', '2023-07-04'),
  'envoy.md': part('US envoy names the TTP the top threat', '2023-08-18'),
  'chitral.md': part('Troops repel attack in Chitral', '2023-09-07'),
  'call.md': part('Army chief speaks to US defence secretary', '2023-09-13', 'tags: [TTP]\n'),
};

describe('a series of three parts', () => {
  const { out, build } = site(PARTS);
  const run = build();
  const at = (url: string) => page(path.join(out, url, 'index.html'));

  it('builds', () => {
    expect(run.status, run.stderr).toBe(0);
  });

  it('lists its parts oldest first, numbered across its pages', () => {
    const first = at('series/return-of-the-ttp');
    expect(first('h1').text()).toBe('Return of the TTP');
    expect(first('.count').text()).toBe('A series in 3 parts, from the first · Page 1 of 2');
    const parts = ($: ReturnType<typeof at>) => $('ol.series-parts > li').map((_, li) => [[$(li).find('.series-part').text(), $(li).find('.card h2').text()]]).get();
    expect(parts(first)).toEqual([
      ['Part 1', 'Think tank counts 389 dead'],
      ['Part 2', 'US envoy names the TTP the top threat'],
    ]);
    expect(first('ol.series-parts').attr('start')).toBe('1');
    expect(first('.pagination a[rel="next"]').text()).toBe('Later parts →');
    const second = at('series/return-of-the-ttp/page/2');
    expect(parts(second)).toEqual([['Part 3', 'Troops repel attack in Chitral']]);
    expect(second('ol.series-parts').attr('start')).toBe('3');
    expect(second('.pagination a[rel="prev"]').text()).toBe('← Earlier parts');
  });

  it('shows each part its place, and links to the parts either side', () => {
    const middle = at('2023/08/envoy');
    expect(middle('.series-place').text()).toBe('Part 2 of 3 in the series Return of the TTP');
    expect(middle('.series-place a').attr('href')).toBe('/news/series/return-of-the-ttp/');
    expect(middle('.series-nav a[rel="prev"]').attr('href')).toBe('/news/2023/07/report/');
    expect(middle('.series-nav .series-previous').text()).toBe('Part 1: Think tank counts 389 dead');
    expect(middle('.series-nav .series-next').text()).toBe('Part 3: Troops repel attack in Chitral');
    const first = at('2023/07/report');
    expect(first('.series-nav a[rel="prev"]')).toHaveLength(0);
    expect(first('.series-nav a[rel="next"]').attr('href')).toBe('/news/2023/08/envoy/');
    expect(at('2023/09/call')('.series-place, .series-nav')).toHaveLength(0);
  });

  it('is in the navigation, its index and the sitemap', () => {
    expect(at('')('.masthead nav a').map((_, a) => at('')(a).text()).get()).toEqual(['Tags', 'Series', 'Search']);
    expect(at('series')('.term-index a').text()).toBe('Return of the TTP');
    expect(snapshot(out)).toHaveProperty(['series/return-of-the-ttp/feed.xml']);
  });
});

describe('a site with no series', () => {
  it('does not offer one in its navigation', () => {
    const { out, build } = site({ 'call.md': part('Army chief speaks to US defence secretary', '2023-09-13', 'byline: Ayesha Siddiqui\n') });
    expect(build().status).toBe(0);
    const $ = page(path.join(out, 'index.html'));
    expect($('.masthead nav a').map((_, a) => $(a).text()).get()).toEqual(['Bylines', 'Search']);
  });
});

describe('a new part', () => {
  it('moves the last part on in a warm build: its page gains a next part, and every part its new count', () => {
    const { out, put, build } = site(PARTS);
    expect(build().status).toBe(0);
    put('west.md', part('Balochistan attacks follow', '2023-09-20'));
    const warm = build();
    expect(warm.status, warm.stderr).toBe(0);
    const chitral = page(path.join(out, '2023/09/chitral/index.html'));
    expect(chitral('.series-place').text()).toBe('Part 3 of 4 in the series Return of the TTP');
    expect(chitral('.series-nav a[rel="next"]').attr('href')).toBe('/news/2023/09/west/');
    expect(page(path.join(out, '2023/07/report/index.html'))('.series-place').text()).toBe('Part 1 of 4 in the series Return of the TTP');
  });
});

describe('a series written wrong', () => {
  it('is an error at its line', () => {
    const { out, put, build } = site(PARTS);
    expect(build().status).toBe(0);
    const before = snapshot(out);
    put('envoy.md', part('US envoy names the TTP the top threat', '2023-08-18', 'series: { name: Return of the TTP }\n'));
    const run = build();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/envoy.md:4:9: `series`: must be the name of a series, e.g. `Frontier under fire`, or a list of them');
    expect(snapshot(out)).toEqual(before);
  });
});
