import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildSite, reviseSite, type Site } from '../../src/model/site.js';
import { TAXONOMIES, type TaxonomyKind } from '../../src/model/taxonomy.js';
import { toInstant } from '../../src/parse/dates.js';
import type { Story } from '../../src/parse/story.js';
import { toSlug } from '../../src/slug.js';
import { FIXTURES } from '../helpers.js';

const { config } = loadConfig({ root: path.join(FIXTURES, 'newsroom') });
const selection = { drafts: false, future: false, now: Date.UTC(2024, 0, 1) };

/** A deterministic pseudo-random sequence, so the test reads the same every run. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

const TAGS = ['TTP', 'ttp', 'ISPR', 'KP', 'Floods', 'Counter Terrorism', 'counter terrorism', 'Budget'];
const BYLINES = ['Ayesha Siddiqui', 'Bilal Ahmed', 'Sana Mir'];
const SECTIONS = ['Pakistan', 'World', 'Business'];

function story(index: number, pick: (n: number) => number, date = Date.UTC(2023, 5, 1 + pick(28), pick(24))): Story {
  const tags = [...new Set(Array.from({ length: pick(4) }, () => TAGS[pick(TAGS.length)]!))];
  return {
    file: `content/s${String(index).padStart(2, '0')}.md`,
    hash: `h${index}-${pick(1e6)}`,
    title: `Story ${index}`,
    date: toInstant(date, config.timezone),
    bylines: Array.from({ length: pick(3) }, () => BYLINES[pick(BYLINES.length)]!).filter((name, i, all) => all.indexOf(name) === i),
    tags,
    summary: '',
    summarySource: 'first-paragraph',
    kind: 'news',
    corrections: [],
    series: [],
    slug: `s${index}`,
    draft: false,
    aliases: [],
    body: '',
    ...(pick(4) > 0 && { section: SECTIONS[pick(SECTIONS.length)]! }),
  };
}

/** What pages show of a site: the story order and every term with its stories. */
function shape(site: Site) {
  return {
    stories: site.stories.map((item) => item.url),
    taxonomies: (Object.keys(TAXONOMIES) as TaxonomyKind[]).map((kind) =>
      site.taxonomies[kind].terms.map((term) => [term.name, term.url, term.stories.map((item) => item.url)]),
    ),
  };
}

describe('reviseSite', () => {
  it('gives the same site as a full model after any edit that keeps the URL', () => {
    const pick = random(7);
    let stories = Array.from({ length: 40 }, (_, index) => story(index, pick));
    let site = buildSite(stories, config, selection).site;
    for (let round = 0; round < 200; round++) {
      const index = pick(stories.length);
      const old = stories[index]!;
      // New terms, and half the time a new day in the same month (same URL).
      const edited = story(index, pick, pick(2) ? old.date.epochMs : Date.UTC(2023, 5, 1 + pick(28), pick(24)));
      const before = site.stories.find((item) => item.story === old)!;
      const revised = reviseSite(site, before, edited, config, selection);
      stories = stories.map((item) => (item === old ? edited : item));
      const full = buildSite(stories, config, selection).site;
      expect(revised, `round ${round}`).toBeDefined();
      expect(shape(revised!.site), `round ${round}`).toEqual(shape(full));
      // The terms it names as touched are the full site's, and include every term the story is in now.
      const touched = revised!.terms.map((term) => `${term.kind}:${term.slug}`);
      for (const term of revised!.terms) expect(term.stories.map((item) => item.url)).toEqual(full.taxonomies[term.kind].bySlug.get(term.slug)?.stories.map((item) => item.url));
      if (edited.date.epochMs !== old.date.epochMs || edited.tags.join() !== old.tags.join()) {
        for (const tag of edited.tags) expect(touched).toContain(`tags:${toSlug(tag)}`);
      }
      // And no others: only the terms the story left or is in are rebuilt.
      const termsOf = (item: Story) => [
        ...item.tags.map((name) => `tags:${toSlug(name)}`),
        ...item.bylines.map((name) => `bylines:${toSlug(name)}`),
        ...(item.section ? [`sections:${toSlug(item.section)}`] : []),
      ];
      const eitherVersion = new Set([...termsOf(old), ...termsOf(edited)]);
      expect(touched.filter((term) => !eitherVersion.has(term)), `round ${round}`).toEqual([]);
      site = full;
    }
  });

  it('declines an edit that moves the story to another URL or holds it back', () => {
    const pick = random(11);
    const stories = Array.from({ length: 5 }, (_, index) => story(index, pick));
    const { site } = buildSite(stories, config, selection);
    const before = site.stories[0]!;
    const moved = { ...before.story, date: toInstant(Date.UTC(2022, 0, 1), config.timezone) };
    expect(reviseSite(site, before, moved, config, selection)).toBeUndefined();
    expect(reviseSite(site, before, { ...before.story, draft: true }, config, selection)).toBeUndefined();
    expect(reviseSite(site, before, { ...before.story, slug: 'other' }, config, selection)).toBeUndefined();
  });
});
