/**
 * Template syntax of other generators in a story's body: Hugo shortcodes
 * (`{{< youtube abc >}}`, `{{% note %}}`) and Liquid tags (`{% link … %}`,
 * `{{ site.url }}`) that archives moved from Hugo or Jekyll still hold.
 * Dateline runs no template code in bodies, so they would reach readers as
 * text: each is a warning at its line. Code blocks and code spans are left
 * alone: there such text is meant to be shown.
 */

/** One piece of another generator's syntax, and where. */
export interface ForeignSyntax {
  /** 1-based line in the body. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const SHORTCODE = /\{\{([<%])\s*(\/?)([\w.-]+)[^}]*?[>%]\}\}/g;
const LIQUID_TAG = /\{%-?\s*(\w+)[^%]*?-?%\}/g;
const LIQUID_OUTPUT = /\{\{-?\s*([\w.]+)[^}]*?-?\}\}/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Hugo shortcodes and Liquid tags and outputs in `body`, outside code. */
export function foreignSyntax(body: string): ForeignSyntax[] {
  const found: ForeignSyntax[] = [];
  let fence: string | undefined;
  for (const [index, raw] of body.split('\n').entries()) {
    const opener = FENCE.exec(raw)?.[1];
    if (fence !== undefined) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      continue;
    }
    if (opener !== undefined) {
      fence = opener;
      continue;
    }
    // Code spans keep their width as spaces, so columns stay right.
    const line = raw.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
    const add = (column: number, message: string) => found.push({ line: index + 1, column: column + 1, message });
    for (const match of line.matchAll(SHORTCODE)) {
      const [, kind, closing, name] = match;
      const end = kind === '<' ? '>' : '%';
      add(match.index, `\`{{${kind} ${closing}${name} ${end}}}\` is a Hugo shortcode: Dateline runs none, so readers see it as text`);
    }
    // What is left once the shortcodes are blanked out (`{{% note %}}` holds what looks like a Liquid tag).
    const rest = line.replace(SHORTCODE, (text) => ' '.repeat(text.length));
    for (const match of rest.matchAll(LIQUID_TAG)) {
      add(match.index, `\`{% ${match[1]} %}\` is a Liquid tag: Dateline runs no template code in stories, so readers see it as text`);
    }
    for (const match of rest.matchAll(LIQUID_OUTPUT)) {
      add(match.index, `\`{{ ${match[1]} }}\` is a Liquid output: Dateline runs no template code in stories, so readers see it as text`);
    }
  }
  return found;
}
