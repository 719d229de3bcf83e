/**
 * Markdown to HTML through one frozen unified processor.
 *
 * remark-html sanitizes (its default, kept on purpose): raw HTML, `<script>`,
 * event handlers and `javascript:` links never reach a page. `remarkNewsGfm`
 * adds the tables, footnotes and strikethrough that news copy uses.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkNewsGfm } from './news-gfm.js';
import { remarkTableAlignClasses, SANITIZE_SCHEMA } from './table-align.js';

const processor = unified()
  .use(remarkParse)
  .use(remarkNewsGfm)
  .use(remarkTableAlignClasses)
  .use(remarkHtml, { sanitize: SANITIZE_SCHEMA })
  .freeze();

/** A story body, rendered. */
export interface RenderedMarkdown {
  /** Sanitized HTML. */
  readonly html: string;
  /** The first paragraph as plain text, whitespace collapsed; empty if there is none. */
  readonly firstParagraph: string;
}

/** Render Markdown `source` to sanitized HTML. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const tree = processor.parse(source);
  const firstParagraph = tree.children.find((node) => node.type === 'paragraph');
  const html = processor.stringify(processor.runSync(tree) as Root);
  return {
    html: String(html),
    firstParagraph: firstParagraph ? toString(firstParagraph).replace(/\s+/g, ' ').trim() : '',
  };
}
