/**
 * Tags, bylines, sections and series: one mechanism, four instances.
 *
 * A term keeps the editor's spelling on the page (`TTP`, `Counter Terrorism`)
 * and gets a lowercase ASCII slug for its URL. Spellings that share a slug are
 * one term, shown in its most used spelling.
 */
import { compareText, countLabel, type Problem } from '../errors.js';
import type { Story } from '../parse/story.js';
import { toSlug } from '../slug.js';

/**
 * The taxonomies, what each is called, and the order its pages list stories
 * in: newest first, but a series is read from its first part.
 */
export const TAXONOMIES = {
  tags: { singular: 'tag', pick: (story: Story) => story.tags, listed: 'newest-first' },
  bylines: { singular: 'byline', pick: (story: Story) => story.bylines, listed: 'newest-first' },
  sections: { singular: 'section', pick: (story: Story) => (story.section ? [story.section] : []), listed: 'newest-first' },
  series: { singular: 'series', pick: (story: Story) => story.series, listed: 'oldest-first' },
} as const satisfies Record<
  string,
  { singular: string; pick: (story: Story) => readonly string[]; listed: 'newest-first' | 'oldest-first' }
>;

export type TaxonomyKind = keyof typeof TAXONOMIES;

/** The kinds in their fixed order: tags, bylines, sections, series. */
export const TAXONOMY_KINDS = Object.keys(TAXONOMIES) as readonly TaxonomyKind[];

/** One tag, byline, section or series, with its stories in the order given (newest first, for every kind). */
export interface Term<S> {
  readonly kind: TaxonomyKind;
  /** The spelling shown on pages. */
  readonly name: string;
  readonly slug: string;
  /** Site-relative URL of its first list page, e.g. `/tags/ttp/`. */
  readonly url: string;
  readonly stories: readonly S[];
}

/** All terms of one kind, sorted by name. */
export interface Taxonomy<S> {
  readonly kind: TaxonomyKind;
  /** Site-relative URL of the index of all terms, e.g. `/tags/`. */
  readonly url: string;
  readonly terms: readonly Term<S>[];
  /** Terms by slug, for linking from stories. */
  readonly bySlug: ReadonlyMap<string, Term<S>>;
}

interface Group<S> {
  readonly spellings: Map<string, string[]>;
  readonly stories: S[];
}

/**
 * Group `items` (already in display order) into the terms of `kind`;
 * spelling clashes are reported to `warn`.
 */
export function buildTaxonomy<S extends { readonly story: Story }>(
  kind: TaxonomyKind,
  items: readonly S[],
  warn: (problem: Problem) => void,
): Taxonomy<S> {
  const { singular, pick } = TAXONOMIES[kind];
  const groups = new Map<string, Group<S>>();
  for (const item of items) {
    for (const spelling of pick(item.story)) {
      const slug = toSlug(spelling);
      const group: Group<S> = groups.get(slug) ?? { spellings: new Map<string, string[]>(), stories: [] };
      groups.set(slug, group);
      const files = group.spellings.get(spelling);
      if (files) files.push(item.story.file);
      else group.spellings.set(spelling, [item.story.file]);
      // A story naming one term twice (`TTP`, `ttp`) is listed once: it would be the last one listed.
      if (group.stories[group.stories.length - 1] !== item) group.stories.push(item);
    }
  }
  const url = `/${kind}/`;
  const terms = [...groups].map(([slug, group]): Term<S> => {
    const name = preferredSpelling(group.spellings);
    if (group.spellings.size > 1) warn(spellingClash(singular, name, slug, `${url}${slug}/`, group.spellings));
    return { kind, name, slug, url: `${url}${slug}/`, stories: group.stories };
  });
  return { kind, url, ...indexed(terms) };
}

/**
 * `taxonomy` with the terms whose slugs are in `slugs` rebuilt from `items`:
 * every story now in any of those terms, in display order. What
 * `buildTaxonomy` over the whole site would give, at the cost of those terms.
 */
