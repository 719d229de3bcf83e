/**
 * Parse: the curated front page, `content/_front.yml`. A list of picks, each
 * taking over the home page from its `from` time:
 *
 *     - from: 2023-09-13 10:00
 *       lead: 2023/09/army-chief-austin-call
 *       top: [2023/09/chitral-border-attack, 2023/08/tom-west-ttp-threat]
 *
 * Stories are named by their path under the content folder without the
 * ending. Which stories exist is the model's to say; here only the shape
 * is checked, every value with its line.
 */
import { z } from 'zod';
import type { Problem } from '../errors.js';
import { issuesToProblems } from '../validate.js';
import { describedText } from '../validate.js';
import { DATE_FORMATS_HINT, parseInstant, type Instant } from './dates.js';
import { parseLocatedYaml, type Position } from './yaml.js';

/** Where the front page's picks are kept, under the content folder. */
export const FRONT_FILE = '_front.yml';

/** A story named in a pick, and where. */
export interface StoryRef extends Position {
  /** Its path under the content folder, without the ending: `2023/09/army-chief-austin-call`. */
  readonly path: string;
}

/** One pick: from when it holds, its lead story and its top stories. */
export interface FrontPick {
  readonly from: Instant;
  readonly lead: StoryRef;
  readonly top: readonly StoryRef[];
  /** Where the pick starts in the file. */
  readonly line: number;
}

/** The picks of a front-page file (`file`, relative to the site root), in the order `from` runs. */
export interface FrontPage {
  readonly file: string;
  readonly picks: readonly FrontPick[];
}

const storyPath = (what: string) =>
  describedText(what)
    .trim()
    .min(1, 'must not be empty: name a story by its path under the content folder, e.g. `2023/09/army-chief-call`')
    .transform((value) => value.replace(/^\/+/, '').replace(/\.(md|markdown|mdown|mkd)$/i, ''));

function pickSchema(zone: string) {
  return z
    .object(
      {
        from: z.unknown().transform((value, context) => {
          const parsed = value === undefined || value === null ? undefined : parseInstant(value, zone);
          if (parsed === undefined) {
            context.addIssue({ code: 'custom', message: `${value === undefined || value === null ? 'is required: when the pick takes over the front page' : 'is not a date'}; ${DATE_FORMATS_HINT}` });
            return z.NEVER;
          }
          return parsed;
        }),
        lead: storyPath('the lead story, by its path under the content folder'),
        top: z
          .preprocess((value) => (value === null ? undefined : typeof value === 'string' ? [value] : value), z.array(storyPath('a top story, by its path under the content folder'), { error: 'must be a list of stories, e.g. `[2023/09/chitral-attack]`' }).max(20, 'must name at most 20 stories').default([])),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `has ${issue.keys.map((key) => `\`${key}\``).join(', ')}, which a pick does not: it has \`from\`, \`lead\` and \`top\``
            : 'must be a pick: a map with `from`, `lead` and optionally `top`',
      },
    )
    .strict();
}

/** The picks in `text` (the file `file`), read in `zone`; or every problem with its line. */
export function parseFrontPage(text: string, file: string, zone: string): { front: FrontPage; problems: [] } | { front: undefined; problems: Problem[] } {
  const parsed = parseLocatedYaml(text, file);
  if (!parsed.ok) return { front: undefined, problems: parsed.problems };
  const yaml = parsed.value;
  const data = yaml.data ?? [];
  const result = z.array(pickSchema(zone), { error: 'must be a list of picks, each `- from: …` with `lead` and `top`' }).safeParse(data);
  if (!result.success) return { front: undefined, problems: issuesToProblems(result.error, yaml, file) };
  const picks = result.data.map(
    (pick, index): FrontPick => ({
      from: pick.from,
      lead: { path: pick.lead, ...yaml.locate([index, 'lead']) },
      top: pick.top.map((top, at) => ({ path: top, ...yaml.locate([index, 'top', at]) })),
      line: yaml.locate([index]).line,
    }),
  );
  // A stable order: by `from`, then as written.
  return { front: { file, picks: picks.map((pick, index) => ({ pick, index })).sort((a, b) => a.pick.from.epochMs - b.pick.from.epochMs || a.index - b.index).map(({ pick }) => pick) }, problems: [] };
}
