/**
 * `dateline dev` never loses a save, whenever it is made: right after the
 * server starts, by renaming a temporary file over the story, or while a
 * rebuild is running. Real file-system events, the CLI as a process.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, REPO, tempDir } from '../helpers.js';
import { startDevProcess, type DevProcess } from '../support/dev-process.js';

let running: DevProcess | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(root: string, options?: Parameters<typeof startDevProcess>[1]): Promise<DevProcess> {
  running = await startDevProcess(root, options);
  return running;
}

/** The text of the story body at `url`, as served. */
async function bodyAt(url: string): Promise<string> {
  const response = await fetch(url);
  return load(await response.text())('.body').text();
}

/** Wait until `url`'s story body contains `text`; fails with what it showed last. */
async function untilShown(url: string, text: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    last = await bodyAt(url);
    if (last.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect(last, `${url} never showed the save`).toContain(text);
}

const appendParagraph = (file: string, text: string) => writeFileSync(file, `${readFileSync(file, 'utf8')}\n${text}\n`);

describe('dateline dev keeps every save', () => {
  it.each(['printed', 'served'] as const)('shows a save made as soon as the server has %s its first page, 20 times with fresh servers', async (waitUntil) => {
    const site = copyFixture('newsroom');
    const story = path.join(site, 'content', 'ispr.md');
    for (let run = 1; run <= 20; run++) {
      const dev = await start(site, { waitUntil, firstPage: '2023/09/ispr/' });
      appendParagraph(story, `Saved at once, time ${run}.`);
      await untilShown(`${dev.url}2023/09/ispr/`, `Saved at once, time ${run}.`);
      await dev.stop();
      running = undefined;
      // Stopped while the rebuild behind the saved page may still be writing: it finishes first, then the folder goes.
      expect(readdirSync(dev.temporary)).toEqual([]);
    }
  }, 600_000);

  it('shows a save that renames a temporary file over the story, as sed -i, vim and many IDEs do', async () => {
    const site = copyFixture('newsroom');
    const story = path.join(site, 'content', 'call.md');
    const dev = await start(site);
    await dev.waitForLine(/^Built /);
    const original = readFileSync(story, 'utf8');
    for (const [temporary, text] of [
      [path.join(site, 'content', 'sedX4fk2Q'), 'Renamed over by a stream editor.'],
      [path.join(site, 'content', '.call.md.swp'), 'Renamed over from a hidden swap file.'],
      [path.join(tempDir(), 'call.md.new'), 'Moved in from another folder.'],
    ] as const) {
      writeFileSync(temporary, `${original}\n${text}\n`);
      renameSync(temporary, story);
      await untilShown(`${dev.url}2023/09/call/`, text);
    }
  }, 60_000);

  it('rebuilds a save that lands while a rebuild of a few hundred stories runs', async () => {
    const site = copyFixture('newsroom');
    // The site's own copy of the theme, so that a template edit never touches the repository's.
    cpSync(path.join(REPO, 'templates'), path.join(site, 'templates'), { recursive: true });
    for (let i = 0; i < 500; i++) {
      const dir = path.join(site, 'content', 'archive');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `story-${i}.md`), `---\ntitle: Archive story ${i}\ndate: 2022-01-${String(1 + (i % 28)).padStart(2, '0')} 10:00\ntags: [Archive, TTP]\n---\nFrom the archive, number ${i}.\n`);
    }
    const dev = await start(site);
    await dev.waitForLine(/^Built /);
    const before = dev.lines.length;
    // A template edit: every story page is rendered again, 500 of them.
    const template = path.join(site, 'templates', 'story.liquid');
    writeFileSync(template, readFileSync(template, 'utf8').replace('<div class="body">', '<div class="body" data-edition="2">'));
    // Pages are served as they are rendered: the newest story's page is among the first, so the rebuild is under way.
    const edition = async () => load(await (await fetch(`${dev.url}2031/01/embargoed/`)).text())('.body').attr('data-edition');
    for (const deadline = Date.now() + 15_000; (await edition()) !== '2' && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 5));
    const savedAt = Date.now();
    appendParagraph(path.join(site, 'content', 'ispr.md'), 'Saved during a rebuild.');
    await untilShown(`${dev.url}2023/09/ispr/`, 'Saved during a rebuild.');
    // The save landed while the template's rebuild ran (which ended after it, having parsed no story); a rebuild after it parsed the story.
    const templateRebuild = await dev.waitForLine(/^Rebuilt in /, 20_000, before);
    expect(templateRebuild.text).toMatch(/: 0 stories parsed, [1-9]\d\d+ files written/);
    expect(templateRebuild.at).toBeGreaterThan(savedAt);
    await dev.waitForLine(/^Rebuilt in .*: 1 story parsed,/, 20_000, dev.lines.indexOf(templateRebuild) + 1);
  }, 120_000);

  it('gives up on a saved story that takes too long to parse, shows why, and recovers on the next save', async () => {
    const site = copyFixture('newsroom');
    const dev = await start(site, { env: { DATELINE_PARSE_TIMEOUT: '1' } });
    await dev.waitForLine(/^Built /);
    const story = path.join(site, 'content', 'ispr.md');
    const original = readFileSync(story, 'utf8');
    // The Markdown parser's time grows with the square of a run of `*_`: ~10 s for these 40 KB here.
    writeFileSync(story, `${original}\n${'*_'.repeat(20_000)}a\n`);
    await dev.waitForLine(/^content\/ispr\.md:1: took longer than [\d.]+ s to parse and was given up on/, 30_000);
    const errorPage = await fetch(`${dev.url}2023/09/ispr/`);
    expect(errorPage.status).toBe(500);
    writeFileSync(story, `${original}\nBack to normal.\n`);
    await untilShown(`${dev.url}2023/09/ispr/`, 'Back to normal.');
  }, 120_000);
});
