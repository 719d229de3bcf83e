/**
 * The editor's loop with real file-system events: a dev session on a copy
 * of the fixture newsroom, changed on disk, checked by what it serves.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDev, type BuildEvent, type DevSession } from '../../src/dev/session.js';
import { copyFixture, REPO } from '../helpers.js';

let site: string;
let session: DevSession;
const events: { event: BuildEvent; at: number }[] = [];

/**
 * Make `change`, then wait until the served site shows it (`shown` stops
 * throwing), until it has been rebuilt, and until the session has settled (no
 * build for 150 ms); the last build's event. Waiting for what a reader would
 * see, not for a time, keeps this right on a loaded machine, where a rename's
 * two events can reach two rebuilds far apart.
 */
async function afterBuild(change: () => void, shown: () => Promise<void>): Promise<BuildEvent> {
  const before = events.length;
  change();
  await vi.waitFor(shown, { timeout: 20_000, interval: 40 });
  await vi.waitFor(
    () => {
      if (events.length === before || Date.now() - (events.at(-1)?.at ?? 0) < 150) throw new Error('no rebuild yet, or not settled');
    },
    { timeout: 20_000, interval: 20 },
  );
  return events.at(-1)!.event;
}

async function get(url: string): Promise<{ status: number; $: ReturnType<typeof load>; text: string }> {
  const response = await fetch(new URL(url, session.url));
  const text = await response.text();
  return { status: response.status, text, $: load(text) };
}

const story = (file: string) => path.join(site, 'content', file);
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(story(file)), { recursive: true });
  writeFileSync(story(file), text);
};

beforeAll(async () => {
  site = copyFixture('newsroom');
  cpTemplates();
  session = await startDev({
    root: site,
    port: 0,
    host: '127.0.0.1',
    onBuild: (event) => events.push({ event, at: Date.now() }),
  });
}, 60_000);

afterAll(async () => {
  await session?.close();
});

function cpTemplates(): void {
  const from = path.join(REPO, 'templates');
  for (const file of ['layout.liquid', 'story.liquid', 'home.liquid', 'term.liquid', 'terms.liquid', '404.liquid', 'partials/story-card.liquid', 'partials/pagination.liquid', 'assets/style.css', 'assets/favicon.svg']) {
    mkdirSync(path.dirname(path.join(site, 'templates', file)), { recursive: true });
    writeFileSync(path.join(site, 'templates', file), readFileSync(path.join(from, file)));
  }
}

