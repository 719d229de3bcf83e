/**
 * Links and images in story bodies that lead nowhere on the site: a mistyped
 * address, a story since moved or held back, an image never added. Each is an
 * error at its line, for `dateline check` to catch before readers do.
 */
import type { Problem } from '../errors.js';
import { storyUrl } from '../model/permalink.js';
import type { Site } from '../model/site.js';
import { outputPath } from './plan.js';

/**
 * Every body link and image of `site`'s stories whose address no output
 * answers; `exists` tells whether an output path (`2023/09/call/index.html`,
 * `images/x.svg`) is built.
 */
export function brokenLinks(site: Site, exists: (outputPath: string) => boolean): Problem[] {
  const held = new Map<string, string>();
  for (const [why, stories] of [['a draft', site.held.drafts], ['embargoed', site.held.embargoed]] as const) {
    for (const story of stories) {
      const url = storyUrl(story, site.config.permalink);
      if (url !== undefined) held.set(outputPath(url), `${story.file}, which is ${why}`);
    }
  }
  const problems: Problem[] = [];
  for (const { story, url } of site.stories) {
    for (const link of story.links) {
      const target = sitePath(link.url, url);
      const candidates = target.endsWith('/') || /\.[^/]*$/.test(target) ? [outputPath(target)] : [target.slice(1), outputPath(`${target}/`)];
      if (candidates.some(exists)) continue;
      const what = link.image ? 'shows the image' : 'links to';
      const heldStory = candidates.map((candidate) => held.get(candidate)).find((why) => why !== undefined);
      const address = `${what} ${link.url}${target === link.url ? '' : ` (${target})`}`;
      const message =
        heldStory !== undefined
          ? `${address}, the address of ${heldStory}: readers find nothing there until it is published`
          : `${address}, which nothing on the site builds: fix the address${link.image ? ', or add the image to the content folder' : ''}`;
      problems.push({ severity: 'error', file: story.file, line: link.line, column: link.column, message });
    }
  }
  return problems;
}

/** The site path a body address leads to from the story at `from` (site-relative), without query or fragment. */
function sitePath(address: string, from: string): string {
  const base = 'https://site.invalid';
  const { pathname } = new URL(address, `${base}${from}`);
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

