/**
 * Bad input, as an editor meets it: the CLI reports every problem as
 * `file:line:column: message`, exits 1, and leaves the previous site as it was.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, NOW, REPO, runCli, snapshot, tempDir, type CliResult } from '../helpers.js';

/** The fixture newsroom built once, with its `dist/` and cache: each test takes a copy of it. */
let built: { root: string; before: Record<string, string> } | undefined;

/**
 * A copy of the built fixture newsroom, so there is a `dist/` to protect.
 * Copying is what 54 tests can afford; building each was most of this file's
 * time. The record of the outputs is left behind: it names the original's
 * folder, which the copy's build must not take over.
 */
function builtSite(): { root: string; before: Record<string, string> } {
  if (!built) {
    const root = copyFixture('newsroom');
    const first = runCli(['build', '--now', NOW], { cwd: root });
    expect(first.status).toBe(0);
    built = { root, before: snapshot(path.join(root, 'dist')) };
  }
  const root = tempDir('dateline-newsroom-');
  const from = built.root;
  cpSync(from, root, { recursive: true, filter: (source) => path.relative(from, source) !== path.join('.dateline-cache', 'outputs.json') });
  return { root, before: built.before };
}

/** Add the named bad fixtures to a built site and build again. */
function buildWith(...names: string[]): CliResult & { root: string; before: Record<string, string> } {
  const site = builtSite();
  for (const name of names) copyFileSync(path.join(FIXTURES, 'bad', name), path.join(site.root, 'content', name));
  return { ...runCli(['build', '--now', NOW], { cwd: site.root }), ...site };
}

function expectNothingLost(run: ReturnType<typeof buildWith>): void {
  expect(snapshot(path.join(run.root, 'dist'))).toEqual(run.before);
  expect(readdirSync(run.root).sort()).toEqual(['.dateline-cache', 'content', 'dateline.config.json', 'dist']);
}

