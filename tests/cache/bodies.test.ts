import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyStore } from '../../src/cache/bodies.js';
import { tempDir } from '../helpers.js';

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));

describe('BodyStore', () => {
  it('gives back what was put, by digest, from a new store on the same folder too', () => {
    const dir = tempDir();
    const html = '<p>General Asim Munir and Lloyd Austin spoke by phone — “on regional security”.</p>';
    const digest = BodyStore.digest(html);
    new BodyStore(dir).put(digest, html);
    new BodyStore(dir).put(digest, html);
    expect(files(dir)).toHaveLength(1);
    expect(new BodyStore(dir).get(digest)).toBe(html);
    expect(new BodyStore(dir).has(digest)).toBe(true);
  });

  it('refuses a body whose bytes are not the ones named, and one that is missing', () => {
    const dir = tempDir();
    const html = '<p>Body.</p>';
    const digest = BodyStore.digest(html);
    new BodyStore(dir).put(digest, html);
    writeFileSync(path.join(dir, files(dir)[0]!), '<p>Bodx.</p>');
    expect(new BodyStore(dir).get(digest)).toBeUndefined();
    expect(new BodyStore(dir).get(BodyStore.digest('never stored'))).toBeUndefined();
    expect(new BodyStore(dir).has(BodyStore.digest('never stored'))).toBe(false);
  });

  it('repairs a damaged body, where putting it again leaves the damage', () => {
    const dir = tempDir();
    const html = '<p>Body.</p>';
    const digest = BodyStore.digest(html);
    new BodyStore(dir).put(digest, html);
    writeFileSync(path.join(dir, files(dir)[0]!), '<p>Bodx.</p>');
    new BodyStore(dir).put(digest, html);
    expect(new BodyStore(dir).get(digest)).toBeUndefined();
    new BodyStore(dir).repair(digest, html);
    expect(new BodyStore(dir).get(digest)).toBe(html);
    expect(files(dir)).toHaveLength(1);
  });

  it('prunes what is not kept', () => {
    const dir = tempDir();
    const store = new BodyStore(dir);
    const [a, b] = ['<p>a</p>', '<p>b</p>'].map((html) => {
      store.put(BodyStore.digest(html), html);
      return BodyStore.digest(html);
    });
    store.prune(new Set([a!]));
    expect(files(dir).map((name) => path.basename(name, '.html'))).toEqual([a]);
    expect(store.has(b!)).toBe(false);
  });
});
