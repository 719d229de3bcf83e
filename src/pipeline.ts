/**
 * The build pipeline with memory: load → parse → model → plan → render, where
 * a rebuild re-parses only stories whose bytes changed and re-renders only
 * outputs whose inputs changed. `dateline build` runs it once; `dateline dev`
 * keeps one alive and feeds it file changes.
 */
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import { readingOf, type SiteConfig, type SitePaths } from './config.js';
import { BuildFailed, compareText, sortProblems, type Problem } from './errors.js';
import type { BodyStore } from './cache/bodies.js';
import type { ParseCache } from './cache/parse-cache.js';
import type { SourceFile, SourceRef } from './load/files.js';
import { loadFrontFile, loadProfileFiles } from './load/editorial.js';
import { relativePosix } from './load/files.js';
import { parseFrontPage } from './parse/front-page.js';
import { measureImages } from './load/images.js';
import { bylinesWithoutProfiles } from './model/authors.js';
import { parseProfile, type AuthorProfile } from './parse/profile.js';
import { buildSite, reviseSite, type Editorial, type Selection, type Site } from './model/site.js';
import type { Reading } from './parse/fields.js';
import { parseInParallel } from './workers/parse-pool.js';
import { parseAside } from './parse/parse-aside.js';
import type { ParsedStory, ParsedWithBody, Story } from './parse/story.js';
import { termPages, type Page } from './plan/pages.js';
import { outputPath, planSite } from './plan/plan.js';
import { publishedBy, type PublishedUrl } from './plan/published-urls.js';
import { droppedUrls, type UrlHistory } from './plan/url-guard.js';
import { PageRenderer, type Output } from './render/html.js';
import { keyMaker, PAGE_TEMPLATES, templateOf, type RenderTools } from './outputs.js';
import { renderAll } from './render/render-all.js';
import { PageWorkers } from './workers/render-pool.js';
import { Utf8Builder } from './render/utf8-builder.js';
import { createEngine } from './render/templates.js';
import { loadThemeAssets, NO_ASSETS, publishedUrl, type ThemeAssets } from './load/theme-assets.js';
import { Phrasebook } from './render/words.js';
import { loadPhrasebook } from './load/phrasebook.js';
import { makeImages } from './images/stage.js';
import { indexSite, type SearchIndex } from './search/stage.js';
import { SEARCH_DIR } from './search/pagefind.js';
import type { BodyOf } from './render/view.js';
import { applyStrict, groupRepeated } from './report.js';

/** How far a long build has got. */
export interface Progress {
  readonly stage: 'parse' | 'render';
  readonly done: number;
  readonly total: number;
}

/** What changes between runs of a pipeline, beyond the story files. */
export interface PipelineOptions extends Selection {
  /** Treat warnings as errors. */
  readonly strict: boolean;
  /** Parsed stories kept between builds (optional). */
  readonly cache?: ParseCache;
  /** Where stories' bodies are kept (with the cache, when there is one). */
  readonly bodies: BodyStore;
  /** Where made images are kept between builds (optional: made again each run). */
  readonly imageCache?: string;
  /** Where the last search index is kept between builds (optional). */
  readonly searchCache?: string;
  /** Called as stories are parsed and pages rendered (optional). */
  readonly onProgress?: (progress: Progress) => void;
  /** The addresses published before, which a run may not drop (optional: no check). */
  readonly history?: UrlHistory;
  /** Leave the search index out of runs (`dateline check`, which writes nothing, and dev, which indexes after its runs; default false). */
  readonly noSearch?: boolean;
}

/** Receives each output a run renders, as soon as it is rendered. */
export type OutputSink = (output: Output) => Promise<void>;

/** One run's result: what was written, what to delete, and what happened. */
export interface PipelineRun {
  /** Paths of the outputs rendered (given to the sink) because their inputs changed since the last successful run (all on the first). */
  readonly changed: readonly string[];
  /** Output paths the last successful run wrote and this one no longer produces. */
  readonly removed: readonly string[];
  /** Every output path of this run. */
  readonly all: ReadonlySet<string>;
  readonly site: Site;
  /** The addresses this run publishes, for the next build's URL check. */
  readonly published: readonly PublishedUrl[];
  /** HTML pages in the plan. */
  readonly pages: number;
  /** Stories parsed by this run, and by the previews shown just before it (the others were unchanged, or taken from the cache). */
  readonly parsed: number;
  /** Stories taken from the persistent cache by this run. */
  readonly cached: number;
  /** Image files encoded by this run (the others were kept, or read from the image cache). */
  readonly encoded: number;
  /** Stories this run indexed for search (0 when the index was kept, or taken from the cache). */
  readonly indexed: number;
  /** Every warning, each occurrence on its own (shown grouped). */
  readonly warnings: readonly Problem[];
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<string, number>>;
}

