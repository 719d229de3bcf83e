/** `dateline new`, and the build report CI uses to schedule the next build. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, NOW, page, runCli, tempDir } from '../helpers.js';

describe('dateline new', () => {
  it('starts a draft with valid frontmatter that builds, dated in the site time zone', () => {
    const site = copyFixture('newsroom');
    const run = runCli(
      ['new', 'Army chief meets the US envoy', '--section', 'Pakistan', '--tags', 'TTP, ISPR', '--byline', 'Ayesha Siddiqui', '--now', '2023-09-20T20:30:00Z'],
      { cwd: site },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // 20:30 UTC is already the 21st in Karachi.
    const file = path.join(site, 'content/2023/09/army-chief-meets-the-us-envoy.md');
    expect(run.stdout).toBe('Created content/2023/09/army-chief-meets-the-us-envoy.md (a draft: remove `draft: true` to publish it)\n');
    expect(readFileSync(file, 'utf8')).toContain('date: 2023-09-21T01:30+05:00');

    const out = path.join(tempDir(), 'dist');
    const build = runCli(['build', '--root', site, '--out', out, '--now', NOW, '--drafts']);
    expect(build.status, build.stderr).toBe(0);
    const $ = page(path.join(out, '2023/09/army-chief-meets-the-us-envoy/index.html'));
    expect($('h1').text()).toBe('Army chief meets the US envoy');
    expect($('a[rel=tag]').map((_, a) => $(a).text()).get()).toEqual(['TTP', 'ISPR']);
    expect($('a[rel=author]').text()).toBe('Ayesha Siddiqui');
    expect($('.kicker').text()).toBe('Pakistan');
    expect($('.badge').text()).toBe('Draft');
  });

  it('starts a story with a headline longer than a file name may be, named by its first words', () => {
    const site = copyFixture('newsroom');
    const title = `${'Provincial assembly debates the security situation in the districts bordering Afghanistan '.repeat(4)}at length`;
    expect(title.length).toBeGreaterThan(300);
    const run = runCli(['new', title, '--now', NOW], { cwd: site });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const created = /^Created (content\/2024\/01\/(\S+)\.md) /.exec(run.stdout);
    expect(created?.[2]).toBe('provincial-assembly-debates-the-security-situation-in-the-districts-bordering');
    const out = path.join(tempDir(), 'dist');
    expect(runCli(['build', '--root', site, '--out', out, '--now', NOW, '--drafts']).status).toBe(0);
    expect(page(path.join(out, '2024/01', created![2]!, 'index.html'))('h1').text()).toBe(title);
  });

  it('quotes titles that YAML would misread', () => {
    const site = copyFixture('newsroom');
    const title = 'Explainer: "TTP" #1 — what next?';
    expect(runCli(['new', title, '--now', NOW], { cwd: site }).status).toBe(0);
    const out = path.join(tempDir(), 'dist');
    expect(runCli(['build', '--root', site, '--out', out, '--now', NOW, '--drafts']).status).toBe(0);
    expect(page(path.join(out, '2024/01/explainer-ttp-1-what-next/index.html'))('h1').text()).toBe(title);
  });

  it('refuses to overwrite an existing story', () => {
    const site = copyFixture('newsroom');
    expect(runCli(['new', 'Same title', '--now', NOW], { cwd: site }).status).toBe(0);
    const file = path.join(site, 'content/2024/01/same-title.md');
    const before = readFileSync(file, 'utf8');
    const again = runCli(['new', 'Same title', '--now', NOW, '--byline', 'Someone Else'], { cwd: site });
    expect(again.status).toBe(1);
    expect(again.stderr).toBe('content/2024/01/same-title.md: already exists and was left as it is: choose another title, or edit that file\n');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('needs a title', () => {
    const run = runCli(['new'], { cwd: copyFixture('newsroom') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('give the story a title');
  });
});

describe('the build report', () => {
  it('says when the next embargo lifts, on screen and as JSON', () => {
    const site = copyFixture('newsroom');
    const run = runCli(['build', '--now', NOW], { cwd: site });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Next embargo lifts at 2031-01-01T09:00:00+05:00 (content/embargoed.md): build again then');
    const report = JSON.parse(readFileSync(path.join(site, '.dateline-cache/build-report.json'), 'utf8'));
    expect(report).toMatchObject({
      now: '2024-01-01T05:00:00+05:00',
      stories: 6,
      drafts: ['content/draft.md'],
      embargoed: ['content/embargoed.md'],
      nextEmbargo: { file: 'content/embargoed.md', publishesAt: '2031-01-01T09:00:00+05:00' },
    });
  });

  it('goes where --report says, and has no next embargo when none waits', () => {
    const site = copyFixture('newsroom');
    const run = runCli(['build', '--now', NOW, '--future', '--report', 'ci/report.json'], { cwd: site });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('Next embargo');
    expect(JSON.parse(readFileSync(path.join(site, 'ci/report.json'), 'utf8')).nextEmbargo).toBeNull();
    expect(existsSync(path.join(site, '.dateline-cache', 'build-report.json'))).toBe(false);
  });
});
