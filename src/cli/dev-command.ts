/** `dateline dev`: serve the site, rebuild on every save, until Ctrl+C. */
import { spawn } from 'node:child_process';
import { startDev, type BuildEvent } from '../dev/session.js';
import { countLabel, formatProblem } from '../errors.js';
import { groupRepeated } from '../report.js';
import { EXIT, failure, print, printError, printProblem, usage } from './io.js';

export interface DevFlags {
  root?: string;
  port?: string;
  host?: string;
  open?: boolean;
  verbose?: boolean;
}

export async function devCommand(flags: DevFlags): Promise<number> {
  const port = flags.port === undefined ? 4000 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--port \`${flags.port}\` is not a port number`);
  let first = true;
  let shownWarnings = '';
  const onBuild = (event: BuildEvent) => {
    const ms = `${event.ms.toFixed(0)} ms`;
    if (event.ok) {
      // The same warnings after every save would bury the news: print them when they change.
      const warnings = groupRepeated(event.warnings).map(formatProblem).join('\n');
      if (warnings !== shownWarnings && warnings !== '') printError(warnings);
      shownWarnings = warnings;
      print(first ? `Built ${countLabel(event.stories, 'story', 'stories')} in ${ms}` : `Rebuilt in ${ms}: ${countLabel(event.parsed, 'story', 'stories')} parsed, ${countLabel(event.written, 'file')} written, ${event.removed} removed`);
    } else {
      event.problems.forEach(printProblem);
      printError('The site could not be rebuilt; fix the problems above and save (the browser shows them too).');
    }
    first = false;
  };
  // Ctrl+C is heard from the start. During the first build (a minute on a large archive), or pressed
  // again while stopping waits for a rebuild, it ends the process at once, through `exit` hooks that
  // clean up (see dev/session.ts); while serving, it stops cleanly.
  let serving = false;
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      if (!serving) process.exit(EXIT.interrupted);
      serving = false;
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  try {
    const session = await startDev({
      ...(flags.root !== undefined && { root: flags.root }),
      ...(flags.host !== undefined && { host: flags.host }),
      port,
      onBuild,
    });
    serving = true;
    print(`Serving at ${session.url} — watching for changes (Ctrl+C to stop)`);
    if (flags.open) openBrowser(session.url);
    await stopped;
    await session.close();
    return EXIT.ok;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return usage(`port ${port} is in use: choose another with --port`);
    return failure(error, flags.verbose ?? false);
  }
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(command, [url], { stdio: 'ignore', detached: true }).on('error', () => printError(`Could not open a browser; visit ${url}`)).unref();
}
