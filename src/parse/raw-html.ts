/**
 * Raw HTML in story bodies, kept where it is safe: a remark plugin that
 * turns the body into HTML's tree itself, parses the raw HTML into it
 * (hast-util-raw, so `<strong>` and `</strong>` in a paragraph pair up),
 * and decides what stays. Formatting, figures, details and tables stay,
 * their attributes cleaned; an `<iframe>` stays only from an embed host the
 * site allows, lazy, sandboxed and titled; everything else that is dropped
 * (scripts, other iframes, unknown tags, event handlers, styles, `javascript:`
 * links) is reported with its line. remark-html then sanitizes the tree once
 * more with the same schema, so nothing reaches a page that the schema does
 * not allow.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import type { Definition, Image, Link, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Problem } from '../errors.js';
import { DEFAULT_EMBED_HOSTS } from './embed-hosts.js';
import { SANITIZE_SCHEMA } from './sanitize-schema.js';

/** What an embed may do in its frame: run its player or chart, go full screen, open a link in a new tab. */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation';

/** Elements removed with everything in them: what they hold is code or data, not text. */
const REMOVED_WHOLE = new Set(SANITIZE_SCHEMA.strip ?? []);

const ALLOWED_TAGS = new Set(SANITIZE_SCHEMA.tagNames ?? []);

/** What the plugin found, as `file.data.rawHtml`: problems with their places in the body. */
export interface RawHtmlNote {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

declare module 'vfile' {
  interface DataMap {
    /** The embed hosts the site allows (`embeds.hosts`). */
    embedHosts: readonly string[];
    rawHtml: RawHtmlNote[];
  }
}

/** The notes on a body's raw HTML as problems of `file`, whose body starts after line `offset`. */
export function rawHtmlProblems(notes: readonly RawHtmlNote[], file: string, offset: number): Problem[] {
  return notes.map(({ severity, message, line, column }) => ({ severity, file, line: offset + line, column, message }));
}

/** Whether `host` is `allowed` or under it (`www.youtube.com` under `youtube.com`). */
function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => host === entry || host.endsWith(`.${entry}`));
}

