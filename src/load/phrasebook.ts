/**
 * Load the words a site's theme adds or changes: `templates/i18n/<lang>.json`,
 * one flat object per language whose values are phrases (`"Published"`,
 * `"Page {number} of {total}"`) or plural forms (`{ "one": "{count} story",
 * "other": "{count} stories" }`), laid over the built-in tables (see
 * render/words.ts). They are few and small, so every run reads them again.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareText, quote, type Problem } from '../errors.js';
import { parseLocatedJson } from '../parse/yaml.js';
import { closest } from '../suggest.js';
import { LANGUAGE_TAG } from '../validate.js';
import { BUILT_IN, Phrasebook, SLOT, type Phrase, type PluralForms } from '../render/words.js';
import { ENGLISH } from '../render/words/en.js';
import { relativePosix } from './files.js';

/** Where a theme keeps its tables, inside the templates folder. */
export const I18N_DIR = 'i18n';

const PLURAL_CATEGORIES: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
const DEFAULT_KEYS = Object.keys(ENGLISH);

/** The site's phrasebook (the built-in one when its theme has no `i18n/`), and every problem in its tables. */
export function loadPhrasebook(templates: string, root: string): { phrasebook: Phrasebook; problems: Problem[] } {
  const dir = path.join(templates, I18N_DIR);
  if (!existsSync(dir)) return { phrasebook: new Phrasebook(), problems: [] };
  const tables = new Map(BUILT_IN);
  const problems: Problem[] = [];
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort(compareText);
  for (const name of names) {
    const file = relativePosix(root, path.join(dir, name));
    const language = name.replace(/\.json$/, '');
    if (!name.endsWith('.json') || !LANGUAGE_TAG.test(language)) {
      problems.push({
        severity: 'error',
        file,
        message: `a table of words is a JSON file named for its language, such as \`ur.json\` or \`en-GB.json\`: rename this file or move it out of \`${I18N_DIR}/\``,
      });
      continue;
    }
    const read = readTable(readFileSync(path.join(dir, name), 'utf8'), file);
    problems.push(...read.problems);
    const tag = language.toLowerCase();
    if (read.table) tables.set(tag, { ...tables.get(tag), ...read.table });
  }
  return { phrasebook: new Phrasebook(tables), problems };
}

/** One table's words, or the problems that keep it out (every one of them). */
function readTable(text: string, file: string): { table?: Record<string, Phrase>; problems: Problem[] } {
  const parsed = parseLocatedJson(text, file);
  if (!parsed.ok) return { problems: parsed.problems };
  const { data } = parsed.value;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [{ severity: 'error', file, line: 1, message: 'a table of words is one JSON object, `{ "published": "Published", … }`' }] };
  }
  const table: Record<string, Phrase> = {};
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(data)) {
    const problem = phraseProblem(key, value);
    if (problem) {
      problems.push({ file, ...parsed.value.locateKey(key), ...problem });
      continue;
    }
    table[key] = value as Phrase;
  }
  return { ...(problems.every((p) => p.severity !== 'error') && { table }), problems };
}

/** What is wrong with `value` as the word `key`, if anything. */
function phraseProblem(key: string, value: unknown): Omit<Problem, 'file'> | undefined {
  const builtIn = (ENGLISH as Readonly<Record<string, Phrase>>)[key];
  if (builtIn === undefined) {
    // A theme of the site's own may print words of its own; a near miss of a built-in one is more likely a typo.
    const near = closest(key, DEFAULT_KEYS);
    if (near) return { severity: 'warning', message: `\`${key}\` is not a word the default theme prints (did you mean \`${near}\`?); if your own templates print it, rename it to something further from \`${near}\`` };
  }
  if (typeof value === 'string') {
    if (builtIn !== undefined && typeof builtIn !== 'string') return { severity: 'error', message: `\`${key}\` counts, so it is given as plural forms: ${formsExample(builtIn)}` };
    return slotProblem(key, [value], builtIn);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if (builtIn !== undefined && typeof builtIn === 'string') return { severity: 'error', message: `\`${key}\` is one phrase (got plural forms): \`"${key}": ${JSON.stringify(builtIn)}\`` };
    const forms = Object.entries(value);
    const odd = forms.find(([category, form]) => !PLURAL_CATEGORIES.includes(category) || typeof form !== 'string');
    if (odd) return { severity: 'error', message: `\`${key}\`: plural forms are texts named \`zero\`, \`one\`, \`two\`, \`few\`, \`many\` and \`other\` (got \`${odd[0]}\`: ${quote(odd[1])})` };
    if (!('other' in value)) return { severity: 'error', message: `\`${key}\` needs an \`other\` form, the one used for any number the others do not cover` };
    return slotProblem(key, forms.map(([, form]) => form as string), builtIn);
  }
  return { severity: 'error', message: `\`${key}\` must be text, or plural forms such as { "one": "…", "other": "…" } (got ${quote(value)})` };
}

/** A slot in `texts` that the default theme does not fill for `key` (a misspelt `{numbr}` would be printed as it is). */
function slotProblem(key: string, texts: readonly string[], builtIn: Phrase | undefined): Omit<Problem, 'file'> | undefined {
  if (builtIn === undefined) return undefined;
  const known = new Set(slotsOf(typeof builtIn === 'string' ? [builtIn] : Object.values(builtIn)));
  const unknown = slotsOf(texts).find((slot) => !known.has(slot));
  if (unknown === undefined) return undefined;
  const offered = known.size === 0 ? 'it has no slots' : `its slots are ${[...known].map((slot) => `\`{${slot}}\``).join(', ')}`;
  return { severity: 'error', message: `\`${key}\`: \`{${unknown}}\` is not filled in there, ${offered}` };
}

function slotsOf(texts: readonly string[]): string[] {
  return texts.flatMap((text) => [...text.matchAll(SLOT)].map((match) => match[1]!));
}

function formsExample(forms: PluralForms): string {
  return `\`{ "one": ${JSON.stringify(forms.one ?? forms.other)}, "other": ${JSON.stringify(forms.other)} }\``;
}
