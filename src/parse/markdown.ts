/**
 * Markdown to HTML through one frozen unified processor.
 *
 * remark-html sanitizes (its default, kept on purpose): `<script>`, event
 * handlers and `javascript:` links never reach a page. `remarkRawHtml` keeps
 * the raw HTML that is safe (formatting, figures, embeds from allowed hosts)
 * and reports what it drops. `remarkNewsGfm` adds the tables, footnotes and
 * strikethrough that news copy uses.
 */
import type { Definition, Image, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { gfmMarkers, remarkNewsGfm, type NewsGfm } from './news-gfm.js';
import { VFile } from 'vfile';
import { DEFAULT_EMBED_HOSTS } from './embed-hosts.js';
import { remarkRawHtml, type RawHtmlNote } from './raw-html.js';
import { SANITIZE_SCHEMA } from './sanitize-schema.js';
import { remarkTableAlignClasses } from './table-align.js';

/** One frozen processor with every extension (the reference), and one per combination of extensions a story needs. */
const processors = new Map<string, ReturnType<typeof processorWith>>();

function processorWith(only: NewsGfm) {
  return unified()
    .use(remarkParse)
    .use(remarkNewsGfm, only)
    .use(remarkTableAlignClasses)
    .use(remarkRawHtml)
    .use(remarkHtml, { sanitize: SANITIZE_SCHEMA })
    .freeze();
}

/**
 * The processor for `source`: with only the GFM extensions whose markers it
 * holds (see `gfmMarkers`). An extension is tried wherever its construct
 * could start; most stories have no table, footnote or `~`, and skipping
 * their extensions cut Markdown rendering from 2.1-3.6 to 1.7-2.0 ms per
 * generated story here, with the same HTML (tests/parse/markdown.test.ts).
 */
function processorFor(source: string) {
  const only = gfmMarkers(source);
  const key = `${only.tables}${only.footnotes}${only.strikethrough}`;
  let processor = processors.get(key);
  if (!processor) {
    processor = processorWith(only);
    processors.set(key, processor);
  }
  return processor;
}

/** A story body, rendered. */
export interface RenderedMarkdown {
  /** Sanitized HTML. */
  readonly html: string;
  /** The first paragraph as plain text, whitespace collapsed; empty if there is none. */
  readonly firstParagraph: string;
  /** Links and images to addresses on the site (`/2023/09/call/`, `../call/`, `valley.svg`), for `dateline check`. */
  readonly links: readonly BodyLink[];
  /** What raw HTML in the body lost (warnings), or lacks to be kept (errors), with places in the body. */
  readonly rawHtml: readonly RawHtmlNote[];
}

/** A link or image in a body to an address on the site, as written, and where (1-based, in the body). */
export interface BodyLink {
  readonly url: string;
  readonly image: boolean;
  readonly line: number;
  readonly column: number;
}

/** An address with a scheme (`https:`, `mailto:`), protocol-relative (`//cdn…`), or only a `#fragment` or `?query`: not a site path. */
const NOT_A_SITE_PATH = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/\/|#|\?|$)/;

/**
 * The links and images (and reference definitions, the addresses of
 * `[text][ref]`) in `tree` to site paths: what a check needs.
 */
function siteLinks(tree: Root): BodyLink[] {
  const links: BodyLink[] = [];
  visit(tree, ['link', 'image', 'definition'], (node) => {
    const { position } = node;
    if (!position) return;
    const { url } = node as Link | Image | Definition;
    if (!NOT_A_SITE_PATH.test(url)) links.push({ url, image: node.type === 'image', line: position.start.line, column: position.start.column });
  });
  return links;
}

/** Every extension, whatever the story holds: what `renderMarkdown` must always agree with (tests). */
export const fullProcessor = processorWith({ tables: true, footnotes: true, strikethrough: true });

/** Render Markdown `source` to sanitized HTML, keeping embeds from `embedHosts` (`processor` for tests). */
export function renderMarkdown(source: string, embedHosts: readonly string[] = DEFAULT_EMBED_HOSTS, processor = processorFor(source)): RenderedMarkdown {
  const tree = processor.parse(source);
  const firstParagraph = tree.children.find((node) => node.type === 'paragraph');
  const links = siteLinks(tree);
  const file = new VFile({ value: source, data: { embedHosts } });
  const html = processor.stringify(processor.runSync(tree, file) as Root, file);
  return {
    html: String(html),
    firstParagraph: firstParagraph ? toString(firstParagraph).replace(/\s+/g, ' ').trim() : '',
    links,
    rawHtml: file.data.rawHtml ?? [],
  };
}
