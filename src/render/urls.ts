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
  return new URL(siteUrl(url, config.basePath), config.url).href;
}
