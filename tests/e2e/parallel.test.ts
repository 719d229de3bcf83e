/** Parsing and rendering on worker threads change nothing but the time they take. */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOW, page, REPO, runCli, snapshot, tempDir } from '../helpers.js';

const TAGS = ['TTP', 'ISPR', 'KP', 'Balochistan', 'Counter Terrorism', 'Economy', 'Courts', 'Floods'];
const BYLINES = ['Ayesha Siddiqui', 'Bilal Ahmed', 'Farah Naqvi'];

/** A site of `count` small stories, enough to be parsed on workers. */
function generatedSite(count: number): string {
  const root = tempDir('dateline-parallel-');
  writeFileSync(path.join(root, 'dateline.config.json'), JSON.stringify({ title: 'Parallel Times', url: 'https://example.org/', timezone: 'Asia/Karachi' }));
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const dir = path.join(root, 'content', '2023', month);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `story-${i}.md`),
      [
        '---',
        `title: Story number ${i} from the desk`,
        `date: 2023-${month}-${day} ${String(i % 24).padStart(2, '0')}:15`,
        `byline: ${BYLINES[i % BYLINES.length]}`,
        `tags: [${TAGS[i % TAGS.length]}, ${TAGS[(i * 3 + 1) % TAGS.length]}]`,
        '---',
        `Paragraph one of story ${i}, with *emphasis* and a [link](https://example.org/${i}).`,
        '',
        '| Figure | Value |',
        '| --- | ---: |',
        `| Count | ${i} |`,
        '',
        `A note on sources.[^1]\n\n[^1]: Officials speaking about story ${i}.`,
        '',
      ].join('\n'),
    );
  }
  return root;
}

function build(root: string, workers: string, timeoutMs?: number) {
  const out = path.join(tempDir(), 'dist');
  const run = runCli(['build', '--root', root, '--out', out, '--now', NOW, '--report', path.join(tempDir(), 'r.json')], {
    env: { DATELINE_WORKERS: workers },
    ...(timeoutMs && { timeoutMs }),
  });
  return { ...run, out };
}

describe('parallel parsing and rendering', () => {
  it('builds byte-identical output on one thread and on two', () => {
    const root = generatedSite(240);
    const one = build(root, '1');
    const two = build(root, '2');
    expect([one.status, two.status], `${one.stderr}${two.stderr}`).toEqual([0, 0]);
    expect(one.stdout).toMatch(/from 240 stories/);
    expect(snapshot(two.out)).toEqual(snapshot(one.out));
  }, 120_000);

  it('reports a template mistake met on the render workers once, at its file and line, and publishes nothing', () => {
    const root = generatedSite(240);
    cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
    const story = path.join(root, 'templates', 'story.liquid');
    const lines = readFileSync(story, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.includes('<h1>{{ story.title }}</h1>'));
    lines[at] = lines[at]!.replace('story.title', 'story.titel');
    writeFileSync(story, lines.join('\n'));
    const run = build(root, '2');
    expect(run.status).toBe(1);
    const column = lines[at]!.indexOf('story.titel') + 1;
    expect(run.stderr.split('\n').filter((line) => line.includes('template error'))).toEqual([
      `templates/story.liquid:${at + 1}:${column}: template error: undefined variable: story.titel`,
    ]);
    expect(existsSync(run.out)).toBe(false);
  }, 120_000);

  it('builds a 5 MB story too big for a worker, whole, on a worker of its own with a larger heap', () => {
    const root = generatedSite(220);
    const paragraph = (n: number) => `Paragraph ${n}: the ISPR said the **operation** in [North Waziristan](https://example.org/) went on for a *third* day.`;
    const count = 42_000;
    const body = Array.from({ length: count }, (_, n) => paragraph(n)).join('\n\n');
    expect(body.length).toBeGreaterThan(5_000_000);
    writeFileSync(path.join(root, 'content', 'huge.md'), `---\ntitle: Huge\ndate: 2023-01-02 10:00\n---\n${body}\n`);
    // ~30 s here when the machine is idle (the capped worker runs out of memory first); several times that when it is busy.
    const run = build(root, '2', 290_000);
    expect(run.status, run.stderr).toBe(0);
    const $ = page(path.join(run.out, '2023', '01', 'huge', 'index.html'));
    const paragraphs = $('.body p');
    expect(paragraphs.length).toBe(count);
    expect(paragraphs.last().text()).toBe(`Paragraph ${count - 1}: the ISPR said the operation in North Waziristan went on for a third day.`);
  }, 300_000);

  it('names a story too deeply nested to parse, on a worker, and publishes nothing', () => {
    const root = generatedSite(220);
    writeFileSync(path.join(root, 'content', 'deep.md'), `---\ntitle: Deep\ndate: 2023-01-01\n---\n${'>'.repeat(10_000)} deep\n`);
    const run = build(root, '2');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/deep.md:5:1: lists and quotes are nested 10000 deep here, more than the 100 a story may have');
    expect(run.stderr).toContain('Build failed with 1 error');
  }, 120_000);

  it('gives up on a story that takes too long to parse, naming it, and reports the rest', () => {
    const root = generatedSite(20);
    // The Markdown parser's time grows with the square of a run of `*_`: ~10 s for these 40 KB here.
    writeFileSync(path.join(root, 'content', 'slow.md'), `---\ntitle: Slow\ndate: 2023-01-02 10:00\n---\n${'*_'.repeat(20_000)}a\n`);
    writeFileSync(path.join(root, 'content', 'undated.md'), '---\ntitle: Undated\n---\nBody.\n');
    const out = path.join(tempDir(), 'dist');
    const run = runCli(['build', '--root', root, '--out', out, '--now', NOW], { env: { DATELINE_PARSE_TIMEOUT: '1' } });
    expect(run.status).toBe(1);
    // The limit: 1 s, and 20 s per MB of story (these 40 KB: 0.8 s more).
    expect(run.stderr).toContain("content/slow.md:1: took longer than 1.8 s to parse and was given up on; simplify the story's Markdown (long runs of `*` or `_` are the usual cause)");
    expect(run.stderr).toContain('content/undated.md:2:1: `date`: is required');
    expect(run.stderr).toContain('Build failed with 2 errors');
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
