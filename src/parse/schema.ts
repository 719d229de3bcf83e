/**
 * The frontmatter a story may carry, as a schema: one place that says which
 * fields exist, which are required, and what each must look like.
 */
import { z } from 'zod';
import { SLUG_PATTERN } from '../slug.js';
import { describedText, isWebAddress, LANGUAGE_TAG } from '../validate.js';
import { DATE_FORMATS_HINT, parseInstant } from './dates.js';
import { CORRECTION_KINDS, KIND_NAMES } from './story-kinds.js';

/** A number where text is meant (`slug: 124062`, `title: 1984`) is that text: archives are full of them. */
const asText = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value);

/** Text (a number read as its text), checked further by `shape`. */
const text = (what: string, shape: (schema: z.ZodString) => z.ZodType<string> = (schema) => schema) =>
  z.preprocess(asText, shape(describedText(what).trim()));

/**
 * A field with nothing in it (`summary:`, `summary: ""`, `section: null`) is
 * a field left out: old archives are full of them, and nothing is lost.
 */
const absentIfEmpty = (value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value);

const optionalText = (what: string) => z.preprocess(absentIfEmpty, text(what).optional());

const instant = (zone: string, what: string) =>
  z.unknown().transform((value, context) => {
    if (value === undefined || value === null || value === '') {
      context.addIssue({ code: 'custom', message: `is required: ${what}; ${DATE_FORMATS_HINT}` });
      return z.NEVER;
    }
    const parsed = parseInstant(value, zone);
    if (parsed === undefined) {
      context.addIssue({ code: 'custom', message: `is not a date: ${DATE_FORMATS_HINT}` });
      return z.NEVER;
    }
    return parsed;
  });

/**
 * How many terms of one kind a story may have, and from how many on the
 * build warns. Every tag or byline gets a page and three feeds carrying the
 * story's body: one story with 5,000 tags made 2.3 GB of feeds.
 */
export const TERM_LIMITS = { tags: { warn: 20, max: 100 }, byline: { warn: 10, max: 50 } } as const;

/**
 * A tag, byline or section name, in Unicode's composed form (NFC): `Café`
 * typed on one machine and pasted from another are one name, shown one way.
 */
const name = (what: string, empty: string) => text(what, (schema) => schema.min(1, empty)).transform((value) => value.normalize('NFC'));

/**
 * A list of terms. Text is a list too: `tags: security` of one term,
 * `tags: TTP, ISPR` of two (what its writer meant); nothing (`tags:`) is none.
 */
const termList = (what: string) =>
  z.preprocess(
    (value) => (value === null ? undefined : typeof value === 'string' ? value.split(',').filter((term) => term.trim() !== '') : value),
    z
      .array(name(what, 'must not contain empty entries'), {
        error: `must be a list of ${what}, e.g. \`[TTP, ISPR]\``,
      })
      .max(TERM_LIMITS.tags.max, `must have at most ${TERM_LIMITS.tags.max} ${what}: each gets a page and three feeds with the story in them`)
      .default([]),
  );

/** Most series one story may be part of: each shows its place in it on the story's page. */
const SERIES_MAX = 5;

/** The largest image side believed, in pixels: far above any camera's, far below what breaks a page. */
export const MAX_IMAGE_SIDE = 100_000;

const pixels = z
  .number({ error: 'must be a number of pixels' })
  .int('must be a whole number of pixels')
  .positive('must be a number of pixels')
  .max(MAX_IMAGE_SIDE, `must be at most ${MAX_IMAGE_SIDE.toLocaleString('en-US')} pixels`);

/**
 * Where a lead image may come from: the web (`http:`/`https:`) or the
 * content folder (`/images/x.jpg`, `images/x.jpg`). Anything else would reach
 * `<img src>`, `og:image` and structured data as it is: `javascript:`,
 * `data:` and `file:` addresses, or `//host/x.png`, which under the site's
 * address becomes a path of the site.
 */
function isImageAddress(src: string): boolean {
  if (src.startsWith('//') || src.startsWith('\\')) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(src)?.[1]?.toLowerCase();
  if (scheme === undefined) return true;
  if (scheme !== 'http' && scheme !== 'https') return false;
  try {
    return new URL(src).hostname !== '';
  } catch {
    return false;
  }
}

