// Lighthouse audit of the sample site as readers get it: `npm run lighthouse`.
// Not a test (scores move with the machine's load). Builds the sample site,
// serves it under /news/ by nginx configured as the README's example (with
// gzip, as production hosts serve it), and runs Lighthouse (pinned: 12.2.3
// is the last that runs on Node 20) in headless Chromium with its default
// mobile settings on a page of each kind readers meet first. Prints each
// page's four scores, writes them as JSON to .dateline-cache/lighthouse.json,
// and exits 1 if a page scores under 95 for performance or under 100 for
// accessibility, best practices or SEO.
//
//   node bench/lighthouse.mjs [--runs 1]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { startNginx } from './static-host.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
const runs = Number(values.runs);

const PAGES = [
  ['home', '/news/'],
  ['story with a lead image', '/news/2023/09/army-chief-austin-call/'],
  ['Urdu story', '/news/2023/09/army-chief-call-urdu/'],
  ['tag', '/news/tags/ttp/'],
  ['search', '/news/search/'],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const FLOOR = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const work = mkdtempSync(path.join(tmpdir(), 'dateline-lighthouse-'));
execFileSync(process.execPath, [path.join(repo, 'lib', 'cli.js'), 'build', '--out', path.join(work, 'site', 'news'), '--cache', path.join(work, 'cache'), '--now', '2023-09-15T12:00:00+05:00', '--quiet'], { cwd: repo, stdio: 'inherit' });
const host = await startNginx(path.join(work, 'site'));
const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const chromium = spawn('/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  `--remote-debugging-port=${port}`, `--user-data-dir=${path.join(work, 'profile')}`, 'about:blank',
], { stdio: 'ignore' });

const results = [];
let failed = false;
try {
  // Wait for the DevTools port.
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`http://127.0.0.1:${port}/json/version`);
      break;
    } catch {
      if (attempt > 100) throw new Error('Chromium did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  for (const [name, url] of PAGES) {
    // The median of `runs` runs per category: one run can be unlucky on a busy machine.
    const scores = Object.fromEntries(CATEGORIES.map((category) => [category, []]));
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      const { lhr } = await lighthouse(`${host.origin}${url}`, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      for (const category of CATEGORIES) scores[category].push(Math.round((lhr.categories[category].score ?? 0) * 100));
      bytes = lhr.audits['total-byte-weight'].numericValue;
    }
    const median = Object.fromEntries(CATEGORIES.map((category) => [category, scores[category].sort((a, b) => a - b)[Math.floor(runs / 2)]]));
    const low = CATEGORIES.filter((category) => median[category] < FLOOR[category]);
    failed ||= low.length > 0;
    results.push({ page: name, url, ...median, kib: Math.round(bytes / 1024) });
    console.log(
      `  ${name.padEnd(24)} performance ${String(median.performance).padStart(3)}  accessibility ${String(median.accessibility).padStart(3)}  best practices ${String(median['best-practices']).padStart(3)}  SEO ${String(median.seo).padStart(3)}  ${String(Math.round(bytes / 1024)).padStart(4)} KiB${low.length ? `  UNDER THE FLOOR: ${low.join(', ')}` : ''}`,
    );
  }
} finally {
  // Chromium writes its profile until it has exited.
  const exited = new Promise((resolve) => chromium.once('exit', resolve));
  chromium.kill();
  await exited;
  await host.stop();
  rmSync(work, { recursive: true, force: true });
}
mkdirSync(path.join(repo, '.dateline-cache'), { recursive: true });
writeFileSync(path.join(repo, '.dateline-cache', 'lighthouse.json'), `${JSON.stringify({ runs, results }, null, 2)}\n`);
if (failed) {
  console.error(`A page scored under the floor (performance ${FLOOR.performance}, the others ${FLOOR.seo}).`);
  process.exitCode = 1;
}
