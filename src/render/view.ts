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
import type { Page } from '../plan/pages.js';
import type { Pagination } from '../plan/paginate.js';
import { bodyForPage, withSponsoredLinks } from './body-urls.js';
import { CORRECTION_LABELS, STORY_KINDS } from '../parse/story-kinds.js';
import { homeGraph, newsArticle, profilePage } from './jsonld.js';
import { readable } from './time.js';
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
export function pageContext(page: Page, site: Site, body: BodyOf): TemplateContext {
  // `story` and `pagination` are what the shared layout asks about on every page.
  const common = { site: siteView(site), page: pageView(page, site), story: null, pagination: null };
  switch (page.kind) {
    case 'story':
      return {
        ...common,
        story: {
          ...storyView(page.story, site),
          html: storyBody(page.story.story, site, body),
          corrections: correctionsView(page.story, site),
          series: seriesView(page.story, site),
          related: relatedStories(site, page.story).map((s) => linkView(s, site)),
        },
      };
    case 'home': {
      const { front } = page;
      return {
        ...common,
        lead: front ? storyView(front.lead, site) : null,
        top: front ? front.top.map((s) => storyView(s, site)) : [],
        stories: page.pagination.items.map((s) => storyView(s, site)),
        sections: front ? front.sections.map(({ term, stories }) => ({ name: term.name, url: term.url, stories: stories.map((s) => storyView(s, site)) })) : [],
        pagination: paginationView(page.pagination),
      };
    }
    case 'term': {
      const { listed } = TAXONOMIES[page.term.kind];
      const { number, items } = page.pagination;
      return {
        ...common,
        term: termView(page.term),
        kind: TAXONOMIES[page.term.kind].singular,
        stories: items.map((s) => storyView(s, site)),
        // A series is numbered in parts from its first, across its pages.
        firstPart: listed === 'oldest-first' ? (number - 1) * site.config.pageSize + 1 : null,
        author: authorView(page.term, site),
        pagination: paginationView(page.pagination, listed),
      };
    }
    case 'terms':
      return { ...common, taxonomy: { title: page.taxonomy.title, kind: page.taxonomy.kind, terms: page.taxonomy.terms.map(termView) } };
    case 'corrections':
      return {
        ...common,
        corrections: page.pagination.items.map(({ story, correction, number }) => ({
          ...correctionView(correction, number, site.config),
          story: linkView(story, site),
        })),
        pagination: paginationView(page.pagination),
      };
    case 'not-found':
      return { ...common, latest: page.latest.map((s) => storyView(s, site)) };
  }
}

/** The profile of a byline's author, as the byline's page shows it; null for other terms and bylines without one. */
function authorView(term: Term<SiteStory>, site: Site) {
  const profile = term.kind === 'bylines' ? profileOf(site.profiles, term.slug) : undefined;
  if (!profile) return null;
  return {
    name: profile.name,
    role: profile.role ?? null,
    email: profile.email ?? null,
    image: profile.image ? imageView(profile.image) : null,
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
  const link = (neighbour: SiteStory | undefined) => (neighbour ? { title: neighbour.story.title, url: neighbour.url } : null);
  return item.story.series.flatMap((name) => {
    const term = termOf(site.taxonomies.series, name);
    const place = term && placeIn(term, item);
    if (!term || !place) return [];
    return [{ name: term.name, url: term.url, part: place.part, of: place.of, previous: link(place.previous), next: link(place.next) }];
  });
}

/** A story's corrections as its page shows them, newest first, each with its anchor. */
function correctionsView({ story }: SiteStory, site: Site) {
  return story.corrections.map((correction, index) => correctionView(correction, story.corrections.length - index, site.config, story.lang));
}

/** A correction, its date written in `language` (the story's, on the story's own page; else the site's). */
function correctionView(correction: Correction, number: number, config: SiteConfig, language?: string) {
  return { kind: correction.kind, label: CORRECTION_LABELS[correction.kind], text: correction.text, date: timeView(correction.date, config, language), anchor: correctionAnchor(number) };
}

/** A story's body as its page shows it; a sponsored story's links off the site marked as paid (`rel="sponsored"`). */
function storyBody(story: Story, site: Site, body: BodyOf): string {
  const html = bodyForPage(body(story), site.config.basePath);
  return story.kind === 'sponsored' ? withSponsoredLinks(html, site.config.url) : html;
}

/** Head metadata: title, description, canonical address, feeds, structured data. */
function pageView(page: Page, site: Site) {
  const { config } = site;
  const siteFeeds = feedLinks('/', config.title, config.feeds.site.formats);
  const title = pageTitle(page);
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
          ? `${profile.name}${profile.role ? `, ${profile.role}` : ''}: ${countStories(term.stories.length)} in ${config.title}.`
          : `${countStories(term.stories.length)} filed under ${TAXONOMIES[term.kind].singular} ${term.name} in ${config.title}.`,
        ...(profile && { type: 'profile', jsonld: scriptSafeJson(profilePage(term, profile, site)) }),
        feeds: [...feedLinks(term.url, termFeedTitle(term.name, site), config.feeds.terms.formats), ...siteFeeds],
        ...paginationLinks(page.pagination),
      };
    }
    case 'corrections':
      return {
        ...base,
        description: `Corrections and clarifications published by ${config.title}, newest first.`,
        feeds: [...feedLinks(CORRECTIONS_URL, correctionsFeedTitle(site), config.feeds.site.formats), ...siteFeeds],
        ...paginationLinks(page.pagination),
      };
    case 'terms':
    case 'not-found':
      return { ...base, feeds: siteFeeds };
  }
}

