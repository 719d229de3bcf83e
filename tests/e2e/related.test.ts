/**
 * Related stories at the end of each story: ranked by the series, tags and
 * section it shares, newest first on ties, never itself, a draft or an
 * embargoed story; right after a warm build and in dev when tags change.
 */
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startDev, type DevSession } from '../../src/dev/session.js';
import { page, storyText as story, testSite } from '../helpers.js';

const NOW = '2024-01-01T00:00:00Z';

const STORIES = {
  'call.md': story('Army chief speaks to US defence secretary', '2023-09-13', 'tags: [TTP, ISPR]\nsection: Pakistan\n'),
  'both-tags.md': story('ISPR details TTP attacks', '2023-08-01', 'tags: [TTP, ISPR]\nsection: World\n'),
  'tag-and-section.md': story('Troops repel attack in Chitral', '2023-09-07', 'tags: [TTP]\nsection: Pakistan\n'),
  'one-tag.md': story('US envoy names the TTP the top threat', '2023-09-20', 'tags: [TTP]\n'),
  'section.md': story('Senate passes budget', '2023-09-10', 'section: Pakistan\n'),
  'older-section.md': story('Assembly elects speaker', '2023-06-10', 'section: Pakistan\n'),
  'unrelated.md': story('Cricket board names captain', '2023-09-12', 'tags: [Cricket]\n'),
  'draft.md': story('A draft on the TTP and ISPR', '2023-09-14', 'tags: [TTP, ISPR]\nsection: Pakistan\ndraft: true\n'),
  'embargoed.md': story('Tomorrow, on the TTP and ISPR', '2030-01-01', 'tags: [TTP, ISPR]\nsection: Pakistan\n'),
};

function site() {
  const made = testSite(Object.fromEntries(Object.entries(STORIES).map(([file, text]) => [`content/${file}`, text])));
  return { ...made, put: (file: string, text: string) => made.put(`content/${file}`, text) };
}

const relatedOn = ($: ReturnType<typeof load>) => $('aside.related li a').map((_, a) => $(a).text()).get();

describe('related stories', () => {
  const { out, put, build: buildAt } = site();
  // A build that shows drafts and embargoed stories still keeps them out of related lists.
  const build = () => buildAt(NOW, '--drafts', '--future');
  const first = build();
  const relatedOf = (slug: string) => relatedOn(page(path.join(out, '2023/09', slug, 'index.html')));

  it('are the four that share most, newest first on ties, never the story itself, a draft or an embargoed story', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(relatedOf('call')).toEqual([
      'ISPR details TTP attacks',
      'Troops repel attack in Chitral',
      'US envoy names the TTP the top threat',
      'Senate passes budget',
    ]);
    const $ = page(path.join(out, '2023/09/call/index.html'));
    expect($('aside.related').attr('aria-labelledby')).toBe('related-title');
    expect($('#related-title').text()).toBe('Related stories');
    expect($('aside.related li').first().find('time').attr('datetime')).toBe('2023-08-01T00:00:00Z');
  });

  it('are left out when nothing is shared', () => {
    expect(page(path.join(out, '2023/09/unrelated/index.html'))('aside.related')).toHaveLength(0);
  });

  it('follow an edit to tags in a warm build, in and out of other stories’ lists', () => {
    put('unrelated.md', story('Cricket board names captain', '2023-09-12', 'tags: [TTP, ISPR, Cricket]\nsection: Pakistan\n'));
    expect(build().status).toBe(0);
    expect(relatedOf('call')[0]).toBe('Cricket board names captain');
    expect(relatedOf('section')).toContain('Cricket board names captain');
    put('unrelated.md', STORIES['unrelated.md']);
    expect(build().status).toBe(0);
    expect(relatedOf('call')).not.toContain('Cricket board names captain');
    expect(relatedOf('section')).not.toContain('Cricket board names captain');
  });
});

describe('related stories in dev', () => {
  let session: DevSession | undefined;
  afterAll(async () => {
    await session?.close();
  });

  it('follow a tag edit to the pages of the other stories', async () => {
    const { root, put } = site();
    session = await startDev({ root, port: 0, host: '127.0.0.1', now: () => Date.parse(NOW) });
    const related = async (url: string) => relatedOn(load(await (await fetch(new URL(url, session!.url))).text()));
    expect(await related('2023/09/call/')).not.toContain('Cricket board names captain');
    put('unrelated.md', story('Cricket board names captain', '2023-09-12', 'tags: [TTP, ISPR, Cricket]\nsection: Pakistan\n'));
    await vi.waitFor(async () => expect((await related('2023/09/call/'))[0]).toBe('Cricket board names captain'), { timeout: 20_000, interval: 50 });
    put('unrelated.md', STORIES['unrelated.md']);
    await vi.waitFor(async () => expect(await related('2023/09/call/')).not.toContain('Cricket board names captain'), { timeout: 20_000, interval: 50 });
  }, 60_000);
});