/** What parsing one story file gave, for the bytes of `hash`: the story, or why it is left out (and its warnings). */
type FileResult = { readonly hash: string; readonly story?: Story; readonly problems: readonly Problem[] };

/** Template files every page uses (the layout, partials): a change to them re-renders every page. */
const SHARED_TEMPLATES = '*';

export class Pipeline {
  private readonly sources = new Map<string, SourceRef>();
  /** Each story file's result, by path: a file is parsed again only when its hash changes. */
  private readonly results = new Map<string, FileResult>();
  private keys = new Map<string, string>();
  private engine: Liquid;
  /** The theme's assets the engine links (see load/theme-assets.ts): read again by every run. */
  private theme: ThemeAssets = NO_ASSETS;
  private readonly templateVersions = new Map<string, number>();
  private currentOptions: PipelineOptions;
  /** The site of the last successful run, for previews. */
  private lastSite: Site | undefined;
  /** The words the last run's pages were rendered with (see render/words.ts). */
  private phrasebook = new Phrasebook();
  /**
   * Feeds and sitemaps are rendered into this, one file at a time; each
   * file's bytes are a view of it, written before the next is rendered.
   */
  private readonly fileText = new Utf8Builder();
  /** Stories parsed by previews since the last run began: that run counts them as its own. */
  private parsedByPreviews = 0;

  constructor(
    readonly config: SiteConfig,
    readonly paths: SitePaths,
    options: PipelineOptions,
  ) {
    this.currentOptions = options;
    this.engine = createEngine(paths.templates, config, this.theme.names);
  }

  /** The config as pages see it: a publisher logo among the theme's assets by its published name. */
  private get siteConfig(): SiteConfig {
    const { logo } = this.config.publisher;
    if (logo === undefined) return this.config;
    return { ...this.config, publisher: { ...this.config.publisher, logo: publishedUrl(logo, this.theme.names) } };
  }

  /** How stories are read: in the site's zone, their fields by the config's names. */
  private get reading(): Reading {
    return readingOf(this.config);
  }

  /** Add or replace a story file; it is re-parsed only if its bytes changed. */
  setSource(file: SourceRef): void {
    // Only what finds the file again: a large site's texts would not fit in memory.
    const { absolutePath, path, relativePath, hash, stamp, outside } = file;
    this.sources.set(path, { absolutePath, path, relativePath, hash, ...(stamp && { stamp }), ...(outside !== undefined && { outside }) });
  }

  /** Forget a story file that was deleted or renamed. */
  removeSource(file: string): void {
    this.sources.delete(file);
    this.results.delete(file);
  }

  /** The story files the pipeline knows, by path relative to the site root. */
  sourcePaths(): string[] {
    return [...this.sources.keys()];
  }

  /** Images in the content folder changed: measure lead images and the photos of bodies again. */
  imagesChanged(): void {
    for (const [file, entry] of this.results) if (entry.story?.image || entry.story?.links.some((link) => link.image)) this.results.delete(file);
  }

  /** Templates changed (paths relative to the templates folder): re-render the pages that use them. */
  templatesChanged(files: readonly string[]): void {
    this.engine = createEngine(this.paths.templates, this.config, this.theme.names);
    for (const file of files) {
      const name = file.replace(/\.liquid$/, '');
      const key = PAGE_TEMPLATES.has(name) ? name : SHARED_TEMPLATES;
      this.templateVersions.set(key, (this.templateVersions.get(key) ?? 0) + 1);
    }
  }

  /** Each output's key after the last successful run, by output path. */
  get outputKeys(): ReadonlyMap<string, string> {
    return this.keys;
  }

  /**
   * Start from a previous build's output keys: the next run renders only
   * outputs whose key differs (the caller supplies the others' bytes).
   */
  seedOutputKeys(keys: ReadonlyMap<string, string>): void {
    this.keys = new Map(keys);
  }

  /** What the next run includes. */
  get options(): PipelineOptions {
    return this.currentOptions;
  }

