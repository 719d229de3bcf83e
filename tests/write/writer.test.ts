import { cpSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash, folderIdentity, stampOf, type KnownFile } from '../../src/write/file-stamp.js';
import { StagedOutput, type Spare } from '../../src/write/staged-output.js';
import { FolderWriter } from '../../src/write/folder-writer.js';
import { RecordingWriter } from '../../src/cache/recording-writer.js';
import { checkedRelative, MemoryWriter, whenReady } from '../../src/write/writer.js';
import { listTreeSync } from '../../src/write/list-tree.js';
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
  it('keeps what was written, linked and not removed', async () => {
    const writer = new MemoryWriter();
    const from = path.join(tempDir(), 'page.html');
    writeFileSync(from, 'linked');
    await writer.write('a/index.html', 'hello');
    await writer.write('b/index.html', 'gone');
    await writer.link('c/index.html', from);
    await writer.remove('b/index.html');
    expect(Object.fromEntries([...writer.files].map(([file, bytes]) => [file, bytes.toString()]))).toEqual({ 'a/index.html': 'hello', 'c/index.html': 'linked' });
  });

  it('refuses a path outside the output with every verb', async () => {
    const writer = new MemoryWriter();
    await expect(writer.write('../x', 'x')).rejects.toThrow(/refusing/);
    await expect(writer.link('../x', '/etc/hostname')).rejects.toThrow(/refusing/);
    await expect(writer.remove('../x')).rejects.toThrow(/refusing/);
  });
});

describe('whenReady', () => {
  it('holds each verb until the writer it stands for is ready, in order', async () => {
    let ready!: (writer: MemoryWriter) => void;
    const memory = new MemoryWriter();
    const writer = whenReady(new Promise((resolve) => (ready = resolve)));
    const pending = [writer.write('a.html', 'a'), writer.write('b.html', 'b'), writer.remove('a.html')];
    expect(memory.files.size).toBe(0);
    ready(memory);
    await Promise.all(pending);
    expect([...memory.files.keys()]).toEqual(['b.html']);
  });
});

/** A folder holding `files`, each recorded as it was written. */
function folderWith(files: Record<string, string>, name = 'spare'): { dir: string; known: Map<string, KnownFile> } {
  const dir = path.join(tempDir(), name);
  mkdirSync(dir);
  const known = new Map<string, KnownFile>();
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    known.set(file, { hash: contentHash(text), checked: stampOf(statSync(target)) });
  }
  return { dir, known };
}

const contents = (dir: string) =>
  Object.fromEntries(Object.keys(snapshot(dir)).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));

describe('FolderWriter', () => {
  it('writes into an empty folder, making the folders a file needs', async () => {
    const dir = path.join(tempDir(), 'out');
    mkdirSync(dir);
    const writer = new FolderWriter(dir);
    await writer.write('tags/ttp/index.html', 'TTP');
    writer.sweep();
    expect(contents(dir)).toEqual({ 'tags/ttp/index.html': 'TTP' });
  });

  it('links every file to the one given, whether the folder held that very file or a copy', async () => {
    const previous = folderWith({ 'same.html': 'same', 'other.html': 'other' }, 'previous');
    const { dir, known } = folderWith({}, 'kept');
    linkSync(path.join(previous.dir, 'same.html'), path.join(dir, 'same.html'));
    writeFileSync(path.join(dir, 'other.html'), 'other');
    const writer = new FolderWriter(dir, known, listTreeSync(dir));
    await writer.link('same.html', path.join(previous.dir, 'same.html'));
    await writer.link('other.html', path.join(previous.dir, 'other.html'));
    writer.sweep();
    expect(contents(dir)).toEqual({ 'same.html': 'same', 'other.html': 'other' });
    expect(statSync(path.join(dir, 'same.html')).ino).toBe(statSync(path.join(previous.dir, 'same.html')).ino);
    expect(statSync(path.join(dir, 'other.html')).ino).toBe(statSync(path.join(previous.dir, 'other.html')).ino);
  });

  it('removes a file, and sweeps what was found and not wanted along with the folders left empty', async () => {
    const { dir, known } = folderWith({ 'index.html': 'home', 'old/deep/page.html': 'old', 'kept/a.html': 'a', 'kept/b.html': 'b' });
    const writer = new FolderWriter(dir, known, listTreeSync(dir));
    await writer.write('index.html', 'home');
    await writer.write('kept/a.html', 'a');
    await writer.remove('index.html');
    writer.sweep();
    expect(contents(dir)).toEqual({ 'kept/a.html': 'a' });
    expect(readdirSync(dir)).toEqual(['kept']);
  });
});

