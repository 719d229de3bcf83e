/**
 * Parse: one story file into a validated, immutable `Story`, independent of
 * every other file (so it can later run in a worker and be cached by hash).
 */
import type { CorrectionKind, StoryKind } from './story-kinds.js';
import type { Problem } from '../errors.js';
import type { SourceFile } from '../load/files.js';
import { datedName, isStoryFile, STORY_EXTENSIONS, storyStem } from '../load/story-names.js';
import { toSlug } from '../slug.js';
import { unknownKeys, withoutUndefined } from '../validate.js';
import type { Instant } from './dates.js';
import { bodyLineOffset, splitFrontmatter } from './frontmatter.js';
import { rawHtmlProblems } from './raw-html.js';
import { foreignSyntax } from './foreign-syntax.js';
import { renderMarkdown, type BodyLink } from './markdown.js';
import { bodyDigest } from './body-digest.js';
import { MAX_NESTING, tooDeep } from './nesting.js';
import { fieldNames, mapFields, problemsAtWrittenNames, type Reading } from './fields.js';
import { frontmatterSchema, KNOWN_FIELDS, TERM_LIMITS } from './schema.js';

/** A lead image. */
export interface StoryImage {
  readonly src: string;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
  /** Pixel size, measured from a local file or given in the frontmatter; reserves space so the page does not shift. */
  readonly width?: number;
  readonly height?: number;
  /** The point crops keep in view, `[x, y]` in 0-1 from the top left (default the centre). */
  readonly focus?: readonly [number, number];
  /** A local file's content hash and format (`jpg`, `png`, `svg`…), from measuring it: what its resized copies are made from. */
  readonly file?: { readonly hash: string; readonly format: string };
}

/** A photo in a story's body, found under content/ and measured. */
export interface BodyImage {
  readonly src: string;
  readonly width: number;
  readonly height: number;
  readonly file: { readonly hash: string; readonly format: string };
}

/** A notice that the story was corrected or clarified after publication. */
export interface Correction {
  readonly date: Instant;
  readonly text: string;
  readonly kind: CorrectionKind;
}

/** One story, validated. */
export interface Story {
  /** Path of the file relative to the site root. */
  readonly file: string;
  /** Hash of the file's bytes. */
  readonly hash: string;
  readonly title: string;
  readonly date: Instant;
  readonly updated?: Instant;
  readonly bylines: readonly string[];
  readonly tags: readonly string[];
  readonly section?: string;
  /** The series the story is a part of (usually one), in the order it names them. */
  readonly series: readonly string[];
  /** From the frontmatter, else the body's first paragraph as text. */
  readonly summary: string;
  /** Where `summary` came from: a written summary is shown as the standfirst, a derived one is not repeated. */
  readonly summarySource: 'frontmatter' | 'first-paragraph';
  /** URL segment: from the frontmatter, else from the file name. */
  readonly slug: string;
  /** The dateline, e.g. `ISLAMABAD`. */
  readonly location?: string;
  /** What the story is: news, or a kind labelled as such (analysis, opinion…). */
  readonly kind: StoryKind;
  /** Corrections and clarifications, newest first. */
  readonly corrections: readonly Correction[];
  /** A short label above the headline (`Exclusive`). */
  readonly kicker?: string;
  /** The page title for search engines, in place of the headline. */
  readonly seoTitle?: string;
  /** The title where the story is shared (Open Graph, Twitter), in place of the headline. */
  readonly socialTitle?: string;
  readonly draft: boolean;
  /** Language of the story when it differs from the site's. */
  readonly lang?: string;
  readonly image?: StoryImage;
  /** The story's own address pattern (`url`, `permalink`), in place of the site's (optional). */
  readonly permalink?: string;
  /** Addresses the story was published at before (`/2023/09/old-slug/`): each redirects to it. */
  readonly aliases: readonly string[];
  /** Links and images in the body to addresses on the site, with their lines in the file. */
  readonly links: readonly BodyLink[];
  /** The body's photos under content/ (by their site-root address, `/images/x.jpg`), measured: they are shown resized (see images/). */
  readonly bodyImages?: readonly BodyImage[];
  /** Names the body, sanitized HTML (`bodyDigest`): bodies are kept apart and read only where shown. */
  readonly body: string;
}

/** A parsed story file: the story, or why it cannot be published. */
export type ParsedStory = { story: Story; warnings: Problem[] } | { story: undefined; problems: Problem[] };

/** A parsed story file with its body's HTML, before the body is stored. */
export type ParsedWithBody = { story: Story; html: string; warnings: Problem[] } | { story: undefined; problems: Problem[] };

const schemas = new Map<string, ReturnType<typeof frontmatterSchema>>();

