/**
 * The same content builds byte-identical output whatever the machine's time
 * zone, locale, file order or folder.
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, runCli, snapshot, tempDir } from '../helpers.js';

/** Copy `from` to a new folder, creating entries in the given order. */
function copyInOrder(from: string, order: 'forward' | 'reverse'): string {
  const to = tempDir('dateline-order-');
  const copy = (src: string, dst: string) => {
    const entries = readdirSync(src, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (order === 'reverse') entries.reverse();
    for (const entry of entries) {
      if (entry.isDirectory()) {
        mkdirSync(path.join(dst, entry.name));
        copy(path.join(src, entry.name), path.join(dst, entry.name));
      } else {
        copyFileSync(path.join(src, entry.name), path.join(dst, entry.name));
      }
    }
  };
  copy(from, to);
  return to;
}

/** The repository's sample site alone: config, content and templates. */
function sampleSite(): string {
  const site = tempDir('dateline-sample-');
  for (const entry of ['dateline.config.json', 'content', 'templates']) {
    cpSync(path.join(REPO, entry), path.join(site, entry), { recursive: true });
  }
  return site;
}

function buildSnapshot(site: string, env: Record<string, string>): Record<string, string> {
  const out = path.join(tempDir(), 'dist');
  // A cache of its own: the fixture is built in place, and its folder keeps no record between tests.
  const run = runCli(['build', '--root', site, '--out', out, '--cache', tempDir(), '--drafts'], { env: { SOURCE_DATE_EPOCH: '1700000000', ...env } });
  expect(run.status, run.stderr).toBe(0);
  return snapshot(out);
}

describe('deterministic output', () => {
  it.each([
    ['the fixture newsroom', path.join(FIXTURES, 'newsroom')],
    ['the sample site', REPO],
  ])('%s builds byte-identical files across time zones, locales and file orders', (_, source) => {
    const site = source === REPO ? sampleSite() : source;
    const first = buildSnapshot(copyInOrder(site, 'forward'), { TZ: 'UTC', LANG: 'C' });
    const second = buildSnapshot(copyInOrder(site, 'reverse'), { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    const third = buildSnapshot(copyInOrder(site, 'reverse'), { TZ: 'America/New_York', LANG: 'ur_PK.UTF-8' });
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('takes "now" from SOURCE_DATE_EPOCH: a story becomes public when its time comes', () => {
    const site = path.join(FIXTURES, 'newsroom');
    const before = buildSnapshot(site, { SOURCE_DATE_EPOCH: String(Date.UTC(2030, 11, 31) / 1000) });
    const after = buildSnapshot(site, { SOURCE_DATE_EPOCH: String(Date.UTC(2031, 0, 2) / 1000) });
    expect(Object.keys(before)).not.toContain('2031/01/embargoed/index.html');
    expect(Object.keys(after)).toContain('2031/01/embargoed/index.html');
  });
});
