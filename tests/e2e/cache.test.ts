/**
 * The persistent parse cache: a warm build reuses parsed stories and builds
 * exactly what a cold build builds; a damaged or foreign cache is ignored.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, NOW, page, REPO, runCli, snapshot, tempDir } from '../helpers.js';

let cold: Record<string, string>;

function build(site: string, ...flags: string[]) {
  const out = path.join(tempDir(), 'dist');
  const run = runCli(['build', '--root', site, '--out', out, '--now', NOW, '--verbose', ...flags]);
  expect(run.status, run.stderr).toBe(0);
  return { ...run, out, files: snapshot(out) };
}

/** The cache file whose name starts with `prefix`: `parsed-` (stories) or `outputs` (the last build's outputs). */
const cacheFile = (site: string, prefix = 'parsed-') => {
  const dir = path.join(site, '.dateline-cache');
  const name = readdirSync(dir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no ${prefix} cache file`);
  return path.join(dir, name);
};

/** What the last build recorded of its outputs. */
const outputsRecord = (site: string) => JSON.parse(readFileSync(cacheFile(site, 'outputs'), 'utf8').replace(/^.*\n/, ''));

/** Wait until the story files are two seconds old: only then does a build record their stamps (see loadStoryFiles). */
const settle = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);

/** A build that trusts nothing of the last one builds what a cold build builds. */
function expectEverythingRendered(site: string) {
  const warm = build(site);
  expect(warm.stdout).toMatch(/kept 0 unchanged outputs/);
  expect(warm.files).toEqual(cold);
}

/** Edit one story's text, as an editor would. */
const editIspr = (site: string) => {
  const story = path.join(site, 'content', 'ispr.md');
  writeFileSync(story, readFileSync(story, 'utf8').replace('speaks for', 'talks for'));
};

beforeAll(() => {
  cold = build(copyFixture('newsroom'), '--no-cache').files;
});

describe('the parse cache', () => {
  it('is not written with --no-cache', () => {
    const site = copyFixture('newsroom');
    build(site, '--no-cache');
    expect(existsSync(path.join(site, '.dateline-cache', 'build-report.json'))).toBe(true);
    expect(readdirSync(path.join(site, '.dateline-cache')).filter((f) => f.startsWith('parsed-'))).toEqual([]);
  });

  it('makes a warm build reuse every story and build byte-identical output', () => {
    const site = copyFixture('newsroom');
    const first = build(site);
    expect(first.stdout).toContain('Parsed 8 stories, reused 0 stories from the cache (no cache yet)');
    const warm = build(site);
    expect(warm.stdout).toContain('Parsed 0 stories, reused 8 stories from the cache');
    expect(warm.files).toEqual(cold);
  });

  it('is left as it is by a build that changed nothing, and rewritten after an edit', () => {
    const site = copyFixture('newsroom');
    settle();
    build(site);
    const before = statSync(cacheFile(site));
    expect(build(site).stdout).toContain('Parsed 0 stories, reused 8 stories from the cache');
    expect(statSync(cacheFile(site))).toMatchObject({ ino: before.ino, mtimeMs: before.mtimeMs });
    editIspr(site);
    expect(build(site).stdout).toContain('Parsed 1 story, reused 7 stories from the cache');
    expect(statSync(cacheFile(site)).ino).not.toBe(before.ino);
    expect(build(site).stdout).toContain('Parsed 0 stories, reused 8 stories from the cache');
  });

  it('re-parses only an edited story', () => {
    const site = copyFixture('newsroom');
    build(site);
    editIspr(site);
    const warm = build(site);
    expect(warm.stdout).toContain('Parsed 1 story, reused 7 stories from the cache');
    expect(warm.files['2023/09/ispr/index.html']).not.toBe(cold['2023/09/ispr/index.html']);
  });

  it('sees an edit that keeps the file size and even its modification time', () => {
    const site = copyFixture('newsroom');
    const story = path.join(site, 'content', 'ispr.md');
    const lastYear = new Date('2025-11-28T00:00:00Z');
    utimesSync(story, lastYear, lastYear);
    settle();
    build(site);
    writeFileSync(story, readFileSync(story, 'utf8').replace('speaks for', 'SPEAKS for'));
    utimesSync(story, lastYear, lastYear);
    expect(statSync(story).mtimeMs).toBe(lastYear.getTime());
    const warm = build(site);
    expect(warm.stdout).toContain('Parsed 1 story, reused 7 stories from the cache');
    expect(page(path.join(warm.out, '2023/09/ispr/index.html'))('.body').text()).toContain('SPEAKS for');
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2)), 'damaged cache ignored (checksum does not match)'],
    ['edited without its checksum', (text: string) => text.replace('Army chief speaks', 'Army chief TAMPERED'), 'damaged cache ignored (checksum does not match)'],
    ['not JSON at all', () => '\u0000\u0001 garbage', 'damaged cache ignored ('],
  ])('is ignored and rewritten when %s', (_, damage, note) => {
    const site = copyFixture('newsroom');
    build(site);
    const file = cacheFile(site);
    writeFileSync(file, damage(readFileSync(file, 'utf8')));
    const rebuilt = build(site);
    expect(rebuilt.stdout).toContain(note);
    expect(rebuilt.stdout).toContain('Parsed 8 stories, reused 0 stories');
    expect(rebuilt.files).toEqual(cold);
    expect(build(site).stdout).toContain('Parsed 0 stories, reused 8 stories from the cache');
  });

  it('never reads a cache made for another version or time zone, and removes it', () => {
    const site = copyFixture('newsroom');
    build(site);
    const file = cacheFile(site);
    const foreign = path.join(path.dirname(file), 'parsed-0123456789abcdef.json');
    writeFileSync(foreign, readFileSync(file, 'utf8'));
    writeFileSync(file, '');
    const rebuilt = build(site);
    expect(rebuilt.stdout).toContain('Parsed 8 stories');
    expect(rebuilt.files).toEqual(cold);
    expect(existsSync(foreign)).toBe(false);
  });

  it('keeps story bodies out of the cache file, and rebuilds the same bytes when bodies are deleted or damaged', () => {
    const site = copyFixture('newsroom');
    build(site);
    expect(readFileSync(cacheFile(site), 'utf8')).not.toContain('<p>General Asim Munir');
    const bodies = path.join(site, '.dateline-cache', 'bodies');
    const files = readdirSync(bodies, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).sort();
    expect(files.length).toBe(8);
    // Damaged: found when read, parsed again from the story. Forget the last build's pages so every page is rendered.
    for (const name of files) writeFileSync(path.join(bodies, name), '<p>damaged</p>');
    rmSync(cacheFile(site, 'outputs'));
    const repaired = build(site);
    expect(repaired.stdout).toContain('Parsed 0 stories, reused 8 stories from the cache');
    expect(repaired.files).toEqual(cold);
    // Deleted: the stories are parsed again.
    rmSync(bodies, { recursive: true });
    const reparsed = build(site);
    expect(reparsed.stdout).toContain('Parsed 8 stories, reused 0 stories from the cache');
    expect(reparsed.files).toEqual(cold);
  });

  it('leaves no bodies behind with --no-cache', () => {
    const site = copyFixture('newsroom');
    const tmp = tempDir();
    const out = path.join(tempDir(), 'dist');
    const run = runCli(['build', '--root', site, '--out', out, '--now', NOW, '--no-cache'], { env: { TMPDIR: tmp } });
    expect(run.status, run.stderr).toBe(0);
    expect(snapshot(out)).toEqual(cold);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('goes where --cache says', () => {
    const site = copyFixture('newsroom');
    const dir = tempDir();
    build(site, '--cache', dir);
    expect(readdirSync(dir).some((file) => file.startsWith('parsed-'))).toBe(true);
    expect(build(site, '--cache', dir).stdout).toContain('reused 8 stories');
  });
});

describe('reusing the last build', () => {
  it('renders nothing when nothing changed, and builds the same bytes', () => {
    const site = copyFixture('newsroom');
    const first = build(site);
    expect(first.stdout).toMatch(/Rendered \d+ outputs, kept 0 unchanged outputs from the last build/);
    const warm = build(site);
    expect(warm.stdout).toMatch(/Rendered 0 outputs, kept \d+ unchanged outputs from the last build/);
    expect(warm.files).toEqual(cold);
  });

  it('renders only what an edit changed, with the result a cold build gives', () => {
    const site = copyFixture('newsroom');
    build(site);
    editIspr(site);
    const warm = build(site);
    const rendered = Number(/Rendered (\d+) outputs/.exec(warm.stdout)?.[1]);
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(Object.keys(cold).length / 2);
    expect(warm.files).toEqual(build(site, '--no-cache').files);
  });

  it('renders everything when a file of the last build was changed by hand', () => {
    const site = copyFixture('newsroom');
    const first = build(site);
    writeFileSync(path.join(first.out, '2023/09/call/index.html'), '<p>edited on the server</p>');
    expectEverythingRendered(site);
  });

  it('checks untouched files of the last build by their size, time and inode, and still sees a later edit', () => {
    const site = copyFixture('newsroom');
    build(site);
    build(site);
    expect(outputsRecord(site).outputs['2023/09/call/index.html'].checked).toEqual(expect.objectContaining({ size: expect.any(Number), mtimeMs: expect.any(Number) }));
    expect(build(site).stdout).toMatch(/Rendered 0 outputs/);
    // The newest build's folder is the one recorded: edit a page there, as a person on the server might.
    const latest = outputsRecord(site).dir as string;
    writeFileSync(path.join(latest, '2023/09/call/index.html'), '<p>edited on the server</p>');
    expectEverythingRendered(site);
  });

  it('renders everything when the record of the last build is damaged', () => {
    const site = copyFixture('newsroom');
    build(site);
    const record = cacheFile(site, 'outputs');
    writeFileSync(record, readFileSync(record, 'utf8').replace('"hash":"', '"hash":"0'));
    expectEverythingRendered(site);
  });

  it('renders everything when a template changed', () => {
    const site = copyFixture('newsroom');
    build(site);
    cpSync(path.join(REPO, 'templates'), path.join(site, 'templates'), { recursive: true });
    const home = path.join(site, 'templates', 'home.liquid');
    writeFileSync(home, readFileSync(home, 'utf8').replace('{{ words.latest_stories }}', 'Newest stories'));
    const warm = build(site);
    expect(warm.stdout).toMatch(/kept 0 unchanged outputs/);
    expect(page(path.join(warm.out, 'index.html'))('.river-title').text()).toBe('Newest stories');
  });
});

describe('refilling the output before last', () => {
  /** A build into the site's own `dist/`, as an editor or CI with a kept `dist/` runs it. */
  function buildInPlace(site: string) {
    const run = runCli(['build', '--root', site, '--now', NOW, '--verbose']);
    return { ...run, files: snapshot(path.join(site, 'dist')) };
  }
  const kept = (site: string) => path.join(site, '.dateline-cache', 'old-output');

  it('keeps the replaced output in the cache and refills it, each build giving what a cold build gives', () => {
    const site = copyFixture('newsroom');
    expect(buildInPlace(site).files).toEqual(cold);
    expect(existsSync(kept(site))).toBe(false);
    expect(buildInPlace(site).files).toEqual(cold);
    expect(snapshot(kept(site))).toEqual(cold);
    editIspr(site);
    const edited = buildInPlace(site);
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.files).toEqual(build(site, '--no-cache').files);
    expect(snapshot(kept(site))).toEqual(cold);
    rmSync(path.join(site, 'content', 'report.md'));
    // A published story taken down on purpose (see url-stability.test.ts).
    writeFileSync(path.join(site, 'retired-urls.txt'), '/2023/07/report/\n');
    const removed = buildInPlace(site);
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.files).toEqual(build(site, '--no-cache').files);
    expect(snapshot(kept(site))).toEqual(edited.files);
  });

  it('repairs a page edited by hand, and publishes nothing someone left in the kept folder', () => {
    const site = copyFixture('newsroom');
    buildInPlace(site);
    buildInPlace(site);
    // Pages of the two folders may be one file under two names: editing one in place edits both.
    writeFileSync(path.join(site, 'dist', '2023/09/call/index.html'), '<p>edited on the server</p>');
    writeFileSync(path.join(kept(site), 'stray.html'), '<p>not part of the site</p>');
    rmSync(path.join(kept(site), 'index.html'));
    const next = buildInPlace(site);
    expect(next.stdout).toMatch(/kept 0 unchanged outputs/);
    expect(next.files).toEqual(cold);
    expect(buildInPlace(site).files).toEqual(cold);
  });

  it('leaves dist/ as it was when a build fails after taking over the kept folder, and the next build is right', () => {
    const site = copyFixture('newsroom');
    buildInPlace(site);
    buildInPlace(site);
    cpSync(path.join(REPO, 'templates'), path.join(site, 'templates'), { recursive: true });
    const term = path.join(site, 'templates', 'term.liquid');
    const good = readFileSync(term, 'utf8');
    // Story pages render before term pages, so the kept folder has been refilled in part when this fails.
    writeFileSync(term, good.replace('{{ term.name }}', '{{ term.nmae }}'));
    const failed = buildInPlace(site);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('undefined variable: term.nmae');
    expect(failed.files).toEqual(cold);
    writeFileSync(term, good);
    expect(buildInPlace(site).files).toEqual(cold);
  });
});
