/** `dateline dev` as a user starts it: a child process, read line by line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { REPO, tempDir } from '../helpers.js';

/** A line the process printed, and when it arrived. */
export interface Printed {
  readonly text: string;
  readonly at: number;
}

export interface DevProcess {
  /** Where the site is served: `http://127.0.0.1:PORT/news/` for the fixture newsroom. */
  readonly url: string;
  /** Every line printed to stdout and stderr so far. */
  readonly lines: readonly Printed[];
  /** The first line from index `from` on that matches `pattern`, waiting up to `ms` for it. */
  waitForLine(pattern: RegExp, ms?: number, from?: number): Promise<Printed>;
  /** Stop it as Ctrl+C does, and wait for it to exit. */
  stop(): Promise<void>;
  /** The temporary folder of its own it was started with (where it keeps the folder it serves). */
  readonly temporary: string;
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}

/**
 * Start `dateline dev` on the site at `root` (whose base path is `basePath`)
 * on a free port. With `waitUntil: 'printed'` it resolves once the process
 * prints where it serves; with `'served'`, as soon as `firstPage` (a path
 * under the base path) is served, which can be earlier.
 */
export async function startDevProcess(
  root: string,
  {
    basePath = '/news/',
    waitUntil = 'printed',
    firstPage = '',
    timeoutMs = 30_000,
    env = {},
  }: { basePath?: string; waitUntil?: 'printed' | 'served'; firstPage?: string; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<DevProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${basePath}`;
  const temporary = tempDir('dateline-dev-tmp-');
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO, 'lib', 'cli.js'), 'dev', '--root', root, '--port', String(port), '--host', '127.0.0.1'], {
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', TMPDIR: temporary, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Printed[] = [];
  let waiters: (() => void)[] = [];
  const listen = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const text of parts) lines.push({ text, at: Date.now() });
      for (const wake of waiters) wake();
    });
  };
  listen(child.stdout!);
  listen(child.stderr!);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve(), waiters.forEach((wake) => wake()))));

  const waitForLine = (pattern: RegExp, ms = 20_000, from = 0) =>
    new Promise<Printed>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`no line matching ${pattern} within ${ms} ms; printed:\n${lines.map((l) => l.text).join('\n')}`)), ms);
      const check = () => {
        const found = lines.slice(from).find((line) => pattern.test(line.text));
        if (found) done(undefined, found);
        else if (exited) done(new Error(`dateline dev exited; printed:\n${lines.map((l) => l.text).join('\n')}`));
      };
      const done = (error?: Error, line?: Printed) => {
        clearTimeout(timer);
        waiters = waiters.filter((wake) => wake !== check);
        if (error) reject(error);
        else resolve(line!);
      };
      waiters.push(check);
      check();
    });

  const ready =
    waitUntil === 'printed'
      ? waitForLine(new RegExp(`^Serving at ${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `), timeoutMs)
      : served(`${url}${firstPage}`, timeoutMs, () => exited);
  await ready.catch(async (error: unknown) => {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\nprinted:\n${lines.map((l) => l.text).join('\n')}`);
  });
  return {
    url,
    temporary,
    lines,
    waitForLine,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}

/** Resolves as soon as `url` answers 200. */
async function served(url: string, ms: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !exited()) {
    const status = await fetch(url).then((response) => (response.body?.cancel(), response.status), () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} was not served within ${ms} ms`);
}
