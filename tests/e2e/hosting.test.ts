/**
 * What hosts read beside the pages: `_headers` and `_redirects`, parsed by
 * Netlify's own parsers (Cloudflare Pages reads the same format), and the
 * README's S3 commands, which must give the same policy.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { parseAllRedirects } from '@netlify/redirect-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW, REPO, snapshot, storyText, testSite, type TestSite } from '../helpers.js';

interface ParsedHeader {
  readonly for: string;
  readonly forRegExp: RegExp;
  readonly values: Record<string, string>;
}

interface ParsedRedirect {
  readonly from: string;
  readonly to: string;
  readonly status: number;
}

const IMAGE = path.join(REPO, 'content', 'images', 'call-illustration.jpg');

describe('the files hosts read, on a site under /news/', () => {
  let site: TestSite;
  let files: string[];
  beforeAll(() => {
    site = testSite(
      {
        'content/2023/09/call.md': storyText('Army chief speaks to US defence secretary', '2023-09-13', 'image:\n  src: /call.jpg\n  alt: An illustration of the call\naliases: [/2023/09/army-chief-call/, /old/call.html]\n'),
        'content/2023/09/chitral.md': storyText('Attack in Chitral', '2023-09-06'),
      },
      { url: 'https://example.org/news/' },
    );
    writeFileSync(path.join(site.root, 'content', 'call.jpg'), readFileSync(IMAGE));
    const run = site.build(NOW);
    expect(run.status, run.stderr).toBe(0);
    files = Object.keys(snapshot(site.out));
  });

  it('_headers: a year for the theme\'s assets and resized photos, nothing else touched', async () => {
    const { headers, errors } = await parseAllHeaders({ headersFiles: [path.join(site.out, '_headers')], configHeaders: [], minimal: false });
    expect(errors).toEqual([]);
    const rules = headers as ParsedHeader[];
    expect(rules.map((rule) => rule.for)).toEqual(['/news/assets/*', '/news/_images/*']);
    const cacheOf = (file: string) => rules.filter((rule) => rule.forRegExp.test(`/news/${file}`)).map((rule) => rule.values['Cache-Control']);
    const hashed = files.filter((file) => file.startsWith('assets/') || file.startsWith('_images/'));
    expect(hashed.filter((file) => file.startsWith('_images/')).length).toBeGreaterThan(4);
    for (const file of hashed) expect(cacheOf(file), file).toEqual(['public, max-age=31536000, immutable']);
    // Pages, feeds, sitemaps, the search index and copied files keep the host's own default.
    for (const file of files.filter((file) => !hashed.includes(file))) expect(cacheOf(file), file).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'feed.xml', 'sitemap.xml', 'call.jpg']));
  });

  it('_redirects: each old address to its story, 301, under the base path', async () => {
    const { redirects, errors } = await parseAllRedirects({ redirectsFiles: [path.join(site.out, '_redirects')], configRedirects: [], minimal: false });
    expect(errors).toEqual([]);
    expect((redirects as ParsedRedirect[]).map(({ from, to, status }) => ({ from, to, status }))).toEqual([
      { from: '/news/2023/09/army-chief-call/', to: '/news/2023/09/call/', status: 301 },
      { from: '/news/old/call.html', to: '/news/2023/09/call/', status: 301 },
    ]);
    expect(files).toContain('2023/09/call/index.html');
  });
});

describe('the README\'s S3 + CloudFront commands', () => {
  it('give content-named folders the year _headers gives them, and everything else a minute', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### S3 + CloudFront'), readme.indexOf('### Any server, under a path'));
    const commands = section.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '';
    const syncs = commands.split('\n').filter((line) => line.startsWith('aws s3 sync'));
    expect(syncs).toHaveLength(3);
    for (const folder of ['assets', '_images']) {
      expect(syncs.find((line) => line.startsWith(`aws s3 sync dist/${folder}/ `))).toContain('--cache-control "public, max-age=31536000, immutable"');
    }
    const rest = syncs.find((line) => line.startsWith('aws s3 sync dist/ '));
    expect(rest).toContain('--cache-control "public, max-age=60"');
    for (const excluded of ['assets/*', '_images/*', '_headers', '_redirects']) expect(rest).toContain(`--exclude "${excluded}"`);
    // Pages go up last, so none ever links a file not yet uploaded.
    expect(syncs.indexOf(rest!)).toBe(2);
  });
});
