/**
 * A writer straight into a folder, skipping files whose bytes are unchanged
 * and able to delete: for dev mode, where one folder is kept up to date while
 * it is being served. Each file is written beside its place and renamed into
 * it, so the server never sends a half-written page.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkedRelative, type Writer } from './writer.js';

export class DirectoryWriter implements Writer {
  constructor(readonly dir: string) {}

  async write(file: string, content: string | Uint8Array): Promise<void> {
    const target = path.join(this.dir, checkedRelative(file));
    const bytes = Buffer.from(content);
    const current = await readFile(target).catch(() => undefined);
    if (current?.equals(bytes)) return;
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }

  /** Copy `from`: a served folder's files are replaced one by one, never shared. */
  async link(file: string, from: string): Promise<void> {
    await this.write(file, await readFile(from));
  }

  /** Delete `file` if it exists. */
  async remove(file: string): Promise<void> {
    await rm(path.join(this.dir, checkedRelative(file)), { force: true });
  }
}
