/** Noticing saves the watcher did not report, by the files' stamps. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChangeQueue, type ChangeBatch } from '../../src/dev/changes.js';
import { changedBetween, SecondLook, stampTree } from '../../src/dev/stamps.js';
import { tempDir } from '../helpers.js';

describe('changedBetween', () => {
  it('names the files added, removed and changed between two looks, and no other', async () => {
    const dir = tempDir();
    const file = (name: string) => path.join(dir, 'content', name);
    mkdirSync(path.join(dir, 'content', '2023'), { recursive: true });
    for (const name of ['kept.md', 'edited.md', 'replaced.md', 'deleted.md', '2023/deep.md']) writeFileSync(file(name), `${name}\n`);
    const config = path.join(dir, 'dateline.config.json');
    const look = () => stampTree([path.join(dir, 'content'), path.join(dir, 'no-templates')], [config]);
    const before = await look();

    writeFileSync(file('edited.md'), 'edited.md, longer now\n');
    writeFileSync(file('replacement'), 'replaced.md\n');
    renameSync(file('replacement'), file('replaced.md'));
    rmSync(file('deleted.md'));
    writeFileSync(file('2023/added.md'), 'new\n');
    writeFileSync(config, '{}');
    const after = await look();

    expect(changedBetween(before, after).sort()).toEqual([file('2023/added.md'), config, file('deleted.md'), file('edited.md'), file('replaced.md')].sort());
    expect(changedBetween(after, after)).toEqual([]);
  });
});

describe('SecondLook', () => {
  it('reports a file replaced after it was noted, once, and not one left alone', async () => {
    const dir = tempDir();
    const [changed, left] = [path.join(dir, 'changed.md'), path.join(dir, 'left.md')];
    writeFileSync(changed, 'one\n');
    writeFileSync(left, 'one\n');
    const reported: string[] = [];
    const look = new SecondLook(20, (file) => reported.push(file));
    look.note([changed, left]);
    writeFileSync(path.join(dir, 'swap'), 'one\n');
    renameSync(path.join(dir, 'swap'), changed);
    look.lookAgain([changed, left]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    look.close();
    expect(reported).toEqual([changed]);
  });
});

describe('ChangeQueue', () => {
  it('holds changes until started, then hands them over as one batch', async () => {
    const batches: ChangeBatch[] = [];
    const queue = new ChangeQueue(5, async (batch) => void batches.push(batch));
    queue.add('story', '/site/content/a.md');
    queue.add('template', '/site/templates/story.liquid');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(batches).toEqual([]);
    queue.start();
    await new Promise((resolve) => setTimeout(resolve, 150));
    queue.close();
    expect(batches.map((batch) => Object.fromEntries([...batch].map(([kind, files]) => [kind, [...files]])))).toEqual([
      { story: ['/site/content/a.md'], template: ['/site/templates/story.liquid'] },
    ]);
  });
});
