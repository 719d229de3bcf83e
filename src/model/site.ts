/**
 * Model: the whole site at once. Chooses which stories are published, sorts
 * them newest first, assigns URLs and builds the taxonomies.
 */
import type { SiteConfig } from '../config.js';
import { compareText, type Problem } from '../errors.js';
import type { AuthorProfile } from '../parse/profile.js';
import type { Story } from '../parse/story.js';
import { withProfilePages } from './authors.js';
import { chooseFront, type Front } from './front.js';
import type { Instant } from '../parse/dates.js';
import type { FrontPage } from '../parse/front-page.js';
import { storyUrl } from './permalink.js';
import { toSlug } from '../slug.js';
import { buildTaxonomy, replaceTerms, swapTerms, TAXONOMIES, TAXONOMY_KINDS, type Taxonomy, type TaxonomyKind, type Term } from './taxonomy.js';

/** Which stories that are not yet public a build includes. */
export interface Selection {
  /** Include `draft: true` stories (default false). */
  readonly drafts: boolean;
  /** Include stories dated after `now` (default false). */
  readonly future: boolean;
  /** The build's "now", in epoch milliseconds. */
  readonly now: number;
}

/** The site's editorial data: author profiles, and the front page's picks with the content folder they name stories under. */
export interface Editorial {
  readonly profiles: readonly AuthorProfile[];
  readonly front?: FrontPage;
  /** The content folder relative to the site root (`content`), which story files' paths start with. */
  readonly contentPrefix?: string;
}

/** A story with its place on the site. */
export interface SiteStory {
  readonly story: Story;
  /** Site-relative URL, e.g. `/2023/09/army-chief-call/`. */
  readonly url: string;
}

/** Everything the planner needs. */
export interface Site {
  readonly config: SiteConfig;
  /** Published stories, newest first. */
  readonly stories: readonly SiteStory[];
  readonly taxonomies: Readonly<Record<TaxonomyKind, Taxonomy<SiteStory>>>;
  /** The build's "now" in epoch milliseconds (for the news sitemap's 48-hour window). */
  readonly now: number;
  /** The authors' profiles, in file order (see model/authors.ts). */
  readonly profiles: readonly AuthorProfile[];
  /** What the home page leads with (see model/front.ts); absent with no stories. */
  readonly front?: Front;
  /** When the next front-page pick takes over, and the file it is in. */
  readonly nextFront?: { readonly at: Instant; readonly file: string };
  /** Stories left out of this build, for the summary. */
  readonly held: { readonly drafts: readonly Story[]; readonly embargoed: readonly Story[] };
}

/** Build the site model; `problems` holds errors (stories that cannot get a URL) and warnings. */
export function buildSite(
  stories: readonly Story[],
  config: SiteConfig,
  selection: Readonly<Selection>,
  editorial: Readonly<Editorial> = { profiles: [] },
): { site: Site; problems: Problem[] } {
  const { profiles } = editorial;
  const problems: Problem[] = [];
  const drafts = stories.filter((story) => isDraftHeld(story, selection));
  // A draft is reported as a draft only, even when it is also dated in the future.
  const embargoed = stories.filter((story) => isEmbargoHeld(story, selection) && !isDraftHeld(story, selection));
  const held = new Set([...drafts, ...embargoed]);
  const published: SiteStory[] = [];
  for (const story of [...stories].sort(newestFirst)) {
    if (held.has(story)) continue;
    const url = storyUrl(story, config.permalink);
    if (url === undefined) {
      problems.push({
        severity: 'error',
        file: story.file,
        line: 1,
        message: `the permalink \`${story.permalink ?? config.permalink}\` needs a \`section\`, and this story has none: add \`section: ...\``,
      });
      continue;
    }
    published.push({ story, url });
  }
  const warn = (problem: Problem) => problems.push(problem);
  const taxonomies = {
    tags: buildTaxonomy('tags', published, warn),
    bylines: withProfilePages(buildTaxonomy('bylines', published, warn), profiles),
    sections: buildTaxonomy('sections', published, warn),
    series: buildTaxonomy('series', published, warn),
  } satisfies Record<keyof typeof TAXONOMIES, Taxonomy<SiteStory>>;
  const chosen = chooseFront(editorial.front, published, stories, selection.now, editorial.contentPrefix ?? '');
  problems.push(...chosen.problems);
  const front = { ...(chosen.front && { front: chosen.front }), ...(chosen.next && { nextFront: chosen.next }) };
  return { site: { config, stories: published, taxonomies, now: selection.now, profiles, ...front, held: { drafts, embargoed } }, problems };
}

