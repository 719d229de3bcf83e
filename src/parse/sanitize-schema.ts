/**
 * What survives sanitizing a story body: GitHub's schema (remark-html's
 * default), widened by the table alignment classes, the raw HTML a
 * newsroom pastes (figures, marks, abbreviations, embeds: see raw-html.ts),
 * and without its second `user-content-` prefix on ids.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { ALIGN_CLASSES } from './table-align.js';

/** Tags a story's raw HTML may use beyond GitHub's: figures, marks, abbreviations, captions, and embeds. */
const RAW_TAGS = ['figure', 'figcaption', 'mark', 'abbr', 'small', 'cite', 'u', 'caption', 'iframe'];

export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...RAW_TAGS],
  // Removed with what is in them, rather than unwrapped to show code or CSS as text.
  strip: ['script', 'style', 'template', 'noscript'],
  attributes: {
    ...defaultSchema.attributes,
    td: [...(defaultSchema.attributes?.td ?? []), ['className', ...ALIGN_CLASSES]],
    th: [...(defaultSchema.attributes?.th ?? []), ['className', ...ALIGN_CLASSES]],
    iframe: ['src', 'title', 'width', 'height', 'loading', 'sandbox', 'allow', 'allowFullScreen', 'referrerPolicy'],
    // Ids only as Markdown makes them (footnotes'): an id from pasted HTML could take the page's own (`main`, `corrections`).
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'id' && name !== 'name'), ['id', /^user-content-/, 'footnote-label']],
  },
  // Footnotes' ids and links come from mdast-util-to-hast, already prefixed
  // (`user-content-fn-1`, linked as `#user-content-fn-1`). GitHub's schema
  // prefixes ids once more, for its own script to resolve: without a script
  // the links pointed nowhere. Only those ids are allowed (above), so none
  // comes from an editor's markup.
  clobberPrefix: '',
};
