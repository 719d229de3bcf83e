/**
 * The link crawl a published site must pass: linkinator follows every link
 * of the site at /news/ on `host`, its own absolute addresses
 * (`https://example.org/news/…`) sent to the host instead.
 */
import { LinkChecker } from 'linkinator';
import type { StaticHost } from './nginx.js';

/** Every link found broken (`status url (on page)`), and every address that answered. */
export async function crawlSite(host: StaticHost): Promise<{ broken: string[]; checked: string[] }> {
  const checker = new LinkChecker();
  const result = await checker.check({
    path: `${host.origin}/news/`,
    recurse: true,
    concurrency: 8,
    urlRewriteExpressions: [{ pattern: /^https:\/\/example\.org\/news\//, replacement: `${host.origin}/news/` }],
    // Authors' profiles and embeds link to other sites, which this machine cannot reach: only the site's own links are checked.
    linksToSkip: async (url: string) => !url.startsWith(host.origin) && !url.startsWith('https://example.org/news/'),
  });
  return {
    broken: result.links.filter((link) => link.state === 'BROKEN').map((link) => `${link.status} ${link.url} (on ${link.parent})`),
    checked: result.links.filter((link) => link.state === 'OK').map((link) => link.url),
  };
}
