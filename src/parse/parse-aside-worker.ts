/** A worker thread's job: parse each story `parseAside` sends, post the result, then raise the flag. */
import { workerData } from 'node:worker_threads';
import type { AsideJob, AsideSetup } from './parse-aside.js';
import { parseStory, readSourceSync } from './safely.js';

const { port, answered } = workerData as AsideSetup;
port.on('message', ({ file, reading }: AsideJob) => {
  let result;
  try {
    result = parseStory(readSourceSync(file), reading);
  } catch {
    result = null; // unreadable or unparsable: the caller names the story
  }
  port.postMessage(result);
  Atomics.store(answered, 0, 1);
  Atomics.notify(answered, 0);
});
