/**
 * A real static host for tests: nginx from Debian with the README's example
 * config (see bench/static-host.mjs, which the Lighthouse audit shares),
 * serving a folder and nothing else.
 */
import { startNginx as start } from '../../bench/static-host.mjs';

export interface StaticHost {
  readonly origin: string;
  stop(): Promise<void>;
}

/** Serve `root`, which holds the site in `news/`, on loopback under /news/. */
export function startNginx(root: string): Promise<StaticHost> {
  return start(root) as Promise<StaticHost>;
}
