/** Plan the HTML pages: stories, the paginated front page, term lists and indexes, the corrections log, 404. */
import type { SiteStory, Site } from '../model/site.js';
import { CORRECTIONS_URL, type CorrectionEntry } from './corrections.js';
import { TAXONOMIES, TAXONOMY_KINDS, type Taxonomy, type Term } from '../model/taxonomy.js';
import { paginate, type Pagination } from './paginate.js';

/** One HTML page to render, by kind. `url` is site-relative and starts with `/`. */
export type Page =
  | { readonly kind: 'story'; readonly url: string; readonly story: SiteStory }
  | { readonly kind: 'home'; readonly url: string; readonly pagination: Pagination<SiteStory> }
  | {
      readonly kind: 'term';
      readonly url: string;
      readonly term: Term<SiteStory>;
      readonly pagination: Pagination<SiteStory>;
    }
  | { readonly kind: 'terms'; readonly url: string; readonly taxonomy: Taxonomy<SiteStory> }
  | { readonly kind: 'corrections'; readonly url: string; readonly pagination: Pagination<CorrectionEntry> }
  | { readonly kind: 'not-found'; readonly url: string; readonly latest: readonly SiteStory[] };

/** How many of the newest stories the 404 page offers a reader who followed a dead link. */
const NOT_FOUND_LATEST = 5;

/** Every HTML page of `site`, whose corrections are `log`. */
export function planPages(site: Site, log: readonly CorrectionEntry[]): Page[] {
  const size = site.config.pageSize;
  const pages: Page[] = [
    ...paginate(site.stories, size, '/').map((pagination): Page => ({ kind: 'home', url: pagination.url, pagination })),
    ...site.stories.map((story): Page => ({ kind: 'story', url: story.url, story })),
  ];
  for (const kind of TAXONOMY_KINDS) {
    const taxonomy = site.taxonomies[kind];
    pages.push({ kind: 'terms', url: taxonomy.url, taxonomy });
    for (const term of taxonomy.terms) pages.push(...termPages(term, size));
  }
  pages.push(...paginate(log, size, CORRECTIONS_URL).map((pagination): Page => ({ kind: 'corrections', url: pagination.url, pagination })));
  pages.push({ kind: 'not-found', url: '/404.html', latest: site.stories.slice(0, NOT_FOUND_LATEST) });
  return pages;
}

/** The list pages of one term, `size` stories each, in the order its kind lists them. */
export function termPages(term: Term<SiteStory>, size: number): Page[] {
  const stories = TAXONOMIES[term.kind].listed === 'oldest-first' ? [...term.stories].reverse() : term.stories;
  return paginate(stories, size, term.url).map((pagination): Page => ({ kind: 'term', url: pagination.url, term, pagination }));
}
