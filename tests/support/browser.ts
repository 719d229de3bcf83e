/**
 * Headless Chromium from Debian, launched as every browser test needs it,
 * and the sample site built and served under /news/ by nginx, as readers get it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO, runCli, tempDir } from '../helpers.js';
import { startNginx, type StaticHost } from './nginx.js';

const require = createRequire(import.meta.url);

/** Chromium with the flags this machine needs; `env` for the browser's process (e.g. another font configuration). */
export function launchChromium(env?: NodeJS.ProcessEnv): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    ...(env && { env }),
  });
}

/** The sample site built at `now` (with `flags`) into a folder served by nginx under /news/; only /news/ exists on that host. */
export async function serveSample(now: string, ...flags: string[]): Promise<StaticHost & { readonly root: string }> {
  const root = tempDir('dateline-host-');
  // A cache of its own: the repository's folder keeps no record of this build's addresses for other tests.
  const run = runCli(['build', '--out', path.join(root, 'news'), '--cache', tempDir(), '--now', now, ...flags], { cwd: REPO });
  expect(run.status, run.stderr).toBe(0);
  return { root, ...(await startNginx(root)) };
}

/** axe-core's violations on `page`, each as `rule: help (count)`. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

/**
 * `url` opened in a new context of `browser` (at `viewport`), with every
 * console error, uncaught exception and failed request noted in `errors`;
 * its response must be a 200.
 */
export async function openWatched(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return { page, errors };
}
