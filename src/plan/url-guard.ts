/**
 * The URL-stability guard: an address the site published may not silently
 * vanish from a build. A story's page or an old address that redirected must
 * still be built, redirect through a story's `aliases`, or be retired on
 * purpose (load/retired-urls.ts); otherwise the build fails naming the
 * address and, where it can tell, the story that moved. A list page that
 * went away with its last story is a warning.
 */
import type { Location, Problem } from '../errors.js';
import { RETIRED_FILE, type RetiredUrls } from '../load/retired-urls.js';
import { storyStem } from '../load/story-names.js';
import type { Site, SiteStory } from '../model/site.js';
import { toSlug } from '../slug.js';
import type { Plan } from './plan.js';
import type { PublishedUrl } from './published-urls.js';

/** What the site published before this build, and what it took down on purpose. */
export interface UrlHistory {
  readonly published: readonly PublishedUrl[];
  readonly retired: RetiredUrls;
  /** Found reading them (a line of the retired file that is no address, a damaged record). */
  readonly problems: readonly Problem[];
}

/** The problems of `plan` for `site` dropping an address of `history`. */
export function droppedUrls(history: UrlHistory, plan: Plan, site: Site): Problem[] {
  const built = new Set<string>();
  for (const output of [...plan.pages, ...plan.feeds, ...plan.crawlerFiles]) built.add(output.url);
  const problems: Problem[] = [...history.problems];
  for (const [url, line] of history.retired.addresses) {
    if (built.has(url)) {
      problems.push({ severity: 'warning', file: RETIRED_FILE, line, message: `${url} is retired, but this build publishes it again: remove the line` });
    }
  }
  const published = new Map<string, PublishedUrl>();
  for (const entry of history.published) if (!published.has(entry.url) || entry.file !== undefined) published.set(entry.url, entry);
  const missing = [...published.values()].filter(({ url }) => !built.has(url) && history.retired.lineOf(url) === undefined);
  if (missing.length === 0) return problems;

  const byFile = new Map(site.stories.map((item) => [item.story.file, item]));
  const held = new Map<string, 'draft' | 'embargoed'>([
    ...site.held.drafts.map((story) => [story.file, 'draft'] as const),
    ...site.held.embargoed.map((story) => [story.file, 'embargoed'] as const),
  ]);
  const moved = movedStories(missing, site.stories.filter((item) => !published.has(item.url)));
  for (const entry of missing) {
    const { url } = entry;
    if (entry.kind === 'list') {
      problems.push({
        severity: 'warning',
        ...where(entry),
        message: `${url}, a list page the last build published, is gone: no published story has that tag, byline or section now, so links to it find the 404 page; list it in ${RETIRED_FILE} to let it go`,
      });
      continue;
    }
    const story = (entry.file !== undefined ? byFile.get(entry.file) : undefined) ?? moved.get(url);
    const state = entry.file === undefined ? undefined : held.get(entry.file);
    const keep = `add \`aliases: [${url}]\``;
    const retire = `list ${url} in ${RETIRED_FILE} if it was withdrawn on purpose`;
    if (story && entry.kind === 'alias' && story.story.file === entry.file) {
      problems.push(atStory(story.story.file, `its old address ${url} redirected here in the last build and no longer does: keep it in \`aliases\`, or ${retire}`));
    } else if (story) {
      problems.push(atStory(story.story.file, `its address changed from ${url} to ${story.url}: ${keep}`));
    } else if (state !== undefined && entry.file !== undefined) {
      const now = state === 'draft' ? 'is now a draft' : 'is now dated after the time of this build';
      problems.push(atStory(entry.file, `${now}, so ${url}, which the last build published, would lead nowhere: publish it, or ${retire}`));
    } else {
      const gone = entry.file !== undefined ? `was deleted or renamed, so ${url}, which the last build published,` : `${url} was published, and it`;
      problems.push({
        severity: 'error',
        ...where(entry),
        message: `${gone} would lead nowhere: if its story moved, ${keep} to it; ${retire}`,
      });
    }
  }
  return problems;
}

function atStory(file: string, message: string): Problem {
  return { severity: 'error', file, line: 1, message };
}

/** Where to point for an address with no story to name: the line of the sitemap it came from, or the story file it had. */
function where(entry: PublishedUrl): Partial<Location> {
  return entry.seenAt ?? (entry.file !== undefined ? { file: entry.file, line: 1 } : {});
}

/**
 * The story each missing address most likely moved to, among the stories at
 * addresses not published before: the one whose slug or file name is the
 * address's last segment (the slug or the permalink pattern changed), else
 * the one new story in the same folder when that folder lost just one
 * address (the title, and with it the slug, was reworded).
 */
function movedStories(missing: readonly PublishedUrl[], fresh: readonly SiteStory[]): Map<string, SiteStory> {
  const found = new Map<string, SiteStory>();
  const bySegment = new Map<string, SiteStory[]>();
  const byFolder = new Map<string, SiteStory[]>();
  const add = <K>(map: Map<K, SiteStory[]>, key: K, item: SiteStory) => map.set(key, [...(map.get(key) ?? []), item]);
  for (const item of fresh) {
    const segments = new Set([item.story.slug, toSlug(storyStem(item.story.file))]);
    for (const segment of segments) add(bySegment, segment, item);
    add(byFolder, folderOf(item.url), item);
  }
  const lostPerFolder = new Map<string, number>();
  for (const { url, kind } of missing) if (kind === 'story') lostPerFolder.set(folderOf(url), (lostPerFolder.get(folderOf(url)) ?? 0) + 1);
  for (const { url, kind } of missing) {
    if (kind === 'list') continue;
    const bySlug = bySegment.get(lastSegment(url)) ?? [];
    const inFolder = byFolder.get(folderOf(url)) ?? [];
    const story = bySlug.length === 1 ? bySlug[0] : inFolder.length === 1 && lostPerFolder.get(folderOf(url)) === 1 ? inFolder[0] : undefined;
    if (story) found.set(url, story);
  }
  return found;
}

function lastSegment(url: string): string {
  return url.replace(/\/$/, '').replace(/\.[a-z0-9]+$/i, '').split('/').pop() ?? '';
}

function folderOf(url: string): string {
  return url.replace(/[^/]*\/?$/, '');
}