function pageTitle(page: Page): string {
  switch (page.kind) {
    case 'story':
      return page.story.story.title;
    case 'home':
      return page.pagination.number > 1 ? `Latest stories, page ${page.pagination.number}` : 'Latest stories';
    case 'term':
      return page.pagination.number > 1 ? `${page.term.name}, page ${page.pagination.number}` : page.term.name;
    case 'terms':
      return page.taxonomy.title;
    case 'corrections':
      return page.pagination.number > 1 ? `Corrections, page ${page.pagination.number}` : 'Corrections';
    case 'not-found':
      return 'Page not found';
  }
}

function siteView(site: Site) {
  const { title, url, basePath, language, description } = site.config;
  return {
    title,
    url,
    basePath,
    language,
    dir: directionOf(language),
    description,
    nav: navigation(site).map((kind) => ({
      title: TAXONOMIES[kind].title,
      url: site.taxonomies[kind].url,
    })),
  };
}

function storyView({ story, url }: SiteStory, site: Site) {
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
    label: STORY_KINDS[story.kind].label,
    kicker: story.kicker ?? null,
    lang: story.lang ?? null,
    dir: story.lang ? directionOf(story.lang) : null,
    image: story.image ? imageView(story.image) : null,
  };
}

/** A story as a link to it: what a short list of stories (related ones, the corrections log) shows of each. */
function linkView({ story, url }: SiteStory, site: Site) {
  return {
    title: story.title,
    url,
    published: timeView(story.date, site.config, story.lang),
    label: STORY_KINDS[story.kind].label,
    lang: story.lang ?? null,
    dir: story.lang ? directionOf(story.lang) : null,
  };
}

/** Whether an update at `updated` to a story published at `date` is shown as "Updated": later by the config's minutes at least. */
function shownAsUpdated(date: Instant, updated: Instant, config: SiteConfig): boolean {
  const later = updated.epochMs - date.epochMs;
  return later > 0 && later >= config.updatedAfterMinutes * 60_000;
}

function imageView({ src, alt, caption, credit, width, height }: StoryImage) {
  return { src, alt, caption: caption ?? null, credit: credit ?? null, width: width ?? null, height: height ?? null };
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

function countStories(count: number): string {
  return count === 1 ? '1 story' : `${count} stories`;
}

/** `{ iso, display }`: machine-readable with offset, and as readers see it, in the site's zone and `language` (a story's own, or the site's). */
function timeView(instant: Instant, config: SiteConfig, language = config.language) {
  return { iso: instant.iso, display: readable(instant, config.timezone, language) };
}
