/**
 * The words a theme prints, per language: English and Urdu built in, and
 * any a site adds or overrides in `templates/i18n/<lang>.json` (see
 * load/phrasebook.ts). A page's chrome speaks the site's language; a story's
 * page and its cards speak the story's.
 */
import { memoize } from '../memo.js';
import { ENGLISH } from './words/en.js';
import { URDU } from './words/ur.js';

/** A word of the default theme, as its templates name it (`words.published`). */
export type WordKey = keyof typeof ENGLISH;

/** The plural forms of a phrase that counts, by `Intl.PluralRules` category; `other` is always there. */
export type PluralForms = { readonly other: string } & { readonly [K in Exclude<Intl.LDMLPluralRule, 'other'>]?: string };

/** What a table holds for one word: a phrase with `{name}` slots, or its plural forms. */
export type Phrase = string | PluralForms;

/** A language's table of the default theme's words, each of the same kind (phrase or plural forms) as in English. */
export type Table = { readonly [K in WordKey]: (typeof ENGLISH)[K] extends string ? string : PluralForms };

/** A language's words as templates see them: every word of the default theme, and those a site adds. */
export type Words = Readonly<Record<string, Phrase>> & Table;

/** The built-in tables by language tag (lower case). */
export const BUILT_IN: ReadonlyMap<string, Readonly<Record<string, Phrase>>> = new Map<string, Table>([
  ['en', ENGLISH],
  ['ur', URDU],
]);

/** The slots a phrase fills: `{count}`, `{name}`. */
export const SLOT = /\{(\w+)\}/g;

/** Each language's words: a site's own tables over the built-in ones. */
export class Phrasebook {
  private readonly cache = new Map<string, Words>();

  /** `tables`: each language's words as given (by lower-case tag), on top of the built-in ones. */
  constructor(private readonly tables: ReadonlyMap<string, Readonly<Record<string, Phrase>>> = BUILT_IN) {}

  /**
   * The words for `language`: its own table's, then its primary language's
   * (`ur` for `ur-PK`), then English, word by word. A language no table has
   * is shown in English.
   */
  for(language: string): Words {
    const tag = language.toLowerCase();
    let words = this.cache.get(tag);
    if (!words) {
      const primary = tag.split('-')[0]!;
      const chain = [...new Set(['en', primary, tag])].map((name) => this.tables.get(name) ?? {});
      words = Object.assign({}, ...chain) as Words;
      // Plural forms carry their language: `say` picks a form by its rules.
      for (const [key, phrase] of Object.entries(words)) if (typeof phrase !== 'string') (words as Record<string, Phrase>)[key] = withLanguage(phrase, tag);
      this.cache.set(tag, words);
    }
    return words;
  }
}

/** Plural forms with the language whose rules choose among them (kept through the copy a render worker gets). */
function withLanguage(forms: PluralForms, language: string): PluralForms {
  return { ...forms, language } as PluralForms;
}

const pluralRules = memoize((language: string) => new Intl.PluralRules(language));

/**
 * A phrase with its slots filled: `say('Page {number} of {total}', { number:
 * 2, total: 7 })`. Plural forms are chosen by `count`, under the rules of
 * `language` (the forms' own, from a phrasebook, when not given). A slot
 * left without a value stays as written, where a reader can report it.
 */
export function say(phrase: Phrase, slots: Readonly<Record<string, string | number>> = {}, language?: string): string {
  let text: string;
  if (typeof phrase === 'string') text = phrase;
  else {
    const rules = pluralRules(language ?? (phrase as { language?: string }).language ?? 'en');
    text = phrase[rules.select(Number(slots.count ?? 0))] ?? phrase.other;
  }
  return text.replace(SLOT, (whole, name: string) => (Object.hasOwn(slots, name) ? String(slots[name]) : whole));
}
