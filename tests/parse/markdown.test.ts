/** Markdown: a story parsed with only the GFM extensions it has markers for renders exactly as with all of them. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullProcessor, renderMarkdown } from '../../src/parse/markdown.js';
import { gfmMarkers } from '../../src/parse/news-gfm.js';
import { CORPUS_GENERATOR, REPO, tempDir } from '../helpers.js';

const withAll = (source: string) => renderMarkdown(source, undefined, fullProcessor);

describe('GFM extensions chosen by marker', () => {
  it.each([
    ['a pipe table', '| Province | Killed |\n| :- | -: |\n| KP | 12 |\n'],
    ['a one-column table without pipes', 'Province\n:-\nKP\n'],
    ['a right-aligned one without pipes', 'Killed\n-:\n12\n'],
    ['a setext heading, not a table', 'Heading\n---\n'],
    ['a footnote', 'The ISPR said so.[^1]\n\n[^1]: Inter-Services Public Relations.\n'],
    ['strikethrough', 'Casualties were ~~twelve~~ fourteen.\n'],
    ['a lone tilde', 'About ~300 people gathered.\n'],
    ['none of them', 'ISLAMABAD: The army chief spoke to the US defence secretary.\n\n> A quote.\n'],
    ['an escaped pipe', 'Either \\| or not.\n'],
    ['a link label like a footnote', 'See [^not a footnote] and [^](x).\n'],
  ])('renders %s as the full GFM processor does', (_, source) => {
    expect(renderMarkdown(source)).toEqual(withAll(source));
  });

  it('renders a generated newsroom and the sample stories exactly as the full processor does', () => {
    const corpus = path.join(tempDir(), 'content');
    execFileSync(process.execPath, [CORPUS_GENERATOR, corpus, '300'], { stdio: 'ignore' });
    const sample = path.join(REPO, 'content');
    const files = [corpus, sample].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(dir, name)),
    );
    const sources = files.map((file) => readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect(sources.some((source) => !gfmMarkers(source).tables)).toBe(true);
    expect(sources.some((source) => gfmMarkers(source).tables)).toBe(true);
    for (const source of sources) expect(renderMarkdown(source)).toEqual(withAll(source));
  });
});
