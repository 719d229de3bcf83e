import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildSite } from '../../src/model/site.js';
import { toInstant } from '../../src/parse/dates.js';
import type { Story } from '../../src/parse/story.js';
import { keyMaker } from '../../src/outputs.js';
import { planPages } from '../../src/plan/pages.js';
import { FIXTURES } from '../helpers.js';

const { config } = loadConfig({ root: path.join(FIXTURES, 'newsroom') });
const selection = { drafts: false, future: false, now: Date.UTC(2024, 0, 1) };

function story(day: number, hash = `h${day}`): Story {
  return {
    file: `content/d${day}.md`,
    hash,
    title: `Day ${day}`,
    date: toInstant(Date.UTC(2023, 8, day), config.timezone),
    bylines: [],
    tags: [],
    summary: '',
    summarySource: 'first-paragraph',
    kind: 'news',
    corrections: [],
    series: [],
    slug: `d${day}`,
    draft: false,
    aliases: [],
    links: [],
    body: '',
  };
}

/** The 404 page of a site of `stories`, and its key. */
function notFound(stories: Story[]) {
  const { site } = buildSite(stories, config, selection);
  const page = planPages(site, []).find((p) => p.kind === 'not-found');
  if (page?.kind !== 'not-found') throw new Error('no 404 page');
  return { page, key: keyMaker(site)(page) };
}

describe('the 404 page', () => {
  const days = [1, 2, 3, 4, 5, 6, 7];

  it('offers the five newest stories, planned once for its key and its view', () => {
    expect(notFound(days.map((day) => story(day))).page.latest.map((item) => item.url)).toEqual([
      '/2023/09/d7/',
      '/2023/09/d6/',
      '/2023/09/d5/',
      '/2023/09/d4/',
      '/2023/09/d3/',
    ]);
  });

  it('is rendered again when one of those five changes, and only then', () => {
    const { key } = notFound(days.map((day) => story(day)));
    expect(notFound(days.map((day) => story(day, day === 1 ? 'edited' : `h${day}`))).key).toBe(key);
    expect(notFound(days.map((day) => story(day, day === 7 ? 'edited' : `h${day}`))).key).not.toBe(key);
  });
});
