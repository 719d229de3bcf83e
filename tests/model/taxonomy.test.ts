import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/errors.js';
import { buildTaxonomy } from '../../src/model/taxonomy.js';
import type { Story } from '../../src/parse/story.js';

const item = (file: string, tags: string[], bylines: string[] = [], section?: string) => ({
  story: {
    file,
    hash: file,
    title: file,
    date: { epochMs: 0, iso: '1970-01-01T00:00:00Z' },
    bylines,
    tags,
    summary: '',
    summarySource: 'first-paragraph',
    kind: 'news',
    corrections: [],
    series: [],
    slug: file,
    draft: false,
    aliases: [],
    body: '',
    ...(section && { section }),
  } satisfies Story,
});

describe('buildTaxonomy', () => {
  it('keeps the editor spelling and slugs the URL', () => {
    const taxonomy = buildTaxonomy('tags', [item('a', ['TTP', 'Counter Terrorism'])], () => {});
    expect(taxonomy.terms.map((t) => [t.name, t.url])).toEqual([
      ['Counter Terrorism', '/tags/counter-terrorism/'],
      ['TTP', '/tags/ttp/'],
    ]);
  });

  it('keeps the stories in the order given, each once per term', () => {
    const taxonomy = buildTaxonomy('tags', [item('new', ['TTP', 'ttp']), item('old', ['TTP'])], () => {});
    expect(taxonomy.bySlug.get('ttp')?.stories.map((s) => s.story.file)).toEqual(['new', 'old']);
  });

  it('merges spellings that share a slug, shows the most used, and warns naming the files', () => {
    const warnings: Problem[] = [];
    const taxonomy = buildTaxonomy(
      'tags',
      [item('a.md', ['counter terrorism']), item('b.md', ['Counter Terrorism']), item('c.md', ['Counter Terrorism'])],
      (p) => warnings.push(p),
    );
    expect(taxonomy.terms.map((t) => [t.name, t.stories.length])).toEqual([['Counter Terrorism', 3]]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('shown as `Counter Terrorism` (used in 2 stories)');
    expect(warnings[0]?.message).toContain('`counter terrorism` in a.md');
  });

  it('breaks a tie between spellings the same way whatever the input order', () => {
    const one = buildTaxonomy('tags', [item('a', ['ttp']), item('b', ['TTP'])], () => {});
    const two = buildTaxonomy('tags', [item('b', ['TTP']), item('a', ['ttp'])], () => {});
    expect(one.terms[0]?.name).toBe('TTP');
    expect(two.terms[0]?.name).toBe('TTP');
  });

  it('works the same for bylines and sections', () => {
    const items = [item('a', [], ['Ayesha Siddiqui'], 'Pakistan'), item('b', [], ['Ayesha Siddiqui', 'Bilal Ahmed'])];
    expect(buildTaxonomy('bylines', items, () => {}).terms.map((t) => [t.url, t.stories.length])).toEqual([
      ['/bylines/ayesha-siddiqui/', 2],
      ['/bylines/bilal-ahmed/', 1],
    ]);
    expect(buildTaxonomy('sections', items, () => {}).terms.map((t) => t.url)).toEqual(['/sections/pakistan/']);
  });
});
