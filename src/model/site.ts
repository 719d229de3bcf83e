/**
 * Model: the whole site at once. Chooses which stories are published, sorts
 * them newest first, assigns URLs and builds the taxonomies.
 */
import type { SiteConfig } from '../config.js';
import { compareText, type Problem } from '../errors.js';
import type { Story } from '../parse/story.js';
import { storyUrl } from './permalink.js';
import { buildTaxonomy, TAXONOMIES, type Taxonomy, type TaxonomyKind } from './taxonomy.js';

/** Which stories that are not yet public a build includes. */
export interface Selection {
  /** Include `draft: true` stories (default false). */
  readonly drafts: boolean;
  /** Include stories dated after `now` (default false). */
  readonly future: boolean;
  /** The build's "now", in epoch milliseconds. */
  readonly now: number;
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
  /** Stories left out of this build, for the summary. */
  readonly held: { readonly drafts: readonly Story[]; readonly embargoed: readonly Story[] };
}

/** Build the site model; `problems` holds errors (stories that cannot get a URL) and warnings. */
export function buildSite(
  stories: readonly Story[],
  config: SiteConfig,
  selection: Readonly<Selection>,
): { site: Site; problems: Problem[] } {
  const problems: Problem[] = [];
  const drafts = stories.filter((story) => story.draft && !selection.drafts);
  // A draft is reported as a draft only, even when it is also dated in the future.
  const embargoed = stories.filter(
    (story) => story.date.epochMs > selection.now && !selection.future && !drafts.includes(story),
  );
  const held = new Set([...drafts, ...embargoed]);
  const published: SiteStory[] = [];
  for (const story of [...stories].sort(newestFirst)) {
    if (held.has(story)) continue;
    const url = storyUrl(story, config.permalink, config.timezone);
    if (url === undefined) {
      problems.push({
        severity: 'error',
        file: story.file,
        line: 1,
        message: `the permalink \`${config.permalink}\` needs a \`section\`, and this story has none: add \`section: ...\``,
      });
      continue;
    }
    published.push({ story, url });
  }
  const warn = (problem: Problem) => problems.push(problem);
  const taxonomies = {
    tags: buildTaxonomy('tags', published, warn),
    bylines: buildTaxonomy('bylines', published, warn),
    sections: buildTaxonomy('sections', published, warn),
  } satisfies Record<keyof typeof TAXONOMIES, Taxonomy<SiteStory>>;
  return { site: { config, stories: published, taxonomies, now: selection.now, held: { drafts, embargoed } }, problems };
}

/** Newest first; the same instant falls back to the file path so order never depends on input order. */
function newestFirst(a: Story, b: Story): number {
  return b.date.epochMs - a.date.epochMs || compareText(a.file, b.file);
}
