/**
 * Split a story into frontmatter and body, and parse the frontmatter: YAML
 * between `---` lines, or TOML between `+++` lines (as many Hugo sites write it).
 *
 * gray-matter picks its engine from the opening line (`---js` runs the
 * frontmatter as JavaScript, even with `language: 'yaml'`), so a file whose
 * opening line is anything but `---` or `+++` is refused before gray-matter sees it,
 * every engine but a no-op YAML one throws, and the YAML itself is parsed by
 * `parseLocatedYaml` (alias-limited, with positions). Passing options also
 * keeps gray-matter from caching every file it has seen.
 */
import matter from 'gray-matter';
import type { Problem } from '../errors.js';
import { parseLocatedToml } from './toml.js';
import { parseLocatedYaml, type LocatedYaml } from './yaml.js';

const refuse = (): never => {
  throw new Error('only YAML frontmatter is allowed');
};

type MatterOptions = { language: string; delimiters: string; engines: Record<string, (input: string) => object> };

/** Every engine is a no-op or refuses: gray-matter only splits; the text is parsed here. */
const ENGINES = {
  yaml: () => ({}),
  toml: () => ({}),
  js: refuse,
  javascript: refuse,
  coffee: refuse,
  coffeescript: refuse,
  cson: refuse,
  json: refuse,
};

/** YAML between `---` lines, or TOML between `+++` lines (Hugo's). */
const FENCES = {
  '---': { options: { language: 'yaml', delimiters: '---', engines: ENGINES } satisfies MatterOptions, parse: parseLocatedYaml },
  '+++': { options: { language: 'toml', delimiters: '+++', engines: ENGINES } satisfies MatterOptions, parse: parseLocatedToml },
} as const;

const HOW_TO_START = 'start the file with a `---` line, then `title:` and `date:` lines, then a closing `---` line';

export type Frontmatter = { ok: true; yaml: LocatedYaml; body: string } | { ok: false; problems: Problem[] };

/** The frontmatter and body of the story text `text` read from `file`. */
export function splitFrontmatter(text: string, file: string): Frontmatter {
  // Files saved on Windows end their lines with CRLF, frontmatter included:
  // read them exactly as LF files (a `\r` left at a field's end made
  // `draft: true` the text "true\r"). Lines keep their numbers.
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fail = (message: string, line = 1): Frontmatter => ({
    ok: false,
    problems: [{ severity: 'error', file, line, column: 1, message }],
  });
  if (source.trim() === '') return fail(`the file is empty; ${HOW_TO_START}`);
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const fence = firstLine.trimEnd();
  if (fence !== '---' && fence !== '+++') {
    const language = /^---\s*(\S+)/.exec(firstLine)?.[1];
    if (language !== undefined) {
      return fail(
        `frontmatter language \`${language}\` is not allowed: only YAML (between \`---\` lines) and TOML (between \`+++\` lines) are read, and code is never run; replace \`${firstLine.trim()}\` with \`---\``,
      );
    }
    return fail(`no frontmatter: ${HOW_TO_START}`);
  }
  const { options, parse } = FENCES[fence];
  if (!new RegExp(`\\n${fence === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(\\n|$)`).test(source)) {
    return fail(`the frontmatter is not closed: add a \`${fence}\` line after the last field`);
  }
  let parsed: { matter: string; content: string };
  try {
    parsed = matter(source, options);
  } catch (error) {
    return fail(`could not split the frontmatter: ${(error as Error).message}`);
  }
  // gray-matter's `matter` starts with the rest of the opening line, so its lines are the file's lines.
  const yaml = parse(parsed.matter, file, 1);
  if (!yaml.ok) return { ok: false, problems: yaml.problems };
  return { ok: true, yaml: yaml.value, body: parsed.content };
}

/** How many lines of `text` come before its body `body` (the end of it): add it to a line of the body for the file's. */
export function bodyLineOffset(text: string, body: string): number {
  return text.split('\n').length - body.split('\n').length;
}
