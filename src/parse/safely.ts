import { readSourceSync, type SourceFile, type SourceRef } from '../load/files.js';
import type { Reading } from './fields.js';
import { parseStory, type ParsedWithBody } from './story.js';

export { parseStory, readSourceSync };

/**
 * `parseStory` (reading the file first if only found so far), with anything
 * it throws (a story so deeply nested that the Markdown parser runs out of
 * stack, say) turned into a problem naming the file, so one pathological
 * story cannot take the build down with it.
 */
export function parseSafely(source: SourceRef | SourceFile, reading: Reading): ParsedWithBody {
  if (source.outside !== undefined) {
    const message = `is a link to ${source.outside}, outside the site, and was left out: links are followed only within the site; copy the file (or folder) in instead`;
    return { story: undefined, problems: [{ severity: 'warning', file: source.path, message }] };
  }
  let file: SourceFile;
  try {
    file = 'text' in source ? source : readSourceSync(source);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { story: undefined, problems: [{ severity: 'error', file: source.path, message: `could not be read (${reason})` }] };
  }
  try {
    return parseStory(file, reading);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      story: undefined,
      problems: [{ severity: 'error', file: file.path, line: 1, message: `could not be parsed (${reason}); simplify the story's Markdown` }],
    };
  }
}