  /** Change what the next run includes (e.g. a later "now"). */
  setOptions(options: PipelineOptions): void {
    this.currentOptions = options;
  }

  /**
   * Run the stages, giving each rendered output to `sink`; throws
   * `BuildFailed` with every problem found, leaving the pipeline's memory as
   * it was (outputs already given to the sink are then to be discarded).
   */
  async run(sink: OutputSink): Promise<PipelineRun> {
    const { strict, onProgress: progress = () => {} } = this.options;
    const timings: Record<string, number> = {};
    let mark = performance.now();
    const lap = (stage: string) => {
      const now = performance.now();
      timings[stage] = now - mark;
      mark = now;
    };
    const warnings: Problem[] = [];
    const check = (problems: readonly Problem[]) => {
      const shaped = applyStrict(problems, strict);
      warnings.push(...shaped.filter((p) => p.severity === 'warning'));
      const errors = shaped.filter((p) => p.severity === 'error');
      if (errors.length > 0) throw new BuildFailed(groupRepeated([...warnings, ...errors]));
    };

    const parsedEarlier = this.parsedByPreviews;
    this.parsedByPreviews = 0;
    const { stories, parsed, cached } = await this.parseAll(progress);
    const editorial = await this.readEditorial();
    const words = loadPhrasebook(this.paths.templates, this.paths.root);
    const theme = await loadThemeAssets(this.paths);
    lap('parse');
    check([...[...this.results.values()].flatMap((entry) => entry.problems), ...editorial.problems, ...words.problems, ...theme.problems]);
    if (theme.assets.digest !== this.theme.digest) {
      this.theme = theme.assets;
      this.engine = createEngine(this.paths.templates, this.config, this.theme.names);
    }

    const { site, problems: modelProblems } = buildSite(stories, this.siteConfig, this.options, editorial);
    lap('model');
    check(modelProblems);
    // A byline with no profile is fine, unless the newsroom keeps profiles and asks for strictness.
    if (strict && editorial.profiles.length > 0) check(bylinesWithoutProfiles(site));

    const { plan, problems: planProblems } = planSite(site);
    lap('plan');
    check(planProblems);
    if (this.options.history) check(droppedUrls(this.options.history, plan, site));

    const keyOf = keyMaker(site);
    const keys = new Map<string, string>();
    // Every page links the theme's assets through the layout: new names render them all again.
    const versions = new Map([...PAGE_TEMPLATES].map((name) => [name, `${this.templateVersion(name)}|${this.theme.digest}\n`]));
    const stale = [...plan.pages, ...plan.feeds, ...plan.crawlerFiles].filter((output) => {
      const file = outputPath(output.url);
      const template = templateOf(output);
      // A page's key starts with its template's version: editing the template renders them all again.
      const key = (template === undefined ? '' : (versions.get(template) ?? '')) + keyOf(output);
      keys.set(file, key);
      return this.keys.get(file) !== key;
    });
    lap('keys');

    const pages = this.pageRenderer(site, words.phrasebook);
    const workers = PageWorkers.start(stale.filter((output) => templateOf(output) !== undefined).length, {
      config: this.config,
      templates: this.paths.templates,
      root: this.paths.root,
      assets: this.theme.names,
    });
    const tools: RenderTools = {
      site,
      page: (page) => (workers ? pages.renderOn(workers, page) : pages.render(page)),
      feedBodies: this.feedBodies(),
      fileText: this.fileText,
    };
    let changed: string[];
    try {
      changed = await renderAll(stale, tools, { sink, progress, ...(workers && { room: () => workers.room() }) });
    } finally {
      workers?.stop();
    }
    // Named by their content, theme assets are kept whenever their names are.
    for (const file of this.theme.files) {
      keys.set(file.path, file.path);
      if (this.keys.get(file.path) === file.path) continue;
      await sink(file);
      changed.push(file.path);
    }
    lap('render');
    check(pages.problems);

    const images = await makeImages(site, {
      contentDir: this.paths.content,
      root: this.paths.root,
      ...(this.options.imageCache !== undefined && { cacheDir: this.options.imageCache }),
      // A file's name says what it holds: its key is its name.
      kept: (file) => this.keys.get(file) === file,
      sink,
    });
    for (const file of images.all) keys.set(file, file);
    changed.push(...images.written);
    lap('images');

    let indexed = 0;
    if (!this.options.noSearch) {
      // The last run's index, if this run's searchable stories are the ones it holds, is kept as it is.
      const last = [...this.keys].find(([file]) => file.startsWith(SEARCH_DIR))?.[1];
      const index = await indexSite(site, words.phrasebook, this.bodyOf, last, this.options.searchCache);
      indexed = index.indexed;
      for (const file of index.files ?? []) await sink(file);
      const files = index.files?.map((file) => file.path) ?? [...this.keys.keys()].filter((file) => file.startsWith(SEARCH_DIR));
      for (const file of files) keys.set(file, index.key);
      if (index.files) changed.push(...files);
    }
    lap('search');

    const removed = [...this.keys.keys()].filter((file) => !keys.has(file)).sort(compareText);
    this.keys = keys;
    this.lastSite = site;
    this.phrasebook = words.phrasebook;
    return {
      changed,
      removed,
      all: new Set(keys.keys()),
      site,
      published: publishedBy(plan),
      pages: plan.pages.length,
      parsed: parsed + parsedEarlier,
      cached,
      encoded: images.encoded,
      indexed,
      warnings: sortProblems(warnings),
      timings,
    };
  }

