/** PageRenderer: a page rendered here or on a render worker is the same page; a worker that died is rendered for here. */
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildSite } from '../../src/model/site.js';
import { toInstant } from '../../src/parse/dates.js';
import type { Story } from '../../src/parse/story.js';
import type { Page } from '../../src/plan/pages.js';
import { PageRenderer } from '../../src/render/html.js';
import { createEngine } from '../../src/render/templates.js';
import { Phrasebook } from '../../src/render/words.js';
import { WorkerGone, type PageWorkers } from '../../src/workers/render-pool.js';
import type { RenderResult } from '../../src/workers/render-worker.js';
import { FIXTURES } from '../helpers.js';

const { config, paths } = loadConfig({ root: path.join(FIXTURES, 'newsroom') });

const story: Story = {
  file: 'content/call.md',
  hash: 'h1',
  title: 'Army chief and US defence secretary discuss TTP',
  date: toInstant(Date.UTC(2023, 8, 13, 9), config.timezone),
  bylines: ['Ayesha Siddiqui'],
  tags: ['TTP', 'ISPR'],
  summary: '',
  summarySource: 'first-paragraph',
  kind: 'news',
  corrections: [],
  series: [],
  slug: 'call',
  draft: false,
  aliases: [],
  body: '',
};

const { site } = buildSite([story], config, { drafts: false, future: false, now: Date.UTC(2024, 0, 1) });
const tagsPage: Page = { kind: 'terms', url: site.taxonomies.tags.url, taxonomy: site.taxonomies.tags };

function renderer() {
  const engine = createEngine(paths.templates, config, {});
  return new PageRenderer(site, new Phrasebook(), () => '', engine, paths, () => 'terms');
}

/** Workers that answer every page with `answer`. */
const workers = (answer: () => Promise<RenderResult>) => ({ render: answer }) as unknown as PageWorkers;

describe('PageRenderer', () => {
  it('renders the page here when its render worker has died', async () => {
    const here = renderer().render(tagsPage);
    expect(load(here ?? '')('main a').map((_, a) => load(a).text()).get()).toEqual(expect.arrayContaining(['TTP', 'ISPR']));
    const pages = renderer();
    expect(await pages.renderOn(workers(() => Promise.reject(new WorkerGone('a render worker stopped (ERR_WORKER_OUT_OF_MEMORY)'))), tagsPage)).toBe(here);
    expect(pages.problems).toEqual([]);
  });

  it("keeps a worker's template problem, once however many pages meet it", async () => {
    const pages = renderer();
    const problem = { severity: 'error', file: 'templates/terms.liquid', line: 3, column: 5, message: 'template error: undefined variable: taxonomy.titel' } as const;
    const broken = workers(() => Promise.resolve({ id: 0, problem }));
    expect(await pages.renderOn(broken, tagsPage)).toBeUndefined();
    expect(await pages.renderOn(broken, tagsPage)).toBeUndefined();
    expect(pages.problems).toEqual([problem]);
  });

  it('passes on any other failure', async () => {
    await expect(renderer().renderOn(workers(() => Promise.reject(new Error('boom'))), tagsPage)).rejects.toThrow('boom');
  });
});
