/**
 * Plan: every output of the site as plain data. Nothing is rendered here, so
 * a later rebuild can compare plans and render only what changed.
 */
import { compareText, type Problem } from '../errors.js';
import type { SiteStory, Site } from '../model/site.js';
import { TAXONOMIES, type Taxonomy, type Term } from '../model/taxonomy.js';
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
  | { readonly kind: 'not-found'; readonly url: string };

/** Every page of `site`, or the URL clashes that prevent a build. */
export function planPages(site: Site): { pages: Page[]; problems: Problem[] } {
  const size = site.config.pageSize;
  const pages: Page[] = [
    ...paginate(site.stories, size, '/').map((pagination): Page => ({ kind: 'home', url: pagination.url, pagination })),
    ...site.stories.map((story): Page => ({ kind: 'story', url: story.url, story })),
  ];
  for (const kind of Object.keys(TAXONOMIES) as (keyof typeof TAXONOMIES)[]) {
    const taxonomy = site.taxonomies[kind];
    pages.push({ kind: 'terms', url: taxonomy.url, taxonomy });
    for (const term of taxonomy.terms) {
      for (const pagination of paginate(term.stories, size, term.url)) {
        pages.push({ kind: 'term', url: pagination.url, term, pagination });
      }
    }
  }
  pages.push({ kind: 'not-found', url: '/404.html' });
  return { pages, problems: urlClashes(pages) };
}

/** The file a page is written to, relative to the output folder: clean URLs end in `index.html`. */
export function outputPath(url: string): string {
  const relative = url.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/** What made a page, in words: a story's file or the list it belongs to. */
export function describePage(page: Page): string {
  switch (page.kind) {
    case 'story':
      return page.story.story.file;
    case 'home':
      return 'the home page';
    case 'term':
      return `the ${TAXONOMIES[page.term.kind].singular} \`${page.term.name}\``;
    case 'terms':
      return `the list of ${page.taxonomy.kind}`;
    case 'not-found':
      return 'the 404 page';
  }
}

function urlClashes(pages: readonly Page[]): Problem[] {
  const byUrl = new Map<string, Page[]>();
  for (const page of pages) byUrl.set(page.url, [...(byUrl.get(page.url) ?? []), page]);
  const problems: Problem[] = [];
  for (const [url, clashing] of [...byUrl].sort(([a], [b]) => compareText(a, b))) {
    if (clashing.length < 2) continue;
    for (const page of clashing) {
      const others = clashing.filter((other) => other !== page).map(describePage).join(', ');
      problems.push({
        severity: 'error',
        ...(page.kind === 'story' && { file: page.story.story.file, line: 1 }),
        message: `the URL ${url} is also used by ${others}: give ${page.kind === 'story' ? 'this story' : 'the story'} a different \`slug\``,
      });
    }
  }
  // A clash between two lists (no story involved) cannot happen: their URLs come from distinct slugs.
  return problems.filter((problem) => problem.file !== undefined);
}
