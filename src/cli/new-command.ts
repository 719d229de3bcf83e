/** `dateline new "Title"`. */
import { loadConfig } from '../config.js';
import { createStory } from '../new-story.js';
import { EXIT, failure, print, printProblem, resolveNow, usage } from './io.js';

export interface NewFlags {
  root?: string;
  section?: string;
  tags?: string;
  byline?: string;
  now?: string;
  verbose?: boolean;
}

export async function newCommand(title: string | undefined, flags: NewFlags): Promise<number> {
  if (title === undefined) return usage('give the story a title: dateline new "Title of the story"');
  try {
    const { config, paths } = loadConfig(flags.root === undefined ? {} : { root: flags.root });
    const tags = (flags.tags ?? '').split(',').map((tag) => tag.trim()).filter(Boolean);
    const result = await createStory(
      {
        title,
        tags,
        now: resolveNow(flags.now, undefined),
        ...(flags.section && { section: flags.section }),
        ...(flags.byline && { byline: flags.byline }),
      },
      config,
      paths,
    );
    if (!result.ok) {
      printProblem(result.problem);
      return EXIT.content;
    }
    print(`Created ${result.file} (a draft: remove \`draft: true\` to publish it)`);
    return EXIT.ok;
  } catch (error) {
    return failure(error, flags.verbose ?? false);
  }
}
