/**
 * A build never loses a file it did not make: output and cache folders that
 * would move, delete or publish the wrong files are refused before anything
 * is touched, a failed build publishes nothing, and two builds at once do
 * not race. Each case runs the CLI as a process on a temporary copy of the
 * fixture newsroom and checks, by hashing them, that the site, the folders
 * beside it and any link's target are as they were.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, NOW, REPO, runCli, snapshot, tempDir, type CliResult } from '../helpers.js';

/** The fixture newsroom copied into a folder of its own (so its neighbours can be watched), built once. */
function builtSite(): { root: string; parent: string } {
  const parent = tempDir('dateline-safety-');
  const root = path.join(parent, 'site');
  spawnSync('cp', ['-a', copyFixture('newsroom'), root]);
  expect(runCli(['build', '--now', NOW], { cwd: root }).status).toBe(0);
  return { root, parent };
}

/** A folder outside the site holding files no build made. */
function precious(): string {
  const dir = tempDir('dateline-precious-');
  mkdirSync(path.join(dir, 'other'), { recursive: true });
  writeFileSync(path.join(dir, 'other', 'a.php'), "<?php echo 'not Dateline\\'s';");
  writeFileSync(path.join(dir, 'index.html'), '<p>a page someone else made</p>');
  return dir;
}

/** Everything under `dirs`, hashed (links followed only where `snapshot` follows them: not at all). */
const everything = (...dirs: string[]) => dirs.map((dir) => snapshot(dir));

/**
 * How to run a command as an unprivileged user: as root, through `setpriv`
 * as `nobody`; as anyone else, directly. Undefined (with the reason) when
 * neither is possible.
 */
function unprivileged(): { prefix: string[]; uid?: number } | { reason: string } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const setpriv = spawnSync('setpriv', ['--version']);
  if (setpriv.error) return { reason: 'running as root without setpriv, so no build can run as an unprivileged user here' };
  return { prefix: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'], uid: 65534 };
}

const asUser = unprivileged();
const permissionCase = 'prefix' in asUser ? it : it.skip;
/** How the cases that can run as an unprivileged user say who ran them. */
const who = 'prefix' in asUser ? (asUser.uid === undefined ? '' : ' (as nobody)') : ` (as root: ${asUser.reason})`;

