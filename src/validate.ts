/**
 * Turns schema validation failures into problems that point at the line the
 * user wrote, shared by the config file and story frontmatter.
 */
import { z } from 'zod';
import { quote, type Problem } from './errors.js';
import type { LocatedYaml } from './parse/yaml.js';
import { didYouMean } from './suggest.js';

/**
 * `value` without the keys whose value is `undefined` (optional fields not
 * given): spread over defaults, it keeps them, and it holds no empty keys.
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** One problem per zod issue, positioned at the offending value. */
export function issuesToProblems(error: z.ZodError, yaml: LocatedYaml, file: string): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const field = path.length > 0 ? `\`${path.join('.')}\`` : 'the document';
    const value = valueAt(yaml.data, path);
    const shown = value === undefined ? '' : ` (got ${quote(value)})`;
    return { severity: 'error', file, ...yaml.locate(path), message: `${field}: ${issue.message}${shown}` };
  });
}

/** Top-level keys of `data` that the schema does not know, each with its position. */
export function unknownKeys(
  yaml: LocatedYaml,
  known: readonly string[],
): { key: string; line: number; column: number; hint: string }[] {
  const data = yaml.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return Object.keys(data)
    .filter((key) => !known.includes(key))
    .map((key) => ({ key, ...yaml.locateKey(key), hint: didYouMean(key, known) }));
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Text that must be present, with messages saying what it is for: `is required: the headline`. */
export function describedText(what: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `is required: ${what}` : `must be text: ${what}`) });
}

/** A BCP 47 language tag such as `en`, `en-GB` or `ur` (the common shapes, not every extension). */
export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** An absolute address of the web: `http:` or `https:`, with a host. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
