/**
 * The files of a new site, as `dateline init` writes them: the config, one
 * story welcoming the newsroom (dated now, so the first build publishes
 * it), what git should ignore, a package.json whose scripts run this
 * Dateline, and the GitHub workflow. The theme stays in the package until
 * `dateline theme --copy` brings it in.
 */
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { CONFIG_FILE } from '../config.js';
import { toSlug } from '../slug.js';
import { WORKFLOW, WORKFLOW_FILE } from './workflow.js';

/** The settings `init` takes as flags, each with its default. */
export interface StarterSettings {
  readonly title: string;
  readonly url: string;
  readonly timezone: string;
  readonly language: string;
}

/** What `init` writes when a flag is not given. */
export const STARTER_DEFAULTS: StarterSettings = {
  title: 'Newsroom',
  url: 'https://example.org/',
  timezone: 'UTC',
  language: 'en',
};

/** Dateline's package on npm, which the site depends on. */
export const PACKAGE_NAME = 'dateline-news';

/** Every file of the starter site, by path relative to its folder. */
export function starterFiles(settings: StarterSettings, site: { readonly folder: string; readonly version: string; readonly now: number }): Record<string, string> {
  const now = DateTime.fromMillis(site.now, { zone: settings.timezone });
  const config = { title: settings.title, url: settings.url, language: settings.language, timezone: settings.timezone, description: '' };
  const story = `content/${now.toFormat('yyyy')}/${now.toFormat('MM')}/welcome.md`;
  const packageJson = {
    name: toSlug(site.folder) || 'newsroom',
    private: true,
    description: `${settings.title}: a news site built with Dateline`,
    scripts: { build: 'dateline build', dev: 'dateline dev', check: 'dateline check', new: 'dateline new' },
    dependencies: { [PACKAGE_NAME]: `^${site.version}` },
    engines: { node: '>=20' },
  };
  return {
    [CONFIG_FILE]: `${JSON.stringify(config, null, 2)}\n`,
    [story]: welcomeStory(settings.title, now, story),
    '.gitignore': GITIGNORE,
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    [WORKFLOW_FILE]: WORKFLOW,
  };
}

/** What a build leaves in the site's folder that is not the site's source. */
const GITIGNORE = `node_modules/
# the built site, and the cache that makes the next build quick
dist/
.dateline-cache/
# a build's staging folder, the output it replaces, and its lock, while it runs
*.tmp-*/
*.old-*/
.dist.lock
`;

/** The welcome story, at `file` (which it names, for editors to find the next ones beside it). */
function welcomeStory(title: string, now: DateTime, file: string): string {
  const fields = {
    title: `Welcome to ${title}`,
    date: now.startOf('minute').toISO({ suppressMilliseconds: true, suppressSeconds: true }),
    byline: 'The editors',
    section: 'About',
    tags: ['Dateline'],
    summary: 'This site is built from Markdown stories by Dateline. Here is how to publish the next one.',
  };
  return `---
${stringify(fields, { lineWidth: 0 })}---

Every story is a Markdown file under \`content/\`, with its headline, date,
byline, section and tags at the top. This one is
\`${file}\`.

## Writing

- \`npm run new -- "Headline of the story"\` starts a story dated now, as a
  draft. Remove \`draft: true\` when it is ready.
- \`npm run dev\` serves the site on this computer (it prints the address)
  and reloads each page as you save.
- A story dated in the future is embargoed: it is published by the first
  build after its time.

## Publishing

- \`npm run check\` finds every problem in the stories without building.
- \`npm run build\` writes the site into \`dist/\`, ready for any static host.
- Pushed to GitHub, \`.github/workflows/dateline.yml\` checks pull requests,
  publishes the default branch on GitHub Pages, and publishes embargoed
  stories on time.

Delete this story, or rewrite it as your newsroom's own.
`;
}
