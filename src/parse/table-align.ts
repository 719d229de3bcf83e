/**
 * GFM column alignment as classes instead of the `align` attribute, which
 * HTML5 deprecates (html-validate flags it). The sanitizing schema
 * (`sanitize-schema.ts`) lets exactly these three class names through on
 * table cells.
 */
import type { Root, Table } from 'mdast';
import { visit } from 'unist-util-visit';

export const ALIGN_CLASSES = ['align-left', 'align-center', 'align-right'] as const;

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
