/**
 * Parse: an author profile (`content/_authors/<slug>.md`) into an
 * `AuthorProfile`. It is read as a story is: YAML or TOML frontmatter, the
 * field names the config maps (`display_name` and `title` are read as
 * `name`), and a Markdown body, the bio.
 */
import type { Problem } from '../errors.js';
import type { SourceFile } from '../load/files.js';
import { storyStem } from '../load/story-names.js';
import { toSlug } from '../slug.js';
import { unknownKeys, withoutUndefined } from '../validate.js';
import { AUTHOR_FIELDS, fieldNames, mapFields, problemsAtWrittenNames, type Reading } from './fields.js';
import { bodyLineOffset, splitFrontmatter } from './frontmatter.js';
import { rawHtmlProblems } from './raw-html.js';
import { renderMarkdown } from './markdown.js';
import { PROFILE_FIELDS, profileSchema } from './schema.js';
import type { StoryImage } from './story.js';

/** An author, as their profile tells of them. */
export interface AuthorProfile {
  /** Path of the file relative to the site root. */
  readonly file: string;
  readonly hash: string;
  /** From the file's name: `ayesha-siddiqui.md` is `ayesha-siddiqui`. */
  readonly slug: string;
  readonly name: string;
  readonly role?: string;
  readonly email?: string;
  readonly image?: StoryImage;
  /** The author's site and profiles elsewhere. */
  readonly links: readonly string[];
  /** The bio, sanitized HTML; empty when the file has no body. */
  readonly bio: string;
}

/** One profile file parsed: the profile and its warnings, or why it cannot be used. */
export type ParsedProfile = { profile: AuthorProfile; warnings: Problem[] } | { profile: undefined; problems: Problem[] };

/** Parse `file`, read as `reading` says (its fields' names, the embed hosts its bio may use). */
export function parseProfile(file: SourceFile, reading: Pick<Reading, 'fields' | 'embedHosts'>): ParsedProfile {
  const { fields } = reading;
  const split = splitFrontmatter(file.text, file.path);
  if (!split.ok) return { profile: undefined, problems: split.problems };
  const data = split.yaml.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { profile: undefined, problems: [{ severity: 'error', file: file.path, ...split.yaml.locate([]), message: 'the frontmatter must be a map of fields such as `name: ...`' }] };
  }
  const warnings: Problem[] = unknownKeys(split.yaml, [...PROFILE_FIELDS, ...fieldNames(fields, AUTHOR_FIELDS)]).map(({ key, hint, ...at }) => ({
    severity: 'warning',
    file: file.path,
    ...at,
    message: `unknown field \`${key}\` is ignored${hint}; a profile has ${PROFILE_FIELDS.map((field) => `\`${field}\``).join(', ')}`,
  }));
  const { data: mapped, from } = mapFields(data as Record<string, unknown>, fields, AUTHOR_FIELDS);
  const result = profileSchema.safeParse(mapped);
  if (!result.success) return { profile: undefined, problems: [...problemsAtWrittenNames(result.error, from, split.yaml, file.path), ...warnings] };
  const { name, role, email, image, links } = result.data;
  const bio = split.body.trim() === '' ? undefined : renderMarkdown(split.body, reading.embedHosts);
  const bioProblems = rawHtmlProblems(bio?.rawHtml ?? [], file.path, bodyLineOffset(file.text, split.body));
  if (bioProblems.some((problem) => problem.severity === 'error')) return { profile: undefined, problems: [...bioProblems, ...warnings] };
  warnings.push(...bioProblems);
  const profile: AuthorProfile = {
    file: file.path,
    hash: file.hash,
    slug: toSlug(storyStem(file.relativePath)),
    name: name.normalize('NFC'),
    links,
    bio: bio?.html ?? '',
    ...(role && { role }),
    ...(email && { email }),
    ...(image && { image: withoutUndefined(image) }),
  };
  return { profile: Object.freeze(profile), warnings };
}
