/**
 * What survives sanitizing a story body: GitHub's schema (remark-html's
 * default), widened by the table alignment classes and nothing else, and
 * without its second `user-content-` prefix on ids.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { ALIGN_CLASSES } from './table-align.js';

export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    td: [...(defaultSchema.attributes?.td ?? []), ['className', ...ALIGN_CLASSES]],
    th: [...(defaultSchema.attributes?.th ?? []), ['className', ...ALIGN_CLASSES]],
  },
  // Footnotes' ids and links come from mdast-util-to-hast, already prefixed
  // (`user-content-fn-1`, linked as `#user-content-fn-1`). GitHub's schema
  // prefixes ids once more, for its own script to resolve: without a script
  // the links pointed nowhere. Raw HTML is removed, so no id comes from an
  // editor's markup; footnote ids keep to-hast's prefix against clobbering.
  clobberPrefix: '',
};
