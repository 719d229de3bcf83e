/**
 * The `_headers` file, read by Netlify and Cloudflare Pages (other hosts
 * serve it as a file nobody links): how long browsers and CDNs may keep each
 * kind of file. The README's deploy guide gives the same policy for S3 +
 * CloudFront and nginx, where pages, feeds and sitemaps are kept a minute.
 */
import type { SiteConfig } from '../config.js';
import { IMAGES_DIR } from '../images/variants.js';
import { THEME_ASSETS } from '../load/theme-assets.js';
import { siteUrl } from './urls.js';

/** For files named by their content: an edited file is published under a new name, so the old one never changes. */
const CACHE_FOREVER = 'public, max-age=31536000, immutable';

/** The site's folders whose files are all named by their content. */
const CONTENT_NAMED_FOLDERS = [`${THEME_ASSETS}/`, IMAGES_DIR] as const;

/**
 * `_headers`: the content-named folders kept for a year. Nothing else is
 * listed: both hosts join the values of every rule matching a path, so a
 * catch-all brief rule would spoil the long one; and what they send for
 * other files by default (`public, max-age=0, must-revalidate`, the CDN's
 * copy replaced at each deploy) is the right brevity for news.
 */
export function headersFile(config: Pick<SiteConfig, 'basePath'>): string {
  const rules = CONTENT_NAMED_FOLDERS.map((folder) => `${siteUrl(`/${folder}`, config.basePath)}*\n  Cache-Control: ${CACHE_FOREVER}\n`);
  return [
    '# Written by Dateline for hosts that read it (Netlify, Cloudflare Pages).',
    '# Theme assets and resized photos are named by their content: kept for a year.',
    '# Pages, feeds and sitemaps keep the host\'s default: checked again at each visit.',
    ...rules,
  ].join('\n');
}
