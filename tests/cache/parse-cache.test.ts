import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseCache } from '../../src/cache/parse-cache.js';
import type { SourceRef } from '../../src/load/files.js';
import type { ParsedStory } from '../../src/parse/story.js';
import { tempDir } from '../helpers.js';

const source = (name: string, hash: string): SourceRef => ({ absolutePath: `/site/content/${name}`, path: `content/${name}`, relativePath: name, hash });
const refused = (message: string): ParsedStory => ({ story: undefined, problems: [{ severity: 'error', file: 'content/a.md', message }] });

describe('ParseCache', () => {
  it('gives back a parse only for the bytes that were parsed, from the next build too', async () => {
    const dir = tempDir();
    const first = await ParseCache.open(dir, 'f1');
    expect(first.rejected).toBe('no cache yet');
    first.set(source('a.md', 'h1'), refused('one'));
    first.set(source('b.md', 'h2'), refused('two'));
    expect(await first.save(new Set(['content/a.md']))).toBe(true);

    const next = await ParseCache.open(dir, 'f1');
    expect(next.rejected).toBeUndefined();
    expect(next.get(source('a.md', 'h1'))).toEqual(refused('one'));
    expect(next.get(source('a.md', 'edited'))).toBeUndefined();
    // A story not kept at the last save (deleted meanwhile) is gone.
    expect(next.get(source('b.md', 'h2'))).toBeUndefined();
    expect(next.known('content/a.md')?.hash).toBe('h1');
    // The same entries as read: nothing to write.
    expect(await next.save(new Set(['content/a.md']))).toBe(false);
  });

  it('is not read by another fingerprint, which replaces it, and a damaged one is ignored with the reason', async () => {
    const dir = tempDir();
    const first = await ParseCache.open(dir, 'f1');
    first.set(source('a.md', 'h1'), refused('one'));
    await first.save(new Set(['content/a.md']));
    const other = await ParseCache.open(dir, 'f2');
    expect(other.get(source('a.md', 'h1'))).toBeUndefined();
    other.set(source('a.md', 'h1'), refused('again'));
    await other.save(new Set(['content/a.md']));
    expect(readdirSync(dir)).toEqual(['parsed-f2.json']);

    writeFileSync(path.join(dir, 'parsed-f2.json'), 'not what was written');
    const damaged = await ParseCache.open(dir, 'f2');
    expect(damaged.rejected).toMatch(/^damaged cache ignored/);
    expect(damaged.get(source('a.md', 'h1'))).toBeUndefined();
  });
});