/** An address's scheme, lowercased, or undefined for a relative one. */
function schemeOf(url: string): string | undefined {
  return /^\s*([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
}

/**
 * The remark plugin. Links and images of Markdown to addresses the sanitizer
 * drops (`javascript:`) are noted in every body; bodies without raw HTML are
 * then left to remark-html as they are.
 */
export function remarkRawHtml() {
  return (tree: Root, file: VFile) => {
    const notes: RawHtmlNote[] = (file.data.rawHtml = []);
    const noted = new Set<string>();
    const note = (severity: RawHtmlNote['severity'], message: string, line = 1, column = 1) => {
      // A Markdown link is met again as an element of the same place once raw HTML is parsed: noted once.
      const key = `${line}:${column}:${message}`;
      if (noted.has(key)) return;
      noted.add(key);
      notes.push({ severity, message, line, column });
    };
    visit(tree, ['link', 'image', 'definition'], (node) => {
      const { url } = node as Link | Image | Definition;
      const attribute = node.type === 'image' ? 'src' : 'href';
      const tag = node.type === 'image' ? 'img' : 'a';
      if (!isFollowed(attribute, url)) note('warning', droppedAddress(attribute, tag, url), node.position?.start.line, node.position?.start.column);
    });
    if (!tree.children.some(hasHtml)) return;
    const hosts = file.data.embedHosts ?? DEFAULT_EMBED_HOSTS;
    const hast = raw(toHast(tree, { allowDangerousHtml: true }) as HastRoot, { file }) as HastRoot;
    clean(hast, hosts, note);
    // remark-html turns the root into HTML's root with these children (mdast-util-to-hast's `hChildren`), and sanitizes them.
    tree.children = [];
    tree.data = { ...tree.data, hChildren: hast.children as ElementContent[] };
  };
}

function hasHtml(node: Root['children'][number]): boolean {
  if (node.type === 'html') return true;
  return 'children' in node && (node.children as Root['children']).some(hasHtml);
}

type Note = (severity: RawHtmlNote['severity'], message: string, line?: number, column?: number) => void;

/** Whether the sanitizer keeps `url` as the value of `attribute` (`href`, `src`): relative, or of a scheme the schema allows. */
function isFollowed(attribute: 'href' | 'src', url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined || (SANITIZE_SCHEMA.protocols?.[attribute] ?? []).includes(scheme);
}

function droppedAddress(attribute: string, tag: string, url: string): string {
  return `the \`${attribute}\` of \`<${tag}>\` is removed: \`${schemeOf(url)}:\` addresses are not followed from a story`;
}

/** Take out what may not stay, noting each thing taken out; embeds from allowed hosts made lazy, sandboxed and titled. */
function clean(parent: { children: RootContent[] }, hosts: readonly string[], noteAt: Note): void {
  parent.children = parent.children.flatMap((node): RootContent[] => {
    if (node.type === 'comment' || node.type === 'doctype') return [];
    if (node.type !== 'element') return [node];
    const note = (severity: RawHtmlNote['severity'], message: string) => noteAt(severity, message, node.position?.start.line, node.position?.start.column);
    const tag = node.tagName;
    if (REMOVED_WHOLE.has(tag)) {
      note('warning', `\`<${tag}>\` is removed, with what is in it: a page runs no scripts or styles from a story`);
      return [];
    }
    if (tag === 'iframe') return embed(node, hosts, note);
    cleanAttributes(node, note);
    if (tag === 'img' && node.properties.alt === undefined) {
      note('warning', '`<img>` has no `alt`: describe the picture for readers who cannot see it, or write `alt=""` if it only decorates');
    }
    clean(node as { children: RootContent[] }, hosts, noteAt);
    if (!ALLOWED_TAGS.has(tag)) {
      note('warning', `the tag \`<${tag}>\` is taken out (what is in it stays): only formatting, figures, details, tables and embeds are kept`);
      return node.children as RootContent[];
    }
    return [node];
  });
}

/** Event handlers, styles, and links to `javascript:` or `data:` addresses: noted here, removed by the sanitizer. */
function cleanAttributes(node: Element, note: (severity: 'warning', message: string) => void): void {
  for (const [name, value] of Object.entries(node.properties)) {
    const attribute = name.toLowerCase();
    if (attribute.startsWith('on')) {
      note('warning', `the attribute \`${attribute}\` is removed from \`<${node.tagName}>\`: a page runs no scripts from a story`);
      delete node.properties[name];
    } else if (attribute === 'style') {
      note('warning', `the \`style\` of \`<${node.tagName}>\` is removed: the site's stylesheet decides how a story looks`);
      delete node.properties[name];
    } else if ((attribute === 'href' || attribute === 'src') && typeof value === 'string' && !isFollowed(attribute, value)) {
      note('warning', droppedAddress(attribute, node.tagName, value));
      delete node.properties[name];
    }
  }
}

/** An `<iframe>`: kept from an allowed host over https, with a title; lazy and sandboxed. */
function embed(node: Element, hosts: readonly string[], note: (severity: RawHtmlNote['severity'], message: string) => void): RootContent[] {
  const src = typeof node.properties.src === 'string' ? node.properties.src.trim() : '';
  let url: URL | undefined;
  try {
    url = new URL(src);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || !isAllowedHost(url.hostname, hosts)) {
    const from = url ? `from ${url.protocol === 'https:' ? url.hostname : url.href}` : 'without an `https://` address';
    note('warning', `an \`<iframe>\` ${from} is removed: embeds are kept only over https from ${hosts.map((host) => `\`${host}\``).join(', ')} (the config's \`embeds.hosts\`)`);
    return [];
  }
  const title = typeof node.properties.title === 'string' ? node.properties.title.trim() : '';
  if (title === '') {
    note('error', `the embed from ${url.hostname} needs a \`title\` saying what it shows, for readers using a screen reader: add \`title="..."\` to the \`<iframe>\``);
    return [];
  }
  const size = (value: unknown) => (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)) ? Number(value) : undefined);
  const [width, height] = [size(node.properties.width), size(node.properties.height)];
  const properties: Element['properties'] = {
    src: url.href,
    title,
    ...(width !== undefined && { width }),
    ...(height !== undefined && { height }),
    loading: 'lazy',
    sandbox: EMBED_SANDBOX.split(' '),
    allow: 'fullscreen; picture-in-picture; encrypted-media',
    allowFullScreen: true,
    referrerPolicy: 'strict-origin-when-cross-origin',
  };
  return [{ ...node, properties, children: [] }];
}
