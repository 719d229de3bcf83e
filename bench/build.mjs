// Build benchmark on a generated newsroom: `npm run bench -- --stories 4000`.
// Not a test. Each build runs `dateline build` as its own process into the
// site's dist/ (the cold build into a fresh one) and reports wall time,
// stories per second and peak RSS for: a cold build; a rebuild with nothing changed; a rebuild after one
// story's body changed; a rebuild after one story gained a tag. Figures are
// printed and written as JSON to .dateline-cache/bench-build.json.
//
//   node bench/build.mjs [--stories 4000] [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { stories: { type: 'string', default: '4000' }, keep: { type: 'boolean', default: false } } });
const stories = Number(values.stories);
const generator = path.join(repo, 'bench', 'make-corpus.mjs');

const work = mkdtempSync(path.join(tmpdir(), 'dateline-bench-build-'));
const site = path.join(work, 'site');
execFileSync(process.execPath, [generator, path.join(site, 'content'), String(stories)], { stdio: 'ignore' });
writeFileSync(
  path.join(site, 'dateline.config.json'),
  JSON.stringify({ title: 'Bench Gazette', url: 'https://example.org/news/', timezone: 'Asia/Karachi', pageSize: 10 }),
);
const files = readdirSync(path.join(site, 'content'), { recursive: true }).filter((f) => f.endsWith('.md')).sort();

let run = 0;
/**
 * One `dateline build` of the site into its own dist/, as an editor or CI
 * with a kept dist/ runs it (the first into a fresh folder): wall seconds and
 * peak RSS in MiB.
 */
function build(label) {
  run += 1;
  const rssFile = path.join(work, `rss-${run}`);
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--import', path.join(repo, 'bench', 'peak-rss.mjs'), path.join(repo, 'lib', 'cli.js'), 'build', '--root', site, '--quiet', '--report', path.join(work, 'report.json')],
    { env: { ...process.env, DATELINE_RSS_FILE: rssFile }, encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${label}: dateline build failed\n${result.stderr}`);
  // Old folders are deleted at the end, not between builds: this disk discards deleted blocks online,
  // and deleting 8,000 files just before a build slowed that build's linking 2-4x.
  const rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  return { label, seconds: Number(seconds.toFixed(2)), storiesPerSecond: Math.round(stories / seconds), peakRssMiB: Math.round(rssMiB) };
}

const edit = (file, change) => {
  const absolute = path.join(site, 'content', file);
  writeFileSync(absolute, change(readFileSync(absolute, 'utf8')));
};

const results = [build('cold build')];
results.push(build('rebuild, nothing changed'));
edit(files[Math.floor(files.length / 2)], (text) => `${text}\nOne more paragraph for the benchmark.\n`);
results.push(build('rebuild, one body changed'));
edit(files[Math.floor(files.length / 3)], (text) => text.replace(/^tags: \[/m, 'tags: [Benchmark Tag, '));
results.push(build('rebuild, one tag added'));

console.log(`dateline build on ${stories.toLocaleString('en-US')} generated stories`);
for (const r of results) {
  console.log(`  ${r.label.padEnd(28)} ${String(r.seconds).padStart(7)} s  ${String(r.storiesPerSecond).padStart(6)} stories/s  ${String(r.peakRssMiB).padStart(5)} MiB peak`);
}
mkdirSync(path.join(repo, '.dateline-cache'), { recursive: true });
writeFileSync(path.join(repo, '.dateline-cache', 'bench-build.json'), `${JSON.stringify({ stories, results }, null, 2)}\n`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`  site kept at ${site}`);
