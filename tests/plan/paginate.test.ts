import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/plan/paginate.js';

describe('paginate', () => {
  it('splits at the page size with previous and next links', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, '/tags/ttp/');
    expect(pages.map((p) => [p.url, p.items, p.previous, p.next])).toEqual([
      ['/tags/ttp/', [1, 2], undefined, '/tags/ttp/page/2/'],
      ['/tags/ttp/page/2/', [3, 4], '/tags/ttp/', '/tags/ttp/page/3/'],
      ['/tags/ttp/page/3/', [5], '/tags/ttp/page/2/', undefined],
    ]);
    expect(pages.every((p) => p.total === 3)).toBe(true);
  });

  it('keeps a single page when everything fits, and one empty page for no items', () => {
    expect(paginate([1, 2], 2, '/').map((p) => p.url)).toEqual(['/']);
    expect(paginate([], 10, '/').map((p) => [p.url, p.items.length, p.total])).toEqual([['/', 0, 1]]);
  });
});
