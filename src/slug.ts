import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

/**
 * A lowercase ASCII URL segment for `text` (`Counter Terrorism` →
 * `counter-terrorism`). Scripts without a transliteration (Chinese, and any
 * text that reduces to nothing) get a stable `x-` + 8 hex digits of its hash,
 * so every term still has a page.
 */
export function toSlug(text: string): string {
  const slug = slugify(text.normalize('NFC'), { lowercase: true, decamelize: false });
  if (slug !== '') return slug;
  return `x-${createHash('sha256').update(text.normalize('NFC').trim()).digest('hex').slice(0, 8)}`;
}

/** What a hand-written `slug` may look like: lowercase ASCII words joined by `-`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
