/**
 * Plan the redirects that keep a story's old addresses working: at each
 * alias a small page that sends readers and crawlers to the story, and one
 * `_redirects` file with real 301s for hosts that read one (Netlify,
 * Cloudflare Pages).
 */
import type { Site, SiteStory } from '../model/site.js';

/** One old address and the story it now leads to. */
export interface Redirect {
  readonly kind: 'redirect';
  readonly url: string;
  readonly to: SiteStory;
}

/** The `_redirects` file: every old address with its new one. */
export interface RedirectsFile {
  readonly kind: 'redirects';
  readonly url: '/_redirects';
  readonly redirects: readonly Redirect[];
}

/** The redirects of `site`'s published stories, in story order, and the `_redirects` file when there are any. */
export function planRedirects(site: Site): (Redirect | RedirectsFile)[] {
  const redirects: Redirect[] = site.stories.flatMap((item) => item.story.aliases.map((url): Redirect => ({ kind: 'redirect', url, to: item })));
  return redirects.length === 0 ? [] : [...redirects, { kind: 'redirects', url: '/_redirects', redirects }];
}
