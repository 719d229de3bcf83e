import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_KINDS, PAGE_TEMPLATES, templateOf } from '../src/outputs.js';
import type { Page } from '../src/plan/pages.js';
import { REPO } from './helpers.js';

const PAGE_KINDS: readonly Page['kind'][] = ['story', 'home', 'term', 'terms', 'corrections', 'not-found', 'search'];

describe('the table of output kinds', () => {
  it('gives every kind of page a template the default theme has, and nothing else one', () => {
    for (const kind of PAGE_KINDS) {
      const template = OUTPUT_KINDS[kind].template;
      expect(template, kind).toBeDefined();
      expect(existsSync(path.join(REPO, 'templates', `${template}.liquid`)), `${template}.liquid`).toBe(true);
    }
    const others = Object.entries(OUTPUT_KINDS).filter(([kind]) => !(PAGE_KINDS as readonly string[]).includes(kind));
    expect(others.map(([kind, entry]) => [kind, entry.template])).toEqual(others.map(([kind]) => [kind, undefined]));
    expect([...PAGE_TEMPLATES].sort()).toEqual(['404', 'corrections', 'home', 'search', 'story', 'term', 'terms']);
    expect(templateOf({ kind: 'not-found', url: '/404.html', latest: [] })).toBe('404');
  });
});
