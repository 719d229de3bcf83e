// Build benchmark on a generated newsroom: `npm run bench -- --stories 4000`.
// Not a test. Each build runs `dateline build` as its own process into the
// site's dist/ (the cold build into a fresh one) and reports wall time,
// stories per second, peak RSS, the parse stage's time, and the search stage's time with the peak RSS
// of Pagefind's own process (sampled from /proc) for: a cold build; a rebuild with nothing
// changed; a rebuild after one story's body changed; a rebuild after one story gained a tag. The cold
// parse is set against the one-thread floor (gray-matter + remark-parse + remark-html alone, see
// remark-floor.mjs). `--long P` makes a share P of the stories long documents of 100-850 KB, as real
// archives hold (make-corpus.mjs). `--images N` gives the first N stories a
// 2400 × 1600 JPEG lead image each (default 200), whose resized copies and crops
// the cold build makes (the images stage). Figures are printed and written as JSON to
// .dateline-cache/bench-build.json.
//
//   node bench/build.mjs [--stories 4000] [--long 0.04] [--images 200] [--keep]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { stories: { type: 'string', default: '4000' }, long: { type: 'string' }, images: { type: 'string', default: '200' }, keep: { type: 'boolean', default: false } },
});
const stories = Number(values.stories);
const generator = path.join(repo, 'bench', 'make-corpus.mjs');

const work = mkdtempSync(path.join(tmpdir(), 'dateline-bench-build-'));
const site = path.join(work, 'site');
execFileSync(process.execPath, [generator, path.join(site, 'content'), String(stories), ...(values.long ? ['--long', values.long] : [])], {
  stdio: 'ignore',
});
writeFileSync(
  path.join(site, 'dateline.config.json'),
  JSON.stringify({ title: 'Bench Gazette', url: 'https://example.org/news/', timezone: 'Asia/Karachi', pageSize: 10 }),
);
const files = readdirSync(path.join(site, 'content'), { recursive: true }).filter((f) => f.endsWith('.md')).sort();
const images = Math.min(Number(values.images), files.length);
await addLeadImages(images);

/**
 * Give the first `count` stories a lead image each: a 2400 × 1600 JPEG of
 * its own (shapes placed by the story's number, with grain, so each encodes
 * like a photo rather than a flat drawing).
 */
