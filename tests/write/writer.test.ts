import { cpSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash, folderIdentity, stampOf, type KnownFile } from '../../src/write/file-stamp.js';
import { StagedDirectoryWriter, type Spare } from '../../src/write/staged-dir.js';
import { checkedRelative, MemoryWriter } from '../../src/write/writer.js';
import { snapshot, tempDir } from '../helpers.js';

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

/** An output folder from an earlier build, holding `old.html`. */
function existingOutput(): string {
  const out = path.join(tempDir(), 'dist');
  mkdirSync(out);
  writeFileSync(path.join(out, 'old.html'), 'old');
  return out;
}

describe('StagedDirectoryWriter', () => {
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

  it('deletes what builds killed mid-way left beside the output, and nothing else', async () => {
    const out = existingOutput();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const left = [`dist.tmp-${gone}-0123abcd`, `dist.old-${gone}-89abcdef`];
    const others = [`dist.tmp-${process.pid}-00000000`, 'dist.tmp-notes', `other.tmp-${gone}-0123abcd`];
    for (const name of [...left, ...others]) {
      mkdirSync(path.join(path.dirname(out), name));
      writeFileSync(path.join(path.dirname(out), name, 'index.html'), 'left');
    }
    const writer = new StagedDirectoryWriter(out);
    await writer.write('index.html', 'new');
    await writer.commit();
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['dist', ...others].sort());
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

describe('StagedDirectoryWriter refilling a spare folder', () => {
  /** A spare folder holding `files`, each recorded as it was written. */
  function spareWith(files: Record<string, string>): Spare {
    const dir = path.join(tempDir(), 'spare');
    mkdirSync(dir);
    const known = new Map<string, KnownFile>();
    for (const [file, text] of Object.entries(files)) {
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
      known.set(file, { hash: contentHash(text), checked: stampOf(statSync(target)) });
    }
    return { dir, files: known, identity: folderIdentity(dir)! };
  }

  const contents = (dir: string) =>
    Object.fromEntries(Object.keys(snapshot(dir)).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));

  it('keeps files already right, replaces the rest and deletes what the build did not write', async () => {
    const spare = spareWith({ 'same/index.html': 'same', 'changed/index.html': 'before', 'gone/deep/index.html': 'old page' });
    const sameInode = statSync(path.join(spare.dir, 'same/index.html')).ino;
    const out = path.join(tempDir(), 'dist');
    const writer = new StagedDirectoryWriter(out, { spare });
    await writer.write('same/index.html', 'same');
    await writer.write('changed/index.html', 'after');
    await writer.write('new/index.html', 'new page');
    await writer.commit();
    expect(contents(out)).toEqual({ 'same/index.html': 'same', 'changed/index.html': 'after', 'new/index.html': 'new page' });
    expect(readdirSync(out).sort()).toEqual(['changed', 'new', 'same']);
    expect(statSync(path.join(out, 'same/index.html')).ino).toBe(sameInode);
    expect(existsSync(spare.dir)).toBe(false);
  });

  it('rewrites a spare file that changed since it was recorded, even to the bytes it was recorded with', async () => {
    const spare = spareWith({ 'index.html': 'right' });
    writeFileSync(path.join(spare.dir, 'index.html'), 'tampered');
    const out = path.join(tempDir(), 'dist');
    const writer = new StagedDirectoryWriter(out, { spare });
    await writer.write('index.html', 'right');
    await writer.commit();
    expect(contents(out)).toEqual({ 'index.html': 'right' });
  });

  it('does not publish a spare file it has no record of', async () => {
    const spare = spareWith({ 'index.html': 'home' });
    writeFileSync(path.join(spare.dir, 'stray.html'), 'left by someone');
    const out = path.join(tempDir(), 'dist');
    const writer = new StagedDirectoryWriter(out, { spare: { ...spare, files: new Map() } });
    await writer.write('index.html', 'home');
    await writer.commit();
    expect(contents(out)).toEqual({ 'index.html': 'home' });
  });

  it.each([
    ['a link to another folder', (spare: Spare, elsewhere: string) => symlinkSync(elsewhere, spare.dir)],
    ['another folder put in its place', (spare: Spare, elsewhere: string) => cpSync(elsewhere, spare.dir, { recursive: true })],
  ])('takes over only the folder it kept, never %s', async (_, replace) => {
    const spare = spareWith({ 'index.html': 'home' });
    const elsewhere = path.join(tempDir(), 'precious');
    mkdirSync(path.join(elsewhere, 'other'), { recursive: true });
    writeFileSync(path.join(elsewhere, 'index.html'), 'home');
    writeFileSync(path.join(elsewhere, 'other', 'a.php'), '<?php // not Dateline\'s');
    const before = snapshot(elsewhere);
    rmSync(spare.dir, { recursive: true });
    replace(spare, elsewhere);
    const out = path.join(tempDir(), 'dist');
    const writer = new StagedDirectoryWriter(out, { spare });
    await writer.write('index.html', 'home');
    await writer.commit();
    expect(contents(out)).toEqual({ 'index.html': 'home' });
    expect(snapshot(elsewhere)).toEqual(before);
  });

  it('never writes into a spare file shared with the live output', async () => {
    const out = existingOutput();
    const spare = spareWith({});
    linkSync(path.join(out, 'old.html'), path.join(spare.dir, 'old.html'));
    const live = snapshot(out);
    const writer = new StagedDirectoryWriter(out, { spare });
    await writer.write('old.html', 'new');
    expect(snapshot(out)).toEqual(live);
    await writer.commit();
    expect(contents(out)).toEqual({ 'old.html': 'new' });
  });

  it('puts a file where the spare had a folder, and a folder where it had a file', async () => {
    const spare = spareWith({ 'feed.json/index.html': 'was a folder', tags: 'was a file' });
    const out = path.join(tempDir(), 'dist');
    const writer = new StagedDirectoryWriter(out, { spare });
    await writer.write('feed.json', '{}');
    await writer.write('tags/ttp/index.html', 'TTP');
    await writer.commit();
    expect(contents(out)).toEqual({ 'feed.json': '{}', 'tags/ttp/index.html': 'TTP' });
  });

  it('keeps the replaced output where asked, for the next build to refill', async () => {
    const out = existingOutput();
    const kept = path.join(tempDir(), 'cache', 'old-output');
    const writer = new StagedDirectoryWriter(out, { keepReplacedAt: kept });
    await writer.write('index.html', 'new');
    expect(await writer.commit()).toBe(true);
    expect(contents(kept)).toEqual({ 'old.html': 'old' });
    expect(contents(out)).toEqual({ 'index.html': 'new' });
  });

  it('leaves the output untouched when a build that took over the spare is aborted', async () => {
    const out = existingOutput();
    const spare = spareWith({ 'old.html': 'older' });
    const writer = new StagedDirectoryWriter(out, { spare });
    await writer.write('index.html', 'half');
    await writer.abort();
    expect(contents(out)).toEqual({ 'old.html': 'old' });
    expect(existsSync(writer.staging)).toBe(false);
  });
});
