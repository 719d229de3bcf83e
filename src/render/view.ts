/**
 * What templates see: plain objects built from the plan. Absent optional
 * values are `null` (templates test them with `{% if %}`), never `undefined`
 * strings or empty placeholders. They are not left out: with strict
 * variables, LiquidJS finds out that a variable is missing by throwing and
 * catching an error, ~100,000 times (1.3 s) in a 4,000-story build.
 */
import type { SiteConfig } from '../config.js';
import type { Instant } from '../parse/dates.js';
import type { Correction, Story, StoryImage } from '../parse/story.js';
import { profileOf } from '../model/authors.js';
import { relatedStories } from '../model/related.js';
import { navigation, type SiteStory, type Site } from '../model/site.js';
import { placeIn, TAXONOMIES, termOf, type TaxonomyKind, type Term } from '../model/taxonomy.js';
import { correctionAnchor, CORRECTIONS_URL } from '../plan/corrections.js';
import { correctionsFeedTitle, feedLinks, termFeedTitle } from '../plan/feeds.js';
import { modifiedAt } from '../plan/sitemaps.js';
import { SEARCH_DIR } from '../search/pagefind.js';
import { planOf, type Variant } from '../images/variants.js';
import { siteUrl } from './urls.js';
import { withPictures } from './pictures.js';
import { SEARCH_URL, type Page } from '../plan/pages.js';
import type { Pagination } from '../plan/paginate.js';
import { bodyForPage, withSponsoredLinks } from './body-urls.js';
import { homeGraph, newsArticle, profilePage } from './jsonld.js';
import { readable } from './time.js';
import { say, type Phrasebook, type Words } from './words.js';
import { scriptSafeJson } from './xml.js';

/** The variables a page template renders with. */
export type TemplateContext = Record<string, unknown>;

/** The body of a story as HTML (kept out of memory until a page shows it). */
export type BodyOf = (story: Story) => string;

