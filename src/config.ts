/**
 * The site config: `dateline.config.json` at the site root, validated once,
 * with every default in one place.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { ConfigError, quote, type Problem } from './errors.js';
import { AUTHOR_FIELDS, DEFAULT_FIELDS, MAPPED_FIELDS, type AuthorField, type FieldMap, type MappedField, type Reading } from './parse/fields.js';

/** Every field read by other names, of stories and of author profiles. */
const NAMED_FIELDS = [...MAPPED_FIELDS, ...AUTHOR_FIELDS] as const;
import { DEFAULT_EMBED_HOSTS } from './parse/embed-hosts.js';
import { parseLocatedYaml, type LocatedYaml } from './parse/yaml.js';
import { describedText, issuesToProblems, isWebAddress, LANGUAGE_TAG, unknownKeys, withoutUndefined } from './validate.js';

/** The config file's name, at the site root. */
export const CONFIG_FILE = 'dateline.config.json';

/** The default theme shipped with Dateline, used when a site has no `templates/` of its own. */
export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));

/** The site's templates folder, under its root, unless the config names another (which must then exist). */
export const TEMPLATES_DIR = 'templates';

const PERMALINK_TOKENS = [':year', ':month', ':day', ':slug', ':section'] as const;

/** The feed formats, by their names in the config. */
export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** What one kind of feed carries. */
export interface FeedSettings {
  /** The formats it is written in; none: no such feeds. */
  readonly formats: readonly FeedFormat[];
  /** Newest stories in each feed. */
  readonly items: number;
  /** `full`: each story's whole body; `summary`: its summary only. */
  readonly content: 'full' | 'summary';
}

/**
 * The defaults, priced by what each feed is worth. The site's feeds are what
 * readers subscribe to: every format, full text. A feed per tag, byline and
 * section in three formats with full bodies was 106 of a 225 MB site at 4,000
 * stories: theirs are RSS only, the newest 20, summaries.
 */
export const DEFAULT_FEEDS: Readonly<Record<'site' | 'terms', FeedSettings>> = {
  site: { formats: FEED_FORMATS, items: 50, content: 'full' },
  terms: { formats: ['rss'], items: 20, content: 'summary' },
};

function feedScope(what: string) {
  return z
    .object(
      {
        formats: z
          .array(z.enum(FEED_FORMATS, { error: `must be one of ${FEED_FORMATS.map((format) => `\`${format}\``).join(', ')}` }), {
            error: 'must be a list of formats, e.g. `["rss", "atom"]`, or `[]` for none',
          })
          .refine((formats) => new Set(formats).size === formats.length, 'must name each format once')
          .optional(),
        items: z
          .number({ error: `must be a whole number of stories in each of ${what}, e.g. \`20\`` })
          .int('must be a whole number')
          .min(1, 'must be at least 1')
          .max(1000, 'must be at most 1000')
          .optional(),
        content: z.enum(['full', 'summary'], { error: 'must be `full` (whole stories) or `summary`' }).optional(),
      },
      { error: `must be a map of \`formats\`, \`items\` and \`content\` for ${what}` },
    )
    .strict();
}

/**
 * An update within this many minutes of publication is not shown as
 * "Updated": fixing a typo just after a story went out is not news to
 * readers. Search engines and feeds are told of every update all the same.
 */
export const DEFAULT_UPDATED_AFTER_MINUTES = 15;

/**
 * How English dates read: `international` (`13 September 2023, 09:30
 * GMT+5`) or the Associated Press's style (`Sept. 13, 2023, 9:30 a.m.
 * GMT+5`), as most US newsrooms require.
 */
export const DATE_STYLES = ['international', 'ap'] as const;

export interface DateSettings {
  readonly style: (typeof DATE_STYLES)[number];
  /** The zone's name as the newsroom writes it (`PKT`), in place of the one `Intl` knows (`GMT+5`); by season. */
  readonly zoneName?: { readonly standard: string; readonly daylight: string };
}

