/** `{% card story %}`: each story's card rendered once per render, the same on every list. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderGlobals } from '../../src/render/card-tag.js';
import { createEngine, templateProblem } from '../../src/render/templates.js';
import { loadConfig } from '../../src/config.js';
import { tempDir } from '../helpers.js';

/** A templates folder with `files`, and an engine reading it. */
function engineWith(files: Record<string, string>) {
  const root = tempDir();
  writeFileSync(path.join(root, 'dateline.config.json'), '{ "title": "T", "url": "https://example.org/news/" }');
  const dir = path.join(root, 'templates');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return { dir, engine: createEngine(dir, loadConfig({ root }).config, {}) };
}

const CARD = '<article><a href="{{ story.url | url }}">{{ story.title }}</a>{% if page %}leaked{% endif %}</article>';
const LIST = '<h1>{{ title }}</h1>{% for story in stories %}{% card story %}{% endfor %}';

/** Stories that count how often their card reads their title. */
function countedStories(count: number) {
  const reads = new Map<string, number>();
  const stories = Array.from({ length: count }, (_, i) => {
    const url = `/2023/09/story-${i}/`;
    return {
      url,
      get title() {
        reads.set(url, (reads.get(url) ?? 0) + 1);
        return `Story <${i}>`;
      },
    };
  });
  return { stories, reads };
}

describe('{% card story %}', () => {
  it('shows the same card on every list, rendering each story once per render', () => {
    const { engine } = engineWith({ 'partials/story-card.liquid': CARD, 'list.liquid': LIST });
    const { stories, reads } = countedStories(3);
    const globals = renderGlobals();
    const home = load(engine.renderFileSync('list', { title: 'Home', stories, page: { kind: 'home' } }, { globals }) as string);
    const tag = load(engine.renderFileSync('list', { title: 'TTP', stories: [stories[2], stories[0]], page: { kind: 'term' } }, { globals }) as string);
    expect(home('article a').map((_, a) => `${home(a).attr('href')} ${home(a).text()}`).get()).toEqual([
      '/news/2023/09/story-0/ Story <0>',
      '/news/2023/09/story-1/ Story <1>',
      '/news/2023/09/story-2/ Story <2>',
    ]);
    expect(tag('article').map((_, a) => tag(a).html()).get()).toEqual([home('article').eq(2).html(), home('article').eq(0).html()]);
    // The card sees the story alone, not the page it is on.
    expect(home.text()).not.toContain('leaked');
    expect([...reads.values()]).toEqual([1, 1, 1]);
  });

  it('renders the cards again in a new render, where stories may have changed', () => {
    const { engine } = engineWith({ 'partials/story-card.liquid': CARD, 'list.liquid': LIST });
    const { stories, reads } = countedStories(2);
    engine.renderFileSync('list', { title: 'A', stories }, { globals: renderGlobals() });
    engine.renderFileSync('list', { title: 'B', stories }, { globals: renderGlobals() });
    expect([...reads.values()]).toEqual([2, 2]);
  });

  it('keeps at most as many cards as it may, rendering the oldest again when they come back', () => {
    const { engine } = engineWith({ 'partials/story-card.liquid': CARD, 'list.liquid': LIST });
    const { stories, reads } = countedStories(3);
    const globals = renderGlobals(2);
    const first = engine.renderFileSync('list', { title: 'A', stories }, { globals });
    expect(engine.renderFileSync('list', { title: 'A', stories: stories.slice(1) }, { globals })).toBe(first.replace(/<article>.*?<\/article>/, ''));
    expect([...reads.values()]).toEqual([1, 1, 1]);
    engine.renderFileSync('list', { title: 'A', stories: stories.slice(0, 1) }, { globals });
    expect([...reads.values()]).toEqual([2, 1, 1]);
  });

  it('reports a mistake in the card at its own file and line', () => {
    const { dir, engine } = engineWith({ 'partials/story-card.liquid': '<article>\n{{ story.titel }}</article>', 'list.liquid': LIST });
    let error: unknown;
    try {
      engine.renderFileSync('list', { title: 'A', stories: [{ url: '/a/', title: 'A' }] }, { globals: renderGlobals() });
    } catch (caught) {
      error = caught;
    }
    expect(templateProblem(error, path.dirname(dir), dir)).toMatchObject({
      file: 'templates/partials/story-card.liquid',
      line: 2,
      message: 'template error: undefined variable: story.titel',
    });
  });
});
