/**
 * The front page's lead and top stories: those of the latest pick in
 * `_front.yml` whose `from` has passed, or else the newest story as lead.
 * Every pick still to come is checked now, so a mistake is found the day it
 * is written, not the day it was to take over the home page.
 */
import { storyStem } from '../load/story-names.js';
import type { Problem } from '../errors.js';
import type { Instant } from '../parse/dates.js';
import type { FrontPage, FrontPick, StoryRef } from '../parse/front-page.js';
import type { Story } from '../parse/story.js';
import type { SiteStory } from './site.js';

/** What the home page leads with. */
export interface Front {
  readonly lead: SiteStory;
  readonly top: readonly SiteStory[];
  /** The pick in force, when `_front.yml` chose them (absent: the newest story leads). */
  readonly pick?: FrontPick;
}

/** The front page's stories, when the next pick takes over, and the picks' mistakes. */
export interface ChosenFront {
  readonly front?: Front;
  /** When the next pick takes over, and the file it is in: the time CI should build again. */
  readonly next?: { readonly at: Instant; readonly file: string };
  readonly problems: Problem[];
}

/** `content/2023/09/call.md` under `content` → `2023/09/call`; a Hugo bundle's `posts/vote/index.md` answers to `posts/vote` too. */
function namesOf(file: string, contentPrefix: string): string[] {
  const under = contentPrefix === '' ? file : file.slice(contentPrefix.length + 1);
  const withoutEnding = under.replace(/\.[^./]+$/, '');
  const folder = withoutEnding.replace(/\/[^/]*$/, '');
  return storyStem(under) === storyStem(withoutEnding) ? [withoutEnding] : [withoutEnding, `${folder}/${storyStem(under)}`];
}

/**
 * Choose the front page for `published` (newest first) at `now`: `stories`
 * are all the site's valid stories, published or not, so a pick naming a
 * draft is told apart from one naming nothing; `contentPrefix` is the
 * content folder relative to the site root, which story files start with.
 */
export function chooseFront(
  frontPage: FrontPage | undefined,
  published: readonly SiteStory[],
  stories: readonly Story[],
  now: number,
  contentPrefix: string,
): ChosenFront {
  const newest = published[0];
  const fallback: Front | undefined = newest && { lead: newest, top: [] };
  if (!frontPage) return { ...(fallback && { front: fallback }), problems: [] };
  const byName = new Map<string, Story>();
  for (const story of stories) for (const name of namesOf(story.file, contentPrefix)) if (!byName.has(name)) byName.set(name, story);
  const siteStory = new Map(published.map((item) => [item.story, item]));
  const { picks } = frontPage;
  const current = picks.filter((pick) => pick.from.epochMs <= now).at(-1);
  const upcoming = picks.filter((pick) => pick.from.epochMs > now);
  const problems: Problem[] = [];
  const check = (pick: FrontPick, ref: StoryRef): SiteStory | undefined => {
    const problem = (message: string) => problems.push({ severity: 'error', file: frontPage.file, line: ref.line, column: ref.column, message });
    const story = byName.get(ref.path);
    if (!story) {
      problem(`no story is at \`${ref.path}\` (a path under the content folder, without \`.md\`)`);
      return undefined;
    }
    if (story.draft) {
      problem(`\`${ref.path}\` is a draft (${story.file}): a pick may name only published stories`);
      return undefined;
    }
    if (story.date.epochMs > pick.from.epochMs) {
      problem(`\`${ref.path}\` is embargoed until ${story.date.iso}, after this pick takes over at ${pick.from.iso}: move the pick's \`from\` later, or pick another story`);
      return undefined;
    }
    return siteStory.get(story);
  };
  for (const pick of upcoming) for (const ref of [pick.lead, ...pick.top]) check(pick, ref);
  let front = fallback;
  if (current) {
    const lead = check(current, current.lead);
    const top = current.top.flatMap((ref) => check(current, ref) ?? []);
    if (lead) front = { lead, top: [...new Set(top)].filter((item) => item !== lead), pick: current };
  }
  const next = upcoming[0] && { at: upcoming[0].from, file: frontPage.file };
  return { ...(front && { front }), ...(next && { next }), problems };
}
