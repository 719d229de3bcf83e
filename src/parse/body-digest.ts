import { createHash } from 'node:crypto';

/**
 * The name of a story body: the SHA-1 of its HTML, base64url. A story
 * carries its body's name, not the body; whoever keeps bodies (the cache's
 * `BodyStore`) files them under it and checks it when reading.
 */
export function bodyDigest(html: string): string {
  return createHash('sha1').update(html).digest('base64url');
}
