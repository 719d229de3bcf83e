/**
 * The names other generators give Dateline's fields. Archives from Hugo,
 * Jekyll and Eleventy call a story's date `published` or `pubDate`, its
 * bylines `authors`, its tags `topics`, its summary `description`: each of
 * Dateline's fields is read from the first of its names a story has. The
 * config's `fields` replaces a field's list of names.
 */

/** The fields that other generators name otherwise. */
export const MAPPED_FIELDS = ['date', 'updated', 'byline', 'tags', 'section', 'summary', 'aliases', 'url', 'kicker', 'seo_title', 'social_title'] as const;

export type MappedField = (typeof MAPPED_FIELDS)[number];

/** For each mapped field, the names it is read from, first found first. */
export type FieldMap = Readonly<Record<MappedField, readonly string[]>>;

/** The names of four public archives (Hugo, Jekyll and Eleventy sites), most common first after Dateline's own. */
export const DEFAULT_FIELDS: FieldMap = {
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

/** How a story's frontmatter is read: dates without an offset in `zone`, fields by the names in `fields`. */
export interface Reading {
  readonly zone: string;
  readonly fields: FieldMap;
}

/** Every name a field may be read from: for telling unknown fields apart. */
export function fieldNames(fields: FieldMap): string[] {
  return MAPPED_FIELDS.flatMap((field) => fields[field]);
}

/**
 * `data` with each mapped field read from the first of its names present
 * (a name with no value does not count), and which name that was, for
 * pointing at it. Jekyll's `published: false` is `draft: true`; a list of
 * categories gives the section its first.
 */
export function mapFields(data: Readonly<Record<string, unknown>>, fields: FieldMap): { data: Record<string, unknown>; from: Map<string, string> } {
  const mapped: Record<string, unknown> = { ...data };
  const from = new Map<string, string>();
  if (typeof data.published === 'boolean') {
    if (mapped.draft === undefined) mapped.draft = !data.published;
    delete mapped.published;
  }
  for (const field of MAPPED_FIELDS) {
    const name = fields[field].find((candidate) => mapped[candidate] !== undefined && mapped[candidate] !== null);
    for (const other of fields[field]) if (other !== field) delete mapped[other];
    if (name === undefined) continue;
    const value = data[name];
    mapped[field] = field === 'section' && Array.isArray(value) ? value[0] : value;
    if (name !== field) from.set(field, name);
  }
  return { data: mapped, from };
}
