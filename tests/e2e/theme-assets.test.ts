/**
 * Theme assets published under names made from their content, so hosts can
 * keep them for a year: every page links those names, a stylesheet links
 * the published font, and an edited asset renames that asset (and the pages
 * naming it) and nothing else.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, NOW, page, REPO, runCli, snapshot, storyText, testSite, themeAsset } from '../helpers.js';

const THEME_FILES = ['assets/style.css', 'assets/favicon.svg', 'assets/search.js', 'assets/fonts/noto-nastaliq-urdu-arabic-400-normal.woff2', 'assets/fonts/noto-nastaliq-urdu-LICENSE.txt'];

/** A copy of the newsroom fixture with a copy of the default theme, built once. */
function builtSite(): { root: string; out: string } {
  const root = copyFixture('newsroom');
  cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  const run = runCli(['build', '--now', NOW], { cwd: root });
  expect(run.status, run.stderr).toBe(0);
  return { root, out: path.join(root, 'dist') };
}

/** Every HTML file of the site at `out`, relative to it. */
function htmlFiles(out: string): string[] {
  return Object.keys(snapshot(out)).filter((file) => file.endsWith('.html'));
}

describe('theme assets', () => {
  let site: { root: string; out: string };
  beforeAll(() => {
    site = builtSite();
  });

  it('are published only under names carrying their content hash, byte for byte the theme\'s', () => {
    const published = readdirSync(path.join(site.out, 'assets'), { recursive: true, encoding: 'utf8' }).filter((name) => /\.[a-z0-9]+$/.test(name)).sort();
    expect(published).toHaveLength(THEME_FILES.length);
    for (const name of published) expect(name).toMatch(/\.[0-9a-f]{10}(\.[a-z0-9]+)?$/);
    expect(readFileSync(path.join(site.out, themeAsset(site.out, 'assets/favicon.svg')))).toEqual(readFileSync(path.join(REPO, 'templates/assets/favicon.svg')));
  });

  it('are linked by their published names from every page, and each link leads to a file', () => {
    const linked = new Set<string>();
    for (const file of htmlFiles(site.out)) {
      const $ = page(path.join(site.out, file));
      for (const url of $('link[href], script[src]').map((_, el) => $(el).attr('href') ?? $(el).attr('src')).get()) {
        if (!url.startsWith('/news/assets/')) continue;
        const target = url.slice('/news/'.length);
        expect(readdirSync(path.join(site.out, path.dirname(target))), `${url} in ${file}`).toContain(path.basename(target));
        linked.add(target);
      }
      expect($('link[rel=stylesheet]').attr('href'), file).toBe(`/news/${themeAsset(site.out, 'assets/style.css')}`);
    }
    expect([...linked].sort()).toEqual(['assets/favicon.svg', 'assets/search.js', 'assets/style.css'].map((plain) => themeAsset(site.out, plain)).sort());
  });

  it('a stylesheet names the font by its published name, next to it', () => {
    const css = readFileSync(path.join(site.out, themeAsset(site.out, 'assets/style.css')), 'utf8');
    const font = themeAsset(site.out, 'assets/fonts/noto-nastaliq-urdu-arabic-400-normal.woff2');
    expect(css).toContain(`url("${path.posix.relative('assets', font)}") format("woff2")`);
    expect(css).not.toContain('url("fonts/noto-nastaliq-urdu-arabic-400-normal.woff2")');
  });

  it('an edited asset gets a new name, pages link it, and nothing else changes', () => {
    const before = snapshot(site.out);
    const kept = path.join(site.root, 'before');
    cpSync(site.out, kept, { recursive: true });
    const oldIcon = themeAsset(site.out, 'assets/favicon.svg');
    appendFileSync(path.join(site.root, 'templates/assets/favicon.svg'), '<!-- redrawn -->\n');
    const run = runCli(['build', '--now', NOW], { cwd: site.root });
    expect(run.status, run.stderr).toBe(0);
    const after = snapshot(site.out);
    const newIcon = themeAsset(site.out, 'assets/favicon.svg');
    expect(newIcon).not.toBe(oldIcon);
    expect(Object.keys(after)).toEqual(Object.keys(before).map((file) => (file === oldIcon ? newIcon : file)).sort());
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]);
    expect(changed.filter((file) => !file.endsWith('.html'))).toEqual([newIcon]);
    // Each page differs from before only in the icon's name.
    for (const file of htmlFiles(site.out)) {
      const text = readFileSync(path.join(site.out, file), 'utf8');
      expect(text.includes(`/news/${newIcon}`), file).toBe(true);
      expect(text.replaceAll(newIcon, oldIcon), file).toBe(readFileSync(path.join(kept, file), 'utf8'));
    }
    const rebuilt = runCli(['build', '--now', NOW, '--no-cache', '--out', path.join(site.root, 'again')], { cwd: site.root });
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(snapshot(path.join(site.root, 'again'))).toEqual(after);
  });

  it('a new font renames the font and the stylesheet that names it, and nothing else', () => {
    const before = snapshot(site.out);
    const names = Object.fromEntries(THEME_FILES.map((plain) => [plain, themeAsset(site.out, plain)]));
    const fonts = path.join(site.root, 'node_modules/@fontsource/noto-nastaliq-urdu/files');
    cpSync(path.join(REPO, 'node_modules/@fontsource/noto-nastaliq-urdu'), path.join(site.root, 'node_modules/@fontsource/noto-nastaliq-urdu'), { recursive: true });
    appendFileSync(path.join(fonts, 'noto-nastaliq-urdu-arabic-400-normal.woff2'), Buffer.from([0]));
    const run = runCli(['build', '--now', NOW], { cwd: site.root });
    expect(run.status, run.stderr).toBe(0);
    const after = snapshot(site.out);
    const renamed = THEME_FILES.filter((plain) => themeAsset(site.out, plain) !== names[plain]);
    expect(renamed).toEqual(['assets/style.css', 'assets/fonts/noto-nastaliq-urdu-arabic-400-normal.woff2']);
    const changedOther = Object.keys(after).filter((file) => !file.endsWith('.html') && file in before && after[file] !== before[file]);
    expect(changedOther).toEqual([]);
  });
});

describe('a publisher logo among the theme\'s assets', () => {
  it('is named in structured data by its published name', () => {
    const site = testSite({ 'content/2023/09/call.md': storyText('Army chief speaks to US defence secretary', '2023-09-13') }, { publisher: { name: 'Valley Gazette', logo: '/assets/favicon.svg' } });
    const run = site.build(NOW);
    expect(run.status, run.stderr).toBe(0);
    const home = page(path.join(site.out, 'index.html'));
    const data = home('script[type="application/ld+json"]').map((_, el) => JSON.parse(home(el).text()) as unknown).get();
    expect(JSON.stringify(data)).toContain(`"url":"https://example.org/news/${themeAsset(site.out, 'assets/favicon.svg')}"`);
  });
});

describe('a theme whose stylesheets import each other in a circle', () => {
  it('fails naming both, leaving dist/ as it was', () => {
    const { root, out } = builtSite();
    const before = snapshot(out);
    writeFileSync(path.join(root, 'templates/assets/a.css'), '@import "b.css";\n');
    writeFileSync(path.join(root, 'templates/assets/b.css'), '@import url("a.css");\n');
    const run = runCli(['build', '--now', NOW], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('templates/assets/b.css: names a.css, which names this file in turn');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(out)).toEqual(before);
  });
});