async function addLeadImages(count) {
  if (count === 0) return;
  const { default: sharp } = await import('sharp');
  mkdirSync(path.join(site, 'content', 'images'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const hue = (i * 47) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600"><rect width="2400" height="1600" fill="hsl(${hue},40%,70%)"/><circle cx="${300 + ((i * 137) % 1800)}" cy="${400 + ((i * 89) % 800)}" r="${200 + (i % 7) * 40}" fill="hsl(${(hue + 120) % 360},50%,45%)"/><path d="M0 1200 L${600 + (i % 11) * 60} ${700 + (i % 5) * 50} L2400 1300 L2400 1600 L0 1600Z" fill="hsl(${(hue + 200) % 360},35%,35%)"/></svg>`;
    const grain = await sharp({ create: { width: 2400, height: 1600, channels: 3, noise: { type: 'gaussian', mean: 0, sigma: 12 } } }).png().toBuffer();
    await sharp(Buffer.from(svg)).composite([{ input: grain, blend: 'overlay' }]).jpeg({ quality: 88 }).toFile(path.join(site, 'content', 'images', `bench-${i}.jpg`));
    const story = path.join(site, 'content', files[i]);
    writeFileSync(story, readFileSync(story, 'utf8').replace(/^---\n/, `---\nimage:\n  src: /images/bench-${i}.jpg\n  alt: Benchmark picture ${i}\n`));
  }
}

let run = 0;
/**
 * One `dateline build` of the site into its own dist/, as an editor or CI
 * with a kept dist/ runs it (the first into a fresh folder): wall seconds and
 * peak RSS in MiB.
 */
async function build(label) {
  run += 1;
  const rssFile = path.join(work, `rss-${run}`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', path.join(repo, 'bench', 'peak-rss.mjs'), path.join(repo, 'lib', 'cli.js'), 'build', '--root', site, '--verbose', '--report', path.join(work, 'report.json')],
    { env: { ...process.env, DATELINE_RSS_FILE: rssFile } },
  );
  const result = { stdout: '', stderr: '', status: null };
  child.stdout.setEncoding('utf8').on('data', (chunk) => (result.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (result.stderr += chunk));
  let indexPeakKiB = 0;
  const sampler = setInterval(() => (indexPeakKiB = Math.max(indexPeakKiB, pagefindPeakKiB(child.pid))), 100);
  result.status = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${label}: dateline build failed\n${result.stderr}`);
  // Old folders are deleted at the end, not between builds: this disk discards deleted blocks online,
  // and deleting 8,000 files just before a build slowed that build's linking 2-4x.
  const rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  // `--verbose` prints the stages' times: `load 120 ms, parse 8123 ms, …`.
  const parseMs = Number(/\bparse (\d+) ms/.exec(result.stdout)?.[1] ?? NaN);
  const searchMs = Number(/\bsearch (\d+) ms/.exec(result.stdout)?.[1] ?? NaN);
  const imagesMs = Number(/\bimages (\d+) ms/.exec(result.stdout)?.[1] ?? NaN);
  const encoded = Number(/^Encoded ([\d,]+) image file/m.exec(result.stdout)?.[1]?.replace(/,/g, '') ?? NaN);
  return {
    label,
    seconds: Number(seconds.toFixed(2)),
    storiesPerSecond: Math.round(stories / seconds),
    peakRssMiB: Math.round(rssMiB),
    parseSeconds: Number((parseMs / 1000).toFixed(2)),
    searchSeconds: Number((searchMs / 1000).toFixed(2)),
    imagesSeconds: Number((imagesMs / 1000).toFixed(2)),
    encoded,
    indexPeakRssMiB: Math.round(indexPeakKiB / 1024),
  };
}

/** The peak RSS so far (KiB) of the Pagefind processes under `pid`, from /proc (0 when there are none). */
function pagefindPeakKiB(pid) {
  let peak = 0;
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      if (parent !== pid || !/^Name:\s+pagefind/m.test(status)) continue;
      peak = Math.max(peak, Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return peak;
}

const edit = (file, change) => {
  const absolute = path.join(site, 'content', file);
  writeFileSync(absolute, change(readFileSync(absolute, 'utf8')));
};

const results = [await build('cold build')];
results.push(await build('rebuild, nothing changed'));
edit(files[Math.floor(files.length / 2)], (text) => `${text}\nOne more paragraph for the benchmark.\n`);
results.push(await build('rebuild, one body changed'));
edit(files[Math.floor(files.length / 3)], (text) => text.replace(/^tags: \[/m, 'tags: [Benchmark Tag, '));
results.push(await build('rebuild, one tag added'));

const floor = JSON.parse(execFileSync(process.execPath, [path.join(repo, 'bench', 'remark-floor.mjs'), path.join(site, 'content')], { encoding: 'utf8' }));

console.log(`dateline build on ${stories.toLocaleString('en-US')} generated stories${values.long ? ` (a share ${values.long} long)` : ''}, ${images} with a lead image`);
for (const r of results) {
  console.log(
    `  ${r.label.padEnd(28)} ${String(r.seconds).padStart(7)} s  ${String(r.storiesPerSecond).padStart(6)} stories/s  ${String(r.peakRssMiB).padStart(5)} MiB peak  parse ${r.parseSeconds} s  images ${r.imagesSeconds} s (${r.encoded} encoded)  search ${r.searchSeconds} s${r.indexPeakRssMiB > 0 ? ` (Pagefind ${r.indexPeakRssMiB} MiB peak)` : ' (index kept)'}`,
  );
}
const ratio = results[0].parseSeconds / floor.seconds;
console.log(`  one-thread remark floor      ${floor.seconds.toFixed(2).padStart(7)} s  (cold parse stage: ${ratio.toFixed(2)}x of it)`);
mkdirSync(path.join(repo, '.dateline-cache'), { recursive: true });
writeFileSync(
  path.join(repo, '.dateline-cache', 'bench-build.json'),
  `${JSON.stringify({ stories, long: values.long ?? null, images, results, remarkFloorSeconds: Number(floor.seconds.toFixed(2)) }, null, 2)}\n`,
);
if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`  site kept at ${site}`);