/** The tokens a story's own address may use: the site's permalink's, and Jekyll's `:title`. */
const STORY_TOKENS = [':year', ':month', ':day', ':slug', ':title', ':section'] as const;

const STORY_ADDRESS_RULE = `must be an address of this site, from its root, such as \`/special/budget-2024/\`, using only ${STORY_TOKENS.map((token) => `\`${token}\``).join(', ')} as tokens: no scheme, host, \`..\`, \`?\` or \`#\``;

/** A story's own address (`url`, `permalink`): a path of this site, with the permalink's tokens at most. */
function isStoryAddress(address: string): boolean {
  const tokens = address.match(/:[a-z_]+/g) ?? [];
  return isAliasPath(address) && tokens.every((token) => (STORY_TOKENS as readonly string[]).includes(token));
}

const ALIAS_RULE = 'must be an address of this site, from its root, such as `/2023/09/old-slug/` or `/old-page.html`: no scheme, host, `..`, `?` or `#`';

/** An old address a story answers at with a redirect: a path of this site, nothing that could lead elsewhere. */
function isAliasPath(alias: string): boolean {
  return /^\/(?!\/)[^?#\s\\]*$/.test(alias) && !alias.split('/').includes('..') && !alias.split('/').includes('.');
}

/** A lead image (a story's, an author's photo): where it is, what it shows, and optionally its size. */
export const imageSchema = z
  .object(
    {
      src: text('the image address', (schema) =>
        schema.min(1, 'must not be empty').refine(isImageAddress, 'must be an `https://` address, or the path of a file under content/ such as `/images/chitral.svg`'),
      ),
      alt: text('a description of the image for readers who cannot see it', (schema) => schema.min(1, 'must not be empty')),
      caption: optionalText('the caption'),
      credit: optionalText('who took or owns the image'),
      width: pixels.optional(),
      height: pixels.optional(),
      focus: z
        .tuple([z.number().min(0).max(1), z.number().min(0).max(1)], {
          error: 'must be the point crops keep in view, `[x, y]` from the top left, each from 0 to 1 (e.g. `[0.5, 0.3]`)',
        })
        .optional(),
    },
    { error: 'must be a map with `src`, `alt` and optionally `caption`, `credit` and `focus`' },
  )
  .strict()
  .refine((image) => (image.width === undefined) === (image.height === undefined), {
    message: 'needs both `width` and `height`, or neither',
  });

/** The frontmatter schema for a site whose dates without an offset are in `zone`. */
export function frontmatterSchema(zone: string) {
  return z.object({
    title: text('the headline', (schema) => schema.min(1, 'must not be empty: give the story a headline')),
    date: instant(zone, 'when the story was published'),
    updated: z.preprocess(absentIfEmpty, instant(zone, 'when the story was last updated').optional()),
    // `byline:` with nothing is no byline; one of spaces is a mistake (an error, as a blank tag is).
    byline: z.preprocess(
      (value) => (value === null ? undefined : value),
      z
        .union([text('a name'), z.array(text('a name'))], {
          error: 'must be a name or a list of names, e.g. `[Ayesha Khan, Bilal Ahmed]`',
        })
        // Blank names are checked here, not in the union's branches: a failing branch would hide its message behind the union's.
        .superRefine((value, context) => {
          if (value === '') context.addIssue({ code: 'custom', message: 'must not be empty: give a name, or remove the line' });
          if (Array.isArray(value)) {
            value.forEach((entry, index) => entry === '' && context.addIssue({ code: 'custom', path: [index], message: 'must not contain empty names' }));
          }
        })
        .transform((value) => (typeof value === 'string' ? [value] : value).map((entry) => entry.normalize('NFC')))
        .refine((names) => names.length <= TERM_LIMITS.byline.max, {
          message: `must have at most ${TERM_LIMITS.byline.max} names: each gets a page and three feeds with the story in them`,
        })
        .default([]),
    ),
    tags: termList('tags'),
    section: z.preprocess(absentIfEmpty, name('the section, e.g. `Pakistan`', 'must not be empty').optional()),
    // A series name may hold a comma (`Frontier, year one`): text is one name, not a list to split.
    series: z.preprocess(
      (value) => (value === null ? undefined : typeof value === 'string' || typeof value === 'number' ? [value] : value),
      z
        .array(name('the series, e.g. `Frontier under fire`', 'must not be empty'), {
          error: 'must be the name of a series, e.g. `Frontier under fire`, or a list of them',
        })
        .max(SERIES_MAX, `must name at most ${SERIES_MAX} series`)
        .default([]),
    ),
    summary: optionalText('one or two sentences for lists and feeds'),
    url: z.preprocess(
      absentIfEmpty,
      text('the story’s own address', (schema) => schema.refine(isStoryAddress, STORY_ADDRESS_RULE)).optional(),
    ),
    aliases: z.preprocess(
      (value) => (value === null ? undefined : typeof value === 'string' ? [value] : value),
      z
        .array(text('an old address of the story', (schema) => schema.refine(isAliasPath, ALIAS_RULE)), {
          error: 'must be a list of the addresses the story had, e.g. `[/2023/09/old-slug/]`',
        })
        .default([]),
    ),
    slug: z.preprocess(
      (value) => asText(absentIfEmpty(value)),
      z
        .string({ error: 'must be text' })
        .regex(
          SLUG_PATTERN,
          'must be lowercase letters, digits and single hyphens, like `army-chief-call`: no `/`, `..`, spaces or capitals',
        )
        .optional(),
    ),
    location: optionalText('the dateline, e.g. `ISLAMABAD`'),
    kind: z.preprocess(
      absentIfEmpty,
      z.enum(KIND_NAMES, { error: `must be one of ${KIND_NAMES.map((kind) => `\`${kind}\``).join(', ')}` }).default('news'),
    ),
    corrections: z.preprocess(
      (value) => (value === null ? undefined : value),
      z
        .array(
          z
            .object(
              {
                date: instant(zone, 'when the correction was made'),
                text: text('what was wrong and what is right', (schema) => schema.min(1, 'must not be empty: say what was wrong and what is right')),
                kind: z.preprocess(
                  absentIfEmpty,
                  z.enum(CORRECTION_KINDS, { error: `must be ${CORRECTION_KINDS.map((kind) => `\`${kind}\``).join(' or ')}` }).default('correction'),
                ),
              },
              {
                error: (issue) =>
                  issue.code === 'unrecognized_keys'
                    ? `has ${issue.keys.map((key) => `\`${key}\``).join(', ')}, which a correction does not: it has \`date\`, \`text\` and optionally \`kind\``
                    : 'must be a map with `date` and `text`, and optionally `kind`',
              },
            )
            .strict(),
          { error: 'must be a list of corrections, each with `date` and `text`, e.g. `[{ date: 2023-09-14, text: "..." }]`' },
        )
        .default([]),
    ),
    kicker: optionalText('a short label above the headline, e.g. `Exclusive`'),
    seo_title: optionalText('the page title search engines show, in place of the headline'),
    social_title: optionalText('the title shown where the story is shared, in place of the headline'),
    draft: z.preprocess((value) => (value === null ? undefined : value), z.boolean({ error: 'must be `true` or `false`' }).default(false)),
    lang: z
      .string({ error: 'must be a language tag such as `ur`' })
      .regex(LANGUAGE_TAG, 'must be a language tag such as `en` or `ur`')
      .optional(),
    image: imageSchema.optional(),
  });
}

/** What an author profile (`content/_authors/<slug>.md`) says of its author; the body is the bio. */
export const profileSchema = z.object({
  name: text('the author’s name as readers see it', (schema) => schema.min(1, 'must not be empty: give the author’s name')),
  role: optionalText('what the author does, e.g. `Security correspondent`'),
  email: z.preprocess(
    absentIfEmpty,
    text('an address readers may write to', (schema) => schema.regex(/^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/, 'must be an email address such as `desk@example.org`')).optional(),
  ),
  image: imageSchema.optional(),
  links: z.preprocess(
    (value) => (value === null ? undefined : typeof value === 'string' ? [value] : value),
    z
      .array(text('an address of the author’s site or profile', (schema) => schema.refine(isWebAddress, 'must be an `https://` address')), {
        error: 'must be a list of addresses, e.g. `[https://example.org/, https://x.com/name]`',
      })
      .max(20, 'must have at most 20 addresses')
      .default([]),
  ),
});

/** Every field a profile may have, for spotting typos. */
export const PROFILE_FIELDS: readonly string[] = Object.keys(profileSchema.shape);

/** Every field a story may have, for spotting typos. */
export const KNOWN_FIELDS: readonly string[] = Object.keys(frontmatterSchema('UTC').shape);
