/**
 * Structured data for search engines: NewsArticle on story pages, WebSite and
 * Organization on the home page (schema.org vocabulary, JSON-LD). Fields a
 * story does not have are left out, never empty.
 */
import { CORRECTION_LABELS, STORY_KINDS } from '../parse/story-kinds.js';
import type { Site, SiteStory } from '../model/site.js';
import { termOf, type Term } from '../model/taxonomy.js';
import type { AuthorProfile } from '../parse/profile.js';
import { modifiedAt } from '../plan/sitemaps.js';
import { absoluteUrl } from './urls.js';
import type { SiteConfig } from '../config.js';
import type { StoryImage } from '../parse/story.js';
import { planOf } from '../images/variants.js';

/** The publisher as a schema.org Organization. */
export function organization(site: Site): Record<string, unknown> {
  const { config } = site;
  return {
    '@type': 'Organization',
    name: config.publisher.name,
    url: config.url,
    ...(config.publisher.logo && { logo: { '@type': 'ImageObject', url: absoluteUrl(config.publisher.logo, config) } }),
  };
}

/** NewsArticle (or its subtype for the story's kind) for a story page. */
export function newsArticle(item: SiteStory, site: Site): Record<string, unknown> {
  const { story } = item;
  const { config } = site;
  const url = absoluteUrl(item.url, config);
  return {
    '@context': 'https://schema.org',
    '@type': STORY_KINDS[story.kind].schemaType,
    headline: story.title,
    ...(story.summary && { description: story.summary }),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: story.date.iso,
    dateModified: modifiedAt(item).iso,
    inLanguage: story.lang ?? config.language,
    ...(story.bylines.length > 0 && {
      author: story.bylines.map((name) => ({
        '@type': 'Person',
        name,
        url: absoluteUrl(termOf(site.taxonomies.bylines, name)?.url ?? '/bylines/', config),
      })),
    }),
    publisher: organization(site),
    ...(story.image && { image: imageObjects(story.image, config) }),
    ...(story.section && { articleSection: story.section }),
    ...(story.tags.length > 0 && { keywords: [...story.tags] }),
    ...(story.location && { dateline: story.location }),
    ...(story.corrections.length > 0 && {
      correction: story.corrections.map((correction) => ({
        '@type': 'CorrectionComment',
        text: `${CORRECTION_LABELS[correction.kind]}: ${correction.text}`,
        datePublished: correction.date.iso,
      })),
    }),
  };
}

/** WebSite and Organization for the home page. */
export function homeGraph(site: Site): Record<string, unknown> {
  const { config } = site;
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'WebSite',
        name: config.title,
        url: config.url,
        ...(config.description && { description: config.description }),
        inLanguage: config.language,
        publisher: { '@id': `${config.url}#publisher` },
      },
      { ...organization(site), '@id': `${config.url}#publisher` },
    ],
  };
}

/** ProfilePage with its Person, for an author's page. */
export function profilePage(term: Term<SiteStory>, profile: AuthorProfile, site: Site): Record<string, unknown> {
  const { config } = site;
  const url = absoluteUrl(term.url, config);
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      '@type': 'Person',
      name: profile.name,
      url,
      ...(profile.role && { jobTitle: profile.role }),
      ...(profile.email && { email: profile.email }),
      ...(profile.image && { image: absoluteUrl(profile.image.src, config) }),
      ...(profile.links.length > 0 && { sameAs: [...profile.links] }),
      worksFor: { '@type': 'Organization', name: config.publisher.name, url: config.url },
    },
  };
}

/**
 * A story's image for search engines: a local photo's crops in 16:9, 4:3
 * and 1:1 (each 1,200 px wide when the photo allows: Google Discover's rule
 * for large previews), any other image as it is.
 */
function imageObjects(image: StoryImage, config: SiteConfig) {
  const crops = planOf(image)?.crops;
  const shown = crops
    ? Object.values(crops).map((crop) => ({ url: absoluteUrl(`/${crop.path}`, config), width: crop.width, height: crop.height }))
    : [{ url: absoluteUrl(image.src, config), ...(image.width && { width: image.width, height: image.height }) }];
  return shown.map((picture) => ({
    '@type': 'ImageObject',
    ...picture,
    ...(image.caption && { caption: image.caption }),
    ...(image.credit && { creditText: image.credit }),
  }));
}
