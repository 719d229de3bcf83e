/**
 * Related stories: for each story, up to four others that share its series,
 * tags and section, found through the taxonomies' lists of stories (an
 * index by term), never by comparing every pair of stories.
 */
import { compareText } from '../errors.js';
import type { Site, SiteStory } from './site.js';
import { placeIn, TAXONOMIES, termOf, type TaxonomyKind, type Term } from './taxonomy.js';

/** How many related stories a story shows. */
export const RELATED_LIMIT = 4;

/** What sharing one term of a kind is worth: a series most, then each tag, then the section. */
const WEIGHTS: ReadonlyArray<readonly [TaxonomyKind, number]> = [
  ['series', 4],
  ['tags', 2],
  ['sections', 1],
];

/**
 * How far either side of a story, in a term's list, its candidates are
 * looked for: a section of 25,000 stories would otherwise make every one of
 * them a candidate for every other. Stories from around the same time are
 * the related ones a reader expects.
 */
export const RELATED_REACH = 25;

/**
 * One build's stories by number, for scoring in flat arrays: a map of
 * scores by story cost most of the time related lists took (4,000 stories:
 * 150 ms against 20).
 */
interface Index {
  readonly stories: readonly SiteStory[];
  readonly number: ReadonlyMap<SiteStory, number>;
  /** Whether each story may be offered as related: published, and not a draft. */
  readonly eligible: Uint8Array;
  /** Each term's stories by number, in its order. */
  readonly terms: WeakMap<Term<SiteStory>, Int32Array>;
  /** Scores by story number, zero between uses. */
  readonly scores: Int32Array;
  /** Related lists found so far. */
  readonly found: Map<SiteStory, readonly SiteStory[]>;
}

const indexes = new WeakMap<Site, Index>();

function indexOf(site: Site): Index {
  let index = indexes.get(site);
  if (index === undefined) {
    const { stories } = site;
    const eligible = new Uint8Array(stories.length);
    stories.forEach(({ story }, at) => {
      eligible[at] = story.draft || story.date.epochMs > site.now ? 0 : 1;
    });
    index = {
      stories,
      number: new Map(stories.map((item, at) => [item, at])),
      eligible,
      terms: new WeakMap(),
      scores: new Int32Array(stories.length),
      found: new Map(),
    };
    indexes.set(site, index);
  }
  return index;
}

function numbersOf(index: Index, term: Term<SiteStory>): Int32Array {
  let numbers = index.terms.get(term);
  if (numbers === undefined) {
    numbers = Int32Array.from(term.stories, (item) => index.number.get(item) ?? -1);
    index.terms.set(term, numbers);
  }
  return numbers;
}

/**
 * Up to `RELATED_LIMIT` stories related to `item`, the most shared first,
 * newest first on ties: never itself, a draft or a story not yet published
 * at the build's "now" (a build that shows them still hides them here).
 */
export function relatedStories(site: Site, item: SiteStory): readonly SiteStory[] {
  const index = indexOf(site);
  let related = index.found.get(item);
  if (related === undefined) {
    related = rank(site, index, item);
    index.found.set(item, related);
  }
  return related;
}

function rank(site: Site, index: Index, item: SiteStory): SiteStory[] {
  const { scores, eligible } = index;
  const own = index.number.get(item) ?? -1;
  const touched: number[] = [];
  for (const [kind, weight] of WEIGHTS) {
    for (const name of TAXONOMIES[kind].pick(item.story)) {
      const term = termOf(site.taxonomies[kind], name);
      const place = term && placeIn(term, item);
      if (!term || !place) continue;
      const numbers = numbersOf(index, term);
      // The list runs newest first; the story stands at `of - part`.
      const at = place.of - place.part;
      const last = Math.min(numbers.length - 1, at + RELATED_REACH);
      for (let position = Math.max(0, at - RELATED_REACH); position <= last; position++) {
        const other = numbers[position]!;
        if (other === own || other < 0 || eligible[other] === 0) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight;
      }
    }
  }
  // The best few in one pass, kept in order: sorting hundreds of candidates for every story cost more than finding them.
  const best: number[] = [];
  for (const candidate of touched) {
    let at = best.length;
    while (at > 0 && ranksBefore(index, candidate, best[at - 1]!)) at--;
    if (at < RELATED_LIMIT) {
      best.splice(at, 0, candidate);
      if (best.length > RELATED_LIMIT) best.pop();
    }
  }
  const related = best.map((number) => index.stories[number]!);
  for (const number of touched) scores[number] = 0;
  return related;
}

/** The higher score first; then the newer story; then the file path, so the order never depends on input order. */
function ranksBefore(index: Index, a: number, b: number): boolean {
  const { scores, stories } = index;
  if (scores[a] !== scores[b]) return scores[a]! > scores[b]!;
  const [storyA, storyB] = [stories[a]!.story, stories[b]!.story];
  if (storyA.date.epochMs !== storyB.date.epochMs) return storyA.date.epochMs > storyB.date.epochMs;
  return compareText(storyA.file, storyB.file) < 0;
}
