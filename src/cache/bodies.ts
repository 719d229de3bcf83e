/**
 * Story bodies kept on disk instead of in memory. A newsroom's archive runs
 * to hundreds of thousands of stories; their HTML is most of a build's
 * memory (~12 KB a story here, more than every other field together) yet
 * each body is needed only to render its own page and the few feeds it is
 * in. Each body is a file named by the SHA-1 of its HTML, written once by
 * whichever thread parsed it; a read checks the bytes against the name, so a
 * damaged or missing file is noticed, never published. Nothing is kept in
 * memory here: bodies kept for reuse across feeds outlived young-generation
 * collections, and replacing them grew the heap by ~60 MB at 4,000 stories
 * (the pipeline reads each body once for a page's three feeds instead).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { atPath, fileSystemMessage } from '../errors.js';
import { bodyDigest } from '../parse/body-digest.js';
import type { ParsedStory, ParsedWithBody } from '../parse/story.js';

export class BodyStore {
  /** A store in `dir`. */
  constructor(readonly dir: string) {}

  /** A store in a new temporary folder, for a build without a cache; `remove()` it when done. */
  static temporary(): BodyStore {
    return new BodyStore(mkdtempSync(path.join(tmpdir(), 'dateline-bodies-')));
  }

  /** The name a body is stored under. */
  static readonly digest = bodyDigest;

  /** Keep `html` (whose digest is `digest`); a body already stored is not written again. */
  put(digest: string, html: string): void {
    const file = this.fileOf(digest);
    try {
      writeFileSync(file, html, { flag: 'wx' });
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      if (code === 'EEXIST') return;
      if (code !== 'ENOENT') throw atPath(error, file);
      // The folder is not there yet (or someone cleared the cache): make it.
      mkdirSync(path.dirname(file), { recursive: true });
      try {
        writeFileSync(file, html, { flag: 'wx' });
      } catch (again) {
        throw atPath(again, file);
      }
    }
  }

  /** Put `html` back under `digest` in place of a damaged or missing file, whole or not at all. */
  repair(digest: string, html: string): void {
    const file = this.fileOf(digest);
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, html);
    renameSync(temporary, file);
  }

  /** The body named `digest`; undefined when it is missing or its bytes are not the ones named. */
  get(digest: string): string | undefined {
    let html: string;
    try {
      html = readFileSync(this.fileOf(digest), 'utf8');
    } catch {
      return undefined;
    }
    return BodyStore.digest(html) === digest ? html : undefined;
  }

  /** Whether a body named `digest` is on disk (its bytes are checked when it is read). */
  has(digest: string): boolean {
    return existsSync(this.fileOf(digest));
  }

  /** Delete every stored body not named in `keep`. */
  prune(keep: ReadonlySet<string>): void {
    let names: string[];
    try {
      names = readdirSync(this.dir, { recursive: true, encoding: 'utf8' });
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.endsWith('.html')) continue;
      if (!keep.has(path.basename(name, '.html'))) rmSync(path.join(this.dir, name), { force: true });
    }
  }

  /** Delete the whole store (for a build without a cache). */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private fileOf(digest: string): string {
    // 64 subfolders keep any one folder to a few thousand files at 100,000 stories.
    return path.join(this.dir, digest.slice(0, 1), `${digest}.html`);
  }
}

/**
 * A parsed story with its body put in `bodies`: only the story's fields go
 * on (to the main thread, the cache). A body that cannot be kept fails the
 * story, saying what happened to the cache and where.
 */
export function keepBody(parsed: ParsedWithBody, bodies: BodyStore): ParsedStory {
  if (!parsed.story) return parsed;
  try {
    bodies.put(parsed.story.body, parsed.html);
  } catch (error) {
    const reason = fileSystemMessage(error) ?? (error as Error).message;
    return { story: undefined, problems: [{ severity: 'error', file: parsed.story.file, message: `was parsed, but its body could not be kept in the cache: ${reason}` }] };
  }
  return { story: parsed.story, warnings: parsed.warnings };
}
