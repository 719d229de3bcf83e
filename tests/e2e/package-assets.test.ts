/**
 * Theme assets taken from npm packages (`templates/package-assets.json`):
 * the default theme's Urdu font, kept by a theme copied from it, and a font
 * a site installs for a language of its own; a file that is not installed
 * fails the build at its line.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, snapshot, storyText, testSite, themeAsset } from '../helpers.js';

const NOW = '2024-01-01T00:00:00Z';
const FONT = 'assets/fonts/noto-nastaliq-urdu-arabic-400-normal.woff2';
const STORIES = { 'content/2023/09/call.md': storyText('Army chief speaks to US defence secretary', '2023-09-13') };

describe('assets from packages', () => {
  it('brings the default theme\'s font and its licence, byte for byte from the package', () => {
    const site = testSite(STORIES);
    expect(site.build(NOW).status).toBe(0);
    const packaged = path.join(REPO, 'node_modules', '@fontsource', 'noto-nastaliq-urdu');
    expect(readFileSync(path.join(site.out, themeAsset(site.out, FONT)))).toEqual(readFileSync(path.join(packaged, 'files', path.basename(FONT))));
    expect(readFileSync(path.join(site.out, themeAsset(site.out, 'assets/fonts/noto-nastaliq-urdu-LICENSE.txt')), 'utf8')).toContain('SIL Open Font License');
  });

  it('keeps them in a theme copied from the default one', () => {
    const site = testSite(STORIES);
    cpSync(path.join(REPO, 'templates'), path.join(site.root, 'templates'), { recursive: true });
    expect(site.build(NOW).status).toBe(0);
    expect(existsSync(path.join(site.out, themeAsset(site.out, FONT)))).toBe(true);
  });

  it('finds a font the site installs for a language of its own', () => {
    const site = testSite(STORIES);
    cpSync(path.join(REPO, 'templates'), path.join(site.root, 'templates'), { recursive: true });
    const installed = path.join(site.root, 'node_modules', '@fontsource', 'noto-naskh-arabic', 'files');
    mkdirSync(installed, { recursive: true });
    writeFileSync(path.join(installed, 'naskh.woff2'), 'not really a font');
    const mapping = JSON.parse(readFileSync(path.join(site.root, 'templates', 'package-assets.json'), 'utf8')) as Record<string, string>;
    writeFileSync(path.join(site.root, 'templates', 'package-assets.json'), JSON.stringify({ ...mapping, 'fonts/naskh.woff2': '@fontsource/noto-naskh-arabic/files/naskh.woff2' }, null, 2));
    const run = site.build(NOW);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(site.out, themeAsset(site.out, 'assets/fonts/naskh.woff2')), 'utf8')).toBe('not really a font');
    expect(existsSync(path.join(site.out, themeAsset(site.out, FONT)))).toBe(true);
  });

  it('fails at the line of a file that is not installed, leaving dist/ as it was', () => {
    const site = testSite(STORIES);
    cpSync(path.join(REPO, 'templates'), path.join(site.root, 'templates'), { recursive: true });
    expect(site.build(NOW).status).toBe(0);
    const before = snapshot(site.out);
    writeFileSync(
      path.join(site.root, 'templates', 'package-assets.json'),
      '{\n  "fonts/urdu.woff2": "@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2",\n  "fonts/pashto.woff2": "@fontsource/noto-sans-pashto/files/pashto.woff2",\n  "../outside.txt": "@fontsource/noto-nastaliq-urdu/LICENSE"\n}\n',
    );
    const run = site.build(NOW);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('templates/package-assets.json:3: `fonts/pashto.woff2`: `@fontsource/noto-sans-pashto/files/pashto.woff2` is not installed; add its package with `npm install @fontsource/noto-sans-pashto`');
    expect(run.stderr).toContain('templates/package-assets.json:4: `../outside.txt` must be a place under `assets/`');
    expect(snapshot(site.out)).toEqual(before);
  });

  it('fails when the theme has a file of its own where a package file is mapped, leaving dist/ as it was', () => {
    const site = testSite(STORIES);
    cpSync(path.join(REPO, 'templates'), path.join(site.root, 'templates'), { recursive: true });
    expect(site.build(NOW).status).toBe(0);
    const before = snapshot(site.out);
    mkdirSync(path.join(site.root, 'templates', 'assets', 'fonts'), { recursive: true });
    writeFileSync(path.join(site.root, 'templates', FONT), 'a font of the theme\'s own');
    const run = site.build(NOW);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("templates/package-assets.json: `fonts/noto-nastaliq-urdu-arabic-400-normal.woff2` is also a file of the theme's assets/ folder: map the package's file to another place");
    expect(snapshot(site.out)).toEqual(before);
  });
});
