/** One page of a paginated list. */
export interface Pagination<T> {
  /** 1-based page number. */
  readonly number: number;
  readonly total: number;
  readonly items: readonly T[];
  /** Site-relative URL of this page: the list's URL, then `page/N/` from page 2 on. */
  readonly url: string;
  readonly previous?: string;
  readonly next?: string;
}

/** Split `items` into pages of `size` under `baseUrl`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number, baseUrl: string): Pagination<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const urlOf = (number: number) => (number === 1 ? baseUrl : `${baseUrl}page/${number}/`);
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      number,
      total,
      items: items.slice(index * size, number * size),
      url: urlOf(number),
      ...(number > 1 && { previous: urlOf(number - 1) }),
      ...(number < total && { next: urlOf(number + 1) }),
    };
  });
}
