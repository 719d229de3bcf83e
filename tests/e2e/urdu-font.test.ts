/**
 * Urdu for readers who have no Urdu font: the default theme brings its own
 * (Noto Nastaliq Urdu, from its npm package), fetched only by pages that show
 * Urdu text. Checked in headless Chromium through nginx under /news/, with a
 * font configuration holding only Liberation fonts, which have no Arabic
 * script: what Chromium draws each glyph with is read from its DevTools
 * protocol, and screenshots land in tests/.output/screenshots/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';
import { launchChromium, serveSample } from '../support/browser.js';
import type { StaticHost } from '../support/nginx.js';

const require = createRequire(import.meta.url);
const SCREENSHOTS = path.join(REPO, 'tests', '.output', 'screenshots');
const FONT = 'Noto Nastaliq Urdu';

let host: StaticHost;
let browser: Browser;

beforeAll(async () => {
  host = await serveSample('2023-09-15T12:00:00+05:00');
  // A machine with Latin fonts only: fontconfig is given Liberation's folder alone.
  const fonts = tempDir('dateline-fonts-');
  writeFileSync(
    path.join(fonts, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>/usr/share/fonts/truetype/liberation</dir><cachedir>${fonts}/cache</cachedir></fontconfig>\n`,
  );
  browser = await launchChromium({ ...process.env, FONTCONFIG_FILE: path.join(fonts, 'fonts.conf') });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Open `url` (under /news/), noting every font file it fetches; with `blockFonts`, font files are refused. */
async function open(url: string, blockFonts = false): Promise<{ page: Page; fonts: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const fonts: string[] = [];
  page.on('request', (request) => request.resourceType() === 'font' && fonts.push(new URL(request.url()).pathname));
  if (blockFonts) await page.route('**/*.woff2', (route) => route.abort());
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const response = await page.goto(`${host.origin}/news/${url}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await page.evaluate(() => document.fonts.ready);
  if (!blockFonts) expect(errors).toEqual([]);
  return { page, fonts };
}

/** The fonts Chromium drew the text of the element at `selector` with, and how many glyphs each. */
async function fontsDrawing(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  expect(nodeId, selector).toBeGreaterThan(0);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts;
}

const URDU_CARD = 'article.card[lang="ur"]';

describe('the Urdu card on the home page, on a machine without Urdu fonts', () => {
  it('is drawn in the theme\'s own Nastaliq, right to left, its date in one piece', async () => {
    const { page, fonts } = await open('');
    expect(fonts).toEqual([expect.stringMatching(/^\/news\/assets\/fonts\/noto-nastaliq-urdu-arabic-400-normal\.[0-9a-f]{10}\.woff2$/)]);
    const card = page.locator(URDU_CARD).first();
    expect(await card.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    // Right to left: the title starts at the card's right edge.
    const [cardBox, titleBox] = [await card.boundingBox(), await card.locator('h2 a').boundingBox()];
    expect(Math.abs(cardBox!.x + cardBox!.width - (titleBox!.x + titleBox!.width))).toBeLessThan(2);
    // The date is one run of text in one box, not split around the place name.
    const date = card.locator('.card-meta time');
    // The date is one piece on one line (Chromium gives a box per run of one direction: they must abut), with the place name wholly to one side.
    const runs = await date.evaluate((element) => [...element.getClientRects()].map(({ left, right, top }) => ({ left, right, top })));
    const [start, end] = [Math.min(...runs.map((run) => run.left)), Math.max(...runs.map((run) => run.right))];
    expect(new Set(runs.map((run) => Math.round(run.top))).size).toBe(1);
    expect(runs.reduce((width, run) => width + run.right - run.left, 0)).toBeCloseTo(end - start, 0);
    const place = await card.locator('.card-meta .dateline').boundingBox();
    expect(place!.x >= end - 0.5 || place!.x + place!.width <= start + 0.5).toBe(true);
    // Every letter of Urdu is drawn by the theme's font; other fonts draw at most the spaces, digits and Latin letters around them.
    for (const selector of [`${URDU_CARD} h2 a`, `${URDU_CARD} .card-meta time`]) {
      const drawn = await fontsDrawing(page, selector);
      const ours = drawn.find((font) => font.familyName === FONT);
      expect(ours?.isCustomFont, selector).toBe(true);
      const text = await page.locator(selector).first().textContent();
      const notUrdu = [...text!].filter((char) => !/[\u0600-\u06FF]/.test(char)).length;
      const byOthers = drawn.filter((font) => font !== ours).reduce((count, font) => count + font.glyphCount, 0);
      expect(byOthers, selector).toBeLessThanOrEqual(notUrdu);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    await card.screenshot({ path: path.join(SCREENSHOTS, 'urdu-card.png') });
    await page.context().close();
  });

  it('would show boxes without it: no font on this machine draws Urdu', async () => {
    const { page } = await open('', true);
    const drawn = await fontsDrawing(page, `${URDU_CARD} h2 a`);
    expect(drawn.map((font) => font.familyName)).not.toContain(FONT);
    expect(drawn.every((font) => !font.isCustomFont)).toBe(true);
    await page.locator(URDU_CARD).first().screenshot({ path: path.join(SCREENSHOTS, 'urdu-card-without-font.png') });
    await page.context().close();
  });

  it('is fetched by no page that shows no Urdu', async () => {
    const { page, fonts } = await open('bylines/');
    expect(await page.locator('body').innerText()).not.toMatch(/[\u0600-\u06FF]/);
    expect(fonts).toEqual([]);
    await page.context().close();
  });
});

describe('the theme\'s font face', () => {
  it('covers the range its package gives that file', () => {
    const rangeOf = (css: string, file: string) => {
      const face = css.split('@font-face').find((block) => block.includes(file));
      return /unicode-range:\s*([^;]+);/.exec(face ?? '')?.[1]?.replace(/\s+/g, '');
    };
    const file = 'noto-nastaliq-urdu-arabic-400-normal.woff2';
    const packaged = readFileSync(path.join(path.dirname(require.resolve('@fontsource/noto-nastaliq-urdu/LICENSE')), 'index.css'), 'utf8');
    const ours = readFileSync(path.join(REPO, 'templates', 'assets', 'style.css'), 'utf8');
    expect(rangeOf(ours, file)).toBeDefined();
    expect(rangeOf(ours, file)).toBe(rangeOf(packaged, file));
  });
});
