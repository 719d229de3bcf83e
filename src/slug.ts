import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

/**
 * A lowercase ASCII URL segment for `text` (`Counter Terrorism` →
 * `counter-terrorism`). Scripts without a transliteration (Chinese, and any
 * text that reduces to nothing) get a stable `x-` + 8 hex digits of its hash,
 * so every term still has a page.
 */
export function toSlug(text: string): string {
  let slug = memo.get(text);
  if (slug === undefined) {
    slug = slugify(text.normalize('NFC'), { lowercase: true, decamelize: false });
    if (slug === '') slug = `x-${createHash('sha256').update(text.normalize('NFC').trim()).digest('hex').slice(0, 8)}`;
    if (memo.size > 100_000) memo.clear();
    memo.set(text, slug);
  }
  return slug;
}

// Newsrooms reuse a few hundred tags and bylines across thousands of stories:
// slugify each spelling once. Bounded so a pathological input cannot grow it forever.
const memo = new Map<string, string>();

/** What a hand-written `slug` may look like: lowercase ASCII words joined by `-`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
