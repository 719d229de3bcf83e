/**
 * Author profiles on the site: a byline's page is its author's page when a
 * profile matches the byline, by the profile's file name or by its name, in
 * any case (`ayesha-siddiqui.md`, or `name: Ayesha Siddiqui`, for the byline
 * `AYESHA SIDDIQUI`). A profile no story names still gets its page.
 */
import type { AuthorProfile } from '../parse/profile.js';
import { toSlug } from '../slug.js';
import type { Problem } from '../errors.js';
import type { Site, SiteStory } from './site.js';
import { addTerms, type Taxonomy } from './taxonomy.js';

/** Profiles by the byline slugs they answer to: file names first, then names. */
const indexes = new WeakMap<readonly AuthorProfile[], ReadonlyMap<string, AuthorProfile>>();

function indexOf(profiles: readonly AuthorProfile[]): ReadonlyMap<string, AuthorProfile> {
  let index = indexes.get(profiles);
  if (index === undefined) {
    const built = new Map<string, AuthorProfile>();
    for (const profile of profiles) if (!built.has(profile.slug)) built.set(profile.slug, profile);
    for (const profile of profiles) if (!built.has(toSlug(profile.name))) built.set(toSlug(profile.name), profile);
    index = built;
    indexes.set(profiles, index);
  }
  return index;
}

/** The profile of the byline whose slug is `slug`, if one matches it. */
export function profileOf(profiles: readonly AuthorProfile[], slug: string): AuthorProfile | undefined {
  return indexOf(profiles).get(slug);
}

/** `bylines` with a page (a term with no stories yet) for every profile no byline matches. */
export function withProfilePages(bylines: Taxonomy<SiteStory>, profiles: readonly AuthorProfile[]): Taxonomy<SiteStory> {
  const used = new Set(bylines.terms.flatMap((term) => profileOf(profiles, term.slug) ?? []));
  const unused = profiles.filter((profile) => !used.has(profile) && !bylines.bySlug.has(profile.slug));
  if (unused.length === 0) return bylines;
  return addTerms(
    bylines,
    unused.map((profile) => ({ kind: 'bylines', name: profile.name, slug: profile.slug, url: `${bylines.url}${profile.slug}/`, stories: [] })),
  );
}

/** A warning for each byline no profile matches, at the first story that names it. */
export function bylinesWithoutProfiles(site: Site): Problem[] {
  return site.taxonomies.bylines.terms.flatMap((term): Problem[] => {
    const first = term.stories.at(-1);
    if (profileOf(site.profiles, term.slug) || !first) return [];
    return [
      {
        severity: 'warning',
        file: first.story.file,
        message: `the byline \`${term.name}\` has no author profile: add \`${site.config.authorsDir}/${term.slug}.md\` with its \`name\`, or correct the byline`,
      },
    ];
  });
}
