/**
 * Dateline as a newsroom gets it: the npm package, packed, installed into an
 * empty temporary folder with no repository around it, and used there as
 * the README says, each command a process: `npx dateline init site`, then
 * in the site `npm install` of the package, `npx dateline build` and
 * `npx dateline check`. The site it builds passes the link crawl on nginx.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';
import { crawlSite } from '../support/crawl.js';
import { startNginx, type StaticHost } from '../support/nginx.js';

/** A user's environment: no settings of the `npm test` running this, but npm's own cache, so packages come from it when they can. */
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC' };

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, [...args], { cwd, env: ENV, encoding: 'utf8', timeout: 300_000 });
  expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

const NPM_INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline'];

let tarball: string;
let work: string;
let host: StaticHost | undefined;

beforeAll(() => {
  work = tempDir('dateline-package-');
  // The compiled library as `npm test` just built it: packing without scripts leaves lib/ alone while other tests run it.
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO).stdout) as { filename: string; size: number; files: { path: string }[] }[];
  tarball = path.join(work, packed[0]!.filename);
  expect(existsSync(tarball)).toBe(true);
}, 120_000);

afterAll(async () => {
  await host?.stop();
});

describe('the package', () => {
  it('holds the compiled library, the default theme, the README and the licence, and nothing else', () => {
    const listing = run('tar', ['-tzf', tarball], work).stdout.split('\n').filter(Boolean).map((file) => file.replace(/^package\//, ''));
    const tops = new Set(listing.map((file) => file.split('/')[0]));
    expect([...tops].sort()).toEqual(['LICENSE', 'README.md', 'lib', 'package.json', 'templates']);
    expect(listing).toEqual(expect.arrayContaining(['lib/cli.js', 'lib/index.d.ts', 'templates/layout.liquid', 'templates/assets/style.css']));
    expect(listing.filter((file) => file.endsWith('.map') || file.endsWith('.tsbuildinfo') || file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string> };
    expect(manifest.name).toBe('dateline-news');
    expect(manifest.bin).toEqual({ dateline: 'lib/cli.js' });
  });

  it('installed into an empty folder, starts a site that builds, checks and passes the link crawl on nginx', async () => {
    const app = path.join(work, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), '{ "name": "trying-dateline", "private": true }\n');
    run('npm', [...NPM_INSTALL, tarball], app);

    const init = run('npx', ['dateline', 'init', 'site', '--title', 'Valley Gazette', '--url', 'https://example.org/news/', '--timezone', 'Asia/Karachi'], app);
    expect(init.stdout).toContain('Created a Dateline site in site:');
    const site = path.join(app, 'site');
    // As a newsroom does after `init`: the package from the registry (here, the same tarball).
    run('npm', [...NPM_INSTALL, tarball], site);
    const built = run('npx', ['dateline', 'build'], site);
    expect(built.stdout).toMatch(/^Built \d+ pages from 1 story in/m);
    expect(run('npx', ['dateline', 'check'], site).stdout).toMatch(/^Checked \d+ pages from 1 story in .*: no errors; nothing was written/m);
    expect(run('npm', ['run', 'build', '--silent'], site).stdout).toMatch(/^Built /m);

    const served = tempDir('dateline-served-');
    cpSync(path.join(site, 'dist'), path.join(served, 'news'), { recursive: true });
    host = await startNginx(served);
    const { broken, checked } = await crawlSite(host);
    expect(broken).toEqual([]);
    expect(checked).toEqual(expect.arrayContaining([`${host.origin}/news/`, expect.stringMatching(/\/news\/assets\/style\.[0-9a-f]{10}\.css$/), `${host.origin}/news/feed.xml`]));
    expect(checked.some((url) => /\/news\/\d{4}\/\d{2}\/welcome\/$/.test(url))).toBe(true);
  }, 400_000);
});
