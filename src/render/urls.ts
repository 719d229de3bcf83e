import type { SiteConfig } from '../config.js';

/**
 * A site-relative URL (`/tags/ttp/`) under the base path (`/news/tags/ttp/`);
 * absolute URLs (`https://…`, `//…`) are left alone.
 */
export function siteUrl(url: string, basePath: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return url;
  return basePath + url.replace(/^\/+/, '');
}

/** The full address of a site-relative URL: `https://example.org/news/tags/ttp/`. */
export function absoluteUrl(url: string, config: Pick<SiteConfig, 'url' | 'basePath'>): string {
  const path = siteUrl(url, config.basePath);
  // Feeds and sitemaps ask for tens of thousands of these: a plain path needs no URL parser.
  if (PLAIN_PATH.test(path)) return prefixOf(config.url) + path;
  return new URL(path, config.url).href;
}

/** A path `new URL` would leave as it is: unreserved characters, no dot segments. */
const PLAIN_PATH = /^(?:\/(?!\.)[A-Za-z0-9\-._~]*)+$/;

/** `https://example.org`: what every absolute URL of the site starts with (as `new URL` writes it). */
const prefixes = new Map<string, string>();
function prefixOf(url: string): string {
  let prefix = prefixes.get(url);
  if (prefix === undefined) {
    prefix = new URL('/', url).href.slice(0, -1);
    prefixes.set(url, prefix);
  }
  return prefix;
}
