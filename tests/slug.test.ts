import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, toSlug } from '../src/slug.js';
import { closest } from '../src/suggest.js';

describe('toSlug', () => {
  it.each([
    ['TTP', 'ttp'],
    ['ISPR', 'ispr'],
    ['Counter Terrorism', 'counter-terrorism'],
    ['US-Pakistan Relations', 'us-pakistan-relations'],
    ['  Khyber   Pakhtunkhwa ', 'khyber-pakhtunkhwa'],
    ['Ünïcödé', 'uenicoede'],
  ])('%j → %j', (term, slug) => {
    expect(toSlug(term)).toBe(slug);
  });

  it.each(['پاکستان', 'دہشت گردی', '中国', '反恐', '???'])('gives %j a stable, non-empty ASCII slug', (term) => {
    const slug = toSlug(term);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(toSlug(term)).toBe(slug);
  });

  it('gives different non-Latin terms different slugs', () => {
    expect(toSlug('中国')).not.toBe(toSlug('反恐'));
  });
});

describe('closest', () => {
  const known = ['title', 'date', 'byline', 'tags', 'section', 'summary', 'slug', 'updated'];
  it.each([
    ['tgas', 'tags'],
    ['Tags', 'tags'],
    ['sumary', 'summary'],
    ['author', 'byline'],
    ['lastmod', 'updated'],
    ['colour', undefined],
    ['x', undefined],
  ])('%j → %j', (name, expected) => {
    expect(closest(name, known)).toBe(expected);
  });
});
