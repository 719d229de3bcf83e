/**
 * Make the files of local lead images with sharp (libvips: each file is made
 * on libuv's worker threads, several at once, while this thread goes on).
 * A file already made is read from the persistent cache instead (its name
 * says what it holds: see variants.ts), so an image is encoded once, not
 * once per build; a warm build whose last output holds the file does not
 * even read it (see the pipeline's image stage).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { atPath } from '../errors.js';
import { ENCODING, type Variant } from './variants.js';

/** What was made: the file's bytes, and whether they had to be encoded. */
export interface Made {
  readonly content: Uint8Array;
  readonly encoded: boolean;
}

/** `variant` of the image whose bytes `source` reads, from `cacheDir` if it was made before (and kept there when made). */
export async function makeVariant(variant: Variant, source: () => Promise<Uint8Array>, cacheDir: string | undefined): Promise<Made> {
  const cached = cacheDir === undefined ? undefined : path.join(cacheDir, path.basename(variant.path));
  if (cached) {
    const known = await readFile(cached).catch(() => undefined);
    if (known) return { content: known, encoded: false };
  }
  const { default: sharp } = await import('sharp');
  let image = sharp(await source(), { failOn: 'error' }).rotate();
  if (variant.region) image = image.extract(variant.region);
  image = image.resize({ width: variant.width, height: variant.height, fit: 'fill' });
  const content = await image.toFormat(variant.format, ENCODING[variant.format]).toBuffer();
  if (cached) {
    // Written whole, then renamed: a build stopped halfway leaves no half file to be taken for a made one.
    await mkdir(path.dirname(cached), { recursive: true });
    const partial = `${cached}.${process.pid}.partial`;
    await writeFile(partial, content).catch((error: unknown) => {
      throw atPath(error, partial);
    });
    await rename(partial, cached);
  }
  return { content, encoded: true };
}
