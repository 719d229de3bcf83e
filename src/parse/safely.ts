import type { SourceFile } from '../load/files.js';
import { parseStory, type ParsedStory } from './story.js';

/**
 * `parseStory`, with anything it throws (a story so deeply nested that the
 * Markdown parser runs out of stack, say) turned into a problem naming the
 * file, so one pathological story cannot take the build down with it.
 */
export function parseSafely(file: SourceFile, zone: string): ParsedStory {
  try {
    return parseStory(file, zone);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      story: undefined,
      problems: [{ severity: 'error', file: file.path, line: 1, message: `could not be parsed (${reason}); simplify the story's Markdown` }],
    };
  }
}
