/** The pipeline redoes only what a change affects. */


import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { loadStoryFiles, readSourceSync } from '../src/load/files.js';
import { BodyStore } from '../src/cache/bodies.js';
import { BuildFailed, formatProblem } from '../src/errors.js';
import { Pipeline } from '../src/pipeline.js';
import { copyFixture } from './helpers.js';

async function pipelineOnFixture() {
  const root = copyFixture('newsroom');
  const { config, paths } = loadConfig({ root });
  const pipeline = new Pipeline(config, paths, { drafts: false, future: false, now: Date.UTC(2024, 0, 1), strict: false, bodies: new BodyStore(path.join(root, '.dateline-cache', 'bodies')) });
  const refs = await loadStoryFiles(paths.content, paths.root);
  for (const ref of refs) pipeline.setSource(ref);
  const sources = refs.map(readSourceSync);
  const first = await pipeline.run(ignore);
  return { pipeline, sources, first, root };
}

const paths = (run: { changed: readonly string[] }) => [...run.changed].sort();

/** Outputs are handed over as they are rendered; these tests only look at which. */
const ignore = async () => {};

describe('Pipeline', () => {
  it('renders everything once, then nothing when nothing changed', async () => {
    const { pipeline, first } = await pipelineOnFixture();
    expect(first.parsed).toBe(8);
    expect(first.changed.length).toBe(first.all.size);
    expect(new Set(first.changed)).toEqual(first.all);
    const again = await pipeline.run(ignore);
    expect([again.parsed, again.changed.length, again.removed.length]).toEqual([0, 0, 0]);
  });

  it('re-parses one edited story and re-renders only what shows it', async () => {
    const { pipeline, sources } = await pipelineOnFixture();
    const ispr = sources.find((source) => source.path === 'content/ispr.md')!;
    writeFileSync(ispr.absolutePath, ispr.text.replace('speaks for', 'talks for'));
    pipeline.setSource({ ...ispr, hash: 'edited' });
    const run = await pipeline.run(ignore);
    expect(run.parsed).toBe(1);
    const changed = paths(run);
    expect(changed).toContain('2023/09/ispr/index.html');
    expect(changed).toContain('tags/ispr/feed.xml');
    expect(changed).not.toContain('2023/09/call/index.html');
    expect(changed).not.toContain('tags/kp/index.html');
    expect(changed).not.toContain('sitemap.xml');
  });

  it('re-renders story pages, and only those, when the story template changes, parsing nothing', async () => {
    const { pipeline, first } = await pipelineOnFixture();
    pipeline.templatesChanged(['story.liquid']);
    const run = await pipeline.run(ignore);
    expect(run.parsed).toBe(0);
    const storyPages = [...first.all].filter((file) => /^\d{4}\//.test(file)).sort();
    expect(paths(run)).toEqual(storyPages);
  });

  it('re-renders every page when the layout changes', async () => {
    const { pipeline, first } = await pipelineOnFixture();
    pipeline.templatesChanged(['layout.liquid']);
    const run = await pipeline.run(ignore);
    expect(paths(run)).toEqual([...first.all].filter((file) => file.endsWith('.html')).sort());
  });

  it('removes the pages of a deleted story and of a tag that lost its last story', async () => {
    const { pipeline } = await pipelineOnFixture();
    pipeline.removeSource('content/hostile.md');
    const run = await pipeline.run(ignore);
    expect(run.removed).toEqual(expect.arrayContaining(['2023/06/hostile/index.html', 'tags/b-bold-b/index.html', 'tags/b-bold-b/feed.xml']));
    // Five stories: the lead and four in the river, two pages of two; the third page goes.
    expect(run.removed).toContain('page/3/index.html');
  });

  it('previews an edited story against the last build: its own page first', async () => {
    const { pipeline, sources } = await pipelineOnFixture();
    const call = sources.find((source) => source.path === 'content/call.md')!;
    const previews = await pipeline.preview({ ...call, text: call.text.replace('spoke by phone', 'spoke at length by phone'), hash: 'a' });
    expect(previews.map((output) => output.path)).toEqual(['2023/09/call/index.html']);
    expect(String(previews[0]?.content)).toContain('spoke at length by phone');
  });

  /** Preview `edit` of call.md, then run; every previewed page must be what the run renders for it. */
  async function previewThenRun(edit: (text: string) => string) {
    const { pipeline, sources } = await pipelineOnFixture();
    const call = sources.find((source) => source.path === 'content/call.md')!;
    const edited = { ...call, text: edit(call.text), hash: 'edited' };
    const previews = await pipeline.preview(edited);
    pipeline.setSource(edited);
    const rendered = new Map<string, string>();
    await pipeline.run(async (output) => {
      rendered.set(output.path, String(output.content));
    });
    for (const preview of previews) expect(String(preview.content), preview.path).toBe(rendered.get(preview.path));
    return previews.map((output) => output.path);
  }

  it('previews the story and the first page of a tag it joins, exactly as the run renders them', async () => {
    expect(await previewThenRun((text) => text.replace('tags: [TTP, ', 'tags: [New Tag, TTP, '))).toEqual([
      '2023/09/call/index.html',
      'tags/new-tag/index.html',
      'tags/ttp/index.html',
      'tags/ispr/index.html',
      'tags/counter-terrorism/index.html',
    ]);
  });

  it('previews the lists a story leaves, a new byline and a new date, exactly as the run renders them', async () => {
    const left = await previewThenRun((text) => text.replace('tags: [TTP, ISPR, Counter Terrorism]', 'tags: [TTP]'));
    expect(left).toEqual(expect.arrayContaining(['2023/09/call/index.html', 'tags/ttp/index.html', 'tags/ispr/index.html']));
    const byline = await previewThenRun((text) => text.replace('byline: [Ayesha Siddiqui, Bilal Ahmed]', 'byline: Sana Mir'));
    expect(byline).toEqual(expect.arrayContaining(['bylines/sana-mir/index.html', 'bylines/ayesha-siddiqui/index.html']));
    const redated = await previewThenRun((text) => text.replace('date: 2023-09-13 09:30', 'date: 2023-09-01 08:00'));
    expect(redated).toEqual(expect.arrayContaining(['2023/09/call/index.html', 'tags/ttp/index.html', 'sections/pakistan/index.html']));
  });

  it('previews nothing when the edit moves the story, breaks it or holds it back', async () => {
    const { pipeline, sources } = await pipelineOnFixture();
    const call = sources.find((source) => source.path === 'content/call.md')!;
    const attempt = (text: string) => pipeline.preview({ ...call, text, hash: text });
    expect(await attempt(call.text.replace('date: 2023-09-13 09:30', 'date: 2023-08-13 09:30'))).toEqual([]);
    expect(await attempt(call.text.replace('title: Army chief', 'title: [Army chief'))).toEqual([]);
    expect(await attempt(call.text.replace('---\ntitle', '---\ndraft: true\ntitle'))).toEqual([]);
    expect(await attempt(call.text.replace('date: 2023-09-13 09:30', 'date: 2099-09-13 09:30'))).toEqual([]);
  });
});

describe('Pipeline: story bodies', () => {
  it('parses a story again when its body vanished from the store mid-build', async () => {
    const { pipeline, root } = await pipelineOnFixture();
    const before = new Map<string, string>();
    pipeline.templatesChanged(['story.liquid']);
    await pipeline.run(async (output) => {
      before.set(output.path, String(output.content));
    });
    rmSync(path.join(root, '.dateline-cache', 'bodies'), { recursive: true });
    pipeline.templatesChanged(['story.liquid']);
    const after = new Map<string, string>();
    await pipeline.run(async (output) => {
      after.set(output.path, String(output.content));
    });
    expect(after.size).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it('fails naming the story when the body is gone and the file changed meanwhile', async () => {
    const { pipeline, root } = await pipelineOnFixture();
    rmSync(path.join(root, '.dateline-cache', 'bodies'), { recursive: true });
    const file = path.join(root, 'content', 'call.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('spoke by phone', 'met'));
    pipeline.templatesChanged(['story.liquid']);
    const failure = await pipeline.run(ignore).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailed);
    expect((failure as BuildFailed).problems.map(formatProblem)).toEqual(['content/call.md: changed or went missing while the site was being built: build again']);
  });
});

describe('Pipeline: story files', () => {
  it('reads a story when it parses it, and names one deleted since it was found', async () => {
    const { pipeline, sources } = await pipelineOnFixture();
    const ispr = sources.find((source) => source.path === 'content/ispr.md')!;
    rmSync(ispr.absolutePath);
    pipeline.setSource({ ...ispr, hash: 'changed' });
    const failure = await pipeline.run(ignore).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailed);
    const errors = (failure as BuildFailed).problems.filter((problem) => problem.severity === 'error');
    expect(errors.map(formatProblem)).toEqual(['content/ispr.md: could not be read (ENOENT)']);
  });
});
