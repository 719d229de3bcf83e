import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS, DEFAULT_TEMPLATES, loadConfig } from '../src/config.js';
import { ConfigError, formatProblem } from '../src/errors.js';
import { DEFAULT_FIELDS } from '../src/parse/fields.js';
import { DEFAULT_EMBED_HOSTS } from '../src/parse/embed-hosts.js';
import { tempDir } from './helpers.js';

function withConfig(text: string): string {
  const root = tempDir();
  writeFileSync(path.join(root, 'dateline.config.json'), text);
  return root;
}

function problems(text: string): string[] {
  try {
    loadConfig({ root: withConfig(text) });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected a config error');
}

describe('loadConfig', () => {
  it('fills in defaults and derives the base path', () => {
    const root = withConfig('{ "title": "Gazette", "url": "https://example.org/news" }');
    const { config, paths } = loadConfig({ root });
    expect(config).toEqual({
      title: 'Gazette',
      url: 'https://example.org/news/',
      basePath: '/news/',
      language: 'en',
      timezone: 'UTC',
      description: '',
      permalink: '/:year/:month/:slug/',
      pageSize: 10,
      updatedAfterMinutes: 15,
      search: true,
      dates: { style: 'international' },
      feeds: DEFAULT_FEEDS,
      fields: DEFAULT_FIELDS,
      authorsDir: '_authors',
      embeds: { hosts: DEFAULT_EMBED_HOSTS },
      publisher: { name: 'Gazette' },
    });
    expect(paths).toEqual({
      root,
      content: path.join(root, 'content'),
      out: path.join(root, 'dist'),
      templates: DEFAULT_TEMPLATES,
    });
  });

  it('reads `feedSize` as the length of the site\'s feeds, and `feeds` per kind over the defaults', () => {
    const root = withConfig('{ "title": "G", "url": "https://example.org/", "feedSize": 30, "feeds": { "terms": { "formats": [], "items": 5 } } }');
    expect(loadConfig({ root }).config.feeds).toEqual({
      site: { formats: ['rss', 'atom', 'json'], items: 30, content: 'full' },
      terms: { formats: [], items: 5, content: 'summary' },
    });
  });

  it('refuses config folders outside the site root, and a templates folder that does not exist', () => {
    expect(problems('{ "title": "G", "url": "https://example.org/",\n  "contentDir": "../stories",\n  "templatesDir": "/etc" }')).toEqual([
      "dateline.config.json:2:17: `contentDir`: `../stories` is outside the site root; a site's folders live in it: to read stories from elsewhere, pass `--content DIR`",
      "dateline.config.json:3:19: `templatesDir`: `/etc` is outside the site root; a site's folders live in it",
    ]);
    expect(problems('{ "title": "G", "url": "https://example.org/", "templatesDir": "theme" }')).toEqual([
      "dateline.config.json:1:64: `templatesDir`: `theme` does not exist; create it, or remove the setting to use Dateline's default theme",
    ]);
  });

  it('reads stories from outside the root when the command line names the folder', () => {
    const root = withConfig('{ "title": "G", "url": "https://example.org/", "contentDir": "../elsewhere" }');
    expect(loadConfig({ root, content: '/tmp/stories' }).paths.content).toBe('/tmp/stories');
  });

  it('replaces the names a field is read from, field by field', () => {
    const root = withConfig('{ "title": "G", "url": "https://example.org/", "fields": { "byline": ["writers", "author"] } }');
    expect(loadConfig({ root }).config.fields).toEqual({ ...DEFAULT_FIELDS, byline: ['writers', 'author'] });
    expect(problems('{ "title": "G", "url": "https://example.org/",\n  "fields": { "headline": ["title"], "tags": [] } }')).toEqual([
      'dateline.config.json:2:46: `fields.tags`: must name at least one field (got `[]`)',
      'dateline.config.json:2:13: `fields`: names no field Dateline reads by other names: `headline`; the fields are `date`, `updated`, `byline`, `tags`, `section`, `summary`, `aliases`, `url`, `kicker`, `seo_title`, `social_title`, `name`, `role` (got `{"headline":["title"],"tags":[]}`)',
    ]);
  });

  it('lets the command line move the content and output folders', () => {
    const root = withConfig('{ "title": "G", "url": "https://example.org/" }');
    const { paths } = loadConfig({ root, content: '/tmp/stories', out: '/tmp/site' });
    expect([paths.content, paths.out]).toEqual(['/tmp/stories', '/tmp/site']);
  });

  it.each([
    ['a relative url', '{ "title": "G", "url": "/news/" }', 'dateline.config.json:1:24: `url`: must be an absolute http(s) address'],
    ['a url that is not http', '{ "title": "G", "url": "ftp://example.org/" }', '`url`: must be an absolute http(s) address'],
    ['a missing url', '{ "title": "G" }', '`url`: is required'],
    ['a missing title', '{\n  "url": "https://example.org/"\n}', '`title`: is required'],
    ['an unknown time zone', '{ "title": "G", "url": "https://example.org/",\n  "timezone": "Pakistan/Karachi" }', 'dateline.config.json:2:15: `timezone`: must be an IANA time zone name'],
    ['a permalink without :slug', '{ "title": "G", "url": "https://e.org/", "permalink": "/:year/" }', '`permalink`: must start and end with `/`, contain `:slug`'],
    ['an unknown permalink token', '{ "title": "G", "url": "https://e.org/", "permalink": "/:author/:slug/" }', '`permalink`: may only use the tokens'],
    ['a page size of 0', '{ "title": "G", "url": "https://e.org/", "pageSize": 0 }', '`pageSize`: must be at least 1'],
    ['a page size as text', '{ "title": "G", "url": "https://e.org/", "pageSize": "ten" }', '`pageSize`: must be a whole number'],
    ['an unknown setting', '{ "title": "G", "url": "https://e.org/",\n  "timeZone": "UTC" }', 'dateline.config.json:2:3: unknown setting `timeZone` (did you mean `timezone`?)'],
    ['broken JSON', '{ "title": "G", ', 'dateline.config.json:1:'],
  ])('refuses %s', (_, text, expected) => {
    expect(problems(text).join('\n')).toContain(expected);
  });

  it('reports every problem at once', () => {
    expect(problems('{ "url": "nope", "timezone": "Mars/Olympus", "pageSiz": 3 }')).toHaveLength(4);
  });

  it('says how to start when there is no config', () => {
    const root = tempDir();
    expect(() => loadConfig({ root })).toThrow(ConfigError);
  });
});
