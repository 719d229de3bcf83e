// Dev-loop latency on a generated newsroom: from saving a story to the
// rebuilt page being served to a browser that reloads when told to (the
// server's reload event, then one request). Not a test: `npm run bench:dev`.
//
//   node bench/dev.mjs [--stories 10000] [--runs 21] [--debounce 8]
//
// Uses the corpus generator (bench/make-corpus.mjs) and the
// compiled library in lib/. Prints the figures and writes them as JSON to
// .dateline-cache/bench-dev.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startDev } from '../lib/dev/session.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { stories: { type: 'string', default: '10000' }, runs: { type: 'string', default: '21' }, debounce: { type: 'string', default: '8' } },
});
const stories = Number(values.stories);
const runs = Number(values.runs);
const generator = path.join(repo, 'bench', 'make-corpus.mjs');

const site = mkdtempSync(path.join(tmpdir(), 'dateline-bench-dev-'));
execFileSync(process.execPath, [generator, path.join(site, 'content'), String(stories)], { stdio: 'ignore' });
writeFileSync(
  path.join(site, 'dateline.config.json'),
  JSON.stringify({ title: 'Bench Gazette', url: 'https://example.org/news/', timezone: 'Asia/Karachi', pageSize: 10 }),
);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const files = readdirSync(path.join(site, 'content'), { recursive: true }).filter((f) => f.endsWith('.md')).sort();

let builds = 0;
const startedAt = performance.now();
const session = await startDev({ root: site, port: 0, host: '127.0.0.1', debounceMs: Number(values.debounce), onBuild: () => (builds += 1) });
const firstStart = performance.now() - startedAt;

/**
 * Save `file` with `edit` applied; milliseconds until `url` serves a page
 * containing `marker`. Then wait for the whole rebuild to finish, as an
 * editor's next save comes seconds later, not while the last one is rebuilt.
 */
async function latency(file, edit, url, marker, rebuilt) {
  const absolute = path.join(site, 'content', file);
  const before = builds;
  const t0 = performance.now();
  try {
    return await served(url, marker, t0, () => writeFileSync(absolute, edit(readFileSync(absolute, 'utf8'))));
  } finally {
    while (builds === before) await sleep(1);
    rebuilt.push(performance.now() - t0);
    await sleep(100);
  }
}

/**
 * As a browser showing `url` does: wait for a reload event naming the page
 * (or all pages), then fetch it once; until it shows `marker`. Polling
 * instead would load the single-threaded server it measures.
 */
async function served(url, marker, t0, save) {
  const path = new URL(url).pathname;
  const reloads = [];
  let wake = () => {};
  events.listener = (pages) => {
    if (pages === null || pages.includes(path)) {
      reloads.push(performance.now());
      wake();
    }
  };
  save();
  try {
    for (;;) {
      while (reloads.length === 0) {
        if (performance.now() - t0 > 10_000) throw new Error(`${url} never reloaded with ${marker}`);
        await new Promise((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
      reloads.length = 0;
      const text = await (await fetch(url)).text();
      if (text.includes(marker)) return performance.now() - t0;
    }
  } finally {
    events.listener = () => {};
  }
}

/** The dev server's reload events, read as a browser's EventSource would. */
const events = { listener: () => {} };
async function listen() {
  const response = await fetch(new URL('/__dateline/events', session.url));
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (block.includes('event: reload') && data !== undefined) events.listener(JSON.parse(data));
    }
  }
}

const urlOf = (file) => {
  const text = readFileSync(path.join(site, 'content', file), 'utf8');
  const date = /date: "?(\d{4})-(\d{2})/.exec(text);
  const slug = path.basename(file, '.md');
  return new URL(`${date[1]}/${date[2]}/${slug}/`, session.url).href;
};

void listen().catch(() => {});
await sleep(500);
const bodyEdits = [];
const bodyRebuilt = [];
for (let i = 0; i < runs; i++) {
  const file = files[(i * 7919) % files.length];
  const marker = `Bench edit ${i}.`;
  bodyEdits.push(await latency(file, (text) => `${text}\n${marker}\n`, urlOf(file), marker, bodyRebuilt));
}
const tagEdits = [];
const tagRebuilt = [];
for (let i = 0; i < Math.min(runs, 11); i++) {
  const file = files[(i * 104729) % files.length];
  const tag = `Bench Tag ${i}`;
  const slug = `bench-tag-${i}`;
  tagEdits.push(
    await latency(file, (text) => text.replace(/^tags: \[/m, `tags: [${tag}, `), new URL(`tags/${slug}/`, session.url).href, `>${tag}<`, tagRebuilt),
  );
}
await session.close();
rmSync(site, { recursive: true, force: true });

const result = {
  stories,
  firstStartMs: Math.round(firstStart),
  bodyEditMedianMs: Math.round(median(bodyEdits)),
  bodyEditMaxMs: Math.round(Math.max(...bodyEdits)),
  tagEditMedianMs: Math.round(median(tagEdits)),
  tagEditMaxMs: Math.round(Math.max(...tagEdits)),
  bodyEditSiteRebuiltMedianMs: Math.round(median(bodyRebuilt)),
  tagEditSiteRebuiltMedianMs: Math.round(median(tagRebuilt)),
  runs: { body: bodyEdits.length, tag: tagEdits.length },
};
console.log(`dev loop on ${stories.toLocaleString('en-US')} stories`);
console.log(`  first start (build + serve):       ${result.firstStartMs} ms`);
console.log(`  save a story's body -> page served: median ${result.bodyEditMedianMs} ms (max ${result.bodyEditMaxMs}, ${bodyEdits.length} runs)`);
console.log(`  add a tag -> new tag page served:   median ${result.tagEditMedianMs} ms (max ${result.tagEditMaxMs}, ${tagEdits.length} runs)`);
console.log(`  whole site rebuilt (lists, feeds, sitemaps): median ${result.bodyEditSiteRebuiltMedianMs} ms after a body edit, ${result.tagEditSiteRebuiltMedianMs} ms after a tag`);
mkdirSync(path.join(repo, '.dateline-cache'), { recursive: true });
writeFileSync(path.join(repo, '.dateline-cache', 'bench-dev.json'), `${JSON.stringify(result, null, 2)}\n`);