describe('dateline dev', { timeout: 60_000 }, () => {
  it('serves the site under its base path, with drafts and embargoed stories badged', async () => {
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/news\/$/);
    expect(events[0]?.event.ok).toBe(true);
    const draft = await get('2023/09/draft/');
    expect(draft.$('.badge').text()).toBe('Draft');
    const embargoed = await get('2031/01/embargoed/');
    expect(embargoed.$('.badge').text()).toMatch(/^Embargoed until 1 January 2031, 09:00/);
    expect((await fetch(new URL('/', session.url), { redirect: 'manual' })).headers.get('location')).toBe('/news/');
  });

  it('injects the reload script in dev only', async () => {
    const { $ } = await get('');
    expect($('script:not([type])').text()).toContain("EventSource(\"/__dateline/events\")");
  });

  it('re-renders an edited story and only what shows it', async () => {
    const event = await afterBuild(
      () => writeFileSync(story('ispr.md'), readFileSync(story('ispr.md'), 'utf8').replace('speaks for the armed forces', 'speaks for the army, navy and air force')),
      async () => expect((await get('2023/09/ispr/')).$('.body').text()).toContain('speaks for the army, navy and air force'),
    );
    expect(event.ok).toBe(true);
    // The body changed, not the title or summary: the story page, its feeds and the sitemaps' neighbours, not every page.
    expect(event.ok && event.written).toBeLessThan(40);
  });

  it('adds a new story with a new tag, and removes them again', async () => {
    await afterBuild(
      () => write('new.md', '---\ntitle: A brand new story\ndate: 2023-09-15 08:00\ntags: [Chitral Floods]\n---\nNews.\n'),
      async () => expect((await get('')).$('.card h2').map((_, h) => load(h).text()).get()).toContain('A brand new story'),
    );
    expect((await get('2023/09/new/')).$('h1').text()).toBe('A brand new story');
    expect((await get('tags/chitral-floods/')).$('.card h2').text()).toBe('A brand new story');
    await afterBuild(
      () => rmSync(story('new.md')),
      async () => expect((await get('')).text).not.toContain('A brand new story'),
    );
    expect((await get('2023/09/new/')).status).toBe(404);
    expect((await get('tags/chitral-floods/')).status).toBe(404);
  });

  it('follows a renamed story to its new address', async () => {
    await afterBuild(
      () => renameSync(story('report.md'), story('think-tank-report.md')),
      async () => {
        expect((await get('2023/07/think-tank-report/')).$('h1').text()).toBe('Think tank counts 389 dead in six months');
        expect((await get('2023/07/report/')).status).toBe(404);
      },
    );
  });

  it('re-renders pages when a template changes, without re-parsing stories', async () => {
    const file = path.join(site, 'templates', 'story.liquid');
    const original = readFileSync(file, 'utf8');
    const event = await afterBuild(
      () => writeFileSync(file, original.replace('<div class="body">', '<div class="body" data-edited="yes">')),
      async () => expect((await get('2023/09/call/')).$('.body').attr('data-edited')).toBe('yes'),
    );
    expect(event.ok && event.parsed).toBe(0);
    await afterBuild(
      () => writeFileSync(file, original),
      async () => expect((await get('2023/09/call/')).$('.body').attr('data-edited')).toBeUndefined(),
    );
  });

  it('serves an edited stylesheet under its new name, linked from every page, the old name gone', async () => {
    const file = path.join(site, 'templates', 'assets', 'style.css');
    const original = readFileSync(file, 'utf8');
    const stylesheet = async (url: string) => (await get(url)).$('link[rel=stylesheet]').attr('href') ?? '';
    const before = await stylesheet('');
    expect(before).toMatch(/^\/news\/assets\/style\.[0-9a-f]{10}\.css$/);
    const event = await afterBuild(
      () => writeFileSync(file, `${original}\n.edited { color: red; }\n`),
      async () => expect(await stylesheet('')).not.toBe(before),
    );
    expect(event.ok && event.parsed).toBe(0);
    const after = await stylesheet('2023/09/call/');
    expect(after).toBe(await stylesheet(''));
    expect(await (await fetch(new URL(after, session.url))).text()).toContain('.edited { color: red; }');
    expect((await fetch(new URL(before, session.url))).status).toBe(404);
    await afterBuild(
      () => writeFileSync(file, original),
      async () => expect(await stylesheet('')).toBe(before),
    );
  });

  it('shows a bad edit in the browser and recovers on the next good save', async () => {
    const original = readFileSync(story('call.md'), 'utf8');
    const failed = await afterBuild(
      () => writeFileSync(story('call.md'), original.replace('date: 2023-09-13 09:30', 'date: yesterday')),
      async () => expect((await get('2023/09/call/')).status).toBe(500),
    );
    expect(failed.ok).toBe(false);
    expect((await get('2023/09/call/')).$('li').text()).toContain('content/call.md:3:7: `date`: is not a date');
    const fixed = await afterBuild(
      () => writeFileSync(story('call.md'), original),
      async () => expect((await get('2023/09/call/')).status).toBe(200),
    );
    expect(fixed.ok).toBe(true);
  });

  it('refuses a file that starts with frontmatter but is not named as a story, and recovers when it goes', async () => {
    const notes = story('desk-notes.txt');
    await afterBuild(
      () => writeFileSync(notes, '---\ntitle: Notes for the desk\ndate: 2023-09-15\n---\nCall the ISPR.\n'),
      async () => expect((await get('2023/09/call/')).status).toBe(500),
    );
    expect((await get('2023/09/call/')).$('li').text()).toContain('content/desk-notes.txt:1:1: starts with frontmatter but is not a story');
    await afterBuild(
      () => rmSync(notes),
      async () => expect((await get('2023/09/call/')).status).toBe(200),
    );
    expect((await get('desk-notes.txt')).status).toBe(404);
  });

  it('shows a static file at a page’s address as an error naming both, and recovers when it goes', async () => {
    await afterBuild(
      () => writeFileSync(story('feed.xml'), '<rss>a file someone put there</rss>'),
      async () => expect((await get('')).status).toBe(500),
    );
    expect((await get('')).$('li').text()).toContain('content/feed.xml: is copied to feed.xml, which the build writes itself');
    await afterBuild(
      () => rmSync(story('feed.xml')),
      async () => expect((await get('')).status).toBe(200),
    );
    expect((await get('feed.xml')).text).toContain('<rss version="2.0"');
  });

  it('shows a template typo with its file and line, and recovers', async () => {
    const file = path.join(site, 'templates', 'home.liquid');
    const original = readFileSync(file, 'utf8');
    await afterBuild(
      () => writeFileSync(file, original.replace('{{ words.latest_stories }}', '{{ pagination.numbr }}')),
      async () => expect((await get('')).status).toBe(500),
    );
    expect((await get('')).$('li').text()).toMatch(/templates\/home\.liquid:\d+:\d+: template error: undefined variable: pagination\.numbr/);
    await afterBuild(
      () => writeFileSync(file, original),
      async () => expect((await get('')).status).toBe(200),
    );
  });

  it('folds a burst of 200 changes into a few rebuilds', async () => {
    const before = session.builds;
    await afterBuild(
      () => {
        for (let i = 0; i < 200; i++) write(`burst/story-${String(i).padStart(3, '0')}.md`, `---\ntitle: Burst ${i}\ndate: 2023-01-01 10:00\n---\nx\n`);
      },
      async () => expect((await get('2023/01/story-199/')).$('h1').text()).toBe('Burst 199'),
    );
    // One batch, or a few where a loaded machine delivered the events in bursts apart; never one per file.
    expect(session.builds - before).toBeGreaterThanOrEqual(1);
    expect(session.builds - before).toBeLessThanOrEqual(3);
    await afterBuild(
      () => rmSync(story('burst'), { recursive: true }),
      async () => expect((await get('2023/01/story-199/')).status).toBe(404),
    );
  });

  it('tells a connected page to reload after a rebuild', async () => {
    const controller = new AbortController();
    const response = await fetch(new URL('/__dateline/events', session.url), { signal: controller.signal });
    const reader = response.body!.getReader();
    const received = (async () => {
      let text = '';
      while (!text.includes('event: reload')) text += new TextDecoder().decode((await reader.read()).value);
      return text;
    })();
    await afterBuild(
      () => writeFileSync(story('ispr.md'), `${readFileSync(story('ispr.md'), 'utf8')}\nOne more line.\n`),
      async () => expect((await get('2023/09/ispr/')).$('.body').text()).toContain('One more line.'),
    );
    expect(await received).toContain('event: reload');
    controller.abort();
  });

  it('keeps watching when content/ is moved away and back, as a git checkout of another branch can do', async () => {
    const content = path.join(site, 'content');
    await afterBuild(
      () => renameSync(content, `${content}-elsewhere`),
      async () => expect((await get('2023/09/ispr/')).status).toBe(404),
    );
    await afterBuild(
      () => renameSync(`${content}-elsewhere`, content),
      async () => expect((await get('2023/09/ispr/')).status).toBe(200),
    );
    await afterBuild(
      () => writeFileSync(story('ispr.md'), `${readFileSync(story('ispr.md'), 'utf8')}\nSeen after the checkout.\n`),
      async () => expect((await get('2023/09/ispr/')).$('.body').text()).toContain('Seen after the checkout.'),
    );
    await afterBuild(
      () => rmSync(content, { recursive: true }),
      async () => expect((await get('2023/09/ispr/')).status).toBe(404),
    );
    await afterBuild(
      () => write('back.md', '---\ntitle: Written into a new content folder\ndate: 2023-09-20 10:00\n---\nBack.\n'),
      async () => expect((await get('2023/09/back/')).$('h1').text()).toBe('Written into a new content folder'),
    );
  });
});
