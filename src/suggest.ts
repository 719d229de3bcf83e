import { distance } from 'fastest-levenshtein';

/** Names editors reach for that mean one of ours; edit distance cannot guess these. */
const SYNONYMS: Readonly<Record<string, string>> = {
  author: 'byline',
  authors: 'byline',
  bylines: 'byline',
  by: 'byline',
  writer: 'byline',
  tag: 'tags',
  categories: 'tags',
  category: 'section',
  keywords: 'tags',
  description: 'summary',
  excerpt: 'summary',
  dateline: 'location',
  place: 'location',
  published: 'date',
  pubdate: 'date',
  modified: 'updated',
  lastmod: 'updated',
  headline: 'title',
  permalink: 'slug',
  url: 'slug',
};

/**
 * The known name closest to `name`, or undefined when none is close enough to
 * be a plausible typo (`tgas` → `tags`, `author` → `byline`).
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const synonym = SYNONYMS[lower];
  if (synonym !== undefined && known.includes(synonym)) return synonym;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** ` (did you mean \`tags\`?)` or nothing. */
export function didYouMean(name: string, known: readonly string[]): string {
  const match = closest(name, known);
  return match === undefined ? '' : ` (did you mean \`${match}\`?)`;
}
