/**
 * Search with no server: the sample site indexed by Pagefind and served under
 * /news/ by nginx, searched in headless Chromium through the search page as a
 * reader does (typing, filtering by section, in English and in Urdu), and
 * through Pagefind's own API for what must not be found.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';
import { axeViolations, launchChromium, openWatched, serveSample } from '../support/browser.js';

const SCREENSHOTS = path.join(REPO, 'tests', '.output', 'screenshots');
const NOW = '2023-09-15T12:00:00+05:00';

let browser: Browser;
let host: Awaited<ReturnType<typeof serveSample>>;

beforeAll(async () => {
  host = await serveSample(NOW);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** The search page at desktop width, with every console error and failed request noted in `errors`. */
function searchPage(url = '/news/search/'): Promise<{ page: Page; errors: string[] }> {
  return openWatched(browser, `${host.origin}${url}`);
}

/** Type `words` into the search box; the result links' paths once they settle. */
async function search(page: Page, words: string): Promise<string[]> {
  await page.locator('.pagefind-ui__search-input').fill(words);
  return results(page);
}

/** Results Pagefind's UI shows at first; a button loads more. */
const FIRST_RESULTS = 5;

async function results(page: Page): Promise<string[]> {
  // The theme's words: "3 stories found for Chitral".
  const message = page.locator('.pagefind-ui__message').filter({ hasText: /found for/ });
  await message.waitFor();
  // The count is written first, each result once its fragment has arrived: wait for them all.
  const count = Number(/\d+/.exec((await message.textContent()) ?? '')?.[0] ?? 0);
  const links = page.locator('.pagefind-ui__result-link');
  await expect.poll(() => links.count()).toBe(Math.min(count, FIRST_RESULTS));
  return links.evaluateAll((found) => found.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

describe('the search page', () => {
  it('finds the Chitral story by a word of it', async () => {
    const { page, errors } = await searchPage();
    // Pagefind's UI speaks in the theme's words.
    expect(await page.locator('.pagefind-ui__search-input').getAttribute('placeholder')).toBe('Search the stories');
    const found = await search(page, 'Chitral');
    expect(found).toContain('/news/2023/09/chitral-border-attack/');
    expect(await page.locator('.pagefind-ui__message').textContent()).toBe('3 stories found for Chitral');
    expect(await page.locator('.search-fallback').isHidden()).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-desktop.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('narrows the results to a section', async () => {
    const { page, errors } = await searchPage();
    const all = await search(page, 'TTP');
    expect(all).toEqual(expect.arrayContaining(['/news/2023/09/explainer-what-is-the-ttp/', '/news/2023/09/army-chief-austin-call/']));
    const section = page.locator('.pagefind-ui__filter-block').filter({ hasText: 'Section' });
    if (!(await section.getAttribute('open'))) await section.locator('summary').click();
    await section.getByLabel(/^Explainers/).check();
    await expect.poll(() => results(page)).not.toContain('/news/2023/09/army-chief-austin-call/');
    const narrowed = await results(page);
    expect(narrowed).toContain('/news/2023/09/explainer-what-is-the-ttp/');
    expect(narrowed.length).toBeLessThan(all.length);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds the Urdu story by an Urdu word, from the English page', async () => {
    const { page, errors } = await searchPage();
    const found = await search(page, 'آسٹن');
    expect(found).toEqual(['/news/2023/09/army-chief-call-urdu/']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('takes a search from its address, as the header\'s link or another site may give it', async () => {
    const { page, errors } = await searchPage('/news/search/?q=Chitral');
    expect(await results(page)).toContain('/news/2023/09/chitral-border-attack/');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is linked from every page\'s header', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${host.origin}/news/tags/ttp/`);
    await page.locator('header nav').getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(`${host.origin}/news/search/`);
    await context.close();
  });

  it('offers the archive instead when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${host.origin}/news/search/`);
    const fallback = page.locator('.search-fallback');
    expect(await fallback.isVisible()).toBe(true);
    expect(await fallback.getByRole('link', { name: 'Latest stories' }).getAttribute('href')).toBe('/news/');
    expect(await page.locator('.pagefind-ui__search-input').count()).toBe(0);
    await context.close();
  });
});

describe('what is not indexed', () => {
  let preview: Awaited<ReturnType<typeof serveSample>>;
  beforeAll(async () => {
    // A preview build that shows the draft and the stories after the 14th's midnight: pages readers cannot see yet.
    preview = await serveSample('2023-09-14T00:00:00+05:00', '--drafts', '--future');
  }, 60_000);
  afterAll(async () => {
    await preview?.stop();
  });

  /** How many stories Pagefind's own API finds for exactly `words` on `origin`'s site (unquoted, it forgives typos: `autumn` finds Austin). */
  async function count(origin: string, words: string): Promise<number> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/news/search/`);
    // As source text: the test runner would rewrite an import() written here.
    const found = (await page.evaluate(`(async () => {
      const pagefind = await import('/news/pagefind/pagefind.js');
      return (await pagefind.search(${JSON.stringify(`"${words}"`)})).results.length;
    })()`)) as number;
    await context.close();
    return found;
  }

  it('leaves out drafts and embargoed stories, though the preview shows their pages', async () => {
    expect((await fetch(`${preview.origin}/news/2023/09/balochistan-follow-up/`)).status).toBe(200);
    expect((await fetch(`${preview.origin}/news/2023/09/analysis-ttp-return-priorities/`)).status).toBe(200);
    expect(await count(preview.origin, 'autumn')).toBe(0);
    expect(await count(preview.origin, 'priorities')).toBe(0);
    expect(await count(preview.origin, 'Chitral')).toBeGreaterThan(0);
    expect(await count(host.origin, 'priorities')).toBeGreaterThan(0);
  });

  it('leaves out lists, redirects and the 404 page', async () => {
    expect(await count(host.origin, 'mistyped')).toBe(0);
    expect(await count(host.origin, 'Newer stories')).toBe(0);
    expect(await count(host.origin, 'Latest stories')).toBe(0);
  });
});
