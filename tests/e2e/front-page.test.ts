/**
 * The curated front page: `content/_front.yml` picks the home page's lead
 * and top stories from a time on; the home page shows them, the newest of
 * the rest, and a block per section. Without it, the newest story leads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startDev, type DevSession } from '../../src/dev/session.js';
import { page, snapshot, storyText as story, testSite } from '../helpers.js';

const STORIES = {
  'content/2023/09/a.md': story('Army chief speaks to US defence secretary', '2023-09-10 09:00', 'section: Pakistan\nsummary: The call covered border security.\nimage: { src: /images/call.svg, alt: "Two flags" }\n'),
  'content/2023/09/b.md': story('US envoy names the TTP the top threat', '2023-09-11 09:00', 'section: World\n'),
  'content/2023/09/c.md': story('Troops repel attack in Chitral', '2023-09-12 09:00', 'section: Pakistan\n'),
  'content/2023/09/d.md': story('Cricket board names captain', '2023-09-13 09:00', 'section: Sport\n'),
  'content/2023/09/e.md': story('Think tank counts 389 dead', '2023-09-14 09:00', 'section: Pakistan\n'),
  'content/2023/09/draft.md': story('Not ready', '2023-09-09 09:00', 'draft: true\n'),
  'content/2023/09/late.md': story('Budget vote due', '2023-09-20 09:00', 'section: Pakistan\n'),
  'content/images/call.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"/>',
};

const FRONT = [
  '- from: 2023-09-12 12:00',
  '  lead: 2023/09/a',
  '  top: [2023/09/b]',
  '- from: 2023-09-15 00:00',
  '  lead: 2023/09/c',
  '  top:',
  '    - 2023/09/e',
  '    - 2023/09/d.md',
  '',
].join('\n');

function site(files: Record<string, string>) {
  const made = testSite(files, { pageSize: 1 });
  const report = path.join(made.root, 'report.json');
  return { ...made, build: (now: string) => made.build(now, '--report', report), report: () => JSON.parse(readFileSync(report, 'utf8')) };
}

/** What the home page shows, top to bottom. */
function home(out: string) {
  const $ = page(path.join(out, 'index.html'));
  const titles = (selector: string) => $(selector).map((_, h) => $(h).text()).get();
  return {
    $,
    lead: $('.lead-story h2').text(),
    top: titles('.top-stories .card h2'),
    river: titles('main > .cards .card h2'),
    sections: $('.section-block').map((_, block) => [[$(block).find('h2').first().text(), $(block).find('.card h2').map((__, h) => $(h).text()).get()]]).get(),
  };
}

describe('a home page without _front.yml', () => {
  it('leads with the newest story, then the river of the rest, and no section blocks', () => {
    const { out, build } = site(STORIES);
    const run = build('2023-09-13T12:00:00Z');
    expect(run.status, run.stderr).toBe(0);
    expect(home(out)).toMatchObject({ lead: 'Cricket board names captain', top: [], river: ['Troops repel attack in Chitral'], sections: [] });
    expect(run.stdout).not.toContain('front-page');
  });
});

