/**
 * The image stage: every file made of the photos of a site's stories (see
 * variants.ts), written as the build's outputs. A file the last run wrote
 * is kept as it is (its name says what it holds); the others are read from
 * the image cache when they were made before, else encoded (encode.ts).
 * Photos are worked on four at once, each read once for all its files and
 * let go when they are made, so a site's photos are never all in memory.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BuildFailed, compareText, type Problem } from '../errors.js';
import { relativePosix } from '../load/files.js';
import type { Site } from '../model/site.js';
import type { Story } from '../parse/story.js';
import type { Output } from '../render/html.js';
import { groupRepeated } from '../report.js';
import { makeVariant } from './encode.js';
import { planImage, planOf, variantsOf, type Variant } from './variants.js';

/** How many photos are worked on at once: libuv's four worker threads, kept busy. */
const PHOTOS_AT_ONCE = 4;

/** Where the stage reads and writes. */
export interface ImageStage {
  readonly contentDir: string;
  /** The site root, which paths in messages are relative to. */
  readonly root: string;
  /** The image cache folder (absent: files are made again each run). */
  readonly cacheDir?: string;
  /** Whether the last run wrote the file at `path` (it is then kept, not written). */
  readonly kept: (path: string) => boolean;
  readonly sink: (output: Output) => Promise<void>;
}

/** One photo and everything made of it, for one story (the first that shows it). */
interface Photo {
  readonly src: string;
  readonly story: Story;
  /** How messages name it: `` `image.src` `` for a lead image, `the image` in a body. */
  readonly what: string;
  readonly line: number;
  readonly variants: Variant[];
}

/** Make `site`'s image files; their paths (all, and those written), and how many were encoded. Throws `BuildFailed` naming every photo that could not be made. */
export async function makeImages(site: Site, stage: ImageStage): Promise<{ all: string[]; written: string[]; encoded: number }> {
  const photos = new Map<string, Photo>();
  const add = (src: string, story: Story, what: string, line: number, variants: readonly Variant[]) => {
    const photo = photos.get(src) ?? { src, story, what, line, variants: [] };
    photos.set(src, photo);
    for (const variant of variants) if (!photo.variants.some((known) => known.path === variant.path)) photo.variants.push(variant);
  };
  for (const { story } of site.stories) {
    const plan = story.image && planOf(story.image);
    if (plan) add(story.image!.src, story, '`image.src`', 1, variantsOf(plan));
    for (const image of story.bodyImages ?? []) {
      const line = story.links.find((link) => link.image && link.url === image.src)?.line ?? 1;
      add(image.src, story, 'the image', line, variantsOf(planImage(image, { crops: false })!));
    }
  }
  const all = [...photos.values()].flatMap((photo) => photo.variants.map((variant) => variant.path));
  const written: string[] = [];
  const problems: Problem[] = [];
  let encoded = 0;
  await forEachAtOnce([...photos.values()], PHOTOS_AT_ONCE, async ({ src, story, what, line, variants }) => {
    const file = path.join(stage.contentDir, decodeURIComponent(src.replace(/[?#].*$/, '')));
    // Read once, when a file must be encoded, for all of this photo's files.
    let bytes: Promise<Uint8Array> | undefined;
    const read = () => (bytes ??= readFile(file));
    for (const variant of variants) {
      if (stage.kept(variant.path)) continue;
      try {
        const made = await makeVariant(variant, read, stage.cacheDir);
        if (made.encoded) encoded += 1;
        await stage.sink({ path: variant.path, content: made.content });
        written.push(variant.path);
      } catch (error) {
        const reason = (error as Error).message.split('\n')[0];
        problems.push({ severity: 'error', file: story.file, line, message: `${what} \`${src}\` could not be made into ${variant.path} (${reason}): replace ${relativePosix(stage.root, file)} with a JPEG, PNG or WebP image that opens` });
        break;
      }
    }
  });
  if (problems.length > 0) throw new BuildFailed(groupRepeated(problems));
  return { all, written: written.sort(compareText), encoded };
}

/** Run `work` on each of `items`, at most `limit` at once; resolves when all have finished. */
async function forEachAtOnce<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