const schema = z.object({
  title: describedText('the name of the publication').trim().min(1, 'must not be empty'),
  url: describedText('the absolute address the site is published at, e.g. `https://example.org/news/`').refine(
    isWebAddress,
    'must be an absolute http(s) address such as `https://example.org/news/`',
  ),
  language: describedText('a language tag such as `en` or `ur`')
    .regex(LANGUAGE_TAG, 'must be a language tag such as `en`, `en-GB` or `ur`')
    .default('en'),
  timezone: describedText('an IANA time zone such as `Asia/Karachi`')
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone name such as `Asia/Karachi` or `UTC`')
    .default('UTC'),
  description: describedText('one sentence about the publication').default(''),
  permalink: describedText('the URL pattern for stories').refine(
    (pattern) => /^\/([a-z0-9:_-]+\/)*$/.test(pattern) && pattern.includes(':slug'),
    `must start and end with \`/\`, contain \`:slug\`, and use only ${PERMALINK_TOKENS.map((t) => `\`${t}\``).join(', ')}, lowercase letters, digits and \`-\``,
  ).refine(
    (pattern) => (pattern.match(/:[a-z]+/g) ?? []).every((token) => (PERMALINK_TOKENS as readonly string[]).includes(token)),
    `may only use the tokens ${PERMALINK_TOKENS.map((t) => `\`${t}\``).join(', ')}`,
  ).default('/:year/:month/:slug/'),
  pageSize: z
    .number({ error: 'must be a whole number of stories per list page, e.g. `10`' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(10),
  updatedAfterMinutes: z
    .number({ error: 'must be a whole number of minutes, e.g. `15`' })
    .int('must be a whole number of minutes')
    .min(0, 'must be at least 0')
    .max(10_080, 'must be at most 10080 (a week)')
    .default(DEFAULT_UPDATED_AFTER_MINUTES),
  search: z.boolean({ error: 'must be `true` (index the stories for the search page) or `false` (no search page)' }).default(true),
  dates: z
    .object(
      {
        style: z
          .enum(DATE_STYLES, { error: `must be one of ${DATE_STYLES.map((style) => `\`${style}\``).join(', ')}` })
          .optional(),
        zoneName: z
          .union(
            [
              describedText('the name readers know the site\'s time zone by, e.g. `PKT`').trim().min(1),
              z.object({ standard: describedText('the zone\'s name in winter, e.g. `EST`').trim().min(1), daylight: describedText('its name in summer, e.g. `EDT`').trim().min(1) }).strict(),
            ],
            { error: 'must be a name such as `"PKT"`, or `{ "standard": "EST", "daylight": "EDT" }` for a zone with summer time' },
          )
          .optional(),
      },
      { error: 'must be a map with `style` and `zoneName`, e.g. `{ "style": "ap", "zoneName": "PKT" }`' },
    )
    .strict()
    .default({}),
  feedSize: z
    .number({ error: 'must be a whole number of stories per feed, e.g. `50`' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .optional(),
  feeds: z
    .object(
      { site: feedScope('the site-wide feeds').optional(), terms: feedScope('the feeds of each tag, byline and section').optional() },
      { error: 'must be a map with `site` and `terms`, e.g. `{ "terms": { "formats": ["rss"] } }`' },
    )
    .strict()
    .default({}),
  embeds: z
    .object(
      {
        hosts: z
          .array(
            describedText('a host embeds may come from, e.g. `youtube.com`')
              .trim()
              .toLowerCase()
              .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a host name such as `youtube.com` or `datawrapper.dwcdn.net`: no scheme or path'),
            { error: 'must be a list of hosts, e.g. `["youtube.com", "datawrapper.dwcdn.net"]`, or `[]` for none' },
          )
          .optional(),
      },
      { error: 'must be a map with `hosts`' },
    )
    .strict()
    .default({}),
  publisher: z
    .object(
      {
        name: describedText('the publication name shown to search engines and news aggregators').trim().min(1).optional(),
        logo: describedText('the address of the publication logo, e.g. `/assets/logo.svg`').optional(),
      },
      { error: 'must be a map with `name` and `logo`' },
    )
    .strict()
    .default({}),
  contentDir: describedText('the folder of stories, relative to the site root').default('content'),
  authorsDir: describedText('the folder of author profiles, inside the content folder')
    .refine(
      (dir) => /^_[^/\\]*(\/[^/\\]+)*\/?$/.test(dir) && !dir.split('/').includes('..'),
      'must be a folder inside the content folder whose name starts with `_`, such as `_authors` or `_people`: such folders are never read as stories nor published',
    )
    .default('_authors'),
  outDir: describedText('the output folder, relative to the site root').default('dist'),
  templatesDir: describedText('the templates folder, relative to the site root').default(TEMPLATES_DIR),
  fields: z
    .object(
      Object.fromEntries(
        NAMED_FIELDS.map((field) => [
          field,
          z.array(describedText('a frontmatter field name').trim().min(1, 'must not be empty'), { error: `must be a list of names, e.g. \`${JSON.stringify(DEFAULT_FIELDS[field])}\`` }).min(1, 'must name at least one field').optional(),
        ]),
      ) as Record<MappedField | AuthorField, z.ZodOptional<z.ZodArray<z.ZodString>>>,
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `names no field Dateline reads by other names: ${issue.keys.map((key) => `\`${key}\``).join(', ')}; the fields are ${NAMED_FIELDS.map((field) => `\`${field}\``).join(', ')}`
            : 'must be a map from a field (`date`, `byline`, …) to the names it is read from',
      },
    )
    .strict()
    .default({}),
});

const KNOWN_KEYS = Object.keys(schema.shape);


type ConfigFile = z.infer<typeof schema>;

/** The validated site settings that shape every page. */
export interface SiteConfig {
  /** Name of the publication. */
  readonly title: string;
  /** Absolute site address, always ending in `/`. */
  readonly url: string;
  /** Path part of `url` (`/` or e.g. `/news/`): every internal link starts with it. */
  readonly basePath: string;
  /** BCP 47 language tag of the site (default `en`). */
  readonly language: string;
  /** IANA zone in which dates without an offset are read and all dates are shown (default `UTC`). */
  readonly timezone: string;
  /** One sentence about the publication (default empty). */
  readonly description: string;
  /** URL pattern of story pages (default `/:year/:month/:slug/`). */
  readonly permalink: string;
  /** Stories per list page (default 10). */
  readonly pageSize: number;
  /** How long after publication an update must come to be shown as "Updated" on the page, in minutes (default 15). */
  readonly updatedAfterMinutes: number;
  /** Whether the build indexes the stories and publishes the search page (default true). */
  readonly search: boolean;
  /** How English dates are written for readers; dates in other languages follow the language (see render/time.ts). */
  readonly dates: DateSettings;
  /** The site-wide feeds, and those of each tag, byline and section (default `DEFAULT_FEEDS`). */
  readonly feeds: Readonly<Record<'site' | 'terms', FeedSettings>>;
  /** Where `<iframe>` embeds in stories may come from: each host and those under it (default `DEFAULT_EMBED_HOSTS`). */
  readonly embeds: { readonly hosts: readonly string[] };
  /** The folder of author profiles, relative to the content folder (default `_authors`). */
  readonly authorsDir: string;
  /** The frontmatter names each field is read from (default `DEFAULT_FIELDS`, each list replaced by the config's). */
  readonly fields: FieldMap;
  /** Who publishes the site, for structured data and the Google News sitemap. */
  readonly publisher: {
    /** Publication name (default: `title`). */
    readonly name: string;
    /** Site-relative or absolute logo address (optional). */
    readonly logo?: string;
  };
}

/** Absolute folders a build reads from and writes to. */
export interface SitePaths {
  readonly root: string;
  readonly content: string;
  readonly out: string;
  /** The site's own templates, or Dateline's default theme when it has none. */
  readonly templates: string;
}

/** Overrides from the command line, relative to the current folder. */
export interface PathOverrides {
  /** Site root (optional; default the current folder). */
  readonly root?: string;
  /** Content folder (optional; default the config's `contentDir` under the root). */
  readonly content?: string;
  /** Output folder (optional; default the config's `outDir` under the root). */
  readonly out?: string;
}

/** How the site's stories are read: dates in its zone, fields by its names. */
export function readingOf(config: Pick<SiteConfig, 'timezone' | 'fields' | 'embeds'>): Reading {
  return { zone: config.timezone, fields: config.fields, embedHosts: config.embeds.hosts };
}

/**
 * What is wrong with `data` as the config's settings, each as the setting
 * and its message; empty when it would load. For `dateline init`, which
 * checks its flags by the rules the config file is read by.
 */
export function settingProblems(data: Readonly<Record<string, unknown>>): { setting: string; message: string }[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ setting: issue.path.map(String).join('.'), message: issue.message }));
}

/** Read and validate the config at `root`; throws `ConfigError` listing every problem. */
export function loadConfig(overrides: Readonly<PathOverrides> = {}): { config: SiteConfig; paths: SitePaths } {
  const root = path.resolve(overrides.root ?? '.');
  const file = path.join(root, CONFIG_FILE);
  if (!existsSync(file)) {
    throw new ConfigError([
      {
        severity: 'error',
        file: CONFIG_FILE,
        message: `not found in ${root}; create it with at least \`title\` and \`url\`, or pass \`--root DIR\``,
      },
    ]);
  }
  const parsed = parseLocatedYaml(readFileSync(file, 'utf8'), CONFIG_FILE);
  if (!parsed.ok) throw new ConfigError(parsed.problems);
  const problems: Problem[] = unknownKeys(parsed.value, KNOWN_KEYS).map(({ key, hint, ...at }) => ({
    severity: 'error',
    file: CONFIG_FILE,
    ...at,
    message: `unknown setting \`${key}\`${hint}`,
  }));
  const result = schema.safeParse(parsed.value.data ?? {});
  if (!result.success) problems.push(...issuesToProblems(result.error, parsed.value, CONFIG_FILE));
  if (!result.success) throw new ConfigError(problems);
  const paths = toPaths(root, result.data, overrides);
  problems.push(...folderProblems(root, parsed.value, overrides));
  if (problems.length > 0) throw new ConfigError(problems);
  return { config: toSiteConfig(result.data), paths };
}

