import { describe, expect, it } from 'vitest';
import { absoluteUrl, siteUrl } from '../../src/render/urls.js';

describe('absoluteUrl', () => {
  const config = { url: 'https://example.org/news/', basePath: '/news/' };

  it('puts a site-relative URL under the site address', () => {
    expect(absoluteUrl('/tags/ttp/', config)).toBe('https://example.org/news/tags/ttp/');
    expect(absoluteUrl('/', config)).toBe('https://example.org/news/');
    expect(absoluteUrl('/feed.xml', config)).toBe('https://example.org/news/feed.xml');
  });

  it('writes every URL exactly as the URL parser would, fast path or not', () => {
    const hosts = ['https://example.org/news/', 'http://EXAMPLE.org:8080/', 'https://user:pw@example.org/a/', 'https://exämple.org/'];
    const paths = ['/2024/01/a-b/', '/tags/x-1a2b3c4d/', '/a b/', '/ü/', '/a/../b/', '/./c', '/q?x=1', '/h#f', '/%41/', '/.well-known/x'];
    for (const url of hosts) {
      const basePath = new URL(url).pathname;
      for (const path of paths) {
        expect(absoluteUrl(path, { url, basePath })).toBe(new URL(siteUrl(path, basePath), url).href);
      }
    }
  });

  it('leaves absolute URLs alone', () => {
    expect(absoluteUrl('https://other.example/x', config)).toBe('https://other.example/x');
  });
});
