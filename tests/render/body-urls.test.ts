/** Links and images in story bodies under a base path on pages, absolute in feeds. */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/parse/markdown.js';
import { bodyForFeed, bodyForPage } from '../../src/render/body-urls.js';

const config = { url: 'https://example.org/news/', basePath: '/news/' };
const STORY = '/2023/09/call/';

/** What a reader's browser would follow: every link's and image's address, in order. */
function addresses(html: string): string[] {
  const $ = load(html);
  return $('a[href], img[src]').map((_, element) => $(element).attr('href') ?? $(element).attr('src')).get();
}

const markdown = (source: string) => renderMarkdown(source).html;

describe('addresses in a story body', () => {
  it.each([
    ['a site-root link', '[the report](/2023/07/report/)', '/news/2023/07/report/', 'https://example.org/news/2023/07/report/'],
    ['a site-root image', '![A map](/images/map.svg)', '/news/images/map.svg', 'https://example.org/news/images/map.svg'],
    ['a relative link', '[next](../other/)', '../other/', 'https://example.org/news/2023/09/other/'],
    ['an absolute link', '[ISPR](https://ispr.gov.pk/)', 'https://ispr.gov.pk/', 'https://ispr.gov.pk/'],
    ['a protocol-relative image', '![x](//cdn.example.com/x.png)', '//cdn.example.com/x.png', '//cdn.example.com/x.png'],
    ['a mail link', '[write](mailto:desk@example.org)', 'mailto:desk@example.org', 'mailto:desk@example.org'],
    ['a query with an ampersand', '[search](/search/?q=ttp&page=2)', '/news/search/?q=ttp&page=2', 'https://example.org/news/search/?q=ttp&page=2'],
    ['a link whose title holds > and "', '[x](/a/ "a > b \\" c")', '/news/a/', 'https://example.org/news/a/'],
  ])('%s: under the base path on the page, absolute in feeds', (_, source, onPage, inFeed) => {
    const html = markdown(source);
    expect(addresses(bodyForPage(html, config.basePath))).toEqual([onPage]);
    expect(addresses(bodyForFeed(html, config, STORY))).toEqual([inFeed]);
  });

  it('keeps a footnote link within the page and the feed item', () => {
    const html = markdown('Said so.[^1]\n\n[^1]: A [source](/sources/).\n');
    expect(addresses(bodyForPage(html, config.basePath))).toEqual(['#user-content-fn-1', '/news/sources/', '#user-content-fnref-1']);
    expect(addresses(bodyForFeed(html, config, STORY))).toEqual(['#user-content-fn-1', 'https://example.org/news/sources/', '#user-content-fnref-1']);
  });

  it('changes text that only looks like an attribute nowhere', () => {
    const html = markdown('Type href="/x" or src="/y" and [a link](/z/).');
    const $ = load(bodyForPage(html, config.basePath));
    expect($('p').text()).toBe('Type href="/x" or src="/y" and a link.');
    expect($('a').attr('href')).toBe('/news/z/');
  });

  it('leaves a body alone on a site at the root', () => {
    const html = markdown('[the report](/2023/07/report/)');
    expect(bodyForPage(html, '/')).toBe(html);
    expect(addresses(bodyForFeed(html, { url: 'https://example.org/', basePath: '/' }, STORY))).toEqual(['https://example.org/2023/07/report/']);
  });
});
