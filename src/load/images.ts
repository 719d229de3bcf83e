/**
 * Lead images stored in the content folder: check they exist and measure
 * them, so pages can reserve their space (no layout shift) and structured
 * data can give their size.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { inside } from '../folders.js';
import { MAX_IMAGE_SIDE } from '../parse/schema.js';
import type { Story } from '../parse/story.js';
import { relativePosix } from './files.js';

/** Whether a measured side is a whole number of pixels no larger than any real image's. */
function believable(side: number): boolean {
  return Number.isInteger(side) && side > 0 && side <= MAX_IMAGE_SIDE;
}

/** `stories` with the size of every local lead image filled in; a missing or unreadable image is a problem. */
export async function measureImages(
  stories: readonly Story[],
  contentDir: string,
  root: string,
): Promise<{ stories: Story[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const measured = await Promise.all(
    stories.map(async (story): Promise<Story> => {
      const image = story.image;
      if (!image || image.width !== undefined || /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(image.src)) return story;
      const file = path.join(contentDir, decodeURIComponent(image.src.replace(/[?#].*$/, '')));
      const problem = (message: string) => problems.push({ severity: 'error', file: story.file, line: 1, message });
      if (!inside(file, contentDir)) {
        problem(`\`image.src\` \`${image.src}\` points outside the content folder`);
        return story;
      }
      try {
        // Loaded here: most builds measure no image (cached stories keep their sizes).
        const { imageSize } = await import('image-size');
        const { width, height } = imageSize(await readFile(file));
        if (!believable(width) || !believable(height)) {
          problem(`\`image.src\` \`${image.src}\` claims to be ${width} × ${height} pixels, which cannot be right; fix the file, or give \`width\` and \`height\``);
          return story;
        }
        return Object.freeze({ ...story, image: { ...image, width, height } });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problem(
          code === 'ENOENT'
            ? `\`image.src\` \`${image.src}\` not found: put the file at ${relativePosix(root, file)}, or use an absolute https:// address`
            : `\`image.src\` \`${image.src}\` is not an image that can be measured (${(error as Error).message}); give \`width\` and \`height\``,
        );
        return story;
      }
    }),
  );
  return { stories: measured, problems };
}
