/**
 * The addresses a site has published, and what each one is: readers, search
 * engines and other sites link to them, so a build may not drop one without
 * a word (see plan/url-guard.ts). Kept from the last build (cache/published-record.ts)
 * or read from the live site's sitemap (load/published-sitemap.ts).
 */
import type { Location } from '../errors.js';
import { TAXONOMY_KINDS } from '../model/taxonomy.js';
import type { Plan } from './plan.js';

/**
 * A story's page and an old address redirecting to one must stay; a list
 * (the front page, a tag, byline or section and their indexes) may go when
 * nothing belongs on it any more, which the build then points out.
 * Pagination pages (`/tags/ttp/page/3/`) are not published addresses: what
 * they show shifts with every story.
 */
export type PublishedKind = 'story' | 'alias' | 'list';

/** One address the site published. */
export interface PublishedUrl {
  /** Site-relative, normalized by `normalizeUrl`. */
  readonly url: string;
  readonly kind: PublishedKind;
  /** The story file it led to (a story's page, an alias), when known. */
  readonly file?: string;
  /** Where the address was read from (a sitemap's line), when not from the last build. */
  readonly seenAt?: Location;
}

const PAGINATION = /\/page\/\d+\/$/;

/**
 * The address as a build writes it: a folder ends in `/` (`/a/b` and
 * `/a/b/index.html` are `/a/b/`); a file keeps its name (`/a/b.html`).
 * Percent-escapes are decoded, so `/caf%C3%A9/` and `/café/` are one address.
 */
export function normalizeUrl(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // A malformed escape is kept as written.
  }
  const withoutIndex = decoded.replace(/\/index\.html?$/, '/');
  return withoutIndex.endsWith('/') || /\.[a-z0-9]+$/i.test(withoutIndex) ? withoutIndex : `${withoutIndex}/`;
}

/** What a site-relative address most likely is, judged by its shape alone (for addresses read from a sitemap). */
export function kindOfUrl(url: string): PublishedKind | 'pagination' {
  if (PAGINATION.test(url)) return 'pagination';
  if (url === '/' || TAXONOMY_KINDS.some((kind) => url.startsWith(`/${kind}/`))) return 'list';
  return 'story';
}

/** Every address `plan` publishes, each once, in plan order. */
export function publishedBy(plan: Plan): PublishedUrl[] {
  const urls: PublishedUrl[] = [];
  for (const page of plan.pages) {
    if (page.kind === 'story') urls.push({ url: page.url, kind: 'story', file: page.story.story.file });
    else if (page.kind === 'terms' || ((page.kind === 'home' || page.kind === 'term' || page.kind === 'corrections') && page.pagination.number === 1)) urls.push({ url: page.url, kind: 'list' });
  }
  for (const file of plan.crawlerFiles) {
    if (file.kind === 'redirect') urls.push({ url: file.url, kind: 'alias', file: file.to.story.file });
  }
  return urls;
}
