/**
 * The URL-stability guard, as a newsroom meets it: change a published story's
 * slug and the build fails naming the old address; add the alias and the
 * build passes, the old address redirecting. The same from the live site's
 * sitemap when the cache is gone, and for stories withdrawn on purpose.
 */
import { copyFileSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, page, runCli, snapshot, tempDir } from '../helpers.js';

const NOW = '2024-01-01T00:00:00Z';
const OLD = '/2023/09/call/';

function site() {
  const root = copyFixture('newsroom');
  const build = (...extra: string[]) => runCli(['build', '--root', root, '--now', NOW, ...extra]);
  const story = (name: string) => path.join(root, 'content', name);
  const edit = (name: string, change: (text: string) => string) => writeFileSync(story(name), change(readFileSync(story(name), 'utf8')));
  const dist = path.join(root, 'dist');
  return { root, build, story, edit, dist };
}

/** Add frontmatter lines after the title of `text`. */
const withFields = (...lines: string[]) => (text: string) => text.replace(/^(title: .*)$/m, `$1\n${lines.join('\n')}`);

describe('a story whose address changes', () => {
  it('fails the build naming the old address, until the story keeps it as an alias', () => {
    const { root, build, edit, dist } = site();
    expect(build().status).toBe(0);
    const before = snapshot(dist);

    edit('call.md', withFields('slug: army-chief-austin-call'));
    const failed = build();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(
      `content/call.md:1: its address changed from ${OLD} to /2023/09/army-chief-austin-call/: add \`aliases: [${OLD}]\`\n`,
    );
    expect(snapshot(dist)).toEqual(before);
    const checked = runCli(['check', '--root', root, '--now', NOW]);
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain(`content/call.md:1: its address changed from ${OLD}`);

    edit('call.md', withFields(`aliases: [${OLD}]`));
    const passed = build();
    expect(passed.status, passed.stderr).toBe(0);
    const redirect = page(path.join(dist, OLD, 'index.html'));
    expect(redirect('link[rel=canonical]').attr('href')).toBe('https://example.org/news/2023/09/army-chief-austin-call/');
    expect(page(path.join(dist, '2023/09/army-chief-austin-call/index.html'))('h1').text()).toBe('Army chief speaks to US defence secretary');

    // The alias is now published too: dropping it is caught in turn.
    edit('call.md', (text) => text.replace(`aliases: [${OLD}]\n`, ''));
    const dropped = build();
    expect(dropped.status).toBe(1);
    expect(dropped.stderr).toContain(`content/call.md:1: its old address ${OLD} redirected here in the last build and no longer does`);
  });

  it('is caught from the live site\'s sitemap when the cache is gone', () => {
    const { root, build, edit, dist } = site();
    expect(build().status).toBe(0);
    const live = path.join(tempDir(), 'live-sitemap.xml');
    copyFileSync(path.join(dist, 'sitemap.xml'), live);
    rmSync(path.join(root, '.dateline-cache'), { recursive: true });

    edit('call.md', withFields('slug: army-chief-austin-call'));
    const failed = build('--no-cache', '--published-sitemap', live);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`content/call.md:1: its address changed from ${OLD} to /2023/09/army-chief-austin-call/`);
    // Without the record or a sitemap there is nothing to compare against.
    expect(build('--no-cache').status).toBe(0);

    edit('call.md', withFields(`aliases: [${OLD}]`));
    const passed = build('--no-cache', '--published-sitemap', live);
    expect(passed.status, passed.stderr).toBe(0);
    expect(page(path.join(dist, OLD, 'index.html'))('meta[http-equiv=refresh]').attr('content')).toBe(
      '0; url=https://example.org/news/2023/09/army-chief-austin-call/',
    );
  });

  it('names the line of the sitemap when it cannot tell which story it was', () => {
    const { build, story } = site();
    const live = path.join(tempDir(), 'sitemap.xml');
    writeFileSync(
      live,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://example.org/news/2023/09/call/</loc></url>',
        '  <url><loc>https://example.org/news/2019/01/an-old-story/</loc></url>',
        '  <url><loc>https://example.org/news/tags/ttp/page/9/</loc></url>',
        '</urlset>',
      ].join('\n'),
    );
    unlinkSync(story('report.md'));
    const failed = build('--no-cache', '--published-sitemap', live);
    expect(failed.status).toBe(1);
    expect(failed.stderr.split('\n').filter((line) => line.startsWith('Build failed') || line.includes(live))).toEqual([
      `${live}:4:13: /2019/01/an-old-story/ was published, and it would lead nowhere: if its story moved, add \`aliases: [/2019/01/an-old-story/]\` to it; list /2019/01/an-old-story/ in retired-urls.txt if it was withdrawn on purpose`,
      'Build failed with 1 error; the output folder was left as it was.',
    ]);
  });

  it('rejects a sitemap that cannot be read, as a command-line mistake', () => {
    const { build, dist } = site();
    const bad = path.join(tempDir(), 'sitemap.xml');
    writeFileSync(bad, '<urlset>\n<url><loc>https://example.org/news/</url>\n</urlset>\n');
    const failed = build('--published-sitemap', bad);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain(`${bad}:2:`);
    expect(failed.stderr).toContain('is not well-formed XML');
    const missing = build('--published-sitemap', path.join(tempDir(), 'none.xml'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('none.xml: cannot be read as a sitemap: it does not exist');
    expect(() => snapshot(dist)).toThrow();
  });
});

describe('a story taken down', () => {
  it('fails the build until its address is retired, then is in no sitemap and no redirect', () => {
    const { root, build, story, dist } = site();
    expect(build().status).toBe(0);
    const before = snapshot(dist);
    const address = '/2023/07/report/';
    expect(page(path.join(dist, address, 'index.html'))('h1').length).toBe(1);

    unlinkSync(story('report.md'));
    const failed = build();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`content/report.md:1: was deleted or renamed, so ${address}, which the last build published, would lead nowhere`);
    expect(snapshot(dist)).toEqual(before);

    writeFileSync(path.join(root, 'retired-urls.txt'), `# withdrawn on legal advice\n${address}\n/tags/*\n`);
    const passed = build();
    expect(passed.status, passed.stderr).toBe(0);
    expect(Object.keys(snapshot(dist))).not.toContain(`${address.slice(1)}index.html`);
    expect(readFileSync(path.join(dist, 'sitemap.xml'), 'utf8')).not.toContain(address);
  });

  it('fails when a published story becomes a draft, naming it', () => {
    const { build, edit } = site();
    expect(build().status).toBe(0);
    edit('ispr.md', withFields('draft: true'));
    const failed = build();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/content\/ispr\.md:1: is now a draft, so \/\S+\/, which the last build published, would lead nowhere: publish it, or list/);
  });

  it('reports a line of the retired file that is not an address', () => {
    const { root, build } = site();
    writeFileSync(path.join(root, 'retired-urls.txt'), '/fine/\nhttps://example.org/news/old/\n');
    const failed = build();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('retired-urls.txt:2:1: `https://example.org/news/old/` is not a site address');
  });
});
