/** Plan the HTML pages: stories, the paginated front page, term lists and indexes, the corrections log, 404, search. */
import { searchableStories, type SiteStory, type Site } from '../model/site.js';
import { CORRECTIONS_URL, type CorrectionEntry } from './corrections.js';
import { TAXONOMIES, TAXONOMY_KINDS, type Taxonomy, type Term } from '../model/taxonomy.js';
import { paginate, type Pagination } from './paginate.js';
import { compareText } from '../errors.js';

/** One HTML page to render, by kind. `url` is site-relative and starts with `/`. */
export type Page =
  | { readonly kind: 'story'; readonly url: string; readonly story: SiteStory }
  | { readonly kind: 'home'; readonly url: string; readonly pagination: Pagination<SiteStory>; readonly front?: FrontBlocks }
  | {
      readonly kind: 'term';
      readonly url: string;
      readonly term: Term<SiteStory>;
      readonly pagination: Pagination<SiteStory>;
    }
  | { readonly kind: 'terms'; readonly url: string; readonly taxonomy: Taxonomy<SiteStory> }
  | { readonly kind: 'corrections'; readonly url: string; readonly pagination: Pagination<CorrectionEntry> }
  | { readonly kind: 'not-found'; readonly url: string; readonly latest: readonly SiteStory[] }
  /** The search page; `languages` are those of the stories besides the site's, whose indexes it searches too. */
  | { readonly kind: 'search'; readonly url: string; readonly languages: readonly string[] };

/** Where the search page is. */
export const SEARCH_URL = '/search/';

/** What the first home page shows above and below its river of the newest stories. */
export interface FrontBlocks {
  readonly lead: SiteStory;
  readonly top: readonly SiteStory[];
  /** A block per section with its newest stories not shown above; only when `_front.yml` chose the lead. */
  readonly sections: readonly { readonly term: Term<SiteStory>; readonly stories: readonly SiteStory[] }[];
}

/** How many stories each section's block on the front page shows. */
const SECTION_BLOCK = 3;

/** How many of the newest stories the 404 page offers a reader who followed a dead link. */
const NOT_FOUND_LATEST = 5;

/** Every HTML page of `site`, whose corrections are `log`. */
export function planPages(site: Site, log: readonly CorrectionEntry[]): Page[] {
  const size = site.config.pageSize;
  const pages: Page[] = [
    ...homePages(site),
    ...site.stories.map((story): Page => ({ kind: 'story', url: story.url, story })),
  ];
  for (const kind of TAXONOMY_KINDS) {
    const taxonomy = site.taxonomies[kind];
    pages.push({ kind: 'terms', url: taxonomy.url, taxonomy });
    for (const term of taxonomy.terms) pages.push(...termPages(term, size));
  }
  pages.push(...paginate(log, size, CORRECTIONS_URL).map((pagination): Page => ({ kind: 'corrections', url: pagination.url, pagination })));
  pages.push({ kind: 'not-found', url: '/404.html', latest: site.stories.slice(0, NOT_FOUND_LATEST) });
  if (site.config.search) pages.push({ kind: 'search', url: SEARCH_URL, languages: otherLanguages(searchableStories(site), site.config.language) });
  return pages;
}

/** The languages of `stories` other than `language` (the site's), in order. */
function otherLanguages(stories: readonly SiteStory[], language: string): string[] {
  const found = new Set(stories.map(({ story }) => story.lang ?? language));
  found.delete(language);
  return [...found].sort(compareText);
}

/**
 * The home page and its further pages: the lead and top stories first, then
 * the river of the newest other stories, then (when `_front.yml` chose the
 * lead) a block per section.
 */
function homePages(site: Site): Page[] {
  const { front } = site;
  const shown = new Set(front ? [front.lead, ...front.top] : []);
  const river = site.stories.filter((item) => !shown.has(item));
  return paginate(river, site.config.pageSize, '/').map((pagination): Page => {
    if (!front || pagination.number > 1) return { kind: 'home', url: pagination.url, pagination };
    const above = new Set([...shown, ...pagination.items]);
    const sections = front.pick
      ? site.taxonomies.sections.terms.flatMap((term) => {
          const stories = term.stories.filter((item) => !above.has(item)).slice(0, SECTION_BLOCK);
          return stories.length > 0 ? [{ term, stories }] : [];
        })
      : [];
    return { kind: 'home', url: pagination.url, pagination, front: { lead: front.lead, top: front.top, sections } };
  });
}

/** The list pages of one term, `size` stories each, in the order its kind lists them. */
export function termPages(term: Term<SiteStory>, size: number): Page[] {
  const stories = TAXONOMIES[term.kind].listed === 'oldest-first' ? [...term.stories].reverse() : term.stories;
  return paginate(stories, size, term.url).map((pagination): Page => ({ kind: 'term', url: pagination.url, term, pagination }));
}
