/**
 * What the last build wrote: each output's key (its inputs, see
 * plan/fingerprint.ts) and the hash of its bytes, plus the folder it went
 * to. A warm build renders only outputs whose key changed and hard-links the
 * others from that folder, after checking each file still has the recorded
 * hash (or is untouched since it was last checked, see `FileStamp`); any
 * doubt (a missing, edited or unreadable file, another template or config)
 * and the build renders everything. It also records what the files of the
 * folder before that hold, as it becomes the next build's staging folder.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config.js';
import { listFiles } from '../load/files.js';
import { folderIdentity, type KnownFile } from '../write/file-stamp.js';
import { readCacheFile, replaceCacheFile, sortedEntries } from './store.js';

/** The record's file in the cache folder. */
const OUTPUTS = 'outputs.json';

/** One output of the last build: its input key and what its file holds. */
export interface OutputRecord extends KnownFile {
  readonly key: string;
}

interface CacheFile {
  readonly fingerprint: string;
  readonly dir: string;
  readonly outputs: Record<string, OutputRecord>;
  /** What the files of the folder that build replaced hold: it is kept as the next build's spare (see write/staged-output.ts). */
  readonly replaced: Record<string, KnownFile>;
  /** That folder's `folderIdentity`: only the very folder is taken over as a spare. */
  readonly replacedFolder?: string;
}

/** What, besides the site's stories, decides every output's bytes: the parse fingerprint, the config, every template and the theme's words. */
export async function renderFingerprint(parseFingerprint: string, config: SiteConfig, templates: string): Promise<string> {
  const hash = createHash('sha256').update(parseFingerprint).update(JSON.stringify(config));
  for (const name of await listFiles(templates, ['.liquid', '.json'])) hash.update(name).update(readFileSync(path.join(templates, name)));
  return hash.digest('hex').slice(0, 16);
}

const NONE: ReadonlyMap<string, never> = new Map<string, never>();

export class OutputCache {
  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    /** The folder the recorded outputs were written to. */
    readonly dir: string | undefined,
    /** The recorded outputs, when their keys still apply (same templates, config and Dateline). */
    readonly records: ReadonlyMap<string, OutputRecord>,
    /** What the files in `dir` hold, whatever built them. */
    readonly files: ReadonlyMap<string, KnownFile>,
    /** What the files of the folder the recorded build replaced hold. */
    readonly replaced: ReadonlyMap<string, KnownFile>,
    /** That folder's identity (see `folderIdentity`), if it had one. */
    readonly replacedFolder: string | undefined,
  ) {}

  /** The record in `cacheDir`, its keys only if it was made with `fingerprint`; empty when missing or damaged. */
  static async open(cacheDir: string, fingerprint: string): Promise<OutputCache> {
    const file = path.join(cacheDir, OUTPUTS);
    try {
      const data = (await readCacheFile(file)) as CacheFile;
      if (typeof data.dir !== 'string') throw new Error('damaged');
      const files = new Map(Object.entries(data.outputs));
      const records = data.fingerprint === fingerprint ? files : NONE;
      const replacedFolder = typeof data.replacedFolder === 'string' ? data.replacedFolder : undefined;
      return new OutputCache(file, fingerprint, data.dir, records, files, new Map(Object.entries(data.replaced)), replacedFolder);
    } catch {
      return new OutputCache(file, fingerprint, undefined, NONE, NONE, NONE, undefined);
    }
  }

  /**
   * Record `outputs`, written to `dir` in place of the folder now there,
   * whose files held `replaced`, atomically.
   */
  async save(dir: string, outputs: ReadonlyMap<string, OutputRecord>, replaced: ReadonlyMap<string, KnownFile>): Promise<void> {
    const sorted = sortedEntries(outputs);
    const before = sortedEntries(replaced);
    const replacedFolder = folderIdentity(dir);
    const data: CacheFile = { fingerprint: this.fingerprint, dir, outputs: sorted, replaced: before, ...(replacedFolder && { replacedFolder }) };
    await replaceCacheFile(this.file, 'outputs', data);
  }
}
