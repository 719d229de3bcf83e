/**
 * Plan: every output of the site as plain data (HTML pages, feeds, sitemaps).
 * Nothing is rendered here, so a later rebuild can compare plans and render
 * only what changed.
 */
import { compareText, type Problem } from '../errors.js';
import type { Site } from '../model/site.js';
import { TAXONOMIES } from '../model/taxonomy.js';
import { correctionsLog } from './corrections.js';
import { planFeeds, type Feed } from './feeds.js';
import { planPages, type Page } from './pages.js';
import { planCrawlerFiles, type CrawlerFile } from './sitemaps.js';

/** Everything a build writes, apart from copied assets. */
export interface Plan {
  readonly pages: readonly Page[];
  readonly feeds: readonly Feed[];
  readonly crawlerFiles: readonly CrawlerFile[];
}

type Planned = Page | Feed | CrawlerFile;

/** The plan of `site`, or the URL clashes that prevent a build. */
export function planSite(site: Site): { plan: Plan; problems: Problem[] } {
  const log = correctionsLog(site);
  const pages = planPages(site, log);
  const plan = { pages, feeds: planFeeds(site, log), crawlerFiles: planCrawlerFiles(site, pages) };
  return { plan, problems: urlClashes([...plan.pages, ...plan.feeds, ...plan.crawlerFiles]) };
}

/** The file an output is written to, relative to the output folder: clean URLs end in `index.html`. */
export function outputPath(url: string): string {
  const relative = url.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/** What made an output, in words: a story's file or the list it belongs to. */
function describe(planned: Planned): string {
  switch (planned.kind) {
    case 'story':
      return planned.story.story.file;
    case 'term':
      return `the ${TAXONOMIES[planned.term.kind].singular} \`${planned.term.name}\``;
    case 'terms':
      return `the list of ${planned.taxonomy.kind}`;
    case 'redirect':
      return `an alias of ${planned.to.story.file}`;
    default:
      return `the ${planned.kind.replace('-', ' ')} ${planned.url}`;
  }
}

/**
 * Every story whose URL another output also uses, naming all of them. Lists,
 * feeds and sitemaps cannot clash among themselves: their URLs come from
 * distinct slugs and fixed names.
 */
function urlClashes(outputs: readonly Planned[]): Problem[] {
  // Clashes are rare and a dev rebuild runs this over every output: find the clashing URLs first.
  const seen = new Set<string>();
  const clashingUrls = new Set<string>();
  for (const { url } of outputs) {
    if (seen.has(url)) clashingUrls.add(url);
    else seen.add(url);
  }
  if (clashingUrls.size === 0) return [];
  const problems: Problem[] = [];
  for (const url of [...clashingUrls].sort(compareText)) {
    const clashing = outputs.filter((output) => output.url === url);
    for (const output of clashing) {
      const others = clashing.filter((other) => other !== output).map(describe).join(', ');
      if (output.kind === 'story') {
        problems.push({
          severity: 'error',
          file: output.story.story.file,
          line: 1,
          message: `the URL ${url} is also used by ${others}: give this story a different \`slug\``,
        });
      } else if (output.kind === 'redirect') {
        problems.push({
          severity: 'error',
          file: output.to.story.file,
          line: 1,
          message: `its alias ${url} is also used by ${others}: an old address can redirect only where nothing else is; remove it from \`aliases\``,
        });
      }
    }
  }
  return problems;
}
