import { describe, expect, it } from 'vitest';
import { OverlappedWriter } from '../../src/write/overlapped.js';
import type { Writer } from '../../src/write/writer.js';

/** A writer whose writes finish only when the test says so. */
function slowWriter() {
  const waiting: { file: string; finish: (error?: Error) => void }[] = [];
  const done: string[] = [];
  const writer: Writer = {
    write: (file) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ file, finish: (error) => (error ? reject(error) : (done.push(file), resolve())) });
      }),
  };
  return { writer, waiting, done };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('OverlappedWriter', () => {
  it('keeps up to its limit of writes in flight, then waits for one to finish', async () => {
    const { writer, waiting } = slowWriter();
    const overlapped = new OverlappedWriter(writer, 2);
    await overlapped.write('a', 'A');
    let secondReturned = false;
    const secondWrite = overlapped.write('b', 'B').then(() => (secondReturned = true));
    await tick();
    expect(waiting.map((w) => w.file)).toEqual(['a', 'b']);
    expect(secondReturned).toBe(false);
    waiting[0]!.finish();
    await secondWrite;
    expect(secondReturned).toBe(true);
  });

  it('finishes every write before flush returns', async () => {
    const { writer, waiting, done } = slowWriter();
    const overlapped = new OverlappedWriter(writer, 8);
    for (const file of ['a', 'b', 'c']) await overlapped.write(file, file);
    const flushed = overlapped.flush();
    await tick();
    for (const w of waiting) w.finish();
    await flushed;
    expect(done.sort()).toEqual(['a', 'b', 'c']);
  });

  it('reports a failed write at the latest on flush, and refuses further writes', async () => {
    const { writer, waiting } = slowWriter();
    const overlapped = new OverlappedWriter(writer, 8);
    await overlapped.write('a', 'A');
    waiting[0]!.finish(new Error('disk full'));
    await expect(overlapped.flush()).rejects.toThrow('disk full');
    await expect(overlapped.write('b', 'B')).rejects.toThrow('disk full');
  });
});
