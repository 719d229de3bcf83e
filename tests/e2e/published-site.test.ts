/**
 * The sample site as readers get it: served under /news/ by nginx, crawled
 * by linkinator, validated by html-validate, and opened in headless Chromium
 * at phone and desktop widths with axe-core checking accessibility.
 * Screenshots land in tests/.output/screenshots/ (ignored by git).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, filesEndingWith, REPO, runCli, tempDir } from '../helpers.js';
import { axeViolations, launchChromium, openWatched, serveSample } from '../support/browser.js';
import { crawlSite } from '../support/crawl.js';
import type { StaticHost } from '../support/nginx.js';

const SCREENSHOTS = path.join(REPO, 'tests', '.output', 'screenshots');
/** A "now" just after the sample stories, so the news sitemap has entries too. */
const NOW = '2023-09-15T12:00:00+05:00';

let root: string;
let host: StaticHost;
let browser: Browser;

beforeAll(async () => {
  // Only /news/ exists on this host: anything outside the base path is a 404.
  const served = await serveSample(NOW);
  ({ root } = served);
  host = served;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('html-validate', () => {
  // html-validate's recommended rules, with two choices of ours:
  // - require-sri only for cross-origin resources: our stylesheet is same-origin;
  // - long-title off: a page's title is the editor's headline, and search engines shorten it themselves.
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: { 'require-sri': ['error', { target: 'crossorigin' }], 'long-title': 'off' },
  });

  it.each([
    ['the sample site', () => path.join(root, 'news')],
    ['the fixture newsroom', () => {
      const out = path.join(tempDir(), 'dist');
      expect(runCli(['build', '--root', path.join(FIXTURES, 'newsroom'), '--out', out, '--cache', tempDir(), '--drafts', '--future']).status).toBe(0);
      return out;
    }],
  ])('finds no errors on any page of %s', async (_, dir) => {
    const out = dir();
    const files = filesEndingWith(out, '.html');
    expect(files.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(readFileSync(path.join(out, file), 'utf8'), file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`);
    }
    expect(problems).toEqual([]);
  });
});

describe('served under /news/ by nginx', () => {
  it('has no broken links, internal and assets included', async () => {
    const { broken, checked } = await crawlSite(host);
    expect(broken).toEqual([]);
    expect(checked).toEqual(expect.arrayContaining([
      expect.stringMatching(/\/news\/assets\/style\.[0-9a-f]{10}\.css$/),
      `${host.origin}/news/tags/ttp/`,
      `${host.origin}/news/images/chitral-valley.svg`,
      // From a story's body: an image and a link to another story, written from the site root.
      `${host.origin}/news/images/frontier-provinces.svg`,
      `${host.origin}/news/2023/07/picss-half-year-report/`,
      `${host.origin}/news/feed.xml`,
    ]));
    expect(checked.length).toBeGreaterThan(40);
  }, 120_000);

  it('serves nothing outside the base path, and the site’s 404 page within it', async () => {
    expect((await fetch(`${host.origin}/index.html`)).status).toBe(404);
    const missing = await fetch(`${host.origin}/news/no-such-story/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });

  it('redirects a folder without its slash, as real hosts do', async () => {
    const response = await fetch(`${host.origin}/news/tags/ttp`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get('location') ?? '', host.origin).pathname).toBe('/news/tags/ttp/');
  });
});

describe('in headless Chromium', () => {
  const pages = [
    ['home', '/news/'],
    ['story', '/news/2023/09/army-chief-austin-call/'],
    ['story-with-image', '/news/2023/09/chitral-border-attack/'],
    ['story-urdu', '/news/2023/09/army-chief-call-urdu/'],
    ['story-with-body-image', '/news/2023/09/explainer-what-is-the-ttp/'],
    ['tag', '/news/tags/ttp/'],
    ['author', '/news/bylines/ayesha-siddiqui/'],
    ['corrections', '/news/corrections/'],
    ['series', '/news/series/return-of-the-ttp/'],
    ['search', '/news/search/'],
  ] as const;
  const widths = [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 900 }],
  ] as const;

  it.each(pages.flatMap(([name, url]) => widths.map(([device, size]) => [name, url, device, size] as const)))(
    '%s (%s) loads at %s width with no console errors and no axe violations',
    async (name, url, device, size) => {
      const { page, errors } = await openWatched(browser, `${host.origin}${url}`, size);
      const violations = await axeViolations(page);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${device}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.context().close();
      expect(errors).toEqual([]);
      expect(violations).toEqual([]);
      expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
    },
    60_000,
  );
});

describe('footnotes in headless Chromium', () => {
  it('jump from the reference to the note and back, with the notes’ heading hidden', async () => {
    // A short viewport, so that the note starts out of sight.
    const context = await browser.newContext({ viewport: { width: 390, height: 400 } });
    const page = await context.newPage();
    await page.goto(`${host.origin}/news/2023/07/picss-half-year-report/`, { waitUntil: 'load' });
    /** Whether the element matching `selector` is within the viewport, and whether it is the page's `:target`. */
    const where = (selector: string) =>
      page.evaluate((css) => {
        const element = document.querySelector(css);
        if (!element) return 'missing';
        const box = element.getBoundingClientRect();
        const inView = box.bottom > 0 && box.top < window.innerHeight;
        return `${inView ? 'in view' : 'out of view'}${element.matches(':target') ? ', target' : ''}`;
      }, selector);
    const note = 'li#user-content-fn-truce';
    const reference = 'a#user-content-fnref-truce';
    expect(await where(note)).toBe('out of view');

    await page.click('a[data-footnote-ref]');
    await page.waitForFunction(() => location.hash === '#user-content-fn-truce');
    expect(await where(note)).toBe('in view, target');
    expect(await page.textContent('li#user-content-fn-truce')).toContain('ceasefire with the government in November 2022');

    await page.click('a[data-footnote-backref]');
    await page.waitForFunction(() => location.hash === '#user-content-fnref-truce');
    expect(await where(reference)).toBe('in view, target');

    const heading = await page.locator('section.footnotes h2').boundingBox();
    expect(heading?.width ?? 0, 'the "Footnotes" heading is for screen readers only').toBeLessThanOrEqual(1);
    await context.close();
  }, 60_000);
});
