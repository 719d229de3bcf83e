/**
 * Lead images stored in the content folder: check they exist, measure them
 * (so pages reserve their space: no layout shift) and note their content
 * hash and format, which their resized copies and crops are made from (see
 * images/). A lead image too narrow for Google Discover's large previews is
 * a warning.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { inside } from '../folders.js';
import { DISCOVER_WIDTH, isResizable } from '../images/variants.js';
import { MAX_IMAGE_SIDE } from '../parse/schema.js';
import type { BodyImage, Story } from '../parse/story.js';
import { relativePosix, sourceHash } from './files.js';

/** Whether a measured side is a whole number of pixels no larger than any real image's. */
function believable(side: number): boolean {
  return Number.isInteger(side) && side > 0 && side <= MAX_IMAGE_SIDE;
}

/** An address on the web rather than a file in the content folder. */
const ON_THE_WEB = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * `stories` with every local lead image measured and hashed; a missing or
 * unreadable image is an error, a narrow one a warning.
 */
export async function measureImages(
  stories: readonly Story[],
  contentDir: string,
  root: string,
): Promise<{ stories: Story[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const measured = await Promise.all(
    stories.map(async (unmeasured): Promise<Story> => {
      const story = await withBodyImages(unmeasured, contentDir);
      const image = story.image;
      if (!image || ON_THE_WEB.test(image.src)) return story;
      const file = path.join(contentDir, decodeURIComponent(image.src.replace(/[?#].*$/, '')));
      const problem = (message: string, severity: Problem['severity'] = 'error') => problems.push({ severity, file: story.file, line: 1, message });
      if (!inside(file, contentDir)) {
        problem(`\`image.src\` \`${image.src}\` points outside the content folder`);
        return story;
      }
      // A size given in the frontmatter stands for a file that cannot be measured (an SVG without one): it is published as it is.
      const given = image.width !== undefined && image.height !== undefined;
      try {
        const bytes = await readFile(file);
        const measured = await measure(bytes).catch((error: unknown) => {
          if (given) return undefined;
          throw error;
        });
        if (!measured) return story;
        const { width, height, type } = measured;
        if (!believable(width) || !believable(height)) {
          if (given) return story;
          problem(`\`image.src\` \`${image.src}\` claims to be ${width} × ${height} pixels, which cannot be right; fix the file, or give \`width\` and \`height\``);
          return story;
        }
        const format = type ?? 'unknown';
        if (isResizable(format) && width < DISCOVER_WIDTH) {
          problem(
            `\`image.src\` \`${image.src}\` is ${width} px wide: Google Discover and other news apps show a large preview only for images at least ${DISCOVER_WIDTH} px wide, and show this story with a thumbnail; use a larger original`,
            'warning',
          );
        }
        return Object.freeze({ ...story, image: { ...image, width, height, file: { hash: hashOf(bytes), format } } });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problem(
          code === 'ENOENT'
            ? `\`image.src\` \`${image.src}\` not found: put the file at ${relativePosix(root, file)}, or use an absolute https:// address`
            : `\`image.src\` \`${image.src}\` is not an image that can be read (${/unsupported file type/.test((error as Error).message) ? 'its bytes are no image format' : (error as Error).message}): replace the file with a JPEG, PNG, WebP, GIF or SVG image`,
        );
        return story;
      }
    }),
  );
  return { stories: measured, problems };
}

/**
 * `story` with the photos of its body that are files under content/ (by a
 * site-root address) measured. One that is missing or unreadable is left as
 * it is written: `check` reports links to nothing, and the page shows what
 * the browser makes of it.
 */
async function withBodyImages(story: Story, contentDir: string): Promise<Story> {
  const addresses = [...new Set(story.links.filter((link) => link.image && link.url.startsWith('/')).map((link) => link.url))];
  if (addresses.length === 0) return story;
  const found = await Promise.all(
    addresses.map(async (src): Promise<BodyImage | undefined> => {
      const file = path.join(contentDir, decodeURIComponent(src.replace(/[?#].*$/, '')));
      if (!inside(file, contentDir)) return undefined;
      try {
        const bytes = await readFile(file);
        const { width, height, type } = await measure(bytes);
        if (!type || !isResizable(type) || !believable(width) || !believable(height)) return undefined;
        return { src, width, height, file: { hash: hashOf(bytes), format: type } };
      } catch {
        return undefined;
      }
    }),
  );
  const bodyImages = found.filter((image) => image !== undefined);
  return bodyImages.length === 0 ? story : Object.freeze({ ...story, bodyImages });
}

/**
 * An image's size as it is shown, and its format (`jpg`, `png`, `svg`…);
 * throws for bytes of no format it knows. A photo turned by its EXIF
 * orientation (5 to 8) is shown, and resized, the other way round.
 */
async function measure(bytes: Uint8Array): Promise<{ width: number; height: number; type: string | undefined }> {
  // Loaded here: most builds measure no image.
  const { imageSize } = await import('image-size');
  const { width, height, type, orientation } = imageSize(bytes);
  const turned = (orientation ?? 1) >= 5;
  return { width: turned ? height : width, height: turned ? width : height, type };
}

/** A file's content hash, as the names of what is made of it use it. */
function hashOf(bytes: Uint8Array): string {
  return sourceHash(bytes).slice(0, 16);
}