export function replaceTerms<S extends { readonly story: Story }>(
  taxonomy: Taxonomy<S>,
  slugs: ReadonlySet<string>,
  items: readonly S[],
): Taxonomy<S> {
  // Spelling clashes were reported by the build this revises.
  const rebuilt = buildTaxonomy(taxonomy.kind, items, () => {}).terms.filter((term) => slugs.has(term.slug));
  return { ...taxonomy, ...indexed([...taxonomy.terms.filter((term) => !slugs.has(term.slug)), ...rebuilt]) };
}

/** `taxonomy` with `terms` added (their slugs new to it). */
export function addTerms<S>(taxonomy: Taxonomy<S>, terms: readonly Term<S>[]): Taxonomy<S> {
  return { ...taxonomy, ...indexed([...taxonomy.terms, ...terms]) };
}

/** `taxonomy` with the stories of the terms whose slugs are in `slugs` passed through `swap`, in the same order. */
export function swapTerms<S>(taxonomy: Taxonomy<S>, slugs: ReadonlySet<string>, swap: (item: S) => S): Taxonomy<S> {
  const terms = taxonomy.terms.map((term) => (slugs.has(term.slug) ? { ...term, stories: term.stories.map(swap) } : term));
  return { ...taxonomy, terms, bySlug: new Map(terms.map((term) => [term.slug, term])) };
}

/** Terms sorted by name, and by slug. */
function indexed<S>(terms: Term<S>[]): Pick<Taxonomy<S>, 'terms' | 'bySlug'> {
  terms.sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.slug, b.slug));
  return { terms, bySlug: new Map(terms.map((term) => [term.slug, term])) };
}

/** The most used spelling; ties go to the first in code-point order. */
function preferredSpelling(spellings: ReadonlyMap<string, readonly string[]>): string {
  const ranked = [...spellings].sort(([a, filesA], [b, filesB]) => filesB.length - filesA.length || compareText(a, b));
  return ranked[0]?.[0] ?? '';
}

function spellingClash(
  singular: string,
  name: string,
  slug: string,
  url: string,
  spellings: ReadonlyMap<string, readonly string[]>,
): Problem {
  const others = [...spellings]
    .filter(([spelling]) => spelling !== name)
    .sort(([a], [b]) => compareText(a, b))
    .map(([spelling, files]) => `\`${spelling}\` in ${files.join(', ')}`)
    .join('; ');
  return {
    severity: 'warning',
    message: `${singular} spellings share the URL ${url} (slug \`${slug}\`), so they are one ${singular} shown as \`${name}\` (used in ${countLabel(spellings.get(name)?.length ?? 0, 'story', 'stories')}); other spellings: ${others}`,
  };
}

/** A story's place in a series (or any term): its part number counting from the oldest, and its neighbours. */
export interface Place<S> {
  readonly part: number;
  readonly of: number;
  /** The part before it (older), and after it (newer). */
  readonly previous?: S;
  readonly next?: S;
}

const positions = new WeakMap<Term<unknown>, Map<unknown, number>>();

/** Where `item` stands in `term`, or undefined when it is not in it. */
export function placeIn<S>(term: Term<S>, item: S): Place<S> | undefined {
  let index = positions.get(term);
  if (index === undefined) {
    index = new Map(term.stories.map((story, position) => [story, position]));
    positions.set(term, index);
  }
  const position = index.get(item);
  if (position === undefined) return undefined;
  const { stories } = term;
  const previous = stories[position + 1];
  const next = stories[position - 1];
  return { part: stories.length - position, of: stories.length, ...(previous !== undefined && { previous }), ...(next !== undefined && { next }) };
}

/** The term a story's `name` (in any spelling) belongs to. */
export function termOf<S>(taxonomy: Taxonomy<S>, name: string): Term<S> | undefined {
  return taxonomy.bySlug.get(toSlug(name));
}
