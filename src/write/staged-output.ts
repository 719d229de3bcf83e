/**
 * The output folder, replaced whole: a build fills a staging folder beside
 * it and swaps it in only when the whole build succeeded, so readers and CI
 * never see a half-built site and a failed build leaves the previous output
 * exactly as it was.
 *
 * The staging folder need not start empty. Given a spare folder (the output
 * of the build before last, which `commit` keeps instead of deleting it) it
 * is taken over and refilled in place by a `FolderWriter`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { folderIdentity, type KnownFile } from './file-stamp.js';
import { isRunning } from './build-lock.js';
import { FolderWriter } from './folder-writer.js';
import { listTree } from './list-tree.js';

/** A folder an earlier build wrote, and what its files are known to hold (by relative path). */
export interface Spare {
  readonly dir: string;
  readonly files: ReadonlyMap<string, KnownFile>;
  /** The folder's `folderIdentity` when it was kept: anything else found at `dir` is left alone. */
  readonly identity: string;
}

export interface StagingOptions {
  /** A folder to refill instead of starting from an empty one; it is moved, so it is gone after the build. */
  readonly spare?: Spare;
  /** Where `commit` keeps the replaced output folder, to be the next build's spare (deleted if it cannot be kept). */
  readonly keepReplacedAt?: string;
}

export class StagedOutput {
  /** The folder being filled. */
  readonly staging: string;
  private opening: Promise<FolderWriter> | undefined;
  /** Whether the staging folder is the spare, taken over. */
  private adopted = false;

  /** Stage files for `outDir` (which need not exist yet). */
  constructor(
    readonly outDir: string,
    private readonly options: StagingOptions = {},
  ) {
    this.staging = `${outDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  }

  /**
   * The writer into the staging folder, once it is ready. Called early: a
   * spare's files are listed on a worker thread, so started before the build
   * loads and parses, the listing hides behind them.
   */
  open(): Promise<FolderWriter> {
    this.opening ??= this.prepare();
    return this.opening;
  }

  /** Take over the spare (or make an empty staging folder). */
  private async prepare(): Promise<FolderWriter> {
    this.removeLeftFolders();
    const { spare } = this.options;
    // Only the very folder a build swapped out and kept: never a link, nor what someone put in its place.
    if (spare && folderIdentity(spare.dir) === spare.identity) {
      try {
        renameSync(spare.dir, this.staging);
        this.adopted = true;
      } catch {
        // Gone meanwhile, or on another file system: start empty.
      }
    }
    if (!this.adopted || !spare) {
      mkdirSync(this.staging, { recursive: true });
      return new FolderWriter(this.staging);
    }
    return new FolderWriter(this.staging, spare.files, await listTree(this.staging));
  }

  /**
   * Delete the staging and replaced folders that builds killed mid-way (not
   * failed: those clean up) left beside the output folder, named with the
   * process id of a process that is gone.
   */
  private removeLeftFolders(): void {
    const parent = path.dirname(this.outDir);
    const left = new RegExp(`^${escapeRegExp(path.basename(this.outDir))}\\.(?:tmp|old)-(\\d+)-[0-9a-f]{8}$`);
    let names: string[];
    try {
      names = readdirSync(parent);
    } catch {
      return;
    }
    for (const name of names) {
      const pid = left.exec(name)?.[1];
      if (pid === undefined || isRunning(Number(pid))) continue;
      try {
        rmSync(path.join(parent, name), { recursive: true, force: true });
      } catch {
        // Left for a later build: a leftover is never a reason to fail this one.
      }
    }
  }

  /**
   * Swap the staged folder in, after deleting what the spare held that this
   * build did not write. The replaced output is kept at `keepReplacedAt`
   * when given and possible, else deleted; resolves to whether it was kept.
   */
  async commit(): Promise<boolean> {
    (await this.open()).sweep();
    const old = `${this.outDir}.old-${process.pid}-${randomBytes(4).toString('hex')}`;
    let hadOld = true;
    try {
      await rename(this.outDir, old);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hadOld = false;
    }
    try {
      await rename(this.staging, this.outDir);
    } catch (error) {
      if (hadOld) await rename(old, this.outDir);
      throw error;
    }
    if (!hadOld) return false;
    if (this.keep(old)) return true;
    // The new output is live: the build has succeeded, whatever becomes of the
    // old one. What cannot be deleted now, the next build tries again.
    await rm(old, { recursive: true, force: true }).catch(() => {});
    return false;
  }

  private keep(old: string): boolean {
    const at = this.options.keepReplacedAt;
    if (at === undefined) return false;
    try {
      // Normally nothing is there: the spare was taken over as the staging folder.
      rmSync(at, { recursive: true, force: true });
      mkdirSync(path.dirname(at), { recursive: true });
      renameSync(old, at);
      return true;
    } catch {
      return false; // another file system, say
    }
  }

  /**
   * Leave the output folder untouched. A spare taken over goes back where it
   * was kept (what this build changed in it fails its records and is redone
   * next time); staged files of a fresh folder are thrown away.
   */
  async abort(): Promise<void> {
    if (this.opening) await this.opening.catch(() => {});
    const back = this.options.spare?.dir;
    if (this.adopted && back !== undefined) {
      try {
        renameSync(this.staging, back);
        return;
      } catch {
        // Something is there now: throw the staged files away.
      }
    }
    await rm(this.staging, { recursive: true, force: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
