/**
 * Remember a pure function's results by key. Converting instants to the
 * site's time zone costs tens of microseconds in luxon (it asks Intl), and a
 * build converts each story's dates once for every list, feed and sitemap it
 * appears in; dev mode converts them again on every save. Bounded, so a long
 * dev session cannot grow it without end.
 */
export function memoize<A extends readonly (string | number)[], R>(fn: (...args: A) => R, limit = 100_000): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A): R => {
    const key = args.join('\u0000');
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(...args);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
