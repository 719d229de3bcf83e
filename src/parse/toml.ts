/**
 * TOML frontmatter (`+++` … `+++`), as many Hugo sites write it, read into
 * the same shape as YAML's (`LocatedYaml`), so validation and its messages
 * are one for both. smol-toml parses; dates become the text TOML wrote
 * (`2023-09-12T10:30:00-04:00`, or without an offset: read in the site's
 * zone, like YAML's), and values are found again by their key's line.
 */
import { parse, TomlDate, TomlError } from 'smol-toml';
import type { Problem } from '../errors.js';
import type { LocatedYaml, Position, YamlResult } from './yaml.js';

/** Parse `text`, which starts on line `firstLine` of `file`. */
export function parseLocatedToml(text: string, file: string, firstLine = 1): YamlResult {
  let data: unknown;
  try {
    data = plain(parse(text));
  } catch (error) {
    const { line, column } = error instanceof TomlError ? error : { line: 1, column: 1 };
    const message = (error as Error).message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? String(error);
    const problem: Problem = { severity: 'error', file, line: line + firstLine - 1, column, message: `invalid TOML: ${message}` };
    return { ok: false, problems: [problem] };
  }
  const lines = text.split('\n');
  const keyAt = (key: string): { line: number; keyColumn: number; valueColumn: number } | undefined => {
    const pattern = new RegExp(`^(\\s*)(?:"${escape(key)}"|'${escape(key)}'|${escape(key)})\\s*=\\s*|^(\\s*)\\[\\s*${escape(key)}\\s*\\]`);
    for (const [index, line] of lines.entries()) {
      const match = pattern.exec(line);
      if (match) return { line: index + firstLine, keyColumn: (match[1] ?? match[2] ?? '').length + 1, valueColumn: match[0].length + 1 };
    }
    return undefined;
  };
  const start: Position = { line: firstLine, column: 1 };
  const value: LocatedYaml = {
    data,
    locate: (path) => {
      const found = typeof path[0] === 'string' ? keyAt(path[0]) : undefined;
      return found ? { line: found.line, column: found.valueColumn } : start;
    },
    locateKey: (key) => {
      const found = keyAt(key);
      return found ? { line: found.line, column: found.keyColumn } : start;
    },
  };
  return { ok: true, value };
}

/** TOML's values as plain data: dates as the text TOML wrote, tables as plain objects. */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  return value;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
