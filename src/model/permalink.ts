import { DateTime } from 'luxon';
import { memoize } from '../memo.js';
import type { Story } from '../parse/story.js';
import { toSlug } from '../slug.js';

/**
 * The site-relative URL of `story` under `pattern` (e.g. `/:year/:month/:slug/`),
 * with dates taken in the site's time zone; undefined when the pattern needs a
 * section the story does not have.
 */
export function storyUrl(story: Story, pattern: string, zone: string): string | undefined {
  // Every rebuild in dev asks again for every story's URL: remember the answer with the story.
  const known = urls.get(story);
  if (known && known.pattern === pattern && known.zone === zone) return known.url;
  const url = expand(story, pattern, zone);
  urls.set(story, { pattern, zone, url });
  return url;
}

const urls = new WeakMap<Story, { readonly pattern: string; readonly zone: string; readonly url: string | undefined }>();

function expand(story: Story, pattern: string, zone: string): string | undefined {
  const [year = '', month = '', day = ''] = calendarDay(story.date.epochMs, zone).split('-');
  const values: Record<string, string | undefined> = {
    year,
    month,
    day,
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

/** `2023-09-13`: the day `epochMs` falls on in `zone`. */
const calendarDay = memoize((epochMs: number, zone: string) => DateTime.fromMillis(epochMs, { zone }).toFormat('yyyy-MM-dd'));
