import type { Story } from '../parse/story.js';
import { toSlug } from '../slug.js';

/**
 * The site-relative URL of `story` under its own pattern (`url` or
 * `permalink` in its frontmatter), else `pattern` (e.g. `/:year/:month/:slug/`),
 * with dates taken in the site's time zone; undefined when the pattern needs a
 * section the story does not have.
 */
export function storyUrl(story: Story, sitePattern: string): string | undefined {
  const pattern = story.permalink ?? sitePattern;
  // Every rebuild in dev asks again for every story's URL: remember the answer with the story.
  const known = urls.get(story);
  if (known && known.pattern === pattern) return known.url;
  const url = expand(story, pattern);
  urls.set(story, { pattern, url });
  return url;
}

const urls = new WeakMap<Story, { readonly pattern: string; readonly url: string | undefined }>();

function expand(story: Story, pattern: string): string | undefined {
  // An instant's ISO form is written in the site's zone (see `Instant`): its date part is the day there.
  const [year = '', month = '', day = ''] = story.date.iso.slice(0, 10).split('-');
  const values: Record<string, string | undefined> = {
    year,
    month,
    day,
    slug: story.slug,
    // Jekyll's name for the slug.
    title: story.slug,
    section: story.section === undefined ? undefined : toSlug(story.section),
  };
  let missing = false;
  const url = pattern.replace(/:([a-z_]+)/g, (_, token: string) => {
    const value = values[token];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : url;
}
