/**
 * `dateline dev`: the pipeline kept alive. The site is built once into a
 * private folder, served, and kept up to date as files change: each batch of
 * changes re-parses only the stories that changed and rewrites only the
 * outputs whose inputs changed; then open pages reload. A failed rebuild
 * shows its problems (terminal and browser) and the next good save recovers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { DEFAULT_CACHE } from '../build.js';
import { openPipeline } from '../open-pipeline.js';
import { assetClashes, loadContentFiles, type Asset } from '../load/assets.js';
import { checkFolders } from '../folders.js';
import { CONFIG_FILE, loadConfig, type PathOverrides, type SiteConfig, type SitePaths } from '../config.js';
import { BuildFailed, ConfigError, type Problem } from '../errors.js';
import { readSource, relativePosix } from '../load/files.js';
import { startsWithFrontmatter } from '../load/story-names.js';
import { Pipeline } from '../pipeline.js';
import { DirectoryWriter } from '../write/directory.js';
import { ChangeQueue, classify, type ChangeBatch } from './changes.js';
import { changedBetween, SecondLook, stampOf, stampTree } from './stamps.js';
import { startServer, withReload, type DevServer } from './server.js';
import { watchSite } from './watch.js';
import { DevSearchIndex } from './search-index.js';

/** Options of `dateline dev`. */
export interface DevOptions extends PathOverrides {
  /** Port to listen on (default 4000; 0 picks a free one). */
  readonly port?: number;
  /** Address to listen on (default `localhost`). */
  readonly host?: string;
  /** Quiet period after a change before rebuilding, in ms (default 8). */
  readonly debounceMs?: number;
  /** The clock, for embargo badges (default `Date.now`). */
  readonly now?: () => number;
  /** Told about every build (optional). */
  readonly onBuild?: (event: BuildEvent) => void;
}