/** Run the CLI in `cwd` as the unprivileged user, after giving it `dirs`; as this user where there is none. */
function runAsUser(dirs: readonly string[], args: readonly string[], cwd: string): CliResult {
  if (!('prefix' in asUser)) return runCli(args, { cwd });
  if (asUser.uid !== undefined) for (const dir of dirs) spawnSync('chown', ['-R', `${asUser.uid}:${asUser.uid}`, dir]);
  const [command = process.execPath, ...rest] = [...asUser.prefix, ...(asUser.prefix.length > 0 ? [process.execPath] : [])];
  const result = spawnSync(command, [...rest, path.join(REPO, 'lib', 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('output and cache folders that would destroy or leak files are refused', () => {
  it(`an output folder that is a link: refused, twice, and the link’s target is untouched${who}`, () => {
    const { root, parent } = builtSite();
    const target = precious();
    spawnSync('rm', ['-rf', path.join(root, 'dist')]);
    symlinkSync(target, path.join(root, 'dist'));
    const before = everything(parent, target);
    for (const run of [1, 2]) {
      const result = runAsUser([parent, target], ['build', '--now', NOW], root);
      expect(result.status, `build ${run}`).toBe(2);
      expect(result.stderr).toContain(`the output folder ${path.join(root, 'dist')} is a symbolic link (to ${target}); a build replaces the output folder whole`);
    }
    expect(everything(parent, target)).toEqual(before);
  });

  it(`an output folder that is a link to the site itself: refused, and the site’s own files stay${who}`, () => {
    const { root, parent } = builtSite();
    symlinkSync(root, path.join(root, 'out'));
    const before = everything(parent);
    for (const run of [1, 2]) {
      const result = runAsUser([parent], ['build', '--out', 'out', '--now', NOW], root);
      expect(result.status, `build ${run}`).toBe(2);
      expect(result.stderr).toContain('is a symbolic link');
      expect(result.stderr).toContain('contains the site root');
    }
    expect(everything(parent)).toEqual(before);
  });

  it.each([
    ['--out content/2023 (a folder of stories)', ['--out', 'content/2023'], 'is inside the content folder'],
    ['--out content/out', ['--out', 'content/out'], 'is inside the content folder'],
    ['--out templates/site', ['--out', 'templates/site'], 'is inside the templates folder'],
    ['--out .dateline-cache/site', ['--out', '.dateline-cache/site'], 'is inside the cache folder'],
    ['--cache content/cache (published, drafts and all)', ['--cache', 'content/cache'], 'cache is inside the content folder'],
    ['--cache content', ['--cache', 'content'], 'content contains the content folder'],
    ['--cache . (the site root)', ['--cache', '.'], 'contains the site root'],
  ])('%s: refused, and nothing changes', (_, args, message) => {
    const { root, parent } = builtSite();
    mkdirSync(path.join(root, 'content', '2023'), { recursive: true });
    writeFileSync(path.join(root, 'content', '2023', 'kept.md'), '---\ntitle: Kept\ndate: 2023-01-01\n---\nStill here.\n');
    cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
    const before = everything(parent);
    for (const run of [1, 2]) {
      const result = runCli(['build', ...args, '--now', NOW], { cwd: root });
      expect(result.status, `build ${run}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(everything(parent)).toEqual(before);
    const plain = runCli(['build', '--now', NOW], { cwd: root });
    expect(plain.status, plain.stderr).toBe(0);
  });

  it('an output path that is a file: refused, the file kept, and later builds unharmed', () => {
    const { root, parent } = builtSite();
    writeFileSync(path.join(root, 'notes.txt'), 'the night editor’s notes\n');
    const before = everything(parent);
    const result = runCli(['build', '--out', 'notes.txt', '--now', NOW], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`the output folder ${path.join(root, 'notes.txt')} is a file`);
    expect(everything(parent)).toEqual(before);
    const next = runCli(['build', '--now', NOW], { cwd: root });
    expect(next.status, next.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'notes.txt'), 'utf8')).toBe('the night editor’s notes\n');
  });
});

describe('a failed build publishes nothing', () => {
  permissionCase(`an output folder the user cannot write: refused before the swap${'reason' in asUser ? ` (skipped: ${asUser.reason})` : who}`, () => {
    const { root, parent } = builtSite();
    const build = () => runAsUser([parent], ['build', '--now', NOW], root);
    const story = path.join(root, 'content', 'call.md');
    writeFileSync(story, readFileSync(story, 'utf8').replace('title: Army chief speaks', 'title: Army chief talks'));
    chmodSync(path.join(root, 'dist'), 0o555);
    const before = everything(parent);
    const result = build();
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain(`the output folder ${path.join(root, 'dist')} is not writable by this user`);
    expect(everything(parent)).toEqual(before);
    expect(readdirSync(parent).concat(readdirSync(root)).filter((name) => /\.(?:old|tmp)-/.test(name))).toEqual([]);

    chmodSync(path.join(root, 'dist'), 0o755);
    const fixed = build();
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'dist', '2023', '09', 'call', 'index.html'), 'utf8')).toContain('Army chief talks');
  });
});

/** A 64 KB file system of its own (root only), or why there is none. */
function tinyDisk(): { dir: string; unmount: () => void } | { reason: string } {
  if (process.getuid?.() !== 0) return { reason: 'mounting a small disk needs root' };
  const dir = tempDir('dateline-full-disk-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return { reason: `a small disk could not be mounted here (${(mounted.stderr || mounted.error?.message || '').trim()})` };
  return { dir, unmount: () => void spawnSync('umount', [dir]) };
}

/** Whether this machine lets the tests mount a small disk; tried once, and given back at once. */
function smallDiskReason(): string | undefined {
  const probe = tinyDisk();
  if ('reason' in probe) return probe.reason;
  probe.unmount();
  return undefined;
}

describe('a full disk', () => {
  const cannot = smallDiskReason();
  const fullDiskCase = cannot === undefined ? it : it.skip;

  fullDiskCase(`is reported as a full disk, with the path, and publishes nothing${cannot === undefined ? '' : ` (skipped: ${cannot})`}`, () => {
    const disk = tinyDisk();
    if (!('dir' in disk)) throw new Error(disk.reason);
    try {
      const { root, parent } = builtSite();
      for (let i = 0; i < 40; i++) {
        writeFileSync(path.join(root, 'content', `filler-${i}.md`), `---\ntitle: Filler ${i}\ndate: 2023-01-01\n---\n${'A paragraph of copy that fills the disk. '.repeat(60)}\n`);
      }
      const before = everything(parent);
      const result = runCli(['build', '--now', NOW, '--cache', path.join(disk.dir, 'cache')], { cwd: root });
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`could not \\w+ ${disk.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/cache\\S*: the disk is full: free some space on it \\(ENOSPC\\)`));
      expect(result.stderr).not.toContain("simplify the story's Markdown");
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(everything(parent)).toEqual(before);
    } finally {
      disk.unmount();
    }
  });
});

describe('two builds of one site at once', () => {
  it('refuses the second while the first holds the lock, naming it', () => {
    const { root, parent } = builtSite();
    // This test's own process stands for a build that is running.
    writeFileSync(path.join(root, '.dist.lock'), `${process.pid}\n`);
    const before = everything(parent);
    const result = runCli(['build', '--now', NOW], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`another build (process ${process.pid}) is writing ${path.join(root, 'dist')}: wait for it to finish and build again. Its lock is ${path.join(root, '.dist.lock')}`);
    expect(everything(parent)).toEqual(before);
  });

  it('builds into an output folder whose parent folders are not there yet, lock and all', () => {
    const root = copyFixture('newsroom');
    const out = path.join(tempDir(), 'not', 'yet', 'dist');
    const result = runCli(['build', '--now', NOW, '--out', out], { cwd: root });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(path.dirname(out))).toEqual(['dist']);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });

  it('takes over a lock left by a build that was killed', () => {
    const { root } = builtSite();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(path.join(root, '.dist.lock'), `${gone}\n`);
    const result = runCli(['build', '--now', NOW], { cwd: root });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(path.join(root, '.dist.lock'))).toBe(false);
  });

  it('started together, one builds and the other builds or is refused: never a half-done site', async () => {
    const { root } = builtSite();
    const cold = path.join(tempDir(), 'dist');
    expect(runCli(['build', '--now', NOW, '--no-cache', '--out', cold], { cwd: root }).status).toBe(0);
    const start = () =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(REPO, 'lib', 'cli.js'), 'build', '--now', NOW, '--quiet'], { cwd: root, env: { PATH: process.env.PATH ?? '', TZ: 'UTC' } });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (status) => resolve({ status, stderr }));
      });
    for (let round = 0; round < 10; round++) {
      const results = await Promise.all([start(), start()]);
      for (const result of results) {
        if (result.status !== 0) {
          expect(result.status, result.stderr).toBe(2);
          expect(result.stderr).toContain('another build');
        }
      }
      expect(results.some((result) => result.status === 0)).toBe(true);
      expect(snapshot(path.join(root, 'dist'))).toEqual(snapshot(cold));
    }
  }, 120_000);
});
