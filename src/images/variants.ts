/**
 * What is made of a local lead image, and what it is called: copies at the
 * widths readers' screens need (in WebP, and in the original's format for
 * browsers without it), and crops in the shapes search engines and news
 * apps show (16:9, 4:3, 1:1), cropped around the image's focus. Names are
 * derived from the image's content hash and these settings alone, so a page
 * can name them before they exist, and a warm build finds them made.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** The widths of the resized copies, for phones to wide screens; an image is never enlarged. */
export const WIDTHS = [480, 800, 1200, 1600] as const;

/** Google Discover's rule for large previews: an image at least this wide. */
export const DISCOVER_WIDTH = 1200;

/** The crops structured data lists, by name, with their ratio of width to height. */
export const CROPS = { '16x9': 16 / 9, '4x3': 4 / 3, '1x1': 1 } as const;
export type CropName = keyof typeof CROPS;

/** Where the made files go in the site. */
export const IMAGES_DIR = '_images/';

/**
 * What the encoder is asked for: a change here makes every file anew (it is
 * part of every name). AVIF is left out: at 0.28 s a copy, four times
 * WebP's, it would add minutes to a cold build of a few hundred images.
 */
export const ENCODING = { version: 1, webp: { quality: 78 }, jpeg: { quality: 80, mozjpeg: true }, png: { compressionLevel: 9 } } as const;

/** Formats made into copies; others (SVG, GIF) are published as they are. */
const RESIZABLE: Readonly<Record<string, 'jpeg' | 'png' | 'webp'>> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', webp: 'webp' };

/** Whether an image of `format` (as image-size names it) gets resized copies and crops. */
export function isResizable(format: string): boolean {
  return format in RESIZABLE;
}

/** A local lead image with what measuring it found. */
export interface MeasuredImage {
  readonly src: string;
  readonly width: number;
  readonly height: number;
  readonly focus?: readonly [number, number];
  readonly file: { readonly hash: string; readonly format: string };
}

/** One file to make: where it goes, and how, from the source image. */
export interface Variant {
  /** Its path in the site, under `_images/`. */
  readonly path: string;
  readonly format: 'jpeg' | 'png' | 'webp';
  readonly width: number;
  readonly height: number;
  /** The region of the source it shows, for a crop (the whole image otherwise). */
  readonly region?: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
}

/** Everything made of one image: its copies by format, widest last, and its crops. */
export interface ImagePlan {
  /** Copies in the original's format (or WebP for a WebP original), the fallback every browser reads. */
  readonly fallback: readonly Variant[];
  /** WebP copies, for browsers that read it (absent for a WebP original: the fallback is WebP). */
  readonly webp: readonly Variant[];
  /** For a lead image; a photo in a body has none. */
  readonly crops?: Readonly<Record<CropName, Variant>>;
}

/** The plan for a story's lead image, when it is a local file that was measured and is resized. */
export function planOf(image: { readonly src: string; readonly width?: number; readonly height?: number; readonly focus?: readonly [number, number]; readonly file?: MeasuredImage['file'] }): ImagePlan | undefined {
  const { width, height, file } = image;
  return width === undefined || height === undefined || !file ? undefined : planImage({ ...image, width, height, file });
}

/** The plan for `image` (with crops for a lead image), or undefined for a format published as it is. */
export function planImage(image: MeasuredImage, { crops = true } = {}): ImagePlan | undefined {
  const original = RESIZABLE[image.file.format];
  if (!original) return undefined;
  const { width, height } = image;
  const widths = [...new Set([...WIDTHS.filter((w) => w < width), Math.min(width, WIDTHS.at(-1)!)])];
  const stem = path.posix.basename(image.src.replace(/[?#].*$/, '')).replace(/\.[^.]*$/, '').replace(/[^a-zA-Z0-9_-]+/g, '-').slice(0, 60) || 'image';
  const id = (...parts: readonly (string | number)[]) =>
    createHash('sha256').update([image.file.hash, ENCODING.version, ...parts].join('\u001f')).digest('hex').slice(0, 10);
  const copy = (format: Variant['format']) => (w: number): Variant => ({
    path: `${IMAGES_DIR}${stem}-${id(format)}-${w}.${extension(format)}`,
    format,
    width: w,
    height: Math.round((height * w) / width),
  });
  // Crops keep the original's format, in which every crawler reads them.
  const [fx, fy] = image.focus ?? [0.5, 0.5];
  const crop = (name: CropName): Variant => {
    const region = cropRegion(width, height, CROPS[name], fx, fy);
    const w = Math.min(region.width, DISCOVER_WIDTH);
    return {
      path: `${IMAGES_DIR}${stem}-${id(name, fx, fy)}-${name}-${w}.${extension(original)}`,
      format: original,
      width: w,
      height: Math.round(w / CROPS[name]),
      region,
    };
  };
  return {
    fallback: widths.map(copy(original)),
    webp: original === 'webp' ? [] : widths.map(copy('webp')),
    ...(crops && { crops: { '16x9': crop('16x9'), '4x3': crop('4x3'), '1x1': crop('1x1') } }),
  };
}

/** The largest region of `ratio` in a `width` × `height` image, centred on the focus as far as the edges allow. */
export function cropRegion(width: number, height: number, ratio: number, fx: number, fy: number): { left: number; top: number; width: number; height: number } {
  const w = Math.min(width, Math.round(height * ratio));
  const h = Math.min(height, Math.round(w / ratio));
  const left = Math.round(Math.min(Math.max(fx * width - w / 2, 0), width - w));
  const top = Math.round(Math.min(Math.max(fy * height - h / 2, 0), height - h));
  return { left, top, width: w, height: h };
}

function extension(format: Variant['format']): string {
  return format === 'jpeg' ? 'jpg' : format;
}

/** Every variant of `plan`, copies then crops. */
export function variantsOf(plan: ImagePlan): Variant[] {
  return [...plan.fallback, ...plan.webp, ...Object.values(plan.crops ?? {})];
}
