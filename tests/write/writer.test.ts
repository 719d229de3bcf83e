import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StagedDirectoryWriter } from '../../src/write/staged-dir.js';
import { checkedRelative, MemoryWriter } from '../../src/write/writer.js';
import { tempDir } from '../helpers.js';

describe('checkedRelative', () => {
  it.each(['../escape.html', '/etc/passwd', 'a/../../b', '..', '', 'a\0b'])('refuses %j', (file) => {
    expect(() => checkedRelative(file)).toThrow(/Internal error: refusing to write/);
  });

  it('normalizes paths inside the output', () => {
    expect(checkedRelative('tags/./ttp/index.html')).toBe('tags/ttp/index.html');
  });
});

describe('MemoryWriter', () => {
  it('keeps what was written', async () => {
    const writer = new MemoryWriter();
    await writer.write('a/index.html', 'hello');
    expect(writer.files.get('a/index.html')?.toString()).toBe('hello');
  });
});

describe('StagedDirectoryWriter', () => {
  function existingOutput(): string {
    const out = path.join(tempDir(), 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'old.html'), 'old');
    return out;
  }

  it('replaces the output folder whole on commit', async () => {
    const out = existingOutput();
    const writer = new StagedDirectoryWriter(out);
    await writer.write('tags/ttp/index.html', 'new');
    expect(readdirSync(out)).toEqual(['old.html']);
    await writer.commit();
    expect(readdirSync(out)).toEqual(['tags']);
    expect(readFileSync(path.join(out, 'tags/ttp/index.html'), 'utf8')).toBe('new');
    expect(readdirSync(path.dirname(out))).toEqual(['dist']);
  });

  it('creates the output folder when there was none', async () => {
    const out = path.join(tempDir(), 'dist');
    const writer = new StagedDirectoryWriter(out);
    await writer.write('index.html', 'x');
    await writer.commit();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('x');
  });

  it('leaves the previous output untouched on abort', async () => {
    const out = existingOutput();
    const writer = new StagedDirectoryWriter(out);
    await writer.write('index.html', 'half');
    await writer.abort();
    expect(readdirSync(out)).toEqual(['old.html']);
    expect(existsSync(writer.staging)).toBe(false);
  });
});
