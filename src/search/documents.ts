/**
 * What the search index holds of each story: a small HTML document made
 * from the story itself rather than from its page, so the index does not
 * depend on the theme, and says what a page cannot: the story's language
 * on `<html>` (Pagefind keeps an index per language, and a story's page is
 * set in the site's), its filters (section, tags) and its sort key (date).
 */
import type { Site, SiteStory } from '../model/site.js';
import { termOf, type TaxonomyKind } from '../model/taxonomy.js';
import { readable } from '../render/time.js';
import { siteUrl } from '../render/urls.js';
import { escapeXml } from '../render/xml.js';

/** One story as the index reads it: its address (site-relative), language and document. */
export interface SearchDocument {
  readonly url: string;
  readonly language: string;
  readonly html: string;
}

/** What the search page shows its filters and each result's date under, in the site's language: `Section`, `Tag`, `Published`. */
export interface SearchLabels {
  readonly section: string;
  readonly tag: string;
  readonly published: string;
}

/**
 * `item` as the index reads it; `body` is its HTML as its page shows it (its
 * first image may show beside it in the results).
 */
export function searchDocument(item: SiteStory, site: Site, body: string, labels: SearchLabels): SearchDocument {
  const { story } = item;
  const { config } = site;
  const language = story.lang ?? config.language;
  const names = (kind: TaxonomyKind, list: readonly string[]) => list.map((name) => termOf(site.taxonomies[kind], name)?.name ?? name);
  const section = story.section === undefined ? [] : names('sections', [story.section]);
  const tags = names('tags', story.tags);
  const bylines = names('bylines', story.bylines);
  const text = (value: string) => escapeXml(value);
  // Filters and the sort key are read from hidden elements: in attributes, a comma would split a value in two.
  const hidden = [
    `<span data-pagefind-meta="${text(labels.published)}">${text(readable(story.date, config.timezone, language, config.dates))}</span>`,
    `<span data-pagefind-sort="date">${text(story.date.iso)}</span>`,
    ...section.map((name) => `<span data-pagefind-filter="${text(labels.section)}">${text(name)}</span>`),
    ...tags.map((name) => `<span data-pagefind-filter="${text(labels.tag)}">${text(name)}</span>`),
    ...(story.image ? [`<img data-pagefind-meta="image[src], image_alt[alt]" src="${text(siteUrl(story.image.src, config.basePath))}" alt="${text(story.image.alt)}">`] : []),
  ];
  const html = [
    `<!DOCTYPE html><html lang="${text(language)}"><head><meta charset="utf-8"><title>${text(story.title)}</title></head><body><main data-pagefind-body>`,
    `<h1 data-pagefind-meta="title">${text(story.title)}</h1>`,
    story.summary === '' ? '' : `<p>${text(story.summary)}</p>`,
    body,
    // Names readers search for, indexed as words of the story, after its text (the excerpt comes from the text).
    [...bylines, ...section, ...tags].length === 0 ? '' : `<p>${[...bylines, ...section, ...tags].map(text).join(' · ')}</p>`,
    `<div data-pagefind-ignore hidden>${hidden.join('')}</div>`,
    '</main></body></html>',
  ].join('\n');
  // Site-relative: the search UI puts the base path before it, as it finds it from where the index is served.
  return { url: item.url, language, html };
}
