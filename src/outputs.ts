/**
 * Every kind of output in one table: what its key is made of (a rebuild
 * renders only outputs whose key changed since the last build) and how it
 * renders. Planning stays in `plan/`, which lists the outputs as data; a new
 * kind of output is a plan function and one entry here.
 */
import { navigation, type Site } from './model/site.js';
import { storyKeys, type Planned, type StoryKeys } from './plan/fingerprint.js';
import type { CorrectionEntry } from './plan/corrections.js';
import type { Page } from './plan/pages.js';
import { renderFeed } from './render/feeds.js';
import { renderCrawlerFile } from './render/sitemaps.js';
import type { Utf8Builder } from './render/utf8-builder.js';
import type { BodyOf } from './render/view.js';

/** What rendering needs besides the output itself. */
export interface RenderTools {
  readonly site: Site;
  /** A page through its template, now or (on a render worker) later; undefined when the template failed (the renderer keeps the problem). */
  readonly page: (page: Page) => Rendered<string>;
  /** Story bodies for the feeds of the page at `pageUrl`: its feeds come one after another and share them. */
  readonly feedBodies: (pageUrl: string) => BodyOf;
  /** The buffer feeds and sitemaps are rendered into (see Utf8Builder). */
  readonly fileText: Utf8Builder;
}

/** An output's content, or undefined when a template failed; a page rendered on a worker comes later. */
export type Rendered<C> = C | undefined | Promise<C | undefined>;

/** One kind of output. */
interface OutputKind<O> {
  /** The template a page of this kind renders with (without `.liquid`): a change to it renders them all again. */
  readonly template?: string;
  /** Everything the output shows, as text, stories by their keys. */
  key(output: O, keys: StoryKeys): string;
  /** Its content; undefined when a template failed. */
  render(output: O, tools: RenderTools): Rendered<string | Uint8Array>;
}

type Kinds = { readonly [K in Planned['kind']]: OutputKind<Extract<Planned, { kind: K }>> };

const page = <P extends Page>(template: string, key: (output: P, keys: StoryKeys) => string): OutputKind<P> => ({
  template,
  key,
  render: (output, tools) => tools.page(output),
});

const crawlerFile = <C extends Extract<Planned, { kind: Parameters<typeof renderCrawlerFile>[0]['kind'] }>>(
  key: (output: C, keys: StoryKeys) => string,
): OutputKind<C> => ({
  key,
  render: (output, tools) => renderCrawlerFile(output, tools.site, tools.fileText),
});

/** Corrections by their stories' keys and their numbers on them. */
const correctionKeys = (entries: readonly CorrectionEntry[], keys: StoryKeys) => entries.map((entry) => `${keys.story(entry.story)}#${entry.number}`).join(' ');

const datedUrls = (entries: readonly { readonly url: string; readonly lastmod?: { readonly iso: string } }[]) =>
  entries.map((entry) => `${entry.url}|${entry.lastmod?.iso ?? ''}`).join('\n');

export const OUTPUT_KINDS: Kinds = {
  story: page('story', (output, keys) => keys.storyPage(output.story)),
  home: page('home', (output, keys) => {
    const river = `${output.pagination.number}/${output.pagination.total}\n${keys.list(output.pagination.items)}`;
    const { front } = output;
    if (!front) return river;
    const sections = front.sections.map(({ term, stories }) => `${term.name}|${term.url}\n${keys.list(stories)}`).join('\n');
    return `${river}\n${keys.story(front.lead)}\n${keys.list(front.top)}\n${sections}`;
  }),
  term: page(
    'term',
    (output, keys) =>
      `${output.term.name}|${output.term.stories.length}|${keys.term(output.term)}|${output.pagination.number}/${output.pagination.total}\n${keys.list(output.pagination.items)}`,
  ),
  terms: page('terms', (output) => output.taxonomy.terms.map((term) => `${term.name}|${term.url}|${term.stories.length}`).join('\n')),
  corrections: page(
    'corrections',
    (output, keys) => `${output.pagination.number}/${output.pagination.total}\n${correctionKeys(output.pagination.items, keys)}`,
  ),
  'not-found': page('404', (output, keys) => keys.list(output.latest)),
  search: page('search', (output) => output.languages.join(' ')),
  feed: {
    key: (output, keys) =>
      `${output.format}|${output.title}\n${output.of === 'stories' ? keys.list(output.stories) : correctionKeys(output.entries, keys)}`,
    render: (output, tools) => renderFeed(output, tools.site, tools.feedBodies(output.pageUrl), tools.fileText),
  },
  sitemap: crawlerFile((output) => datedUrls(output.entries)),
  'sitemap-index': crawlerFile((output) => datedUrls(output.sitemaps)),
  'news-sitemap': crawlerFile((output, keys) => keys.list(output.stories)),
  robots: crawlerFile((output) => output.sitemaps.join('\n')),
  redirect: crawlerFile((output) => `${output.to.url}|${output.to.story.title}`),
  redirects: crawlerFile((output) => output.redirects.map((redirect) => `${redirect.url} ${redirect.to.url}`).join('\n')),
  // Its text depends on the config alone, whose change renders everything again.
  headers: crawlerFile(() => ''),
};

/** The entry of `output`'s kind. */
function kindOf(output: Planned): OutputKind<Planned> {
  return OUTPUT_KINDS[output.kind] as OutputKind<Planned>;
}

/** The template of each kind of page, as the kinds name them. */
export const PAGE_TEMPLATES: ReadonlySet<string> = new Set(Object.values(OUTPUT_KINDS).flatMap((kind: OutputKind<never>) => kind.template ?? []));

/** The template `output` renders with, if it is a page. */
export function templateOf(output: Planned): string | undefined {
  return kindOf(output).template;
}

/** Keys for the outputs of one build of `site` (see plan/fingerprint.ts). */
export function keyMaker(site: Site): (output: Planned) => string {
  const keys = storyKeys(site);
  // Every page shows the site's navigation: a change to it renders them all again.
  const chrome = `${navigation(site).join(',')}\n`;
  return (output) => {
    const kind = kindOf(output);
    const key = kind.key(output, keys);
    return kind.template === undefined ? key : chrome + key;
  };
}

/** `output` rendered; undefined when its template failed. */
export function renderOutput(output: Planned, tools: RenderTools): Rendered<string | Uint8Array> {
  return kindOf(output).render(output, tools);
}
