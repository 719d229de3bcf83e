/**
 * GFM column alignment as classes instead of the `align` attribute, which
 * HTML5 deprecates (html-validate flags it). The sanitizing schema is widened
 * by exactly these three class names on table cells and nothing else.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import type { Root, Table } from 'mdast';
import { visit } from 'unist-util-visit';

const ALIGN_CLASSES = ['align-left', 'align-center', 'align-right'] as const;

/** A remark plugin: moves each table's column alignment onto its cells as `align-*` classes. */
export function remarkTableAlignClasses() {
  return (tree: Root) => {
    visit(tree, 'table', (table: Table) => {
      const align = table.align ?? [];
      for (const row of table.children) {
        row.children.forEach((cell, index) => {
          const side = align[index];
          if (side) cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, className: [`align-${side}`] } };
        });
      }
      table.align = null;
    });
  };
}

/** GitHub's sanitizing schema (remark-html's default) plus the alignment classes on `td` and `th`. */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    td: [...(defaultSchema.attributes?.td ?? []), ['className', ...ALIGN_CLASSES]],
    th: [...(defaultSchema.attributes?.th ?? []), ['className', ...ALIGN_CLASSES]],
  },
};
