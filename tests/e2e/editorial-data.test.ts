/**
 * Files and folders under content/ whose names start with `_` are the site's
 * editorial data: never read as stories, never published. Jekyll's `_posts`
 * folders are the exception, holding an archive's stories.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEditorialData } from '../../src/load/story-names.js';
import { page, runCli, snapshot, tempDir } from '../helpers.js';

const NOW = '2024-06-01T00:00:00Z';

describe('isEditorialData', () => {
  it.each(['_front.yml', '_authors/ayesha-siddiqui.md', 'news/_index.md', '_drafts/idea.md', '2023/_notes/call.md', 'images/_logo.png'])('%s is', (file) => {
    expect(isEditorialData(file)).toBe(true);
  });

  it.each(['2023/09/call.md', '_posts/2024-03-05-budget-vote.md', 'news/_posts/2024-03-05-budget-vote.md', 'images/logo_2023.png'])('%s is not', (file) => {
    expect(isEditorialData(file)).toBe(false);
  });
});

describe('a site with editorial data beside its stories', () => {
  const root = tempDir();
  const put = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  put('dateline.config.json', '{ "title": "Valley Gazette", "url": "https://example.org/" }');
  put('content/2023/09/call.md', '---\ntitle: Army chief and US defence secretary discuss TTP\ndate: 2023-09-13 09:30\ntags: [TTP]\n---\nThe call covered border security.\n');
  put('content/_posts/2024-03-05-budget-vote.md', '---\ntitle: Assembly passes the budget\n---\nThe vote was 98 to 72.\n');
  // Data a newsroom keeps for its site, in shapes that would otherwise be stories or published files.
  put('content/_front.yml', '- from: 2023-09-13 10:00\n  lead: 2023/09/call\n');
  put('content/_authors/ayesha-siddiqui.md', '---\nname: Ayesha Siddiqui\ntitle: Ayesha Siddiqui\n---\nCovers security.\n');
  put('content/_drafts/idea.md', '---\ntitle: An idea, not ready\ndate: 2023-09-01\n---\nNot for readers.\n');
  put('content/news/_index.md', '---\ntitle: News\n---\nThe list page text of a Hugo site.\n');
  put('content/_notes/plan.txt', 'Private notes.\n');
  put('content/images/_logo.png', 'not really a PNG');
  const out = path.join(tempDir(), 'dist');
  const run = runCli(['build', '--root', root, '--out', out, '--now', NOW, '--cache', tempDir()]);

  it('builds without a word about them, publishing only the stories (Jekyll posts among them)', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/from 2 stories/);
    const home = page(path.join(out, 'index.html'));
    // The front page's pick leads with the call; the other story follows.
    expect(home('.lead-story h2, .card h2').map((_, h) => home(h).text()).get()).toEqual(['Army chief and US defence secretary discuss TTP', 'Assembly passes the budget']);
  });

  it('publishes no file of theirs, under any name', () => {
    const files = Object.keys(snapshot(out));
    // The profile is read for its author's page, never published as a file of its own.
    // (Pagefind's index names its files with `_`: `pagefind.en_….pf_meta`.)
    // (`_headers` is Dateline's own file for hosts.)
    expect(files.filter((file) => /_|ayesha|idea|plan\.txt|logo/.test(file) && !file.startsWith('bylines/ayesha-siddiqui/') && !file.startsWith('pagefind/') && file !== '_headers')).toEqual([]);
    expect(page(path.join(out, 'bylines/ayesha-siddiqui/index.html'))('.author-bio').text().trim()).toBe('Covers security.');
    expect(files.some((file) => file.startsWith('2024/03/budget-vote/'))).toBe(true);
  });

  it('is not read by `check` either', () => {
    const checked = runCli(['check', '--root', root, '--now', NOW, '--cache', tempDir()]);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stderr).toBe('');
  });
});
