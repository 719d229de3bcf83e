/**
 * The build, stage by stage: load → parse → model → plan → render → write.
 * Each stage collects the problems it finds; the build stops after a stage
 * that found errors, reporting all of them together.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, readingOf, type PathOverrides, type SiteConfig, type SitePaths } from './config.js';
import { BuildFailed, compareText, formatProblem, type Problem } from './errors.js';
import { checkFolders } from './folders.js';
import { toInstant, type Instant } from './parse/dates.js';
import type { Story } from './parse/story.js';
import { assetClashes, loadContentFiles } from './load/assets.js';
import { parseFingerprint } from './cache/parse-cache.js';
import type { PipelineRun, Progress } from './pipeline.js';
import { openPipeline, type OpenPipeline } from './open-pipeline.js';
import { OutputCache, renderFingerprint } from './cache/output-cache.js';
import { contentHash, statOrUndefined, stillHolds } from './write/file-stamp.js';
import type { Output } from './render/html.js';
import { lockOutput } from './write/build-lock.js';
import { StagedOutput } from './write/staged-output.js';
import { DiscardingWriter, whenReady, type Writer } from './write/writer.js';
import { RecordingWriter } from './cache/recording-writer.js';
import { savePublishedRecord } from './cache/published-record.js';
import { loadUrlHistory } from './load/url-history.js';
import type { PublishedUrl } from './plan/published-urls.js';
import { brokenLinks } from './plan/internal-links.js';
import { groupRepeated } from './report.js';

export type { Progress };

/** Options of one build. */
export interface BuildOptions extends PathOverrides {
  /** Include draft stories (default false). */
  readonly drafts?: boolean;
  /** Include stories dated after `now` (default false). */
  readonly future?: boolean;
  /** Treat warnings as errors (default false). */
  readonly strict?: boolean;
  /** The build's "now" in epoch milliseconds (default: the clock). */
  readonly now?: number;
  /** Called as stories are parsed and pages rendered (optional). */
  readonly onProgress?: (progress: Progress) => void;
  /** Where to write the JSON build report, relative to the root (default `.dateline-cache/build-report.json`; `false` for none). */
  readonly report?: string | false;
  /** Folder of the persistent parse cache, relative to the root (default `.dateline-cache`; `false` for none). */
  readonly cache?: string | false;
  /** A sitemap of the addresses already published (the live site's), checked as the cache's record is (optional). */
  readonly publishedSitemap?: string;
  /** Fail on links and images in bodies that lead to nothing the site builds (what `check` does; default false). */
  readonly checkLinks?: boolean;
  /** Build the search index (default true; `check`, which writes nothing, does not). */
  readonly search?: boolean;
}

/** The persistent cache's default folder, relative to the site root. */
export const DEFAULT_CACHE = '.dateline-cache';

/** The folder inside the cache folder keeping the output before last (see write/staged-output.ts). */
export const OLD_OUTPUT = 'old-output';

/** The build report's default place, in the ignored cache folder. */
export const DEFAULT_REPORT = '.dateline-cache/build-report.json';

/** What a successful build did. */
export interface BuildSummary {
  /** HTML pages written. */
  readonly pages: number;
  /** All files written, assets included. */
  readonly files: number;
  /** Stories published. */
  readonly stories: number;
  /** Every warning, each occurrence on its own. */
  readonly warnings: readonly Problem[];
  /** Files of stories left out as drafts, and as embargoed (dated after "now"). */
  readonly held: { readonly drafts: readonly string[]; readonly embargoed: readonly string[] };
  /** The embargoed story that publishes first, and when: the time CI should build next (absent when none is waiting). */
  readonly nextEmbargo?: { readonly file: string; readonly date: Instant };
  /** When the next front-page pick in `_front.yml` takes over: CI should build then too (absent when none is waiting). */
  readonly nextFront?: { readonly at: Instant; readonly file: string };
  /** The build's "now". */
  readonly now: Instant;
  readonly outDir: string;
  /** The addresses this build publishes: what the next one may not drop. */
  readonly published: readonly PublishedUrl[];
  /** Milliseconds spent in each stage, in the order they ran. */
  readonly timings: Readonly<Record<string, number>>;
  /**
   * Stories parsed and reused from the persistent cache; outputs rendered and
   * kept from the last build; why the parse cache was not used, if it was not.
   */
  readonly cache: { readonly parsed: number; readonly reused: number; readonly rendered: number; readonly kept: number; readonly encoded: number; readonly indexed: number; readonly note?: string };
}

/** Build the site at `options.root` into its output folder, replacing it only on success. */
export async function build(options: Readonly<BuildOptions> = {}): Promise<BuildSummary> {
  const { config, paths } = loadConfig(options);
  const cacheDir = cacheFolder(paths, options);
  checkFolders(paths, { out: paths.out, ...(cacheDir !== undefined && { cache: cacheDir }) });
  const unlock = lockOutput(paths.out);
  try {
    return await buildLocked(config, paths, options, cacheDir);
  } finally {
    unlock();
  }
}