/**
 * `site` with one published story edited in place: what `buildSite` would
 * give, computed from the terms the story leaves and joins instead of the
 * whole site, so the page an editor is looking at can be shown at once.
 * `terms` are the rebuilt terms that still exist: the story's own first (in
 * the order it names them), then those it left. Undefined when the edit
 * reaches further: the story moves to another URL, or stops being published
 * under `selection`.
 */
export function reviseSite(
  site: Site,
  before: SiteStory,
  story: Story,
  config: SiteConfig,
  selection: Readonly<Selection>,
): { site: Site; terms: Term<SiteStory>[] } | undefined {
  if (isDraftHeld(story, selection) || isEmbargoHeld(story, selection)) return undefined;
  const url = storyUrl(story, config.permalink);
  if (url !== before.url) return undefined;
  const after: SiteStory = { story, url };
  const swap = (item: SiteStory) => (item === before ? after : item);
  // A new date moves the story in every list it is in.
  const moved = story.date.epochMs !== before.story.date.epochMs;
  const stories = site.stories.map(swap);
  if (moved) stories.sort((a, b) => newestFirst(a.story, b.story));
  const taxonomies = { ...site.taxonomies };
  const terms: Term<SiteStory>[] = [];
  for (const kind of TAXONOMY_KINDS) {
    const { pick } = TAXONOMIES[kind];
    const [old, now] = [pick(before.story), pick(story)];
    if (!moved && old.length === now.length && old.every((name, index) => name === now[index])) {
      // The same terms, in which the story stands where it stood: the edited story in place of the old (what related stories are found through).
      taxonomies[kind] = swapTerms(site.taxonomies[kind], new Set(now.map(toSlug)), swap);
      continue;
    }
    const slugs = new Set([...now, ...old].map(toSlug));
    const members = new Set<SiteStory>([after]);
    for (const slug of slugs) for (const item of site.taxonomies[kind].bySlug.get(slug)?.stories ?? []) members.add(swap(item));
    const items = [...members].sort((a, b) => newestFirst(a.story, b.story));
    const revised = replaceTerms(site.taxonomies[kind], slugs, items);
    taxonomies[kind] = revised;
    for (const slug of slugs) {
      const term = revised.bySlug.get(slug);
      if (term) terms.push(term);
    }
  }
  return { site: { ...site, stories, taxonomies }, terms };
}

/** The taxonomies the site's navigation links: those with any terms (a site that runs no series shows no "Series"). */
export function navigation(site: Site): TaxonomyKind[] {
  return TAXONOMY_KINDS.filter((kind) => site.taxonomies[kind].terms.length > 0);
}

function isDraftHeld(story: Story, selection: Readonly<Selection>): boolean {
  return story.draft && !selection.drafts;
}

function isEmbargoHeld(story: Story, selection: Readonly<Selection>): boolean {
  return story.date.epochMs > selection.now && !selection.future;
}

/** Newest first; the same instant falls back to the file path so order never depends on input order. */
function newestFirst(a: Story, b: Story): number {
  return b.date.epochMs - a.date.epochMs || compareText(a.file, b.file);
}

/**
 * The stories readers can search: those published at the build's "now". A
 * build that shows drafts or embargoed stories (`--drafts`, `--future`, dev)
 * does not index them, as it does not index lists, redirects or the 404 page.
 */
export function searchableStories(site: Site): SiteStory[] {
  return site.stories.filter(({ story }) => !story.draft && story.date.epochMs <= site.now);
}