/** What one (re)build did. */
export type BuildEvent =
  | {
      readonly ok: true;
      readonly written: number;
      readonly removed: number;
      readonly parsed: number;
      readonly stories: number;
      readonly ms: number;
      readonly warnings: readonly Problem[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly ms: number };

/** A running dev session. */
export interface DevSession {
  /** Where the site is, e.g. `http://localhost:4000/news/`. */
  readonly url: string;
  /** Builds run so far, the first included. */
  readonly builds: number;
  close(): Promise<void>;
}

/** Whether `file`, not a story by its name, starts with frontmatter now (false once it is gone). */
function hasFrontmatter(file: string): boolean {
  try {
    return startsWithFrontmatter(file);
  } catch {
    return false;
  }
}

/** How long a previewed page has to be fetched before the rest of the site is rebuilt. */
const PREVIEW_GRACE_MS = 50;

/**
 * When handled files are looked at again after their rebuild (also right
 * after it): chokidar 4 can miss a save that renames a file over one it
 * reported within the last ~50 ms.
 */
const SECOND_LOOK_MS = 250;

interface State {
  config: SiteConfig;
  paths: SitePaths;
  pipeline: Pipeline;
}

/** Build the site, serve it and keep it up to date until `close()`. */
export async function startDev(options: Readonly<DevOptions> = {}): Promise<DevSession> {
  const clock = options.now ?? Date.now;
  const outDir = mkdtempSync(path.join(tmpdir(), 'dateline-dev-'));
  // However the process ends (Ctrl+C during the first build included), the served folder is not left behind.
  const removeServed = () => rmSync(outDir, { recursive: true, force: true });
  process.once('exit', removeServed);
  /** Delete the served folder now, rather than at exit. */
  const dropServed = () => {
    process.off('exit', removeServed);
    removeServed();
  };
  const writer = new DirectoryWriter(outDir);
  const root = path.resolve(options.root ?? '.');
  const configFile = path.join(root, CONFIG_FILE);
  let builds = 0;
  let written = new Set<string>();
  /** The content folder's files copied as they are, as last loaded: where each goes, and where it came from. */
  let contentFiles: readonly Pick<Asset, 'path' | 'from'>[] = [];
  let failed = false;

  let state: State;
  let server: DevServer;
  const search = new DevSearchIndex((lastKey) => state.pipeline.searchIndex(lastKey), writer, (error) => fail(error, performance.now()));
  const report = (event: BuildEvent) => {
    builds += 1;
    options.onBuild?.(event);
  };

  /** Load the config and every file from scratch; `beforeReading` runs once the folders are known, before any story is read. */
  const fresh = async (beforeReading?: (paths: SitePaths) => Promise<void>): Promise<State> => {
    const { config, paths } = loadConfig(options);
    // The same parse cache as `dateline build`: a second start parses only what changed since.
    const cacheDir = path.resolve(paths.root, DEFAULT_CACHE);
    checkFolders(paths, { cache: cacheDir });
    await beforeReading?.(paths);
    // The search index is made after each rebuild instead (see DevSearchIndex).
    const { pipeline } = await openPipeline(config, paths, cacheDir, { drafts: true, future: true, now: clock(), strict: false, noSearch: true });
    return { config, paths, pipeline };
  };

  /** The URL path of an output file: `tags/ttp/index.html` → `/news/tags/ttp/`. */
  const urlPath = (file: string) => `${state.config.basePath}${file.replace(/(^|\/)index\.html$/, '$1')}`;
  const writePage = (file: string, content: string | Uint8Array) =>
    writer.write(file, file.endsWith('.html') ? withReload(String(content)) : content);

  /** Run the pipeline and bring the served folder up to date; the changed pages' URL paths. */
  const rebuild = async (current: State, copyFiles: boolean): Promise<string[]> => {
    const started = performance.now();
    current.pipeline.setOptions({ ...current.pipeline.options, now: clock() });
    const run = await current.pipeline.run((output) => writePage(output.path, output.content));
    const assets = copyFiles ? await loadContentFiles(current.paths) : [];
    if (copyFiles) contentFiles = assets.map(({ path: to, from }) => ({ path: to, from }));
    const clashes = assetClashes(contentFiles, run.all);
    if (clashes.length > 0) throw new BuildFailed(clashes);
    for (const output of assets) await writePage(output.path, output.content);
    const wanted = new Set([...run.all, ...contentFiles.map((asset) => asset.path)]);
    for (const file of written) if (!wanted.has(file)) await writer.remove(file);
    written = wanted;
    failed = false;
    server.setProblems([]);
    search.update();
    report({ ok: true, written: run.changed.length + assets.length, removed: run.removed.length, parsed: run.parsed, stories: run.site.stories.length, ms: performance.now() - started, warnings: run.warnings });
    return [...run.changed, ...assets.map((asset) => asset.path)].map(urlPath);
  };

  /** A failed rebuild, whatever failed: shown, and the loop goes on. */
  const fail = (error: unknown, started: number) => {
    const problems: readonly Problem[] =
      error instanceof BuildFailed || error instanceof ConfigError
        ? error.problems
        : [{ severity: 'error', message: `Internal error: ${(error as Error).message ?? String(error)}` }];
    failed = true;
    server.setProblems(problems);
    report({ ok: false, problems, ms: performance.now() - started });
  };

  /** Apply a batch of file changes. */
  const apply = async (batch: ChangeBatch): Promise<void> => {
    const started = performance.now();
    const failedBefore = failed;
    let changedPages: string[] | null = null;
    try {
      if (batch.has('config')) {
        state = await fresh();
        await rebuild(state, true);
      } else {
        const { pipeline, paths } = state;
        // Other files that start with frontmatter are parsed too, to be refused by name rather than published.
        const edited = new Set([...(batch.get('story') ?? []), ...[...(batch.get('content-asset') ?? [])].filter(hasFrontmatter)]);
        const onlyStories = batch.size === 1 && edited.size <= 3;
        for (const file of [...batch.get('content-asset') ?? []].filter((file) => !edited.has(file))) {
          pipeline.removeSource(relativePosix(paths.root, file));
        }
        for (const file of edited) {
          const source = await readSource(file, relativePosix(paths.content, file), paths.root).catch(() => undefined);
          if (!source) {
            pipeline.removeSource(relativePosix(paths.root, file));
            continue;
          }
          pipeline.setSource(source);
          // The page being edited first: shown before lists and feeds are redone.
          const previews = onlyStories && !failed ? await pipeline.preview(source) : [];
          if (previews.length > 0) {
            for (const preview of previews) await writePage(preview.path, preview.content);
            server.reload(previews.map((preview) => urlPath(preview.path)));
            // Rebuilding the rest keeps this process busy: first let the browser fetch the page it was told to reload.
            await new Promise((resolve) => setTimeout(resolve, PREVIEW_GRACE_MS));
          }
        }
        if (batch.has('content-asset')) pipeline.imagesChanged();
        const templates = batch.get('template');
        if (templates) pipeline.templatesChanged([...templates].map((file) => relativePosix(paths.templates, file)));
        // A theme asset needs only the run: it reads the theme's assets again, and renames what changed.
        changedPages = await rebuild(state, batch.has('content-asset'));
      }
    } catch (error) {
      fail(error, started);
    }
    // After a failure, or on recovering from one, every open page shows something else: reload them all.
    server.reload(failed || failedBefore ? null : changedPages);
  };

  // A config that cannot be read stops here (exit code 2); anything else wrong shows in the browser.
  // What the watched files look like before the first build reads them: a save
  // made before the watcher is ready is found by comparing once it is.
  const configBefore = stampOf(configFile);
  let before = new Map<string, string | undefined>();
  try {
    state = await fresh(async (paths) => {
      before = await stampTree([paths.content, paths.templates], [configFile]);
      before.set(configFile, configBefore);
    });
    server = await startServer(outDir, state.config.basePath, options.port ?? 4000, options.host ?? 'localhost');
  } catch (error) {
    // No session to close: the served folder goes now.
    dropServed();
    throw error;
  }

  // Changes are recorded from now on, and handled once the first build is done.
  const secondLook = new SecondLook(SECOND_LOOK_MS, (file) => enqueue(file));
  const queue = new ChangeQueue(options.debounceMs ?? 8, async (batch) => {
    const files = [...batch.values()].flatMap((set) => [...set]);
    secondLook.note(files);
    await apply(batch);
    secondLook.lookAgain(files);
  });
  const enqueue = (file: string) => {
    const kind = classify(file, state.paths, configFile);
    if (kind) queue.add(kind, file);
  };
  const watcher: FSWatcher = watchSite([state.paths.content, state.paths.templates], [configFile]);
  watcher.on('all', (event, file) => {
    if (event !== 'addDir' && event !== 'unlinkDir') enqueue(file);
  });
  const watching = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  const first = performance.now();
  try {
    await rebuild(state, true);
    await state.pipeline.saveCache();
  } catch (error) {
    fail(error, first);
  }
  await watching;
  for (const file of changedBetween(before, await stampTree([state.paths.content, state.paths.templates], [configFile]))) enqueue(file);
  queue.start();

  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 4000;
  return {
    url: `http://${options.host ?? 'localhost'}:${port}${state.config.basePath}`,
    get builds() {
      return builds;
    },
    async close() {
      // A rebuild under way finishes first: it would write into the folder after it was deleted.
      await queue.close();
      await search.settle();
      secondLook.close();
      await watcher.close();
      await state.pipeline.saveCache();
      await server.close();
      dropServed();
    },
  };
}
