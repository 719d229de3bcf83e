/**
 * Links and images in story bodies, placed where the body is shown. Editors
 * write site-root addresses (`/images/chitral.svg`, `/2023/09/call/`); a site
 * published under a base path needs them under it on its pages, and feed
 * readers, which show a body away from the site, need them absolute.
 *
 * Bodies are sanitized HTML written by hast-util-to-html, whose shape this
 * relies on: an unescaped `<` only ever opens a tag, and attribute values
 * are always double-quoted with `"` and `&` escaped. Only attributes inside
 * tags are touched, never text that merely looks like one.
 */
import type { SiteConfig } from '../config.js';
import { absoluteUrl, siteUrl } from './urls.js';

/** A start tag with its attributes, values double-quoted (they may hold `>`). */
const TAG = /<[a-zA-Z][a-zA-Z0-9]*(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*\s*\/?>/g;
/** The URL-valued attributes Markdown produces: links and images. */
const URL_ATTRIBUTE = /(\s(?:href|src)=")([^"]*)"/g;

/** A URL with a scheme (`https:`, `mailto:`) or a protocol-relative one (`//cdn…`). */
const ABSOLUTE = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/\/)/;

/**
 * `html` with every link and image address passed through `rewrite`, which
 * gets and returns it unescaped. Returns `html` itself when nothing changed.
 */
function rewriteUrls(html: string, rewrite: (url: string) => string): string {
  if (!html.includes(' href="') && !html.includes(' src="')) return html;
  return html.replace(TAG, (tag) =>
    tag.replace(URL_ATTRIBUTE, (whole, start: string, value: string) => {
      const url = unescapeAttribute(value);
      const next = rewrite(url);
      return next === url ? whole : `${start}${escapeAttribute(next)}"`;
    }),
  );
}

/**
 * A body as a page shows it: site-root addresses under the site's base path
 * (`/images/x.svg` → `/news/images/x.svg`). Relative and absolute addresses,
 * and `#fragments`, are left as written.
 */
export function bodyForPage(html: string, basePath: string): string {
  if (basePath === '/' || !html.includes('="/')) return html;
  return rewriteUrls(html, (url) => (url.startsWith('/') ? siteUrl(url, basePath) : url));
}

/**
 * A body as a feed carries it: every address absolute. Site-root ones go
 * under the site's address (`https://example.org/news/images/x.svg`),
 * relative ones are resolved against the story's address (`storyUrl`, site-relative);
 * `#fragments` (footnotes) stay within the item.
 */
export function bodyForFeed(html: string, config: Pick<SiteConfig, 'url' | 'basePath'>, storyUrl: string): string {
  return rewriteUrls(html, (url) => {
    if (url === '' || url.startsWith('#') || ABSOLUTE.test(url)) return url;
    return url.startsWith('/') ? absoluteUrl(url, config) : new URL(url, absoluteUrl(storyUrl, config)).href;
  });
}

function unescapeAttribute(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|amp|quot|lt|gt);/g, (entity, hex?: string, decimal?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (decimal) return String.fromCodePoint(Number(decimal));
    return { '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>' }[entity] ?? entity;
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&#x22;');
}

/**
 * `html` with `rel="sponsored"` on each link that leaves the site (an
 * `http(s)` address on another host than `siteUrl`'s): search engines ask
 * that paid links say so. Links within the site are left as they are.
 */
export function withSponsoredLinks(html: string, siteUrl: string): string {
  if (!html.includes('<a ')) return html;
  const site = new URL(siteUrl).host;
  return html.replace(TAG, (tag) => {
    if (!tag.startsWith('<a ')) return tag;
    const href = /\shref="([^"]*)"/.exec(tag)?.[1];
    return href !== undefined && leavesSite(unescapeAttribute(href), site) ? `<a rel="sponsored"${tag.slice(2)}` : tag;
  });
}

/** Whether `url` is an `http(s)` address on a host other than `site`. */
function leavesSite(url: string, site: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).host !== site;
  } catch {
    return false;
  }
}
