/**
 * The photos of a story's body as its page shows them: each `<img>` of a
 * photo under content/ (see `Story.bodyImages`) becomes a `<picture>` with
 * its resized copies, in WebP and in its own format, its size (no layout
 * shift), and loaded only as the reader nears it. The body's HTML is
 * sanitized markup of our own making, so its `<img>` tags have one shape.
 */
import { planImage, type Variant } from '../images/variants.js';
import type { BodyImage } from '../parse/story.js';
import { siteUrl } from './urls.js';
import { escapeXml } from './xml.js';

/** How wide a body's photo is shown: the story's column (the default theme's 42rem), or the screen less its margins. */
const SIZES = '(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)';

/** `html` (a body with its addresses under `basePath`) with its photos in `images` made responsive. */
export function withPictures(html: string, images: readonly BodyImage[] | undefined, basePath: string): string {
  if (!images || images.length === 0) return html;
  const bySrc = new Map(images.map((image) => [siteUrl(image.src, basePath), image]));
  return html.replace(/<img\b([^>]*?)\s*\/?>/g, (tag, attributes: string) => {
    const src = /\bsrc="([^"]*)"/.exec(attributes)?.[1];
    const image = src === undefined ? undefined : bySrc.get(src.replace(/&amp;/g, '&'));
    const plan = image && planImage(image, { crops: false });
    if (!image || !plan) return tag;
    const srcset = (variants: readonly Variant[]) => escapeXml(variants.map((variant) => `${siteUrl(`/${variant.path}`, basePath)} ${variant.width}w`).join(', '));
    const others = attributes.replace(/\s(src|srcset|sizes|width|height|loading|decoding)="[^"]*"/g, '');
    const webp = plan.webp.length > 0 ? `<source type="image/webp" srcset="${srcset(plan.webp)}" sizes="${SIZES}">` : '';
    const widest = plan.fallback.at(-1)!;
    const img = `<img src="${escapeXml(siteUrl(`/${widest.path}`, basePath))}" srcset="${srcset(plan.fallback)}" sizes="${SIZES}"${others} width="${image.width}" height="${image.height}" loading="lazy" decoding="async">`;
    return `<picture>${webp}${img}</picture>`;
  });
}