describe('a home page with _front.yml', () => {
  const { out, build, report } = site({ ...STORIES, 'content/_front.yml': FRONT });

  it('before the first pick, leads with the newest story and says when the first pick takes over', () => {
    const run = build('2023-09-12T10:00:00Z');
    expect(run.status, run.stderr).toBe(0);
    expect(home(out).lead).toBe('Troops repel attack in Chitral');
    expect(run.stdout).toContain('Next front-page change at 2023-09-12T12:00:00Z (content/_front.yml): build again then');
    expect(report().nextFrontChange).toEqual({ file: 'content/_front.yml', changesAt: '2023-09-12T12:00:00Z' });
  });

  it('shows the pick in force: its lead large with image and summary, its top stories, the newest others, then each section', () => {
    const run = build('2023-09-13T12:00:00Z');
    expect(run.status, run.stderr).toBe(0);
    const shown = home(out);
    expect(shown).toMatchObject({
      lead: 'Army chief speaks to US defence secretary',
      top: ['US envoy names the TTP the top threat'],
      river: ['Cricket board names captain'],
      sections: [['Pakistan', ['Troops repel attack in Chitral']]],
    });
    expect(shown.$('.lead-story img').attr('src')).toBe('/news/images/call.svg');
    expect(shown.$('.lead-story .lead-summary').text()).toBe('The call covered border security.');
    expect(shown.$('h1').text()).toBe('Valley Gazette');
    expect(run.stdout).toContain('Next front-page change at 2023-09-15T00:00:00Z (content/_front.yml): build again then');
  });

  it('moves to the next pick once its time has come, and says of no next change', () => {
    const run = build('2023-09-16T00:00:00Z');
    expect(run.status, run.stderr).toBe(0);
    expect(home(out)).toMatchObject({
      lead: 'Troops repel attack in Chitral',
      top: ['Think tank counts 389 dead', 'Cricket board names captain'],
      river: ['US envoy names the TTP the top threat'],
      sections: [['Pakistan', ['Army chief speaks to US defence secretary']]],
    });
    expect(run.stdout).not.toContain('Next front-page change');
    expect(report().nextFrontChange).toBeNull();
  });
});

describe('a front page written wrong', () => {
  it.each([
    ['names a draft', FRONT.replace('top: [2023/09/b]', 'top: [2023/09/draft]'), 'content/_front.yml:3:9: `2023/09/draft` is a draft (content/2023/09/draft.md): a pick may name only published stories'],
    ['names no story', FRONT.replace('lead: 2023/09/c', 'lead: 2023/09/cc'), 'content/_front.yml:5:9: no story is at `2023/09/cc` (a path under the content folder, without `.md`)'],
    ['names a story still embargoed when its pick takes over', FRONT.replace('    - 2023/09/e', '    - 2023/09/late'), 'content/_front.yml:7:7: `2023/09/late` is embargoed until 2023-09-20T09:00:00Z, after this pick takes over at 2023-09-15T00:00:00Z'],
    ['has a pick without a date', FRONT.replace('- from: 2023-09-15 00:00\n  lead', '- lead'), 'content/_front.yml:4:3: `1.from`: is required: when the pick takes over the front page'],
    ['is not a list', 'lead: 2023/09/a\n', 'content/_front.yml:1:1: `the document`'.replace('`the document`', 'the document: must be a list of picks')],
  ])('%s: an error at its line, and the site untouched', (_, front, message) => {
    const { out, put, build } = site(STORIES);
    expect(build('2023-09-13T12:00:00Z').status).toBe(0);
    const before = snapshot(out);
    put('content/_front.yml', front);
    const run = build('2023-09-13T12:00:00Z');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('editorial data in dev', () => {
  let session: DevSession | undefined;
  afterAll(async () => {
    await session?.close();
  });

  it('is read again when it changes: a new lead on the home page, a new profile on its author\'s page', async () => {
    const { root, put } = site({ ...STORIES, 'content/2023/09/d.md': story('Cricket board names captain', '2023-09-13 09:00', 'section: Sport\nbyline: Zara Khan\n'), 'content/_front.yml': FRONT });
    session = await startDev({ root, port: 0, host: '127.0.0.1', now: () => Date.parse('2023-09-13T12:00:00Z') });
    const get = async (url: string) => load(await (await fetch(new URL(url, session!.url))).text());
    expect((await get(''))('.lead-story h2').text()).toBe('Army chief speaks to US defence secretary');
    put('content/_front.yml', FRONT.replace('lead: 2023/09/a', 'lead: 2023/09/c'));
    await vi.waitFor(async () => expect((await get(''))('.lead-story h2').text()).toBe('Troops repel attack in Chitral'), { timeout: 20_000, interval: 50 });
    put('content/_authors/zara-khan.md', '---\nname: Zara Khan\nrole: Sports editor\n---\n');
    await vi.waitFor(async () => expect((await get('bylines/zara-khan/'))('.author-role').text()).toBe('Sports editor'), { timeout: 20_000, interval: 50 });
  }, 60_000);
});
