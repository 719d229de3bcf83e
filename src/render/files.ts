/** Render the non-HTML outputs of a plan: feeds, sitemaps and robots.txt. */
import type { Site } from '../model/site.js';
import { outputPath, type Plan } from '../plan/plan.js';
import { renderFeed } from './feeds.js';
import type { Output } from './html.js';
import { renderCrawlerFile } from './sitemaps.js';

/** Feeds and crawler files, ready to write. */
export function renderFiles(plan: Plan, site: Site): Output[] {
  return [
    ...plan.feeds.map((feed) => ({ path: outputPath(feed.url), content: renderFeed(feed, site) })),
    ...plan.crawlerFiles.map((file) => ({ path: outputPath(file.url), content: renderCrawlerFile(file, site) })),
  ];
}
