/**
 * The CLI as a user runs it, on the fixture newsroom, checked through a real
 * HTML parser.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, NOW, page, runCli, snapshot, tempDir, themeAsset, type CliResult } from '../helpers.js';

/** Built in place, each build with a cache folder of its own: the fixture's folder keeps no record between tests (see url-stability.test.ts). */
const ROOT = path.join(FIXTURES, 'newsroom');
let out: string;
let result: CliResult;
const at = (url: string): CheerioAPI => page(path.join(out, url.replace(/^\/news\//, ''), url.endsWith('/') ? 'index.html' : ''));
const storyTitles = ($: CheerioAPI) => $('main .card h2').map((_, h) => $(h).text().trim()).get();

beforeAll(() => {
  out = path.join(tempDir(), 'dist');
  result = runCli(['build', '--root', ROOT, '--cache', tempDir(), '--out', out, '--now', NOW]);
});

describe('dateline build on the fixture newsroom', () => {
  it('succeeds and prints a one-line summary', () => {
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Built 32 pages from 6 stories in \d+\.\d\d s$/m);
  });

  it('prints the time of each stage with --verbose, and nothing but errors with --quiet', () => {
    const verbose = runCli(['build', '--root', ROOT, '--cache', tempDir(), '--out', path.join(tempDir(), 'dist'), '--now', NOW, '--verbose']);
    expect(verbose.stdout).toMatch(/^load \d+ ms, parse \d+ ms, model \d+ ms, plan \d+ ms, keys \d+ ms, render \d+ ms, images \d+ ms, search \d+ ms, write \d+ ms$/m);
    const quiet = runCli(['build', '--root', ROOT, '--cache', tempDir(), '--out', path.join(tempDir(), 'dist'), '--now', NOW, '--quiet']);
    expect([quiet.status, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
  });

  it('lists what it left out and how to include it', () => {
    expect(result.stdout).toContain('Left out 1 draft (--drafts to include): content/draft.md; 1 embargoed story (--future to include): content/embargoed.md');
  });

  it('names five of many stories left out on screen, and every one with --verbose and in the report', () => {
    const root = copyFixture('newsroom');
    for (let n = 1; n <= 7; n++) writeFileSync(path.join(root, 'content', `later-${n}.md`), `---\ntitle: Later ${n}\ndate: 2031-02-0${n}\n---\nNot yet.\n`);
    const run = (...extra: string[]) => runCli(['build', '--now', NOW, ...extra], { cwd: root }).stdout.split('\n').find((line) => line.startsWith('Left out')) ?? '';
    const later = (n: number) => `content/later-${n}.md`;
    expect(run()).toBe(
      `Left out 1 draft (--drafts to include): content/draft.md; 8 embargoed stories (--future to include): content/embargoed.md, ${[1, 2, 3, 4].map(later).join(', ')} and 3 more (--verbose or the build report lists them all)`,
    );
    expect(run('--verbose')).toContain(`content/embargoed.md, ${[1, 2, 3, 4, 5, 6, 7].map(later).join(', ')}`);
    const report = JSON.parse(readFileSync(path.join(root, '.dateline-cache', 'build-report.json'), 'utf8')) as { embargoed: string[] };
    expect(report.embargoed).toHaveLength(8);
  });

  it('warns once about tag spellings that share a URL, naming the file', () => {
    expect(result.stderr).toContain('warning: tag spellings share the URL /tags/counter-terrorism/');
    expect(result.stderr).toContain('`counter terrorism` in content/chitral.md');
  });

  it('shows a story with its tags linking to their pages', () => {
    const $ = at('/news/2023/09/call/');
    expect($('h1').text()).toBe('Army chief speaks to US defence secretary');
    const tags = $('a[rel=tag]').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get();
    expect(tags).toEqual([
      ['TTP', '/news/tags/ttp/'],
      ['ISPR', '/news/tags/ispr/'],
      ['Counter Terrorism', '/news/tags/counter-terrorism/'],
    ]);
  });

  it('shows bylines, dateline, section and times in the site zone', () => {
    const $ = at('/news/2023/09/call/');
    expect($('a[rel=author]').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get()).toEqual([
      ['Ayesha Siddiqui', '/news/bylines/ayesha-siddiqui/'],
      ['Bilal Ahmed', '/news/bylines/bilal-ahmed/'],
    ]);
    expect($('.bylines').text()).toBe('By Ayesha Siddiqui and Bilal Ahmed');
    expect($('.dateline').text()).toBe('ISLAMABAD:');
    expect($('.kicker a').attr('href')).toBe('/news/sections/pakistan/');
    expect($('.times time').map((_, t) => [[$(t).attr('datetime'), $(t).text()]]).get()).toEqual([
      ['2023-09-13T09:30:00+05:00', '13 September 2023, 09:30 GMT+5'],
      ['2023-09-13T15:00:00+05:00', '13 September 2023, 15:00 GMT+5'],
    ]);
  });

  it('shows the lead image with caption and credit, and copies it', () => {
    const $ = at('/news/2023/09/chitral/');
    expect($('figure img').attr('src')).toBe('/news/images/valley.svg');
    expect($('figure img').attr('alt')).toBe('A mountain valley');
    expect($('figcaption').text()).toBe('The Chitral valley. Fixture illustration');
    expect(existsSync(path.join(out, 'images/valley.svg'))).toBe(true);
  });

  it('does not repeat the first paragraph as a standfirst when the story has no summary', () => {
    const $ = at('/news/2023/09/chitral/');
    expect($('.standfirst')).toHaveLength(0);
    expect($('meta[name=description]').attr('content')).toBe('Four soldiers were killed and more than 16 militants died.');
    expect(at('/news/2023/09/ispr/')('.standfirst').text()).toBe("The military's media wing, explained.");
  });

  it('uses the slug from the frontmatter over the file name', () => {
    expect(at('/news/2023/08/envoy-names-ttp/')('h1').text()).toBe('US envoy names TTP the top regional threat');
  });

  it('lists exactly the tag’s stories, newest first, paginated at the page size', () => {
    const first = at('/news/tags/ttp/');
    const second = at('/news/tags/ttp/page/2/');
    expect(first('h1').text()).toBe('TTP');
    expect(storyTitles(first)).toEqual(['Army chief speaks to US defence secretary', 'Troops repel attack in Chitral']);
    expect(storyTitles(second)).toEqual(['US envoy names TTP the top regional threat']);
    expect(first('a[rel=next]').attr('href')).toBe('/news/tags/ttp/page/2/');
    expect(first('a[rel=prev]')).toHaveLength(0);
    expect(second('a[rel=prev]').attr('href')).toBe('/news/tags/ttp/');
    expect(existsSync(path.join(out, 'tags/ttp/page/3'))).toBe(false);
  });

  it('merges spellings into one tag page with the most used spelling', () => {
    const $ = at('/news/tags/counter-terrorism/');
    expect($('h1').text()).toBe('Counter Terrorism');
    expect($('.count').text()).toContain('3 stories');
    expect(readdirSync(path.join(out, 'tags')).filter((d) => d.includes('counter'))).toEqual(['counter-terrorism']);
  });

  it('has byline and section pages built the same way', () => {
    expect(storyTitles(at('/news/bylines/bilal-ahmed/'))).toEqual(['What the ISPR does', 'Army chief speaks to US defence secretary']);
    expect(storyTitles(at('/news/sections/world/'))).toEqual(['US envoy names TTP the top regional threat', "<script>alert('title')</script> & friends"]);
  });

  it('lists every tag, byline and section with its story count', () => {
    const $ = at('/news/tags/');
    const rows = $('.term-index li').map((_, li) => [[$(li).find('a').text(), $(li).find('.count').text()]]).get();
    expect(rows).toEqual([
      ['<b>bold</b>', '1'],
      ['Counter Terrorism', '3'],
      ['ISPR', '2'],
      ['KP', '2'],
      ['TTP', '3'],
    ]);
    expect(at('/news/bylines/')('.term-index li')).toHaveLength(4);
    expect(at('/news/sections/')('.term-index a').map((_, a) => $(a).text()).get()).toEqual(['Explainers', 'Pakistan', 'World']);
  });

  it('paginates the home page, newest first', () => {
    // The newest story leads; the river of the others, two a page, follows it.
    expect(at('/news/')('.lead-story h2').text()).toBe('What the ISPR does');
    expect(storyTitles(at('/news/'))).toEqual(['Army chief speaks to US defence secretary', 'Troops repel attack in Chitral']);
    expect(storyTitles(at('/news/page/3/'))).toEqual(["<script>alert('title')</script> & friends"]);
    expect(at('/news/page/3/')('a[rel=next]')).toHaveLength(0);
  });

  it('uses the first paragraph as the summary when there is none', () => {
    const $ = at('/news/sections/pakistan/page/2/');
    expect($('.card p').last().text()).toBe('The first half of the year saw 389 people killed in militant attacks.');
  });

  it('writes a 404 page and the theme assets', () => {
    expect(page(path.join(out, '404.html'))('h1').text()).toBe('Page not found');
    expect(readFileSync(path.join(out, themeAsset(out, 'assets/style.css')), 'utf8')).toContain('prefers-color-scheme');
  });

  it('puts the base path in every internal link and asset', () => {
    for (const file of Object.keys(snapshot(out)).filter((f) => f.endsWith('.html'))) {
      const $ = page(path.join(out, file));
      const urls = $('[href], [src]').map((_, el) => $(el).attr('href') ?? $(el).attr('src')).get();
      for (const url of urls) {
        expect(url, `${url} in ${file}`).toMatch(/^(\/news\/|https:\/\/example\.org\/news\/|#main$)/);
        if (url.startsWith('/news/')) {
          const target = path.join(out, url.slice('/news/'.length), url.endsWith('/') ? 'index.html' : '');
          expect(existsSync(target), `${url} in ${file} points to a file that exists`).toBe(true);
        }
      }
    }
  });

  it('shows hostile text in titles, bylines, tags and summaries as text, never markup', () => {
    for (const file of Object.keys(snapshot(out)).filter((f) => f.endsWith('.html'))) {
      const $ = page(path.join(out, file));
      // The search page's own scripts (Pagefind's UI and the theme's starter) are the only ones.
      const theirs = file === 'search/index.html' ? `:not([src="/news/pagefind/pagefind-ui.js"]):not([src="/news/${themeAsset(out, 'assets/search.js')}"])` : '';
      expect($(`script:not([type="application/ld+json"])${theirs}, iframe, b, img[onerror], [onclick]`), file).toHaveLength(0);
      for (const data of $('script[type="application/ld+json"]').map((_, el) => $(el).text()).get()) {
        expect(data, file).not.toContain('</');
        expect(() => JSON.parse(data), file).not.toThrow();
      }
    }
    const url = readdirSync(path.join(out, '2023/06'))[0];
    const $ = at(`/news/2023/06/${url}/`);
    expect($('h1').text()).toBe("<script>alert('title')</script> & friends");
    expect($('title').text()).toBe("<script>alert('title')</script> & friends | Fixture Gazette");
    expect($('a[rel=author]').text()).toBe("<img src=x onerror=alert('byline')>");
    expect($('a[rel=tag]').text()).toBe('<b>bold</b>');
    expect(JSON.parse($('script[type="application/ld+json"]').text())).toMatchObject({
      headline: "<script>alert('title')</script> & friends",
      author: [{ name: "<img src=x onerror=alert('byline')>" }],
      keywords: ['<b>bold</b>'],
    });
    expect($('.standfirst').text()).toBe("<iframe src=javascript:alert('summary')></iframe>");
    expect($('meta[name=description]').attr('content')).toBe("<iframe src=javascript:alert('summary')></iframe>");
    expect($('.body').text()).toContain('raw HTML and a bad link');
    expect($('.body a').attr('href')).toBeUndefined();
  });

  it('includes drafts and embargoed stories only when asked', () => {
    const all = path.join(tempDir(), 'dist');
    const run = runCli(['build', '--root', ROOT, '--cache', tempDir(), '--out', all, '--now', NOW, '--drafts', '--future']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Built \d+ pages from 8 stories/m);
    expect(storyTitles(page(path.join(all, 'tags/balochistan/index.html')))).toEqual(['An embargoed report', 'A draft about Balochistan']);
    expect(existsSync(path.join(out, 'tags/balochistan'))).toBe(false);
  });
});

describe('story files by name', () => {
  it('reads .markdown, .mdown and .mkd stories, and copies other files, frontmatter-free, as they are', () => {
    const root = copyFixture('newsroom');
    const story = (title: string) => `---\ntitle: ${title}\ndate: 2023-09-05 10:00\ntags: [Transport]\n---\nBuses stayed off the roads in Peshawar.\n`;
    const files: Record<string, string> = {
      'imported/2023-09-05-transport-strike.markdown': story('Transporters strike over fuel prices'),
      'imported/wheat-prices.mdown': story('Flour mills raise wheat prices'),
      'imported/gas-shortage.mkd': story('Gas shortage hits Quetta homes'),
      // Not stories: a YAML document marker, and a rule that opens no frontmatter.
      'data/desks.yml': '---\ndesks: [Peshawar, Quetta]\n',
      'imported/rule.txt': '---\nA line under a rule, and no closing fence.\n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, 'content', name)), { recursive: true });
      writeFileSync(path.join(root, 'content', name), text);
    }
    const built = path.join(tempDir(), 'dist');
    const run = runCli(['build', '--root', root, '--out', built, '--now', NOW]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('from 9 stories');
    const title = (url: string) => page(path.join(built, url, 'index.html'))('h1').text();
    // A Jekyll post's name: the date is not part of its address.
    expect(title('2023/09/transport-strike')).toBe('Transporters strike over fuel prices');
    expect(title('2023/09/wheat-prices')).toBe('Flour mills raise wheat prices');
    expect(title('2023/09/gas-shortage')).toBe('Gas shortage hits Quetta homes');
    const published = Object.keys(snapshot(built));
    expect(published).toEqual(expect.arrayContaining(['data/desks.yml', 'imported/rule.txt']));
    expect(published.filter((file) => /\.(?:markdown|mdown|mkd)$/.test(file))).toEqual([]);
  });
});

describe('TOML frontmatter', () => {
  it('builds a story written for Hugo, between +++ lines', () => {
    const root = copyFixture('newsroom');
    writeFileSync(
      path.join(root, 'content', 'hugo-story.md'),
      '+++\ntitle = "Traders shut markets in Quetta"\ndate = 2023-09-11T18:45:00+05:00\ntags = ["Balochistan", "Economy"]\nbyline = "Farah Naqvi"\n+++\nShops stayed closed across the city.\n',
    );
    const built = path.join(tempDir(), 'dist');
    const run = runCli(['build', '--root', root, '--out', built, '--now', NOW]);
    expect(run.status, run.stderr).toBe(0);
    const $ = page(path.join(built, '2023', '09', 'hugo-story', 'index.html'));
    expect($('h1').text()).toBe('Traders shut markets in Quetta');
    expect($('a[rel=tag]').map((_, a) => $(a).text()).get()).toEqual(['Balochistan', 'Economy']);
    expect($('time').first().attr('datetime')).toBe('2023-09-11T18:45:00+05:00');
  });
});

/** A copy of the fixture newsroom whose call.md has one more frontmatter line, `field`. */
function newsroomWithCallField(field: string): string {
  const root = copyFixture('newsroom');
  const file = path.join(root, 'content', 'call.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('\n---\n', `\n${field}\n---\n`));
  return root;
}

describe('old addresses', () => {
  it('redirect to the story, as pages and as a _redirects file', () => {
    const root = newsroomWithCallField('aliases: [/2023/09/army-chief-call/, /old/call.html, /2023/09/austin-call]');
    writeFileSync(path.join(root, 'content', 'jekyll.md'), '---\ntitle: A Jekyll post\ndate: 2023-09-10\nredirect_from: /posts/jekyll-post/\n---\nBody.\n');
    const built = path.join(tempDir(), 'dist');
    const run = runCli(['build', '--root', root, '--out', built, '--now', NOW]);
    expect(run.status, run.stderr).toBe(0);
    for (const file of ['2023/09/army-chief-call/index.html', 'old/call.html', '2023/09/austin-call/index.html']) {
      const $ = page(path.join(built, file));
      expect($('meta[http-equiv=refresh]').attr('content'), file).toBe('0; url=https://example.org/news/2023/09/call/');
      expect($('link[rel=canonical]').attr('href')).toBe('https://example.org/news/2023/09/call/');
      expect($('meta[name=robots]').attr('content')).toBe('noindex');
      expect($('a').attr('href')).toBe('https://example.org/news/2023/09/call/');
    }
    expect(page(path.join(built, 'posts/jekyll-post/index.html'))('link[rel=canonical]').attr('href')).toBe('https://example.org/news/2023/09/jekyll/');
    expect(readFileSync(path.join(built, '_redirects'), 'utf8').split('\n').filter(Boolean).sort()).toEqual([
      '/news/2023/09/army-chief-call/ /news/2023/09/call/ 301',
      '/news/2023/09/austin-call/ /news/2023/09/call/ 301',
      '/news/old/call.html /news/2023/09/call/ 301',
      '/news/posts/jekyll-post/ /news/2023/09/jekyll/ 301',
    ]);
    // Old addresses are not pages of the site: not in the sitemap.
    expect(readFileSync(path.join(built, 'sitemap.xml'), 'utf8')).not.toContain('army-chief-call');
  });

  it.each([
    ['an alias at a page of the site', 'aliases: [/tags/ttp/]', 'content/call.md:1: its alias /tags/ttp/ is also used by the tag `TTP`: an old address can redirect only where nothing else is; remove it from `aliases`'],
    [
      'an alias that leaves the site',
      'aliases: ["https://elsewhere.example/x/"]',
      'content/call.md:9:11: `aliases.0`: must be an address of this site, from its root, such as `/2023/09/old-slug/` or `/old-page.html`: no scheme, host, `..`, `?` or `#` (got `https://elsewhere.example/x/`)',
    ],
    ['an alias with ..', 'aliases: [/a/../b/]', 'must be an address of this site, from its root, such as `/2023/09/old-slug/`'],
  ])('refuse %s, naming it', (_, aliases, message) => {
    const root = newsroomWithCallField(aliases);
    const run = runCli(['build', '--root', root, '--out', path.join(tempDir(), 'dist'), '--now', NOW]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  });
});

describe('a story’s own address', () => {
  it.each([
    ['Hugo’s url', 'url: /special/budget-2024/', 'special/budget-2024/index.html'],
    ['Jekyll’s permalink with its tokens', 'permalink: /news/:year/:title', 'news/2023/call/index.html'],
    ['a file name', 'url: /reports/call.html', 'reports/call.html'],
  ])('replaces the site’s permalink: %s', (_, field, file) => {
    const root = newsroomWithCallField(field);
    const built = path.join(tempDir(), 'dist');
    const run = runCli(['build', '--root', root, '--out', built, '--now', NOW]);
    expect(run.status, run.stderr).toBe(0);
    expect(page(path.join(built, file))('h1').text()).toBe('Army chief speaks to US defence secretary');
    expect(existsSync(path.join(built, '2023', '09', 'call'))).toBe(false);
  });

  it.each([
    ['an empty url, as Hugo archives hold', 'url: ""', 0, ''],
    ['an address that climbs out', 'url: /../../etc/', 1, 'content/call.md:9:6: `url`: must be an address of this site, from its root'],
    ['an unknown token', 'permalink: /:categories/:title/', 1, 'using only `:year`, `:month`, `:day`, `:slug`, `:title`, `:section` as tokens'],
    ['another story’s address', 'url: /2023/09/ispr/', 1, 'content/call.md:1: the URL /2023/09/ispr/ is also used by content/ispr.md'],
  ])('%s', (_, field, status, message) => {
    const root = newsroomWithCallField(field);
    const run = runCli(['build', '--root', root, '--out', path.join(tempDir(), 'dist'), '--now', NOW]);
    expect(run.status, run.stderr).toBe(status);
    expect(run.stderr).toContain(message);
  });
});
