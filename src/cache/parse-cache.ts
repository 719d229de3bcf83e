/**
 * The persistent parse cache: parsed stories kept between builds in one
 * file, keyed by each story's path and content hash, under a fingerprint of
 * everything else that shapes a parse (Dateline's and the parsers'
 * versions, the site's time zone). It is never trusted blindly: a file from
 * another fingerprint is not read, and a truncated or corrupted one fails its
 * checksum and is ignored (the build parses from scratch and rewrites it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sameSourceStamp, type KnownHash, type SourceRef, type SourceStamp } from '../load/files.js';
import type { ParsedStory } from '../parse/story.js';
import { memoize } from '../memo.js';
import type { Reading } from '../parse/fields.js';
import { readCacheFile, replaceCacheFile, sortedEntries } from './store.js';

const require = createRequire(import.meta.url);

/** Packages whose version changes what a story parses to. */
const PARSERS = [
  'gray-matter',
  'yaml',
  'zod',
  'luxon',
  'unified',
  'remark-parse',
  'remark-html',
  'hast-util-sanitize',
  'micromark-extension-gfm-table',
  'micromark-extension-gfm-footnote',
  'micromark-extension-gfm-strikethrough',
  '@sindresorhus/slugify',
];

/** Bump when a cached story, or the body HTML it names, would come out differently. */
const FORMAT = 22;

function versionOf(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** What, besides a story's bytes, decides its parse: how it is read (zone, field names), and the parsers (remembered: it reads a dozen package files). */
export function parseFingerprint(reading: Reading): string {
  return fingerprintOf(JSON.stringify(reading));
}

const fingerprintOf = memoize((reading: string): string => {
  const dateline = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const inputs = { FORMAT, dateline, reading, node: process.versions.modules, parsers: PARSERS.map((name) => `${name}@${versionOf(name)}`) };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 16);
});

interface Entry {
  readonly hash: string;
  /** The file when it was hashed, if that vouches for its bytes (see loadStoryFiles). */
  readonly stamp?: SourceStamp;
  readonly result: ParsedStory;
}

interface CacheFile {
  readonly fingerprint: string;
  readonly entries: Record<string, Entry>;
}

export class ParseCache {
  private readonly used = new Map<string, Entry>();

  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    private readonly entries: ReadonlyMap<string, Entry>,
    /** Why the stored cache was not used, if it was not (for --verbose). */
    readonly rejected: string | undefined,
  ) {}

  /** The cache in `dir` for `fingerprint`; empty (with the reason) when missing, stale or damaged. */
  static async open(dir: string, fingerprint: string): Promise<ParseCache> {
    const file = path.join(dir, `parsed-${fingerprint}.json`);
    if (!existsSync(file)) return new ParseCache(file, fingerprint, new Map(), 'no cache yet');
    try {
      const data = (await readCacheFile(file)) as CacheFile;
      if (data.fingerprint !== fingerprint || typeof data.entries !== 'object' || data.entries === null) throw new Error('not a cache for this build');
      return new ParseCache(file, fingerprint, new Map(Object.entries(data.entries)), undefined);
    } catch (error) {
      return new ParseCache(file, fingerprint, new Map(), `damaged cache ignored (${(error as Error).message})`);
    }
  }

  /** The hash and stamp recorded for the story file at `path` (relative to the site root). */
  readonly known: KnownHash = (path) => this.entries.get(path);

  /** The cached parse of `file`, if its bytes are the ones that were parsed. */
  get(file: SourceRef): ParsedStory | undefined {
    const entry = this.entries.get(file.path);
    if (entry?.hash !== file.hash) return undefined;
    this.set(file, entry.result);
    return entry.result;
  }

  /** Remember the parse of `file`. */
  set(file: SourceRef, result: ParsedStory): void {
    this.used.set(file.path, { hash: file.hash, ...(file.stamp && { stamp: file.stamp }), result });
  }

  /**
   * Write the entries of the stories in `keep` (paths), atomically; older
   * caches are removed. Nothing is written when they are exactly the entries
   * read (a rebuild with nothing changed: ~0.1 s at 4,000 stories). Resolves
   * to whether the file was written.
   */
  async save(keep: ReadonlySet<string>): Promise<boolean> {
    const kept = [...this.used].filter(([file]) => keep.has(file));
    if (kept.length === this.entries.size && kept.every(([file, entry]) => sameEntry(this.entries.get(file), entry))) return false;
    const data: CacheFile = { fingerprint: this.fingerprint, entries: sortedEntries(kept) };
    await replaceCacheFile(this.file, 'parsed-', data);
    return true;
  }
}

/** Whether `entry` is `read` as read from the file: the same parse, for the same bytes, stamped the same. */
function sameEntry(read: Entry | undefined, entry: Entry): boolean {
  if (read?.result !== entry.result || read.hash !== entry.hash) return false;
  const [a, b] = [read.stamp, entry.stamp];
  return a === b || (a !== undefined && b !== undefined && sameSourceStamp(a, b));
}
