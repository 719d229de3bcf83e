/**
 * Parse stories synchronously on a worker thread kept aside, for the rare
 * story whose body went missing from the store while pages were being
 * rendered (rendering is synchronous). Loading the parser on the main thread
 * just in case cost every build that renders ~0.35 s and ~20 MB; the worker
 * costs that only when it is needed, and is then kept for the next story
 * (a whole cache folder deleted mid-build means thousands). The main thread
 * blocks on a shared flag, never longer than `TIMEOUT_MS`, and reads the
 * answer from a message port. From TypeScript sources (tests) there is no
 * compiled worker script: stories are parsed here if the parser is loaded.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { SourceRef } from '../load/files.js';
import type { Reading } from './fields.js';
import { loadedParser } from './load-parser.js';
import type { ParsedWithBody } from './story.js';

const WORKER = new URL('./parse-aside-worker.js', import.meta.url);

/** A story whose parse takes longer than this is given up on (the build then fails naming it). */
const TIMEOUT_MS = 60_000;

/** One story to parse. */
export interface AsideJob {
  readonly file: SourceRef;
  readonly reading: Reading;
}

/** What the worker is started with: the port jobs come on, and the flag it raises after each answer. */
export interface AsideSetup {
  readonly port: MessagePort;
  readonly answered: Int32Array;
}

let aside: { readonly port: MessagePort; readonly answered: Int32Array } | undefined;

function asideWorker(): NonNullable<typeof aside> {
  if (aside) return aside;
  const { port1, port2 } = new MessageChannel();
  const answered = new Int32Array(new SharedArrayBuffer(4));
  const setup: AsideSetup = { port: port2, answered };
  const worker = new Worker(WORKER, { workerData: setup, transferList: [port2] });
  // Idle, it must not keep the process alive; it goes if it fails, and the next story starts another.
  worker.unref();
  port1.unref();
  worker.once('exit', () => {
    aside = undefined;
  });
  aside = { port: port1, answered };
  return aside;
}

/** `parseStory` of `file` as it is on disk now; undefined if it cannot be read or parsed. */
export function parseAside(file: SourceRef, reading: Reading): ParsedWithBody | undefined {
  const parser = loadedParser();
  if (parser || !existsSync(fileURLToPath(WORKER))) return parser?.parseStory(parser.readSourceSync(file), reading);
  const { port, answered } = asideWorker();
  Atomics.store(answered, 0, 0);
  const job: AsideJob = { file, reading };
  port.postMessage(job);
  if (Atomics.wait(answered, 0, 0, TIMEOUT_MS) === 'timed-out') return undefined;
  return (receiveMessageOnPort(port)?.message as ParsedWithBody | null | undefined) ?? undefined;
}
