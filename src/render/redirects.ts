/**
 * Redirects from a story's old addresses: at each, a page that sends
 * browsers on at once (`meta refresh`), tells search engines where the story
 * lives now (`rel=canonical`) and to forget this address (`noindex`); and a
 * `_redirects` file of 301s for hosts that read one.
 */
import type { SiteConfig } from '../config.js';
import type { Redirect, RedirectsFile } from '../plan/redirects.js';
import { absoluteUrl, siteUrl } from './urls.js';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page at an old address. */
export function redirectPage(redirect: Redirect, config: SiteConfig): string {
  const target = escapeHtml(absoluteUrl(redirect.to.url, config));
  const title = escapeHtml(redirect.to.story.title);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(config.language)}">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${target}">
<meta http-equiv="refresh" content="0; url=${target}">
</head>
<body>
<p>This story has moved: <a href="${target}">${title}</a>.</p>
</body>
</html>
`;
}

/** `_redirects`: `old new 301`, one line each, paths under the site's base path. */
export function redirectsFile(file: RedirectsFile, config: SiteConfig): string {
  return file.redirects.map((redirect) => `${siteUrl(redirect.url, config.basePath)} ${siteUrl(redirect.to.url, config.basePath)} 301\n`).join('');
}