describe('bad story files', () => {
  it.each([
    ['malformed-yaml.md', 'content/malformed-yaml.md:3:1: invalid YAML: '],
    ['missing-title.md', 'content/missing-title.md:2:1: `title`: is required: the headline'],
    ['empty-title.md', 'content/empty-title.md:2:8: `title`: must not be empty: give the story a headline (got ``)'],
    ['missing-date.md', 'content/missing-date.md:2:1: `date`: is required: when the story was published; write it as `2023-09-12`'],
    ['date-yesterday.md', 'content/date-yesterday.md:3:7: `date`: is not a date: write it as `2023-09-12`, `2023-09-12 10:30` or `2023-09-12T10:30:00+05:00` (got `yesterday`)'],
    ['date-impossible.md', 'content/date-impossible.md:3:7: `date`: is not a date: write it as `2023-09-12`, `2023-09-12 10:30` or `2023-09-12T10:30:00+05:00` (got `2023-13-45`)'],
    ['tags-not-list.md', 'content/tags-not-list.md:4:7: `tags`: must be a list of tags, e.g. `[TTP, ISPR]` (got `{"name":"TTP"}`)'],
    ['tags-not-strings.md', 'content/tags-not-strings.md:4:13: `tags.1`: must be text: tags (got `{"name":"ISPR"}`)'],
    ['empty.md', 'content/empty.md:1:1: the file is empty; start the file with a `---` line'],
    ['no-frontmatter.md', 'content/no-frontmatter.md:1:1: no frontmatter: start the file with a `---` line, then `title:` and `date:` lines, then a closing `---` line'],
    ['slug-slash.md', 'content/slug-slash.md:4:7: `slug`: must be lowercase letters, digits and single hyphens, like `army-chief-call`: no `/`, `..`, spaces or capitals (got `2023/evil`)'],
    ['slug-dots.md', 'content/slug-dots.md:4:7: `slug`: must be lowercase letters, digits and single hyphens'],
    ['slug-absolute.md', 'content/slug-absolute.md:4:7: `slug`: must be lowercase letters, digits and single hyphens'],
    ['js-frontmatter.md', 'content/js-frontmatter.md:1:1: frontmatter language `js` is not allowed: only YAML (between `---` lines) and TOML (between `+++` lines) are read, and code is never run; replace `---js` with `---`'],
    ['javascript-frontmatter.md', 'content/javascript-frontmatter.md:1:1: frontmatter language `javascript` is not allowed'],
    ['image-missing.md', 'content/image-missing.md:1: `image.src` `/images/nope.jpg` not found: put the file at content/images/nope.jpg, or use an absolute https:// address'],
    ['image-javascript.md', 'content/image-javascript.md:5:8: `image.src`: must be an `https://` address, or the path of a file under content/ such as `/images/chitral.svg` (got `javascript:alert(document.domain)`)'],
    ['image-data.md', 'content/image-data.md:5:8: `image.src`: must be an `https://` address, or the path of a file under content/'],
    ['image-file.md', 'content/image-file.md:5:8: `image.src`: must be an `https://` address, or the path of a file under content/'],
    ['image-protocol-relative.md', 'content/image-protocol-relative.md:5:8: `image.src`: must be an `https://` address, or the path of a file under content/ such as `/images/chitral.svg` (got `//evil.example/x.png`)'],
    ['jekyll-page.html', 'content/jekyll-page.html:1:1: starts with frontmatter but is not a story: only `.md`, `.markdown`, `.mdown` and `.mkd` files are read as stories. Rename it to end in `.md`, or remove its frontmatter to have it copied to the site as it is'],
    ['hugo-notes.txt', 'content/hugo-notes.txt:1:1: starts with frontmatter but is not a story'],
    ['kind-unknown.md', 'content/kind-unknown.md:4:7: `kind`: must be one of `news`, `analysis`, `opinion`, `explainer`, `review`, `sponsored` (got `editorial`)'],
    ['correction-no-text.md', 'content/correction-no-text.md:5:5: `corrections.0.text`: is required: what was wrong and what is right'],
    ['alias-bomb.md', 'content/alias-bomb.md:1:1: invalid YAML: Excessive alias count indicates a resource exhaustion attack; use plain values instead of `&anchors` and `*aliases`'],
  ])('%s: a clear error, exit 1, dist/ untouched', (name, message) => {
    const run = buildWith(name);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')).toContainEqual(expect.stringContaining(message));
    expect(run.stderr).toContain('Build failed with 1 error; the output folder was left as it was.');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expectNothingLost(run);
  });

  it('refuses a lead image whose measured size cannot be right, naming the file', () => {
    const site = builtSite();
    mkdirSync(path.join(site.root, 'content', 'images'), { recursive: true });
    copyFileSync(path.join(FIXTURES, 'bad', 'image-absurd.svg'), path.join(site.root, 'content', 'images', 'absurd.svg'));
    copyFileSync(path.join(FIXTURES, 'bad', 'image-absurd-size.md'), path.join(site.root, 'content', 'image-absurd-size.md'));
    const run = runCli(['build', '--now', NOW], { cwd: site.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/image-absurd-size.md:1: `image.src` `/images/absurd.svg` claims to be 100000000000000000000 × 10 pixels, which cannot be right; fix the file, or give `width` and `height`');
    expect(snapshot(path.join(site.root, 'dist'))).toEqual(site.before);
  });

  it('refuses a story with 5,000 tags at once, instead of writing gigabytes of feeds', () => {
    const site = builtSite();
    const tags = Array.from({ length: 5000 }, (_, i) => `Tag ${i}`).join(', ');
    writeFileSync(path.join(site.root, 'content', 'fan-out.md'), `---\ntitle: Fan-out\ndate: 2023-09-12\ntags: [${tags}]\n---\nBody.\n`);
    const run = runCli(['build', '--now', NOW], { cwd: site.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/fan-out.md:4:7: `tags`: must have at most 100 tags: each gets a page and three feeds with the story in them');
    expectNothingLost({ ...run, ...site });
  });

  it('names every file with the same error on a line of its own, never "and N more files"', () => {
    const site = builtSite();
    for (let i = 1; i <= 9; i++) writeFileSync(path.join(site.root, 'content', `twice-${i}.md`), `---\ntitle: Twice ${i}\ntitle: Again\ndate: 2023-09-12\n---\nBody.\n`);
    const run = runCli(['build', '--now', NOW], { cwd: site.root });
    expect(run.status).toBe(1);
    const reported = run.stderr.split('\n').filter((line) => line.startsWith('content/twice-'));
    expect(reported.map((line) => line.split(':')[0])).toEqual(Array.from({ length: 9 }, (_, i) => `content/twice-${i + 1}.md`));
    expect(reported.every((line) => line.includes('invalid YAML: Map keys must be unique'))).toBe(true);
    expect(run.stderr).not.toMatch(/more files?/);
    expect(run.stderr).toContain('Build failed with 9 errors');
    expectNothingLost({ ...run, ...site });
  });

  it('groups a warning shared by many files on screen, and lists every occurrence with --verbose and in the report', () => {
    const site = builtSite();
    for (let i = 1; i <= 7; i++) writeFileSync(path.join(site.root, 'content', `typo-${i}.md`), `---\ntitle: Typo ${i}\ndate: 2023-09-12\ntgas: [TTP]\n---\nBody.\n`);
    const lines = (stderr: string) => stderr.split('\n').filter((line) => line.includes('unknown field `tgas`'));
    const plain = runCli(['build', '--now', NOW], { cwd: site.root });
    expect(plain.status).toBe(0);
    expect(lines(plain.stderr)).toEqual([
      'content/typo-1.md:4:1: warning: unknown field `tgas` is ignored (did you mean `tags`?); also in content/typo-2.md:4, content/typo-3.md:4, content/typo-4.md:4, content/typo-5.md:4, content/typo-6.md:4 and 1 more file',
    ]);
    const verbose = runCli(['build', '--now', NOW, '--verbose'], { cwd: site.root });
    expect(lines(verbose.stderr)).toEqual(Array.from({ length: 7 }, (_, i) => `content/typo-${i + 1}.md:4:1: warning: unknown field \`tgas\` is ignored (did you mean \`tags\`?)`));
    const report = JSON.parse(readFileSync(path.join(site.root, '.dateline-cache', 'build-report.json'), 'utf8')) as { warnings: string[] };
    expect(report.warnings.filter((line) => line.includes('`tgas`'))).toHaveLength(7);
  });

  it('prints every problem as a GitHub annotation too when run in a GitHub workflow', () => {
    const site = builtSite();
    copyFileSync(path.join(FIXTURES, 'bad', 'date-yesterday.md'), path.join(site.root, 'content', 'date-yesterday.md'));
    copyFileSync(path.join(FIXTURES, 'bad', 'unknown-field.md'), path.join(site.root, 'content', 'unknown-field.md'));
    const run = runCli(['build', '--now', NOW], { cwd: site.root, env: { GITHUB_ACTIONS: 'true' } });
    expect(run.status).toBe(1);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toEqual([
      '::error file=content/date-yesterday.md,line=3,col=7::`date`: is not a date: write it as `2023-09-12`, `2023-09-12 10:30` or `2023-09-12T10:30:00+05:00` (got `yesterday`)',
      // The fixture's hostile story holds raw HTML on purpose.
      '::warning file=content/hostile.md,line=9,col=11::`<script>` is removed, with what is in it: a page runs no scripts or styles from a story',
      '::warning file=content/hostile.md,line=9,col=55::the `href` of `<a>` is removed: `javascript:` addresses are not followed from a story',
      '::warning file=content/hostile.md,line=11,col=1::the attribute `onclick` is removed from `<div>`: a page runs no scripts from a story',
      expect.stringMatching(/^::warning file=content\/unknown-field\.md,line=\d+,col=1::unknown field `tgas` is ignored \(did you mean `tags`\?\)/),
    ]);
    // Without the workflow, no annotations.
    expect(runCli(['build', '--now', NOW], { cwd: site.root }).stdout).not.toContain('::');
  });

  it('never runs JavaScript frontmatter', () => {
    const run = buildWith('js-frontmatter.md', 'javascript-frontmatter.md');
    expect(run.status).toBe(1);
    expect(existsSync(path.join(run.root, 'PWNED-js'))).toBe(false);
    expect(existsSync(path.join(run.root, 'PWNED-javascript'))).toBe(false);
  });

  it('names both files when two stories resolve to the same URL', () => {
    const run = buildWith('same-url.md');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/call.md:1: the URL /2023/09/call/ is also used by content/same-url.md: give this story a different `slug`');
    expect(run.stderr).toContain('content/same-url.md:1: the URL /2023/09/call/ is also used by content/call.md: give this story a different `slug`');
    expectNothingLost(run);
  });

  it('reports every problem of every file in one run', () => {
    const run = buildWith('missing-title.md', 'date-yesterday.md', 'empty.md', 'tags-not-list.md', 'alias-bomb.md');
    expect(run.status).toBe(1);
    const reported = run.stderr.split('\n').filter((line) => line.startsWith('content/') && !line.includes(': warning: '));
    expect(reported.map((line) => line.split(':')[0])).toEqual([
      'content/alias-bomb.md',
      'content/date-yesterday.md',
      'content/empty.md',
      'content/missing-title.md',
      'content/tags-not-list.md',
    ]);
    expect(run.stderr).toContain('Build failed with 5 errors');
    expectNothingLost(run);
  });

  it('builds with a warning for an unknown field, and fails on it with --strict', () => {
    const site = builtSite();
    copyFileSync(path.join(FIXTURES, 'bad', 'unknown-field.md'), path.join(site.root, 'content', 'unknown-field.md'));
    const strict = runCli(['build', '--now', NOW, '--strict'], { cwd: site.root });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('content/unknown-field.md:4:1: unknown field `tgas` is ignored (did you mean `tags`?)');
    expect(snapshot(path.join(site.root, 'dist'))).toEqual(site.before);
    const lenient = runCli(['build', '--now', NOW], { cwd: site.root });
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toContain('content/unknown-field.md:4:1: warning: unknown field `tgas` is ignored (did you mean `tags`?)');
  });
});

describe('bad templates', () => {
  it('names the template file and line of an unknown variable', () => {
    const site = builtSite();
    const templates = path.join(site.root, 'templates');
    cpSync(path.join(REPO, 'templates'), templates, { recursive: true });
    const story = path.join(templates, 'story.liquid');
    const lines = readFileSync(story, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('<h1>{{ story.title }}</h1>'));
    lines[line] = lines[line]!.replace('story.title', 'story.titel');
    writeFileSync(story, lines.join('\n'));
    const run = runCli(['build', '--now', NOW], { cwd: site.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`templates/story.liquid:${line + 1}:12: template error: undefined variable: story.titel`);
    expect(run.stderr).toContain('Build failed with 1 error');
    expect(snapshot(path.join(site.root, 'dist'))).toEqual(site.before);
  });

  it('names an unknown filter', () => {
    const site = builtSite();
    const templates = path.join(site.root, 'templates');
    cpSync(path.join(REPO, 'templates'), templates, { recursive: true });
    const home = path.join(templates, 'home.liquid');
    writeFileSync(home, readFileSync(home, 'utf8').replace('{% layout "layout" %}', '{% layout "layout" %}{{ site.title | shout }}'));
    const run = runCli(['build', '--now', NOW], { cwd: site.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('templates/home.liquid:1:');
    expect(run.stderr).toContain('undefined filter: shout');
    expect(snapshot(path.join(site.root, 'dist'))).toEqual(site.before);
  });
});

describe('runaway templates', () => {
  it.each([
    ['a loop over a billion numbers', '{% for i in (1..1000000000) %}{{ i }}{% endfor %}'],
    ['a loop of 100,000 loops of 100,000', '{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}'],
  ])('%s: stopped with the template and line, not a crash', (_, loop) => {
    const site = builtSite();
    const templates = path.join(site.root, 'templates');
    cpSync(path.join(REPO, 'templates'), templates, { recursive: true });
    const home = path.join(templates, 'home.liquid');
    writeFileSync(home, readFileSync(home, 'utf8').replace('{% layout "layout" %}', `{% layout "layout" %}${loop}`));
    const run = runCli(['build', '--now', NOW], { cwd: site.root });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/templates\/home\.liquid:1:\d+: template error: the page created more than 10,000,000 values, the most one page may \(a loop over a huge range\?\)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(path.join(site.root, 'dist'))).toEqual(site.before);
  }, 120_000);
});

describe('dateline check', () => {
  it('reports what a build would, writes nothing, and exits as a build does', () => {
    const site = builtSite();
    const good = runCli(['check', '--now', NOW], { cwd: site.root });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^Checked 32 pages from 6 stories in \d+\.\d\d s: no errors; nothing was written$/m);
    copyFileSync(path.join(FIXTURES, 'bad', 'date-yesterday.md'), path.join(site.root, 'content', 'date-yesterday.md'));
    copyFileSync(path.join(FIXTURES, 'bad', 'unknown-field.md'), path.join(site.root, 'content', 'unknown-field.md'));
    const reportBefore = readFileSync(path.join(site.root, '.dateline-cache', 'build-report.json'), 'utf8');
    const bad = runCli(['check', '--now', NOW], { cwd: site.root });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('content/date-yesterday.md:3:7: `date`: is not a date');
    expect(bad.stderr).toContain('content/unknown-field.md:4:1: warning: unknown field `tgas` is ignored');
    expect(runCli(['check', '--now', NOW, '--out', 'elsewhere'], { cwd: site.root }).status).toBe(2);
    // Nothing written: the output folder and the last build's report are as they were.
    expect(snapshot(path.join(site.root, 'dist'))).toEqual(site.before);
    expect(readFileSync(path.join(site.root, '.dateline-cache', 'build-report.json'), 'utf8')).toBe(reportBefore);
    expect(readdirSync(site.root).sort()).toEqual(['.dateline-cache', 'content', 'dateline.config.json', 'dist']);
  });

  it('names each link and image in a body that leads nowhere on the site, at its line', () => {
    const site = builtSite();
    const story = [
      '---',
      'title: Links of every kind',
      'date: 2023-09-20 10:00',
      '---',
      'Good: [a story](/2023/09/call/), [no slash](/2023/09/chitral), [relative](../call/#top), [a tag](/tags/ttp/?page=1),',
      '[an image file](/images/valley.svg), [a feed](/feed.xml), [elsewhere](https://example.com/x/), [mail](mailto:desk@example.org), [here](#top).',
      '',
      'Bad: [a typo](/2023/09/cal/), [the draft](/2023/09/draft/) and ![a missing image](/images/none.png),',
      '[relative](call/), and [a reference][ref].',
      '',
      '    [not a link](/in/code/)',
      '',
      '[ref]: /nowhere/',
      '',
    ].join('\n');
    writeFileSync(path.join(site.root, 'content', 'links.md'), story);
    const run = runCli(['check', '--now', NOW], { cwd: site.root });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n').filter((line) => !line.includes('warning: '))).toEqual([
      'content/links.md:8:6: links to /2023/09/cal/, which nothing on the site builds: fix the address',
      'content/links.md:8:31: links to /2023/09/draft/, the address of content/draft.md, which is a draft: readers find nothing there until it is published',
      'content/links.md:8:64: shows the image /images/none.png, which nothing on the site builds: fix the address, or add the image to the content folder',
      'content/links.md:9:1: links to call/ (/2023/09/links/call/), which nothing on the site builds: fix the address',
      'content/links.md:13:1: links to /nowhere/, which nothing on the site builds: fix the address',
      'Check failed with 5 errors; nothing was written.',
    ]);
    expect(snapshot(path.join(site.root, 'dist'))).toEqual(site.before);
    // A build publishes such a story as it is: broken links are for `check` to catch.
    expect(runCli(['build', '--now', NOW], { cwd: site.root }).status).toBe(0);
  });
});

describe('bad config and usage', () => {
  it('exits 2 on an invalid config, naming the field, with dist/ untouched', () => {
    const site = builtSite();
    const config = path.join(site.root, 'dateline.config.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('"https://example.org/news/"', '"example.org/news"'));
    const run = runCli(['build'], { cwd: site.root });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('dateline.config.json:3:10: `url`: must be an absolute http(s) address such as `https://example.org/news/` (got `example.org/news`)');
    expect(snapshot(path.join(site.root, 'dist'))).toEqual(site.before);
  });

  it('refuses a content folder outside the site root in the config, with dist/ untouched', () => {
    const site = builtSite();
    const config = path.join(site.root, 'dateline.config.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('"title"', '"contentDir": "../../",\n  "title"'));
    const run = runCli(['build', '--now', NOW], { cwd: site.root });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("dateline.config.json:2:17: `contentDir`: `../../` is outside the site root; a site's folders live in it: to read stories from elsewhere, pass `--content DIR`");
    expect(snapshot(path.join(site.root, 'dist'))).toEqual(site.before);
  });

  it('refuses an output folder that would swallow the sources', () => {
    const site = builtSite();
    const run = runCli(['build', '--out', '.'], { cwd: site.root });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('contains the site root');
    expect(readdirSync(site.root).sort()).toEqual(['.dateline-cache', 'content', 'dateline.config.json', 'dist']);
  });

  it('refuses a cache folder inside the output folder, which each build replaces', () => {
    const site = builtSite();
    const run = runCli(['build', '--cache', 'dist/cache'], { cwd: site.root });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('contains the cache folder');
    expect(snapshot(path.join(site.root, 'dist'))).toEqual(site.before);
  });

  it.each([
    [['build', '--bogus'], "Unknown option '--bogus'"],
    [['publish'], 'unknown command `publish`'],
    [[], 'no command given'],
    [['build', 'extra'], 'unexpected argument `extra`'],
    [['build', '--now', 'soon'], '--now `soon` is not a date'],
    [['build', '--now', '99999999999999999'], '--now `99999999999999999` is out of range: use a time between 1970 and 9999'],
    [['build', '--now', '1900-01-01'], '--now `1900-01-01` is out of range: use a time between 1970 and 9999'],
  ])('exits 2 on %j', (args, message) => {
    const run = runCli(args, { cwd: path.join(FIXTURES, 'newsroom') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Run `dateline --help` for usage.');
  });

  it('exits 2 when the content folder does not exist', () => {
    const run = runCli(['build', '--root', path.join(FIXTURES, 'newsroom'), '--content', 'no-such-folder', '--out', path.join(builtSite().root, 'elsewhere')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-folder does not exist; create it, or point `--content` or `contentDir` at your stories');
  });

  it('exits 2 when there is no config', () => {
    const run = runCli(['build', '--root', path.join(FIXTURES, 'bad')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('dateline.config.json: not found in');
  });

  it('prints help and version', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: dateline <command> [options]');
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });
});