  /**
   * The search index of the last run's site, unless its key is `lastKey`
   * (the stories readers can find are those that index holds): for dev,
   * which indexes after its rebuilds instead of during them.
   */
  async searchIndex(lastKey?: string): Promise<SearchIndex> {
    if (!this.lastSite) throw new Error('no run yet');
    return indexSite(this.lastSite, this.phrasebook, this.bodyOf, lastKey, this.options.searchCache);
  }

  /**
   * The pages an editor looks at after saving a story, rendered at once
   * against the last run's site revised by this one story: its own page, and
   * the first page of every tag, byline or section it joined or left. They
   * are what the next full run renders for them, shown before lists and
   * feeds are redone. Empty when the edit needs a full run first: a story
   * that is new, broken, moved to another URL, or no longer published.
   */
  async preview(file: SourceFile): Promise<Output[]> {
    const site = this.lastSite;
    const before = site?.stories.find((item) => item.story.file === file.path);
    if (!site || !before) return [];
    const result = await this.parseOne(file);
    this.parsedByPreviews += 1;
    this.results.set(file.path, result);
    if (!result.story) return [];
    const revised = reviseSite(site, before, result.story, this.siteConfig, this.options);
    const after = revised?.site.stories.find((item) => item.story === result.story);
    if (!revised || !after) return [];
    const pages: Page[] = [{ kind: 'story', url: after.url, story: after }];
    for (const term of revised.terms) {
      const first = termPages(term, this.config.pageSize)[0];
      if (first) pages.push(first);
    }
    const renderer = this.pageRenderer(revised.site, this.phrasebook);
    return pages.flatMap((page) => {
      const html = renderer.render(page);
      return html === undefined ? [] : [{ path: outputPath(page.url), content: html }];
    });
  }

  /** A renderer of `site`'s pages, each through its kind's template (see outputs.ts). */
  private pageRenderer(site: Site, phrasebook: Phrasebook): PageRenderer {
    return new PageRenderer(site, phrasebook, this.bodyOf, this.engine, this.paths, (page) => templateOf(page)!);
  }

  /**
   * Story bodies for feeds, read once for the feeds of one page: a page's
   * three feeds come one after another and show the same stories.
   */
  private feedBodies(): (pageUrl: string) => BodyOf {
    let scope = { pageUrl: '', bodies: new Map<string, string>() };
    return (pageUrl) => {
      if (scope.pageUrl !== pageUrl) scope = { pageUrl, bodies: new Map() };
      const { bodies } = scope;
      return (story) => {
        const known = bodies.get(story.body);
        if (known !== undefined) return known;
        const html = this.bodyOf(story);
        bodies.set(story.body, html);
        return html;
      };
    };
  }

  /**
   * A story's body from the store. One that went missing or was damaged
   * since it was parsed (a cache folder deleted mid-build) is parsed again
   * from its file; if the file changed meanwhile, the build fails naming it.
   */
  private readonly bodyOf = (story: Story): string => {
    const { bodies } = this.options;
    const stored = bodies.get(story.body);
    if (stored !== undefined) return stored;
    const source = this.sources.get(story.file);
    let again: ParsedWithBody | undefined;
    try {
      again = source && parseAside(source, this.reading);
    } catch {
      again = undefined;
    }
    if (!again?.story || again.story.body !== story.body) {
      throw new BuildFailed([{ severity: 'error', file: story.file, message: 'changed or went missing while the site was being built: build again' }]);
    }
    bodies.repair(story.body, again.html);
    return again.html;
  };

