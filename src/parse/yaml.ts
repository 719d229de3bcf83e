/**
 * YAML with positions, safely.
 *
 * gray-matter's default engine (js-yaml) has no alias limit, so a few hundred
 * bytes of nested aliases expand to gigabytes when walked. The `yaml` package
 * counts aliases and gives every node a source range, which lets validation
 * errors point at the exact line of the offending value. The config file is
 * read through here too: JSON is a subset of YAML 1.2.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '../errors.js';

/** Most aliases a document may expand; real frontmatter uses none. */
const MAX_ALIASES = 100;

/** A position in the file: 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Parsed YAML plus a way to find where each value was written. */
export interface LocatedYaml {
  readonly data: unknown;
  /** Where the value at `path` starts; the document start if it is absent. */
  locate(path: readonly PropertyKey[]): Position;
  /** Where the top-level key `key` is written; the document start if it is absent. */
  locateKey(key: string): Position;
}

export type YamlResult = { ok: true; value: LocatedYaml } | { ok: false; problems: Problem[] };

/**
 * Parse `text`, which starts on line `firstLine` of `file` (1 unless the YAML
 * is embedded further down a file).
 */
export function parseLocatedYaml(text: string, file: string, firstLine = 1): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        severity: 'error',
        file,
        ...at(error.pos[0]),
        message: `invalid YAML: ${firstLineOf(error.message)}`,
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // yaml throws a ReferenceError for alias bombs and unresolvable aliases.
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          file,
          ...at(0),
          message: `invalid YAML: ${firstLineOf((error as Error).message)}; use plain values instead of \`&anchors\` and \`*aliases\``,
        },
      ],
    };
  }
  return {
    ok: true,
    value: { data, locate: (path) => at(startOf(doc, path)), locateKey: (key) => at(keyStart(doc, key)) },
  };
}

function startOf(doc: Document, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : 0;
}

function keyStart(doc: Document, key: string): number {
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return pair.key.range[0];
    }
  }
  return startOf(doc, []);
}

function firstLineOf(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/**
 * Parse `text`, a JSON file of a theme's (its words, its packaged assets):
 * refused with JSON's own message at its line if it is not JSON, else read
 * by the YAML parser (JSON is YAML), which says where each value was written.
 */
export function parseLocatedJson(text: string, file: string): YamlResult {
  try {
    JSON.parse(text);
  } catch (error) {
    const { message } = error as Error;
    // V8 gives the offset of a syntax error in its message.
    const offset = /position (\d+)/.exec(message)?.[1];
    const before = text.slice(0, offset === undefined ? 0 : Number(offset)).split('\n');
    const at = offset === undefined ? { line: 1 } : { line: before.length, column: before.at(-1)!.length + 1 };
    return { ok: false, problems: [{ severity: 'error', file, ...at, message: `invalid JSON: ${message}` }] };
  }
  return parseLocatedYaml(text, file);
}