/**
 * The config's folders must be the site's own: `contentDir: ../../` read
 * every file of the folders above. A folder elsewhere is named on the command
 * line (`--content`), on purpose. A `templatesDir` the user set must exist:
 * falling back to the default theme would hide a typo.
 */
function folderProblems(root: string, yaml: LocatedYaml, overrides: Readonly<PathOverrides>): Problem[] {
  const data = (yaml.data ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  const problem = (key: string, message: string) => problems.push({ severity: 'error', file: CONFIG_FILE, ...yaml.locate([key]), message: `\`${key}\`: ${message}` });
  for (const [key, flag] of [['contentDir', '--content'], ['templatesDir', undefined]] as const) {
    const value = data[key];
    if (typeof value !== 'string' || (key === 'contentDir' && overrides.content !== undefined)) continue;
    const relative = path.relative(root, path.resolve(root, value));
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      problem(key, `${quote(value)} is outside the site root; a site's folders live in it${flag ? `: to read stories from elsewhere, pass \`${flag} DIR\`` : ''}`);
    } else if (key === 'templatesDir' && !existsSync(path.resolve(root, value))) {
      problem(key, `${quote(value)} does not exist; create it, or remove the setting to use Dateline's default theme`);
    }
  }
  return problems;
}

function toSiteConfig(file: ConfigFile): SiteConfig {
  const url = new URL(file.url);
  url.pathname = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  url.search = '';
  url.hash = '';
  return {
    title: file.title,
    url: url.href,
    basePath: url.pathname,
    language: file.language,
    timezone: file.timezone,
    description: file.description,
    permalink: file.permalink,
    pageSize: file.pageSize,
    updatedAfterMinutes: file.updatedAfterMinutes,
    search: file.search,
    dates: {
      style: file.dates.style ?? 'international',
      ...(file.dates.zoneName !== undefined && {
        zoneName: typeof file.dates.zoneName === 'string' ? { standard: file.dates.zoneName, daylight: file.dates.zoneName } : file.dates.zoneName,
      }),
    },
    feeds: {
      // `feedSize`, the older setting, is the site feeds' length.
      site: { ...DEFAULT_FEEDS.site, ...(file.feedSize !== undefined && { items: file.feedSize }), ...withoutUndefined(file.feeds.site ?? {}) },
      terms: { ...DEFAULT_FEEDS.terms, ...withoutUndefined(file.feeds.terms ?? {}) },
    },
    fields: { ...DEFAULT_FIELDS, ...withoutUndefined(file.fields) },
    authorsDir: file.authorsDir.replace(/\/$/, ''),
    embeds: { hosts: file.embeds.hosts ?? DEFAULT_EMBED_HOSTS },
    publisher: { name: file.publisher.name ?? file.title, ...(file.publisher.logo && { logo: file.publisher.logo }) },
  };
}

function toPaths(root: string, file: ConfigFile, overrides: Readonly<PathOverrides>): SitePaths {
  const templates = path.resolve(root, file.templatesDir);
  return {
    root,
    content: overrides.content ? path.resolve(overrides.content) : path.resolve(root, file.contentDir),
    out: overrides.out ? path.resolve(overrides.out) : path.resolve(root, file.outDir),
    templates: existsSync(templates) ? templates : DEFAULT_TEMPLATES,
  };
}