/** Languages written right to left, by primary subtag. */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'khw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** `rtl` for right-to-left languages, else `ltr`. */
export function directionOf(language: string): 'rtl' | 'ltr' {
  return RTL.has(language.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

/** The context for rendering `page` of `site`. */
export function pageContext(page: Page, site: Site, body: BodyOf, phrasebook: Phrasebook): TemplateContext {
  const view: View = { site, phrasebook, words: phrasebook.for(site.config.language) };
  // `story` and `pagination` are what the shared layout asks about on every page; `words` are the page's own (a story's in its language).
  const common = { site: siteView(view), page: pageView(page, view), words: view.words, story: null, pagination: null };
  switch (page.kind) {
    case 'story': {
      const story = storyView(page.story, view);
      return {
        ...common,
        words: story.words,
        story: {
          ...story,
          html: storyBody(page.story.story, site, body),
          corrections: correctionsView(page.story, view),
          series: seriesView(page.story, site),
          related: relatedStories(site, page.story).map((s) => linkView(s, view)),
        },
      };
    }
    case 'home': {
      const { front } = page;
      return {
        ...common,
        lead: front ? storyView(front.lead, view) : null,
        top: front ? front.top.map((s) => storyView(s, view)) : [],
        stories: page.pagination.items.map((s) => storyView(s, view)),
        sections: front ? front.sections.map(({ term, stories }) => ({ name: term.name, url: term.url, stories: stories.map((s) => storyView(s, view)) })) : [],
        pagination: paginationView(page.pagination),
      };
    }
    case 'term': {
      const { listed } = TAXONOMIES[page.term.kind];
      const { number, items } = page.pagination;
      const author = authorView(page.term, site);
      return {
        ...common,
        term: termView(page.term),
        /** What the page is a list of, as its kicker says: `Tag`, `Series`, `Author`. */
        kind: author ? view.words.author : view.words[TERM_WORDS[page.term.kind]],
        stories: items.map((s) => storyView(s, view)),
        // A series is numbered in parts from its first, across its pages.
        firstPart: listed === 'oldest-first' ? (number - 1) * site.config.pageSize + 1 : null,
        author,
        pagination: paginationView(page.pagination, listed),
      };
    }
    case 'terms':
      return { ...common, taxonomy: { title: view.words[page.taxonomy.kind], kind: page.taxonomy.kind, terms: page.taxonomy.terms.map(termView) } };
    case 'corrections':
      return {
        ...common,
        corrections: page.pagination.items.map(({ story, correction, number }) => ({
          ...correctionView(correction, number, view),
          story: linkView(story, view),
        })),
        pagination: paginationView(page.pagination),
      };
    case 'not-found':
      return { ...common, latest: page.latest.map((s) => storyView(s, view)) };
    case 'search':
      return { ...common, search: { bundle: SEARCH_DIR, languages: page.languages, translations: searchUiWords(view.words) } };
  }
}

/** Pagefind's UI strings from `words`: each `search_ui_<name>` word as its `<name>`. */
function searchUiWords(words: Words): Record<string, string> {
  const prefix = 'search_ui_';
  return Object.fromEntries(Object.entries(words).flatMap(([key, phrase]) => (key.startsWith(prefix) && typeof phrase === 'string' ? [[key.slice(prefix.length), phrase]] : [])));
}

/** What the views of one page are made from: the site, its words, and the words of the site's language. */
interface View {
  readonly site: Site;
  readonly phrasebook: Phrasebook;
  readonly words: Words;
}

/** The word for one term of each taxonomy, as a term's page is headed. */
const TERM_WORDS = { tags: 'tag', bylines: 'byline', sections: 'section', series: 'series_one' } as const satisfies Record<TaxonomyKind, keyof Words>;

/** The profile of a byline's author, as the byline's page shows it; null for other terms and bylines without one. */
function authorView(term: Term<SiteStory>, site: Site) {
  const profile = term.kind === 'bylines' ? profileOf(site.profiles, term.slug) : undefined;
  if (!profile) return null;
  return {
    name: profile.name,
    role: profile.role ?? null,
    email: profile.email ?? null,
    image: profile.image ? imageView(profile.image, site.config.basePath) : null,
    links: profile.links.map((url) => ({ url, label: linkLabel(url) })),
    bio: bodyForPage(profile.bio, site.config.basePath),
  };
}

/** What a link to an author's site or profile says: its host (`x.com`, `example.org`). */
function linkLabel(url: string): string {
  const { hostname } = new URL(url);
  return hostname.replace(/^www\./, '');
}

/** Each series a story is part of: its name and page, the story's part in it, and the parts before and after. */
function seriesView(item: SiteStory, site: Site) {
  const link = (neighbour: SiteStory | undefined, part: number) => (neighbour ? { title: neighbour.story.title, url: neighbour.url, part } : null);
  return item.story.series.flatMap((name) => {
    const term = termOf(site.taxonomies.series, name);
    const place = term && placeIn(term, item);
    if (!term || !place) return [];
    return [{ name: term.name, url: term.url, part: place.part, of: place.of, previous: link(place.previous, place.part - 1), next: link(place.next, place.part + 1) }];
  });
}

/** A story's corrections as its page shows them, newest first, each with its anchor. */
function correctionsView({ story }: SiteStory, view: View) {
  return story.corrections.map((correction, index) => correctionView(correction, story.corrections.length - index, view, story.lang));
}

/** A correction, labelled and dated in `language` (the story's, on the story's own page; else the site's). */
function correctionView(correction: Correction, number: number, { site, phrasebook }: View, language = site.config.language) {
  const words = phrasebook.for(language);
  return { kind: correction.kind, label: words[correction.kind], text: correction.text, date: timeView(correction.date, site.config, language), anchor: correctionAnchor(number) };
}

/** A story's body as its page shows it; a sponsored story's links off the site marked as paid (`rel="sponsored"`). */
function storyBody(story: Story, site: Site, body: BodyOf): string {
  const html = withPictures(bodyForPage(body(story), site.config.basePath), story.bodyImages, site.config.basePath);
  return story.kind === 'sponsored' ? withSponsoredLinks(html, site.config.url) : html;
}

/** Head metadata: title, description, canonical address, feeds, structured data. */
function pageView(page: Page, { site, words }: View) {
  const { config } = site;
  const siteFeeds = feedLinks('/', config.title, config.feeds.site.formats);
  const title = pageTitle(page, words);
  const base = {
    kind: page.kind,
    url: page.url,
    title,
    /** The title where the page is shared (Open Graph, Twitter). */
    socialTitle: title,
    type: 'website',
    lang: config.language,
    description: null as string | null,
    prev: null as string | null,
    next: null as string | null,
    jsonld: null as string | null,
  };
  switch (page.kind) {
    case 'story': {
      const { story } = page.story;
      return {
        ...base,
        // The headline stays the page's heading and the structured data's `headline`.
        title: story.seoTitle ?? story.title,
        socialTitle: story.socialTitle ?? story.title,
        type: 'article',
        lang: story.lang ?? config.language,
        ...(story.summary && { description: story.summary }),
        feeds: siteFeeds,
        jsonld: scriptSafeJson(newsArticle(page.story, site)),
      };
    }
    case 'home':
      return {
        ...base,
        ...(config.description && { description: config.description }),
        feeds: siteFeeds,
        ...paginationLinks(page.pagination),
        ...(page.pagination.number === 1 && { jsonld: scriptSafeJson(homeGraph(site)) }),
      };
    case 'term': {
      const { term } = page;
      const profile = term.kind === 'bylines' ? profileOf(site.profiles, term.slug) : undefined;
      return {
        ...base,
        description: profile
          ? say(words.describe_author, { author: profile.role ? `${profile.name}${words.list_comma}${profile.role}` : profile.name, count: term.stories.length, site: config.title })
          : say(words.describe_term, { count: term.stories.length, kind: words[TERM_WORDS[term.kind]].toLowerCase(), name: term.name, site: config.title }),
        ...(profile && { type: 'profile', jsonld: scriptSafeJson(profilePage(term, profile, site)) }),
        feeds: [...feedLinks(term.url, termFeedTitle(term.name, site), config.feeds.terms.formats), ...siteFeeds],
        ...paginationLinks(page.pagination),
      };
    }
    case 'corrections':
      return {
        ...base,
        description: say(words.describe_corrections, { site: config.title }),
        feeds: [...feedLinks(CORRECTIONS_URL, correctionsFeedTitle(site), config.feeds.site.formats), ...siteFeeds],
        ...paginationLinks(page.pagination),
      };
    case 'search':
      return { ...base, description: say(words.describe_search, { site: config.title }), feeds: siteFeeds };
    case 'terms':
    case 'not-found':
      return { ...base, feeds: siteFeeds };
  }
}

/** The page's title in `words` (the site's language); a list's later pages say their number. */
function pageTitle(page: Page, words: Words): string {
  const numbered = (title: string, { number }: Pagination<unknown>) => (number > 1 ? say(words.page_title, { title, number }) : title);
  switch (page.kind) {
    case 'story':
      return page.story.story.title;
    case 'home':
      return numbered(words.latest_stories, page.pagination);
    case 'term':
      return numbered(page.term.name, page.pagination);
    case 'terms':
      return words[page.taxonomy.kind];
    case 'corrections':
      return numbered(words.corrections, page.pagination);
    case 'not-found':
      return words.not_found;
    case 'search':
      return words.search;
  }
}

/** The site as every page's chrome shows it, in the site's language (`site.words`). */
function siteView({ site, words }: View) {
  const { title, url, basePath, language, description } = site.config;
  return {
    title,
    url,
    basePath,
    language,
    dir: directionOf(language),
    description,
    words,
    /** The search page's address, when the site has one. */
    search: site.config.search ? SEARCH_URL : null,
    nav: navigation(site).map((kind) => ({
      title: words[kind],
      url: site.taxonomies[kind].url,
    })),
  };
}

/** A story as its page, its card and the home page's lead show it, with the words of its language (`story.words`). */
function storyView({ story, url }: SiteStory, { site, phrasebook }: View) {
  const words = phrasebook.for(story.lang ?? site.config.language);
  const link = (kind: TaxonomyKind) => (name: string) => {
    const term = termOf(site.taxonomies[kind], name);
    return { name: term?.name ?? name, url: term?.url ?? site.taxonomies[kind].url };
  };
  return {
    title: story.title,
    url,
    summary: story.summary,
    draft: story.draft,
    published: timeView(story.date, site.config, story.lang),
    bylines: story.bylines.map(link('bylines')),
    tags: story.tags.map(link('tags')),
    standfirst: story.summarySource === 'frontmatter' ? story.summary : null,
    // Only builds that include future stories (dev, --future) show them; readers see when they publish.
    embargoed: story.date.epochMs > site.now,
    // Shown to readers only when it came long enough after publication; `modified` is for machines.
    updated: story.updated && shownAsUpdated(story.date, story.updated, site.config) ? timeView(story.updated, site.config, story.lang) : null,
    modified: timeView(modifiedAt({ story, url }), site.config, story.lang),
    section: story.section ? link('sections')(story.section) : null,
    location: story.location ?? null,
    kind: story.kind,
    /** The kind's label (`Analysis`, `Opinion`…); none for news. */
    label: kindLabel(story, words),
    kicker: story.kicker ?? null,
    lang: story.lang ?? null,
    dir: story.lang ? directionOf(story.lang) : null,
    image: story.image ? imageView(story.image, site.config.basePath) : null,
    words,
  };
}

/** What a story that is not news is labelled, in `words`; null for news. */
function kindLabel(story: Story, words: Words): string | null {
  return story.kind === 'news' ? null : words[`label_${story.kind}`];
}

/** A story as a link to it: what a short list of stories (related ones, the corrections log) shows of each. */
function linkView({ story, url }: SiteStory, { site, phrasebook }: View) {
  const language = story.lang ?? site.config.language;
  return {
    title: story.title,
    url,
    published: timeView(story.date, site.config, story.lang),
    label: kindLabel(story, phrasebook.for(language)),
    // Always said: a link may sit in a story of another language (an English story related to an Urdu one).
    lang: language,
    dir: directionOf(language),
  };
}

/** Whether an update at `updated` to a story published at `date` is shown as "Updated": later by the config's minutes at least. */
function shownAsUpdated(date: Instant, updated: Instant, config: SiteConfig): boolean {
  const later = updated.epochMs - date.epochMs;
  return later > 0 && later >= config.updatedAfterMinutes * 60_000;
}

/**
 * An image as a template shows it. A story's local photo has resized copies
 * (see images/): `src` is the widest copy in the original's format, `srcset`
 * lists those copies and `sources` the WebP ones (with the base path: a
 * `srcset` is not one URL for the `url` filter); `social` is what pages
 * shared elsewhere show, its 16:9 crop. Other images are shown as they are.
 */
function imageView(image: StoryImage, basePath: string) {
  const { src, alt, caption, credit, width, height } = image;
  const plan = planOf(image);
  const srcset = (variants: readonly Variant[]) => variants.map((variant) => `${siteUrl(`/${variant.path}`, basePath)} ${variant.width}w`).join(', ');
  const widest = plan?.fallback.at(-1);
  const social = plan?.crops?.['16x9'];
  return {
    src: widest ? `/${widest.path}` : src,
    alt,
    caption: caption ?? null,
    credit: credit ?? null,
    width: width ?? null,
    height: height ?? null,
    srcset: plan ? srcset(plan.fallback) : null,
    sources: plan && plan.webp.length > 0 ? [{ type: 'image/webp', srcset: srcset(plan.webp) }] : [],
    social: social ? { src: `/${social.path}`, width: social.width, height: social.height } : { src, width: width ?? null, height: height ?? null },
  };
}

function termView(term: Term<SiteStory>) {
  return { name: term.name, slug: term.slug, url: term.url, count: term.stories.length };
}

/** A list's pages; `listed` says which way they run, for the words on their links. */
function paginationView(pagination: Pagination<unknown>, listed: 'newest-first' | 'oldest-first' = 'newest-first') {
  const { number, total, previous, next } = pagination;
  return { number, total, previous: previous ?? null, next: next ?? null, listed };
}

function paginationLinks(pagination: Pagination<unknown>) {
  return { prev: pagination.previous ?? null, next: pagination.next ?? null };
}

/** `{ iso, display }`: machine-readable with offset, and as readers see it, in the site's zone and `language` (a story's own, or the site's). */
function timeView(instant: Instant, config: SiteConfig, language = config.language) {
  return { iso: instant.iso, display: readable(instant, config.timezone, language, config.dates) };
}