describe('RecordingWriter', () => {
  it('records the hash and the stamp of each file written or linked, with its key, and forgets removed ones', async () => {
    const previous = folderWith({ 'linked.html': 'from before' }, 'previous');
    const out = path.join(tempDir(), 'out');
    mkdirSync(out);
    const recorder = new RecordingWriter(new FolderWriter(out), out, { dir: previous.dir, files: previous.known });
    await recorder.write('index.html', 'home');
    await recorder.write('gone.html', 'gone');
    await recorder.write('asset.css', 'body{}');
    await recorder.link('linked.html', path.join(previous.dir, 'linked.html'));
    await recorder.remove('gone.html');
    const records = recorder.records(new Map([['index.html', 'k1'], ['linked.html', 'k2'], ['gone.html', 'k3']]));
    expect([...records.keys()].sort()).toEqual(['index.html', 'linked.html']);
    for (const [file, record] of records) {
      expect(record.hash).toBe(contentHash(readFileSync(path.join(out, file))));
      expect(record.checked).toEqual(stampOf(statSync(path.join(out, file))));
    }
    expect(records.get('index.html')?.key).toBe('k1');
    expect(records.get('linked.html')?.key).toBe('k2');
  });

  it('hashes a linked file it has no record of', async () => {
    const elsewhere = path.join(tempDir(), 'page.html');
    writeFileSync(elsewhere, 'unrecorded');
    const recorder = new RecordingWriter(new MemoryWriter(), tempDir());
    await recorder.link('page.html', elsewhere);
    expect(recorder.records(new Map([['page.html', 'k']])).get('page.html')).toEqual({ key: 'k', hash: contentHash('unrecorded') });
  });
});

/** An output folder from an earlier build, holding `old.html`. */
function existingOutput(): string {
  const out = path.join(tempDir(), 'dist');
  mkdirSync(out);
  writeFileSync(path.join(out, 'old.html'), 'old');
  return out;
}

describe('StagedOutput', () => {
  it('replaces the output folder whole on commit', async () => {
    const out = existingOutput();
    const output = new StagedOutput(out);
    const writer = await output.open();
    await writer.write('tags/ttp/index.html', 'new');
    expect(readdirSync(out)).toEqual(['old.html']);
    await output.commit();
    expect(readdirSync(out)).toEqual(['tags']);
    expect(readFileSync(path.join(out, 'tags/ttp/index.html'), 'utf8')).toBe('new');
    expect(readdirSync(path.dirname(out))).toEqual(['dist']);
  });

  it('creates the output folder when there was none', async () => {
    const out = path.join(tempDir(), 'dist');
    const output = new StagedOutput(out);
    const writer = await output.open();
    await writer.write('index.html', 'x');
    await output.commit();
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
    const output = new StagedOutput(out);
    const writer = await output.open();
    await writer.write('index.html', 'new');
    await output.commit();
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['dist', ...others].sort());
  });

  it('leaves the previous output untouched on abort', async () => {
    const out = existingOutput();
    const output = new StagedOutput(out);
    const writer = await output.open();
    await writer.write('index.html', 'half');
    await output.abort();
    expect(readdirSync(out)).toEqual(['old.html']);
    expect(existsSync(output.staging)).toBe(false);
  });
});

