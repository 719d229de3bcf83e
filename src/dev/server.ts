/**
 * The dev server: the site's output folder served by sirv under the base
 * path, a Server-Sent Events stream that tells pages to reload, and an error
 * page in place of every HTML page while the last rebuild failed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import sirv from 'sirv';
import { formatProblem, type Problem } from '../errors.js';

/** The path of the reload event stream, outside any site's base path. */
export const EVENTS_PATH = '/__dateline/events';

/**
 * The script dev pages carry (and built pages never do): reload when this
 * page was rebuilt. An event lists the changed pages' paths, or is `null`
 * when every page should reload (a failed or recovered build).
 */
export const RELOAD_SNIPPET = `<script>new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener('reload', (e) => { const pages = JSON.parse(e.data); if (!pages || pages.includes(location.pathname)) location.reload(); });</script>`;

/** Put the reload script into an HTML page, before `</body>`. */
export function withReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + RELOAD_SNIPPET : `${html.slice(0, at)}${RELOAD_SNIPPET}\n${html.slice(at)}`;
}

export interface DevServer {
  readonly server: Server;
  /** Tell open pages at `pages` (URL paths) to reload; all of them when `pages` is null. */
  reload(pages: readonly string[] | null): void;
  /** Show `problems` instead of pages (an empty list shows pages again). */
  setProblems(problems: readonly Problem[]): void;
  close(): Promise<void>;
}

/** Serve `dir` under `basePath` on `port` (0 for any free port) at `host`. */
export async function startServer(dir: string, basePath: string, port: number, host: string): Promise<DevServer> {
  const files = sirv(dir, { dev: true, etag: false, extensions: ['html'] });
  const clients = new Set<ServerResponse>();
  let problems: readonly Problem[] = [];

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (!url.pathname.startsWith(basePath)) {
      if (url.pathname === '/' || `${url.pathname}/` === basePath) {
        response.writeHead(302, { location: basePath }).end();
      } else {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: the site is served under ${basePath}\n`);
      }
      return;
    }
    if (problems.length > 0 && (url.pathname.endsWith('/') || url.pathname.endsWith('.html'))) {
      response.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(errorPage(problems));
      return;
    }
    request.url = `/${url.pathname.slice(basePath.length)}${url.search}`;
    files(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    reload(pages) {
      const data = JSON.stringify(pages);
      for (const client of clients) client.write(`event: reload\ndata: ${data}\n\n`);
    },
    setProblems(next) {
      problems = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function errorPage(problems: readonly Problem[]): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const items = problems.map((problem) => `<li><code>${escape(formatProblem(problem))}</code></li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Build failed | Dateline</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}h1{color:#a3161b}li{margin:.5rem 0}code{white-space:pre-wrap;word-break:break-word}</style></head>
<body>
<h1>The site could not be rebuilt</h1>
<p>Fix ${problems.length === 1 ? 'this problem' : `these ${problems.length} problems`} and save: the page reloads by itself.</p>
<ol>
${items}
</ol>
${RELOAD_SNIPPET}
</body>
</html>
`;
}