  private templateVersion(name: string): string {
    return `${this.templateVersions.get(name) ?? 0}.${this.templateVersions.get(SHARED_TEMPLATES) ?? 0}`;
  }

  /** Parse what changed; return every valid story, in path order. */
  private async parseAll(progress: (progress: Progress) => void): Promise<{ stories: Story[]; parsed: number; cached: number }> {
    const files = [...this.sources.values()].sort((a, b) => compareText(a.path, b.path));
    const changed = files.filter((file) => this.results.get(file.path)?.hash !== file.hash);
    const cache = this.options.cache;
    const results = new Map<string, ParsedStory>();
    for (const file of changed) {
      const hit = cache?.get(file);
      // A cached story whose body is gone from the store is parsed again.
      if (hit && (!hit.story || this.options.bodies.has(hit.story.body))) results.set(file.path, hit);
    }
    const toParse = changed.filter((file) => !results.has(file.path));
    const fresh = await parseInParallel(toParse, this.reading, this.options.bodies);
    toParse.forEach((file, index) => {
      const result = fresh[index]!;
      results.set(file.path, result);
      cache?.set(file, result);
    });
    for (const [index, file] of changed.entries()) {
      this.results.set(file.path, await this.withImages(file, results.get(file.path)!));
      progress({ stage: 'parse', done: index + 1, total: changed.length });
    }
    return {
      stories: files.flatMap((file) => this.results.get(file.path)?.story ?? []),
      parsed: toParse.length,
      cached: changed.length - toParse.length,
    };
  }

  /** The site's editorial data, read again for every run: the author profiles and the front page's picks. */
  private async readEditorial(): Promise<Editorial & { problems: Problem[] }> {
    const { content, root } = this.paths;
    const files = await loadProfileFiles(path.join(content, this.config.authorsDir), root);
    const profiles: AuthorProfile[] = [];
    const problems: Problem[] = [];
    for (const file of files) {
      const parsed = parseProfile(file, this.reading);
      if (parsed.profile) {
        profiles.push(parsed.profile);
        problems.push(...parsed.warnings);
      } else problems.push(...parsed.problems);
    }
    const frontFile = await loadFrontFile(content, root);
    if (frontFile?.outside !== undefined) problems.push({ severity: 'error', file: frontFile.path, message: `is a link leading outside the site (to ${frontFile.outside}), so it is not read: put the front page's picks in the file itself` });
    const front = frontFile && frontFile.outside === undefined ? parseFrontPage(frontFile.text, frontFile.path, this.config.timezone) : undefined;
    problems.push(...(front?.problems ?? []));
    return { profiles, ...(front?.front && { front: front.front }), contentPrefix: relativePosix(root, content), problems };
  }

  /** Keep this run's parses for the next build, if there is a cache. */
  async saveCache(): Promise<void> {
    const { cache, bodies } = this.options;
    if (!cache) return;
    // Bodies of stories since edited or deleted are not needed again; when the cache did not change, none were.
    if (await cache.save(new Set(this.sources.keys()))) {
      bodies.prune(new Set([...this.results.values()].flatMap((entry) => entry.story?.body ?? [])));
    }
  }

  private async parseOne(file: SourceFile): Promise<FileResult> {
    // On the worker kept for small batches, where the parse has a time limit.
    const [result] = await parseInParallel([file], this.reading, this.options.bodies);
    if (!result) throw new Error(`Internal error: no parse result for ${file.path}`);
    this.options.cache?.set(file, result);
    return this.withImages(file, result);
  }

  /** A parsed story with its local lead image and the photos of its body measured. */
  private async withImages(file: SourceRef, result: ParsedStory): Promise<FileResult> {
    if (!result.story) return { hash: file.hash, problems: result.problems };
    if (!result.story.image && !result.story.links.some((link) => link.image)) return { hash: file.hash, story: result.story, problems: result.warnings };
    const measured = await measureImages([result.story], this.paths.content, this.paths.root);
    const [story] = measured.stories;
    const problems = [...result.warnings, ...measured.problems];
    return problems.some((problem) => problem.severity === 'error') || !story ? { hash: file.hash, problems } : { hash: file.hash, story, problems };
  }
}