describe('StagedOutput refilling a spare folder', () => {
  /** A spare folder holding `files`, each recorded as it was written. */
  function spareWith(files: Record<string, string>): Spare {
    const { dir, known } = folderWith(files);
    return { dir, files: known, identity: folderIdentity(dir)! };
  }

  it('keeps files already right, replaces the rest and deletes what the build did not write', async () => {
    const spare = spareWith({ 'same/index.html': 'same', 'changed/index.html': 'before', 'gone/deep/index.html': 'old page' });
    const sameInode = statSync(path.join(spare.dir, 'same/index.html')).ino;
    const out = path.join(tempDir(), 'dist');
    const output = new StagedOutput(out, { spare });
    const writer = await output.open();
    await writer.write('same/index.html', 'same');
    await writer.write('changed/index.html', 'after');
    await writer.write('new/index.html', 'new page');
    await output.commit();
    expect(contents(out)).toEqual({ 'same/index.html': 'same', 'changed/index.html': 'after', 'new/index.html': 'new page' });
    expect(readdirSync(out).sort()).toEqual(['changed', 'new', 'same']);
    expect(statSync(path.join(out, 'same/index.html')).ino).toBe(sameInode);
    expect(existsSync(spare.dir)).toBe(false);
  });

  it('rewrites a spare file that changed since it was recorded, even to the bytes it was recorded with', async () => {
    const spare = spareWith({ 'index.html': 'right' });
    writeFileSync(path.join(spare.dir, 'index.html'), 'tampered');
    const out = path.join(tempDir(), 'dist');
    const output = new StagedOutput(out, { spare });
    const writer = await output.open();
    await writer.write('index.html', 'right');
    await output.commit();
    expect(contents(out)).toEqual({ 'index.html': 'right' });
  });

  it('does not publish a spare file it has no record of', async () => {
    const spare = spareWith({ 'index.html': 'home' });
    writeFileSync(path.join(spare.dir, 'stray.html'), 'left by someone');
    const out = path.join(tempDir(), 'dist');
    const output = new StagedOutput(out, { spare: { ...spare, files: new Map() } });
    const writer = await output.open();
    await writer.write('index.html', 'home');
    await output.commit();
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
    const output = new StagedOutput(out, { spare });
    const writer = await output.open();
    await writer.write('index.html', 'home');
    await output.commit();
    expect(contents(out)).toEqual({ 'index.html': 'home' });
    expect(snapshot(elsewhere)).toEqual(before);
  });

  it('never writes into a spare file shared with the live output', async () => {
    const out = existingOutput();
    const spare = spareWith({});
    linkSync(path.join(out, 'old.html'), path.join(spare.dir, 'old.html'));
    const live = snapshot(out);
    const output = new StagedOutput(out, { spare });
    const writer = await output.open();
    await writer.write('old.html', 'new');
    expect(snapshot(out)).toEqual(live);
    await output.commit();
    expect(contents(out)).toEqual({ 'old.html': 'new' });
  });

  it('puts a file where the spare had a folder, and a folder where it had a file', async () => {
    const spare = spareWith({ 'feed.json/index.html': 'was a folder', tags: 'was a file' });
    const out = path.join(tempDir(), 'dist');
    const output = new StagedOutput(out, { spare });
    const writer = await output.open();
    await writer.write('feed.json', '{}');
    await writer.write('tags/ttp/index.html', 'TTP');
    await output.commit();
    expect(contents(out)).toEqual({ 'feed.json': '{}', 'tags/ttp/index.html': 'TTP' });
  });

  it('keeps the replaced output where asked, for the next build to refill', async () => {
    const out = existingOutput();
    const kept = path.join(tempDir(), 'cache', 'old-output');
    const output = new StagedOutput(out, { keepReplacedAt: kept });
    const writer = await output.open();
    await writer.write('index.html', 'new');
    expect(await output.commit()).toBe(true);
    expect(contents(kept)).toEqual({ 'old.html': 'old' });
    expect(contents(out)).toEqual({ 'index.html': 'new' });
  });

  it('leaves the output untouched when a build that took over the spare is aborted', async () => {
    const out = existingOutput();
    const spare = spareWith({ 'old.html': 'older' });
    const output = new StagedOutput(out, { spare });
    const writer = await output.open();
    await writer.write('index.html', 'half');
    await output.abort();
    expect(contents(out)).toEqual({ 'old.html': 'old' });
    expect(existsSync(output.staging)).toBe(false);
  });
});
