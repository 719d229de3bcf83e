/**
 * One build of an output folder at a time. Two builds at once would stage,
 * swap and keep folders under each other's feet (one of them failing half
 * way, or worse); the second is refused, naming the lock, before it touches
 * anything. A lock left by a build that was killed is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { OutputLocked } from '../errors.js';

/** The lock file of `outDir`: beside it, hidden (`dist` → `.dist.lock`). */
function lockPath(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.lock`);
}

/** Take the lock of `outDir`, or throw `OutputLocked` while another running build holds it; returns what releases it. */
export function lockOutput(outDir: string): () => void {
  const file = lockPath(outDir);
  // `--out new/folder/dist`: the folder the lock and the output go in may not be there yet.
  mkdirSync(path.dirname(outDir), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = Number.parseInt(readLock(file), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new OutputLocked(`another build (process ${holder}) is writing ${outDir}: wait for it to finish and build again. Its lock is ${file}; if no build is running, delete it`);
    }
    // Left by a build that is gone: take it over.
    unlinkSync(file);
  }
}

function readLock(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Whether a process with this id is running (one of another user counts). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
