/**
 * A real static host for tests: nginx from Debian (see bench/static-host.mjs,
 * which the Lighthouse audit shares), serving a folder and nothing else.
 */
import { startNginx as start } from '../../bench/static-host.mjs';

export interface StaticHost {
  readonly origin: string;
  stop(): Promise<void>;
}

/** Serve `root` on loopback; `notFound` is the site-relative 404 page (e.g. `/news/404.html`). */
export function startNginx(root: string, notFound: string): Promise<StaticHost> {
  return start(root, notFound) as Promise<StaticHost>;
}
