/**
 * Archives written for other generators, built as they are: a Hugo-style one
 * (TOML, `authors`/`topics`/`categories`, `url`, `aliases`, a shortcode, a
 * page bundle, an `_index.md`), a
 * Jekyll-style one (dated file names, `author`, `categories`, `permalink`,
 * `redirect_from`, `published: false`, a Liquid tag) and a messy YAML one
 * (YAML 1.1 dates, empty values, numbers, CRLF). The CLI as a process, pages
 * read with an HTML parser.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, page, runCli, snapshot, tempDir, type CliResult } from '../helpers.js';

const NOW = '2024-06-01T00:00:00Z';

function buildArchive(name: string): CliResult & { out: string } {
  const out = path.join(tempDir(), 'dist');
  const run = runCli(['build', '--root', path.join(FIXTURES, name), '--out', out, '--now', NOW, '--no-cache', '--report', path.join(tempDir(), 'report.json')]);
  return { ...run, out };
}

describe('a Hugo-style archive', () => {
  const { status, stderr, out } = buildArchive('hugo-archive');

  it('builds, warning about the shortcode at its line; the list page text, named with `_`, is not published', () => {
    expect(status, stderr).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      'content/news/chaman-crossing.md:14:1: warning: `{{< youtube >}}` is a Hugo shortcode: Dateline runs none, so readers see it as text',
    ]);
    expect(readdirSync(path.join(out, 'news'))).toEqual(['chaman-crossing']);
    // (Pagefind's index has names such as `pagefind/index/en_b48c55f.pf_index`.)
    expect(Object.keys(snapshot(out)).filter((file) => file.includes('_index') && !file.startsWith('pagefind/'))).toEqual([]);
  });

  it('reads its field names and its own address', () => {
    const $ = page(path.join(out, '2023/10/chaman-border-crossing-reopens/index.html'));
    expect($('h1').text()).toBe('Chaman crossing reopens after week-long closure');
    expect($('a[rel=author]').map((_, a) => $(a).text()).get()).toEqual(['Farah Naqvi', 'Bilal Ahmed']);
    expect($('a[rel=tag]').map((_, a) => $(a).text()).get()).toEqual(['Balochistan', 'Trade']);
    expect($('meta[name=description]').attr('content')).toBe('Traders welcomed the reopening of the border crossing.');
    expect($('time').first().attr('datetime')).toBe('2023-10-02T11:15:00+05:00');
    // `url = ""` is no address: the site's pattern applies, and an empty blurb gives way to the first paragraph.
    const gwadar = page(path.join(out, '2023/09/gwadar-power/index.html'));
    expect(gwadar('meta[name=description]').attr('content')).toBe('Residents said the outages lasted up to fourteen hours a day.');
  });

  it('names a page bundle\'s story after its folder, and `check` finds its links whole', () => {
    const $ = page(path.join(out, '2023/09/quetta-rail/index.html'));
    expect($('h1').text()).toBe('Rail link to Quetta restored after floods');
    expect($('.body a[href="/weekly/2023/10/chaman-border-crossing-reopens/"]').text()).toBe('Chaman crossing');
    const checked = runCli(['check', '--root', path.join(FIXTURES, 'hugo-archive'), '--now', NOW, '--no-cache']);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/^Checked 18 pages from 3 stories in [\d.]+ s: no errors; nothing was written$/m);
  });

  it('keeps its old addresses as redirects', () => {
    const target = 'https://example.org/weekly/2023/10/chaman-border-crossing-reopens/';
    for (const file of ['news/chaman-crossing/index.html', 'p/4471.html']) {
      expect(page(path.join(out, file))('link[rel=canonical]').attr('href'), file).toBe(target);
    }
    expect(readFileSync(path.join(out, '_redirects'), 'utf8')).toBe(
      '/weekly/news/chaman-crossing/ /weekly/2023/10/chaman-border-crossing-reopens/ 301\n/weekly/p/4471.html /weekly/2023/10/chaman-border-crossing-reopens/ 301\n',
    );
  });
});

describe('a Jekyll-style archive', () => {
  const { status, stdout, stderr, out } = buildArchive('jekyll-archive');

  it('builds, leaving out the unpublished post and warning about layouts and the Liquid tag', () => {
    expect(status, stderr).toBe(0);
    expect(stdout).toContain('Left out 1 draft (--drafts to include): _posts/2024-02-20-unpublished-draft.md');
    expect(stderr).toContain('warning: unknown field `layout` is ignored; also in');
    expect(stderr).toContain('_posts/2024-03-05-budget-vote.markdown:11:6: warning: `{% link %}` is a Liquid tag');
  });

  it('dates a post by its file name, reads its author and categories, and redirects its old address', () => {
    const $ = page(path.join(out, '2024/03/budget-vote/index.html'));
    expect($('h1').text()).toBe('Provincial assembly passes budget after late-night vote');
    expect($('time').first().attr('datetime')).toBe('2024-03-05T00:00:00+05:00');
    expect($('a[rel=author]').text()).toBe('Sana Mir');
    expect($('a[rel=tag]').map((_, a) => $(a).text()).get()).toEqual(['budget']);
    expect(page(path.join(out, 'sections/politics/index.html'))('.card h2').text()).toBe('Provincial assembly passes budget after late-night vote');
    expect(page(path.join(out, '2024/03/05/budget-vote.html'))('link[rel=canonical]').attr('href')).toBe('https://example.org/2024/03/budget-vote/');
  });

  it('puts a post with its own permalink there, reading its one-digit-hour date', () => {
    const $ = page(path.join(out, 'politics/session-opens/index.html'));
    expect($('h1').text()).toBe('Budget session opens in Peshawar');
    expect($('time').first().attr('datetime')).toBe('2024-03-01T09:05:00+05:00');
  });
});

describe('a messy YAML archive', () => {
  it('builds without a word: YAML 1.1 dates, empty values, numbers and CRLF read as meant', () => {
    const { status, stderr, out } = buildArchive('messy-archive');
    expect(status, stderr).toBe(0);
    expect(stderr).toBe('');
    const oneDigit = page(path.join(out, '2011/11/124062/index.html'));
    expect(oneDigit('time').first().attr('datetime')).toBe('2011-11-28T12:32:24Z');
    expect(oneDigit('a[rel=tag]').text()).toBe('security');
    expect(page(path.join(out, '2011/12/tabs-and-fractions/index.html'))('h1').text()).toBe('1984');
    const windows = page(path.join(out, '2011/12/windows/index.html'));
    expect(windows('.body').text().trim()).toBe('With CRLF line endings.');
    expect(windows('a[rel=tag]').length).toBe(1);
  });

  it('names every broken file on a line of its own, and publishes nothing', () => {
    const root = copyFixture('messy-archive');
    expect(runCli(['build', '--now', NOW], { cwd: root }).status).toBe(0);
    const before = snapshot(path.join(root, 'dist'));
    for (const name of ['twice-a.md', 'twice-b.md', 'twice-c.md']) {
      writeFileSync(path.join(root, 'content', '2011', name), '---\ntitle: One\ntitle: Two\ndate: 2011-12-03\n---\nBody.\n');
    }
    writeFileSync(path.join(root, 'content', '2011', 'no-frontmatter.md'), '# Just a heading\n\nText.\n');
    const run = runCli(['build', '--now', NOW], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('content/')).map((line) => line.split(': ')[0])).toEqual([
      'content/2011/no-frontmatter.md:1:1',
      'content/2011/twice-a.md:3:1',
      'content/2011/twice-b.md:3:1',
      'content/2011/twice-c.md:3:1',
    ]);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });
});
