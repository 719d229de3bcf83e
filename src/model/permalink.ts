import { DateTime } from 'luxon';
import type { Story } from '../parse/story.js';
import { toSlug } from '../slug.js';

/**
 * The site-relative URL of `story` under `pattern` (e.g. `/:year/:month/:slug/`),
 * with dates taken in the site's time zone; undefined when the pattern needs a
 * section the story does not have.
 */
export function storyUrl(story: Story, pattern: string, zone: string): string | undefined {
  const date = DateTime.fromMillis(story.date.epochMs, { zone });
  const values: Record<string, string | undefined> = {
    year: String(date.year).padStart(4, '0'),
    month: String(date.month).padStart(2, '0'),
    day: String(date.day).padStart(2, '0'),
    slug: story.slug,
    section: story.section === undefined ? undefined : toSlug(story.section),
  };
  let missing = false;
  const url = pattern.replace(/:([a-z]+)/g, (_, token: string) => {
    const value = values[token];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : url;
}
