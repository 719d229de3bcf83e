/**
 * The story parser, loaded on first use. Its modules (unified, remark,
 * micromark, gray-matter, the schema…) take ~0.4 s to load here, which a
 * warm build with no story to parse (its stories come from the cache) does
 * without; worker threads load their own.
 */
type Parser = typeof import('./safely.js');

let parser: Parser | undefined;

export async function loadParser(): Promise<Parser> {
  parser ??= await import('./safely.js');
  return parser;
}

/** The parser if something has loaded it already. */
export function loadedParser(): Parser | undefined {
  return parser;
}
