/**
 * The names other generators give Dateline's fields. Archives from Hugo,
 * Jekyll and Eleventy call a story's date `published` or `pubDate`, its
 * bylines `authors`, its tags `topics`, its summary `description`: each of
 * Dateline's fields is read from the first of its names a story has. The
 * config's `fields` replaces a field's list of names.
 */

import { z } from 'zod';
import type { Problem } from '../errors.js';
import { issuesToProblems } from '../validate.js';
import type { LocatedYaml } from './yaml.js';

/** The fields that other generators name otherwise. */
export const MAPPED_FIELDS = ['date', 'updated', 'byline', 'tags', 'section', 'summary', 'aliases', 'url', 'kicker', 'seo_title', 'social_title'] as const;

export type MappedField = (typeof MAPPED_FIELDS)[number];

/** For each mapped field of stories and author profiles, the names it is read from, first found first. */
export type FieldMap = Readonly<Record<MappedField | AuthorField, readonly string[]>>;

/** The names of four public archives (Hugo, Jekyll and Eleventy sites), most common first after Dateline's own. */
export const DEFAULT_STORY_FIELDS: Readonly<Record<MappedField, readonly string[]>> = {
  date: ['date', 'published', 'publishDate', 'pubDate'],
  updated: ['updated', 'lastmod', 'last_modified_at', 'modified'],
  byline: ['byline', 'authors', 'author'],
  tags: ['tags', 'topics'],
  section: ['section', 'categories', 'category'],
  summary: ['summary', 'description', 'blurb', 'excerpt'],
  aliases: ['aliases', 'redirect_from'],
  url: ['url', 'permalink'],
  kicker: ['kicker', 'linktitle'],
  seo_title: ['seo_title', 'title-tag', 'title_tag'],
  social_title: ['social_title', 'og-title', 'og_title'],
};

/** The fields of an author profile that archives name otherwise (Hugo author pages call the name `title` or `display_name`). */
export const AUTHOR_FIELDS = ['name', 'role'] as const;

export type AuthorField = (typeof AUTHOR_FIELDS)[number];

export const DEFAULT_AUTHOR_FIELDS: Readonly<Record<AuthorField, readonly string[]>> = {
  name: ['name', 'display_name', 'title'],
  role: ['role', 'job_title', 'jobtitle'],
};

/** How a story is read: dates without an offset in `zone`, fields by the names in `fields`, embeds kept from `embedHosts`. */
export interface Reading {
  readonly zone: string;
  readonly fields: FieldMap;
  readonly embedHosts: readonly string[];
}

/** Every field's names, of stories and of author profiles. */
export const DEFAULT_FIELDS: FieldMap = { ...DEFAULT_STORY_FIELDS, ...DEFAULT_AUTHOR_FIELDS };

/** Every name one of `which` fields may be read from: for telling unknown fields apart. */
export function fieldNames(fields: FieldMap, which: readonly (MappedField | AuthorField)[] = MAPPED_FIELDS): string[] {
  return which.flatMap((field) => fields[field]);
}

/**
 * `data` with each mapped field read from the first of its names present
 * (a name with no value does not count), and which name that was, for
 * pointing at it. Jekyll's `published: false` is `draft: true`; a list of
 * categories gives the section its first.
 */
export function mapFields(
  data: Readonly<Record<string, unknown>>,
  fields: FieldMap,
  which: readonly (MappedField | AuthorField)[] = MAPPED_FIELDS,
): { data: Record<string, unknown>; from: Map<string, string> } {
  const mapped: Record<string, unknown> = { ...data };
  const from = new Map<string, string>();
  if (typeof data.published === 'boolean') {
    if (mapped.draft === undefined) mapped.draft = !data.published;
    delete mapped.published;
  }
  for (const field of which) {
    const name = fields[field].find((candidate) => mapped[candidate] !== undefined && mapped[candidate] !== null);
    for (const other of fields[field]) if (other !== field) delete mapped[other];
    if (name === undefined) continue;
    const value = data[name];
    mapped[field] = field === 'section' && Array.isArray(value) ? value[0] : value;
    if (name !== field) from.set(field, name);
  }
  return { data: mapped, from };
}

/**
 * Validation problems of mapped `data`, each pointing at the name the file
 * used (`published`, not `date`): `from` is what `mapFields` returned.
 */
export function problemsAtWrittenNames(error: z.ZodError, from: ReadonlyMap<string, string>, yaml: LocatedYaml, file: string): Problem[] {
  const issues = error.issues.map((issue) => {
    const [first, ...rest] = issue.path;
    return first === undefined ? issue : { ...issue, path: [from.get(String(first)) ?? first, ...rest] };
  });
  return issuesToProblems(new z.ZodError(issues), yaml, file);
}
