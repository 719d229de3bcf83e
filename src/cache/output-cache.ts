/**
 * What the last build wrote: each output's key (its inputs, see
 * plan/fingerprint.ts) and the hash of its bytes, plus the folder it went
 * to. A warm build renders only outputs whose key changed and hard-links the
 * others from that folder, after checking each file still has the recorded
 * hash (or is untouched since it was last checked, see `FileStamp`); any
 * doubt (a missing, edited or unreadable file, another template or config)
 * and the build renders everything.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config.js';
import { listFiles } from '../load/files.js';
import { replaceCacheFile, sortedEntries } from './store.js';

/** One output of the last build. */
export interface OutputRecord {
  readonly key: string;
  /** SHA-1 of the bytes written. */
  readonly hash: string;
  /** The file as last checked against `hash`: while it still looks so, it is not read again. */
  readonly checked?: FileStamp;
}

/**
 * What a file looks like without reading it. Reading and hashing every page
 * of the last build was most of a warm build (280 MB at 4,000 stories); like
 * git's index, a file whose size, modification time and inode are as they
 * were when its bytes were last checked is taken to hold those bytes still.
 * Any write to it changes its modification time; hard-linking it into the
 * next build does not (its change time would).
 */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** Whether two stamps describe the same, unchanged file. */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

interface CacheFile {
  readonly fingerprint: string;
  readonly dir: string;
  readonly checksum: string;
  readonly outputs: Record<string, OutputRecord>;
}

/** SHA-1 of `bytes`, hex: the check that a reused file is the one recorded. */
export function contentHash(bytes: string | Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** What, besides the site's stories, decides every output's bytes: the parse fingerprint, the config and every template. */
export async function renderFingerprint(parseFingerprint: string, config: SiteConfig, templates: string): Promise<string> {
  const hash = createHash('sha256').update(parseFingerprint).update(JSON.stringify(config));
  for (const name of await listFiles(templates, ['.liquid'])) hash.update(name).update(readFileSync(path.join(templates, name)));
  return hash.digest('hex').slice(0, 16);
}

const checksum = (dir: string, outputs: Record<string, OutputRecord>) =>
  createHash('sha256').update(dir).update(JSON.stringify(outputs)).digest('hex');

export class OutputCache {
  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    /** The folder the recorded outputs were written to. */
    readonly dir: string | undefined,
    readonly records: ReadonlyMap<string, OutputRecord>,
  ) {}

  /** The record for `fingerprint` in `cacheDir`; empty when missing, foreign or damaged. */
  static async open(cacheDir: string, fingerprint: string): Promise<OutputCache> {
    const file = path.join(cacheDir, `outputs-${fingerprint}.json`);
    const empty = new OutputCache(file, fingerprint, undefined, new Map());
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
      if (data.fingerprint !== fingerprint || typeof data.dir !== 'string' || checksum(data.dir, data.outputs) !== data.checksum) return empty;
      return new OutputCache(file, fingerprint, data.dir, new Map(Object.entries(data.outputs)));
    } catch {
      return empty;
    }
  }

  /** Record `outputs`, written to `dir`, atomically; records of other fingerprints are removed. */
  async save(dir: string, outputs: ReadonlyMap<string, OutputRecord>): Promise<void> {
    const sorted = sortedEntries(outputs);
    const data: CacheFile = { fingerprint: this.fingerprint, dir, checksum: checksum(dir, sorted), outputs: sorted };
    await replaceCacheFile(this.file, 'outputs-', data);
  }
}
