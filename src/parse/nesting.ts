/**
 * How deeply a story's Markdown nests, found before it is parsed. The
 * Markdown parser's cost grows with the square of the nesting (a 16 KB body
 * of `- ` repeated 8,000 times: 64 s, then a stack overflow), and no real
 * story nests more than a handful of lists or quotes: a body that nests past
 * `MAX_NESTING` is refused up front, at its line.
 */

/** The deepest nesting of lists and quotes a story may have: far above any real story's. */
export const MAX_NESTING = 100;

/** List markers and quote markers that open a container at the start of a line. */
const CONTAINER = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/**
 * The first line of `body` (1-based) that opens more than `MAX_NESTING`
 * lists and quotes one inside another, with how many; undefined if none does.
 * Counts the markers at the start of each line (`> > -`, `- - - -`), which
 * is how a short text nests deeply: nesting by indentation costs a text the
 * square of its depth in spaces.
 */
export function tooDeep(body: string): { line: number; depth: number } | undefined {
  const lines = body.split('\n');
  for (const [index, text] of lines.entries()) {
    let rest = text;
    let depth = 0;
    for (let match = CONTAINER.exec(rest); match; match = CONTAINER.exec(rest)) {
      depth += 1;
      rest = rest.slice(match[0].length);
    }
    if (depth > MAX_NESTING) return { line: index + 1, depth };
  }
  return undefined;
}
