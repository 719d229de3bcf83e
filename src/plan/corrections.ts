/**
 * Plan the corrections log: every correction and clarification on the site,
 * newest first, as a list page (`/corrections/`) with its own feeds. A
 * newsroom's record of what it got wrong is a page readers and press
 * councils look for, so it exists even while it is empty.
 */
import { compareText } from '../errors.js';
import type { Site, SiteStory } from '../model/site.js';
import type { Correction } from '../parse/story.js';

/** Where the log is published. */
export const CORRECTIONS_URL = '/corrections/';

/** One correction with the story it corrects. */
export interface CorrectionEntry {
  readonly story: SiteStory;
  readonly correction: Correction;
  /** Its number on the story, counting from the first made: `#correction-1` stays put when more follow. */
  readonly number: number;
}

/** The anchor of a correction on its story's page. */
export function correctionAnchor(number: number): string {
  return `correction-${number}`;
}

/** Every correction of `site`'s published stories, newest first; ties in story order, then each story's own order. */
export function correctionsLog(site: Site): CorrectionEntry[] {
  const entries: CorrectionEntry[] = [];
  for (const story of site.stories) {
    const { corrections } = story.story;
    corrections.forEach((correction, index) => entries.push({ story, correction, number: corrections.length - index }));
  }
  return entries.sort(
    (a, b) => b.correction.date.epochMs - a.correction.date.epochMs || compareText(a.story.story.file, b.story.story.file) || b.number - a.number,
  );
}