/** `build`, holding the output folder's lock. */
async function buildLocked(config: SiteConfig, paths: SitePaths, options: Readonly<BuildOptions>, cacheDir: string | undefined): Promise<BuildSummary> {
  const previous =
    cacheDir === undefined ? undefined : await OutputCache.open(cacheDir, await renderFingerprint(parseFingerprint(readingOf(config)), config, paths.templates));
  // The output before last waits in the cache to be refilled, rather than a fresh tree of folders being made.
  const oldOutput = cacheDir === undefined ? undefined : path.join(cacheDir, OLD_OUTPUT);
  const output = new StagedOutput(
    paths.out,
    oldOutput === undefined || previous === undefined
      ? {}
      : {
          ...(previous.replacedFolder && { spare: { dir: oldOutput, files: previous.replaced, identity: previous.replacedFolder } }),
          keepReplacedAt: oldOutput,
        },
  );
  const staged = output.open();
  // Failures surface at the first write, or at commit.
  staged.catch(() => {});
  const writer = whenReady(staged);
  try {
    const linkedFrom = previous?.dir === undefined ? undefined : { dir: previous.dir, files: previous.records };
    const incremental = previous && { previous, recorder: new RecordingWriter(writer, output.staging, linkedFrom) };
    const summary = await generate(config, paths, options, incremental?.recorder ?? writer, incremental);
    await output.commit();
    // A preview with drafts or embargoed stories let in is not what readers were shown.
    if (cacheDir !== undefined && !options.drafts && !options.future) await savePublishedRecord(cacheDir, summary.published);
    if (options.report !== false) await writeReport(path.resolve(paths.root, options.report ?? DEFAULT_REPORT), summary);
    return summary;
  } catch (error) {
    await output.abort();
    throw error;
  }
}

/**
 * Everything a build checks (config, folders, frontmatter, templates, URL
 * clashes, redirects, addresses gone missing), and links in bodies that lead
 * nowhere, rendering every output and writing none: the output folder is
 * never touched and no report is written. Throws as `build` does.
 */
export async function check(options: Readonly<Omit<BuildOptions, 'report' | 'out'>> = {}): Promise<BuildSummary> {
  const { config, paths } = loadConfig(options);
  const cacheDir = cacheFolder(paths, options);
  checkFolders(paths, cacheDir === undefined ? {} : { cache: cacheDir });
  return generate(config, paths, { ...options, checkLinks: true, search: false }, new DiscardingWriter());
}

/** The persistent cache's folder, or undefined for a build without one. */
function cacheFolder(paths: SitePaths, options: Readonly<BuildOptions>): string | undefined {
  return options.cache === false ? undefined : path.resolve(paths.root, options.cache ?? DEFAULT_CACHE);
}

/** The last build's record, and the writer recording this build's for the next one. */
export interface Incremental {
  readonly previous: OutputCache;
  /** Records what goes to the build's writer (it is that writer, wrapped). */
  readonly recorder: RecordingWriter;
}

/**
 * Run every stage and write the outputs to `writer`; throws `BuildFailed`
 * with every problem found. Given the last build's record, outputs it shows
 * unchanged are linked from its folder rather than rendered.
 */
