/** The render stage: outputs rendered now or later (on workers), written as they come, never after a failure. */
import { describe, expect, it } from 'vitest';
import type { RenderTools } from '../../src/outputs.js';
import type { Planned } from '../../src/plan/fingerprint.js';
import type { Page } from '../../src/plan/pages.js';
import { renderAll } from '../../src/render/render-all.js';
import type { Output } from '../../src/render/html.js';
import { Utf8Builder } from '../../src/render/utf8-builder.js';

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Story pages at `urls` (the stage hands pages to `tools.page` without looking inside). */
const pages = (...urls: string[]) => urls.map((url) => ({ kind: 'story', url }) as unknown as Planned);

/** Tools whose pages render as `render` says. */
const tools = (render: (page: Page) => string | undefined | Promise<string | undefined>): RenderTools =>
  ({ site: {}, page: render, feedBodies: () => () => '', fileText: new Utf8Builder(64) }) as unknown as RenderTools;

const written = () => {
  const files: string[] = [];
  return { files, sink: async (output: Output) => void files.push(`${output.path}=${String(output.content)}`) };
};

describe('renderAll', () => {
  it('writes pages as they come back, and names what it rendered in plan order', async () => {
    const later = new Map(['/a/', '/b/', '/c/'].map((url) => [url, deferred<string | undefined>()]));
    const { files, sink } = written();
    const progress: number[] = [];
    const stage = renderAll(pages('/a/', '/b/', '/c/'), tools((page) => later.get(page.url)!.promise), {
      sink,
      progress: ({ done }) => progress.push(done),
    });
    later.get('/c/')!.resolve('C');
    later.get('/a/')!.resolve(undefined); // its template failed: nothing to write
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(files).toEqual(['c/index.html=C']);
    later.get('/b/')!.resolve('B');
    expect(await stage).toEqual(['b/index.html', 'c/index.html']);
    expect(files).toEqual(['c/index.html=C', 'b/index.html=B']);
    expect(progress).toEqual([1, 2, 3]);
  });

  it('waits for room before handing over each page', async () => {
    const gate = deferred<void>();
    const asked: string[] = [];
    let rooms = 0;
    const { sink } = written();
    const stage = renderAll(
      pages('/a/', '/b/'),
      tools((page) => {
        asked.push(page.url);
        return Promise.resolve(page.url);
      }),
      { sink, progress: () => {}, room: () => (++rooms === 2 ? gate.promise : undefined) },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual(['/a/']);
    gate.resolve();
    await stage;
    expect(asked).toEqual(['/a/', '/b/']);
  });

  it('fails with the first error, writes nothing that comes back after it, and returns only when nothing is in flight', async () => {
    const slow = deferred<string | undefined>();
    const { files, sink } = written();
    let settled = false;
    const stage = renderAll(
      pages('/slow/', '/broken/', '/never/'),
      tools((page) => {
        if (page.url === '/slow/') return slow.promise;
        if (page.url === '/broken/') return Promise.reject(new Error('the body went missing'));
        throw new Error('rendered after the failure');
      }),
      { sink, progress: () => {}, room: () => new Promise((resolve) => setTimeout(resolve, 5)) },
    ).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    slow.resolve('too late');
    await expect(stage).rejects.toThrow('the body went missing');
    expect(files).toEqual([]);
  });

  it('stops at an output that throws while it is rendered here, after what is in flight has settled', async () => {
    const inFlight = deferred<string | undefined>();
    const { files, sink } = written();
    const stage = renderAll(
      pages('/a/', '/b/'),
      tools((page) => {
        if (page.url === '/a/') return inFlight.promise;
        throw new Error('no such template');
      }),
      { sink, progress: () => {} },
    );
    let settled = false;
    void stage.catch(() => {}).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
    inFlight.resolve('A');
    await expect(stage).rejects.toThrow('no such template');
    expect(files).toEqual([]);
  });
});
