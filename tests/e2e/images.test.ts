/**
 * Lead images under content/: resized copies (WebP, and the original's
 * format) at the widths screens need, never enlarged, named in the page's
 * srcset; crops in 16:9, 4:3 and 1:1 around the image's focus for search
 * engines and shared links; made once and kept by warm builds; a broken
 * image is an error naming the story and the file, with dist/ untouched.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { page, snapshot, storyText, testSite, type TestSite } from '../helpers.js';

const NOW = '2024-01-01T00:00:00Z';

/** Write `bytes` to `file` under `root`, making its folder. */
function put(root: string, file: string, bytes: Uint8Array | string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), bytes);
}

/** A photo whose left half is red and right half blue: which part a crop kept shows in its colour. */
async function halves(width: number, height: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const left = await sharp({ create: { width: width / 2, height, channels: 3, background: '#d00000' } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#0000d0' } }).composite([{ input: left, left: 0, top: 0 }]).toFormat(format).toBuffer();
}

const lead = (src: string, extra = '') => `image:\n  src: ${src}\n  alt: The Chitral valley\n${extra}`;

let site: TestSite;
let run: ReturnType<TestSite['build']>;

beforeAll(async () => {
  site = testSite({
    'content/2023/09/chitral.md': storyText('Troops repel attack in Chitral', '2023-09-07', lead('/images/valley.jpg', '  focus: [0.1, 0.5]\n')),
    'content/2023/09/east.md': storyText('The valley seen from the east', '2023-09-08', lead('/images/valley.jpg', '  focus: [0.9, 0.5]\n')),
    'content/2023/09/map.md': storyText('Where the attack happened', '2023-09-09', lead('/images/map.png')),
    'content/2023/09/small.md': storyText('A small photo', '2023-09-10', lead('/images/small.jpg')),
    'content/2023/09/drawing.md': storyText('A drawing', '2023-09-11', lead('/images/drawing.svg')),
    'content/2023/09/body.md': `${storyText('Where the road runs', '2023-09-12')}\n![The road through the valley](/images/road.jpg)\n\n![A drawing](/images/drawing.svg)\n`,
  });
  put(site.root, 'content/images/valley.jpg', await halves(2400, 1600, 'jpeg'));
  put(site.root, 'content/images/map.png', await halves(1800, 1200, 'png'));
  put(site.root, 'content/images/small.jpg', await halves(1000, 600, 'jpeg'));
  put(site.root, 'content/images/road.jpg', await halves(1400, 1000, 'jpeg'));
  put(site.root, 'content/images/drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="teal"/></svg>');
  run = site.build(NOW, '--verbose');
}, 60_000);

const at = (url: string) => page(path.join(site.out, url, 'index.html'));
const file = (url: string) => path.join(site.out, new URL(url, 'https://example.org').pathname.replace(/^\/news\//, ''));
/** Each `url width` of a srcset. */
const entries = (srcset: string | undefined) => (srcset ?? '').split(', ').map((entry) => entry.split(' ') as [string, string]);

describe('a large JPEG lead image', () => {
  it('builds, with a warning for the narrow one alone', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Encoded \d+ image files/);
    expect(run.stderr).toContain('content/2023/09/small.md:1: warning: `image.src` `/images/small.jpg` is 1000 px wide: Google Discover and other news apps show a large preview only for images at least 1200 px wide');
    expect(run.stderr).not.toContain('valley.jpg');
  });

  it('is offered in WebP and JPEG at 480 to 1600 px, with its size, loaded first', async () => {
    const $ = at('2023/09/chitral');
    const picture = $('.lead-image picture');
    const webp = picture.find('source[type="image/webp"]');
    const img = picture.find('img');
    expect(img.attr('width')).toBe('2400');
    expect(img.attr('height')).toBe('1600');
    expect(img.attr('fetchpriority')).toBe('high');
    expect(img.attr('loading')).toBeUndefined();
    expect(img.attr('sizes')).toBe(webp.attr('sizes'));
    expect(img.attr('sizes')).toMatch(/42rem/);
    for (const [srcset, format] of [[webp.attr('srcset'), 'webp'], [img.attr('srcset'), 'jpeg']] as const) {
      const listed = entries(srcset);
      expect(listed.map(([, width]) => width)).toEqual(['480w', '800w', '1200w', '1600w']);
      for (const [url, width] of listed) {
        expect(url).toMatch(/^\/news\/_images\//);
        const made = await sharp(file(url)).metadata();
        expect([made.format, `${made.width}w`, made.height]).toEqual([format, width, Math.round((made.width! * 1600) / 2400)]);
      }
    }
    expect(img.attr('src')).toBe(entries(img.attr('srcset')).at(-1)![0]);
  });

  it('gives search engines 16:9, 4:3 and 1:1 crops 1200 px wide, and shared links the 16:9 one', async () => {
    const $ = at('2023/09/chitral');
    const article = JSON.parse($('script[type="application/ld+json"]').text()) as { image: { url: string; width: number; height: number }[] };
    expect(article.image.map(({ width, height }) => [width, height])).toEqual([[1200, 675], [1200, 900], [1200, 1200]]);
    for (const { url, width, height } of article.image) {
      const made = await sharp(file(url)).metadata();
      expect([made.format, made.width, made.height]).toEqual(['jpeg', width, height]);
    }
    expect($('meta[property="og:image"]').attr('content')).toBe(article.image[0]!.url);
    expect($('meta[property="og:image:width"]').attr('content')).toBe('1200');
    expect($('meta[property="og:image:height"]').attr('content')).toBe('675');
  });

  it('is cropped around its focus', async () => {
    /** How much redder than blue a story's square crop is. */
    const redness = async (url: string) => {
      const square = (JSON.parse(at(url)('script[type="application/ld+json"]').text()) as { image: { url: string }[] }).image[2]!.url;
      const [red, , blue] = (await sharp(file(square)).stats()).channels;
      return red!.mean - blue!.mean;
    };
    // A 1600 px square of a 2400 px photo: from the left edge it is three-quarters red, from the right three-quarters blue.
    expect(await redness('2023/09/chitral')).toBeGreaterThan(80);
    expect(await redness('2023/09/east')).toBeLessThan(-80);
  });
});

describe('other lead images', () => {
  it('keeps a PNG a PNG, and never enlarges a small photo', async () => {
    const png = at('2023/09/map')('.lead-image img');
    expect(entries(png.attr('srcset')).map(([, width]) => width)).toEqual(['480w', '800w', '1200w', '1600w']);
    expect((await sharp(file(entries(png.attr('srcset'))[0]![0])).metadata()).format).toBe('png');
    const small = at('2023/09/small')('.lead-image');
    expect(entries(small.find('img').attr('srcset')).map(([, width]) => width)).toEqual(['480w', '800w', '1000w']);
    expect(entries(small.find('source').attr('srcset')).map(([, width]) => width)).toEqual(['480w', '800w', '1000w']);
  });

  it('publishes an SVG as it is', () => {
    const img = at('2023/09/drawing')('.lead-image img');
    expect(img.attr('src')).toBe('/news/images/drawing.svg');
    expect(img.attr('srcset')).toBeUndefined();
    expect(at('2023/09/drawing')('.lead-image source')).toHaveLength(0);
    expect(readFileSync(path.join(site.out, 'images/drawing.svg'), 'utf8')).toContain('teal');
  });
});

describe('a lead image that cannot be measured', () => {
  it('keeps the size the frontmatter gives it, and is published as it is', () => {
    const drawn = testSite({ 'content/2023/09/map.md': storyText('A map', '2023-09-07', lead('/images/map.svg', '  width: 800\n  height: 600\n')) });
    // An SVG with neither a size nor a viewBox: nothing in it says how large it is.
    put(drawn.root, 'content/images/map.svg', '<svg xmlns="http://www.w3.org/2000/svg"><circle cx="5" cy="5" r="4"/></svg>');
    const result = drawn.build(NOW);
    expect(result.status, result.stderr).toBe(0);
    const img = page(path.join(drawn.out, '2023/09/map/index.html'))('.lead-image img');
    expect([img.attr('src'), img.attr('width'), img.attr('height'), img.attr('srcset')]).toEqual(['/news/images/map.svg', '800', '600', undefined]);
  });
});

describe('a photo in a story\'s body', () => {
  it('is offered resized, with its size, loaded as the reader nears it', async () => {
    const picture = at('2023/09/body')('.body picture');
    expect(picture).toHaveLength(1);
    const img = picture.find('img');
    expect([img.attr('alt'), img.attr('width'), img.attr('height'), img.attr('loading'), img.attr('decoding')]).toEqual(['The road through the valley', '1400', '1000', 'lazy', 'async']);
    expect(entries(img.attr('srcset')).map(([, width]) => width)).toEqual(['480w', '800w', '1200w', '1400w']);
    const webp = entries(picture.find('source[type="image/webp"]').attr('srcset'));
    expect((await sharp(file(webp.at(-1)![0])).metadata()).width).toBe(1400);
    // The drawing beside it is shown as it is.
    expect(at('2023/09/body')('.body img[src="/news/images/drawing.svg"]').parent().is('picture')).toBe(false);
  });
});

describe('made images in later builds', () => {
  it('are not encoded again by a warm build, nor by one whose dist/ is gone but whose cache is kept', () => {
    const warm = site.build(NOW, '--verbose');
    expect(warm.stdout).toContain('Encoded 0 image files');
    const fresh = site.build(NOW, '--verbose', '--out', path.join(site.root, 'elsewhere'));
    expect(fresh.stdout).toContain('Encoded 0 image files');
    expect(snapshot(path.join(site.root, 'elsewhere'))).toEqual(snapshot(site.out));
  });

  it('are made again, under new names, when the photo changes', async () => {
    const other = testSite({ 'content/2023/09/chitral.md': storyText('Troops repel attack in Chitral', '2023-09-07', lead('/images/valley.jpg')) });
    put(other.root, 'content/images/valley.jpg', await halves(2400, 1600, 'jpeg'));
    expect(other.build(NOW).status).toBe(0);
    const before = page(path.join(other.out, '2023/09/chitral/index.html'))('.lead-image img').attr('src');
    put(other.root, 'content/images/valley.jpg', await halves(2000, 1600, 'jpeg'));
    const again = other.build(NOW, '--verbose');
    expect(again.stdout).toMatch(/Encoded 11 image files/);
    const img = page(path.join(other.out, '2023/09/chitral/index.html'))('.lead-image img');
    expect(img.attr('src')).not.toBe(before);
    expect(img.attr('width')).toBe('2000');
  });
});

describe('a broken lead image', () => {
  it('fails the build naming the story and the file, leaving dist/ as it was', async () => {
    const broken = testSite({
      'content/2023/09/chitral.md': storyText('Troops repel attack in Chitral', '2023-09-07', lead('/images/valley.jpg')),
      'content/2023/09/cut.md': storyText('A photo cut short', '2023-09-08', lead('/images/cut.jpg')),
    });
    put(broken.root, 'content/images/valley.jpg', await halves(1600, 1200, 'jpeg'));
    put(broken.root, 'content/images/cut.jpg', await halves(1600, 1200, 'jpeg'));
    expect(broken.build(NOW).status).toBe(0);
    const before = snapshot(broken.out);
    // Not an image at all: found when it is measured, with the stories.
    put(broken.root, 'content/images/valley.jpg', 'this is not a photo');
    const garbage = broken.build(NOW);
    expect(garbage.status).toBe(1);
    expect(garbage.stderr).toContain('content/2023/09/chitral.md:1: `image.src` `/images/valley.jpg` is not an image that can be read (its bytes are no image format): replace the file with a JPEG, PNG, WebP, GIF or SVG image');
    expect(snapshot(broken.out)).toEqual(before);
    // A JPEG whose data stops a third of the way: it measures, but cannot be made into copies.
    put(broken.root, 'content/images/valley.jpg', await halves(1600, 1200, 'jpeg'));
    const whole = await halves(1400, 1000, 'jpeg');
    put(broken.root, 'content/images/cut.jpg', whole.subarray(0, Math.floor(whole.length / 3)));
    const result = broken.build(NOW);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/content\/2023\/09\/cut\.md:1: `image\.src` `\/images\/cut\.jpg` could not be made into _images\/cut-\w+-\d+\.\w+ \(.+\): replace content\/images\/cut\.jpg with a JPEG, PNG or WebP image that opens/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(broken.out)).toEqual(before);
  });
});