export async function generate(
  config: SiteConfig,
  paths: SitePaths,
  options: Readonly<BuildOptions>,
  writer: Writer,
  incremental?: Incremental,
): Promise<BuildSummary> {
  const started = performance.now();
  const cacheDir = cacheFolder(paths, options);
  const history = await loadUrlHistory(paths, config.basePath, {
    ...(cacheDir !== undefined && { cacheDir }),
    ...(options.publishedSitemap !== undefined && { sitemap: path.resolve(options.publishedSitemap) }),
  });
  const opened = await openPipeline(config, paths, cacheDir, {
    history,
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    now: options.now ?? Date.now(),
    strict: options.strict ?? false,
    noSearch: options.search === false,
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  try {
    return await writeSite(opened, { config, paths, options, writer, started, ...(incremental && { incremental }) });
  } finally {
    opened.close();
  }
}

/** What `writeSite` works with, besides the pipeline. */
interface Build {
  readonly config: SiteConfig;
  readonly paths: SitePaths;
  readonly options: Readonly<BuildOptions>;
  readonly writer: Writer;
  /** When the build started (`performance.now()`), for the load stage's time. */
  readonly started: number;
  /** The last build's record, whose unchanged outputs are linked, and this build's. */
  readonly incremental?: Incremental;
}

/** Render what changed, link what did not, copy the content folder's files: the stages after load, with `opened`'s pipeline. */
async function writeSite({ pipeline, cacheNote }: OpenPipeline, { config, paths, options, writer, started, incremental }: Build): Promise<BuildSummary> {
  const previous = incremental?.previous;
  if (previous?.dir) pipeline.seedOutputKeys(new Map([...previous.records].map(([file, record]) => [file, record.key])));
  const load = performance.now() - started;
  // Outputs are written as they are rendered, so a build never holds every page in memory.
  const sink = (output: Output) => writer.write(output.path, output.content);
  let run = await pipeline.run(sink);
  await pipeline.saveCache();

  const writing = performance.now();
  let reused = previous?.dir ? await verifiedReuse(run, previous) : [];
  // What the first run encoded and indexed was done, whatever happens next.
  let made = { encoded: run.encoded, indexed: run.indexed };
  if (reused === undefined) {
    // The last build's files are not what was recorded: render everything (rewriting what was written).
    pipeline.seedOutputKeys(new Map());
    run = await pipeline.run(sink);
    made = { encoded: made.encoded + run.encoded, indexed: made.indexed + run.indexed };
    reused = [];
  }
  const assets = await loadContentFiles(paths);
  const clashes = assetClashes(assets, run.all);
  if (clashes.length > 0) throw new BuildFailed(clashes);
  if (options.checkLinks) {
    const built = new Set([...run.all, ...assets.map((asset) => asset.path)]);
    const broken = brokenLinks(run.site, (file) => built.has(file));
    if (broken.length > 0) throw new BuildFailed(groupRepeated([...run.warnings, ...broken]));
  }
  for (const output of assets) await writer.write(output.path, output.content);
  for (const { file, from } of reused) await writer.link(file, from);
  // The folder this build replaces is kept as the next one's staging folder: record what its files hold.
  if (previous && incremental) {
    await previous.save(paths.out, incremental.recorder.records(pipeline.outputKeys), previous.dir === paths.out ? previous.files : new Map());
  }
  return {
    pages: run.pages,
    files: run.changed.length + reused.length + assets.length,
    stories: run.site.stories.length,
    warnings: run.warnings,
    published: run.published,
    held: { drafts: run.site.held.drafts.map((s) => s.file), embargoed: run.site.held.embargoed.map((s) => s.file) },
    ...nextEmbargo(run.site.held.embargoed),
    ...(run.site.nextFront && { nextFront: run.site.nextFront }),
    now: toInstant(run.site.now, config.timezone),
    outDir: paths.out,
    timings: { load, ...run.timings, write: performance.now() - writing },
    cache: { parsed: run.parsed, reused: run.cached, rendered: run.changed.length, kept: reused.length, ...made, ...(cacheNote && { note: cacheNote }) },
  };
}

/**
 * The outputs `run` did not render, to be linked from the last build's
 * folder, each checked against its recorded hash (or stamp, see
 * `FileStamp`); undefined if any is missing or differs.
 */
async function verifiedReuse(
  run: PipelineRun,
  previous: OutputCache,
): Promise<{ file: string; from: string }[] | undefined> {
  const rendered = new Set(run.changed);
  const reuse: { file: string; from: string }[] = [];
  for (const file of run.all) {
    if (rendered.has(file)) continue;
    const record = previous.records.get(file);
    if (!record || !previous.dir) return undefined;
    const from = path.join(previous.dir, file);
    // Synchronous: thousands of stats of cached inodes, each far cheaper than a promise round trip.
    if (!stillHolds(from, record)) {
      const bytes = statOrUndefined(from)?.isFile() ? await readFile(from).catch(() => undefined) : undefined;
      if (!bytes || contentHash(bytes) !== record.hash) return undefined;
    }
    reuse.push({ file, from });
  }
  return reuse;
}

function nextEmbargo(embargoed: readonly Story[]): { nextEmbargo?: { file: string; date: Instant } } {
  const first = [...embargoed].sort((a, b) => a.date.epochMs - b.date.epochMs || compareText(a.file, b.file))[0];
  return first ? { nextEmbargo: { file: first.file, date: first.date } } : {};
}

/** Write what CI needs to schedule the next build as JSON: the stories held back and when the next one publishes. */
export async function writeReport(file: string, summary: BuildSummary): Promise<void> {
  const report = {
    dateline: 1,
    now: summary.now.iso,
    stories: summary.stories,
    pages: summary.pages,
    drafts: summary.held.drafts,
    embargoed: summary.held.embargoed,
    nextEmbargo: summary.nextEmbargo ? { file: summary.nextEmbargo.file, publishesAt: summary.nextEmbargo.date.iso } : null,
    nextFrontChange: summary.nextFront ? { file: summary.nextFront.file, changesAt: summary.nextFront.at.iso } : null,
    // The first of the two: when CI must build again for the site to change by itself (see init/workflow.ts).
    nextBuild: [summary.nextEmbargo?.date, summary.nextFront?.at].filter((at) => at !== undefined).sort((a, b) => a.epochMs - b.epochMs)[0]?.iso ?? null,
    warnings: summary.warnings.map(formatProblem),
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