/** Parse one story file, read as `reading` says (the site's zone, the names of its fields). */
export function parseStory(file: SourceFile, reading: Reading): ParsedWithBody {
  const { zone } = reading;
  if (!isStoryFile(file.relativePath)) return { story: undefined, problems: [notAStoryName(file.path)] };
  const split = splitFrontmatter(file.text, file.path);
  if (!split.ok) return { story: undefined, problems: split.problems };
  const warnings: Problem[] = unknownKeys(split.yaml, [...KNOWN_FIELDS, ...fieldNames(reading.fields), 'published']).map(({ key, hint, ...at }) => ({
    severity: 'warning',
    file: file.path,
    ...at,
    message: `unknown field \`${key}\` is ignored${hint}`,
  }));
  const data = split.yaml.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const problem: Problem = {
      severity: 'error',
      file: file.path,
      ...split.yaml.locate([]),
      message: 'the frontmatter must be a map of fields such as `title: ...` and `date: ...`',
    };
    return { story: undefined, problems: [problem] };
  }
  const schema = schemas.get(zone) ?? frontmatterSchema(zone);
  schemas.set(zone, schema);
  const named = datedName(storyStem(file.relativePath));
  const { data: mapped, from } = mapFields(data as Record<string, unknown>, reading.fields);
  // A Jekyll post's date is in its name when its frontmatter has none.
  if (named !== undefined && (mapped.date === undefined || mapped.date === null)) mapped.date = named.date;
  const result = schema.safeParse(mapped);
  if (!result.success) return { story: undefined, problems: [...problemsAtWrittenNames(result.error, from, split.yaml, file.path), ...warnings] };
  const fields = result.data;
  for (const [field, count] of [['tags', fields.tags.length], ['byline', fields.byline.length]] as const) {
    const { warn } = TERM_LIMITS[field];
    if (count > warn) {
      const written = from.get(field) ?? field;
      warnings.push({
        severity: 'warning',
        file: file.path,
        ...split.yaml.locateKey(written),
        message: `\`${written}\` has ${count} entries; past ${warn}, each one more adds a page and three feeds carrying this story: keep the ones readers follow`,
      });
    }
  }
  // The body is the end of the file: its lines are this far down.
  const bodyOffset = bodyLineOffset(file.text, split.body);
  const deep = tooDeep(split.body);
  if (deep) {
    const line = bodyOffset + deep.line;
    const message = `lists and quotes are nested ${deep.depth} deep here, more than the ${MAX_NESTING} a story may have; the Markdown parser slows to a crawl on such nesting: flatten it`;
    return { story: undefined, problems: [{ severity: 'error', file: file.path, line, column: 1, message }, ...warnings] };
  }
  for (const { line, column, message } of foreignSyntax(split.body)) {
    warnings.push({ severity: 'warning', file: file.path, line: bodyOffset + line, column, message });
  }
  const body = renderMarkdown(split.body, reading.embedHosts);
  const htmlProblems = rawHtmlProblems(body.rawHtml, file.path, bodyOffset);
  if (htmlProblems.some((problem) => problem.severity === 'error')) return { story: undefined, problems: [...htmlProblems, ...warnings] };
  warnings.push(...htmlProblems);
  const story: Story = {
    file: file.path,
    hash: file.hash,
    title: fields.title,
    date: fields.date,
    bylines: uniqueBySlug(fields.byline),
    tags: uniqueBySlug(fields.tags),
    series: uniqueBySlug(fields.series),
    summary: fields.summary ?? body.firstParagraph,
    summarySource: fields.summary === undefined ? 'first-paragraph' : 'frontmatter',
    slug: fields.slug ?? toSlug(named?.rest ?? storyStem(file.relativePath)),
    draft: fields.draft,
    kind: fields.kind,
    corrections: fields.corrections.sort((a, b) => b.date.epochMs - a.date.epochMs),
    aliases: fields.aliases.map(aliasUrl),
    links: body.links.map((link) => ({ ...link, line: bodyOffset + link.line })),
    body: bodyDigest(body.html),
    ...(fields.updated && { updated: fields.updated }),
    ...(fields.section && { section: fields.section }),
    ...(fields.url && { permalink: aliasUrl(fields.url) }),
    ...(fields.location && { location: fields.location }),
    ...(fields.kicker && { kicker: fields.kicker }),
    ...(fields.seo_title && { seoTitle: fields.seo_title }),
    ...(fields.social_title && { socialTitle: fields.social_title }),
    ...(fields.lang && { lang: fields.lang }),
    ...(fields.image && { image: withoutUndefined(fields.image) }),
  };
  return { story: Object.freeze(story), html: body.html, warnings };
}

/** An old address as an output URL: a folder (`/old/`, or `/old` without an extension) or a file (`/old.html`). */
function aliasUrl(alias: string): string {
  return alias.endsWith('/') || /\.[a-z0-9]+$/i.test(alias) ? alias : `${alias}/`;
}

/** `names` without those that share a page with an earlier one (`TTP`, `ttp`): a story links to each term once. */
function uniqueBySlug(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const slug = toSlug(name);
    if (seen.has(slug)) return false;
    seen.add(slug);
    return true;
  });
}

/** A file that starts with frontmatter but is not named as a story: it would otherwise be published as raw source. */
function notAStoryName(file: string): Problem {
  const endings = STORY_EXTENSIONS.map((ending) => `\`${ending}\``);
  return {
    severity: 'error',
    file,
    line: 1,
    column: 1,
    message: `starts with frontmatter but is not a story: only ${endings.slice(0, -1).join(', ')} and ${endings.at(-1)} files are read as stories. Rename it to end in \`.md\`, or remove its frontmatter to have it copied to the site as it is`,
  };
}
