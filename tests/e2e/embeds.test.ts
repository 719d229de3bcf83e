/**
 * Raw HTML and embeds as an editor meets them through the CLI: safe HTML and
 * embeds from allowed hosts published, everything taken out a warning at
 * its line, and what cannot be published an error that leaves the site as
 * it was.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, snapshot, testSite } from '../helpers.js';

const NOW = '2024-01-01T00:00:00Z';

const BODY = [
  'The chart below counts attacks by month.',
  '',
  '<figure>',
  '<iframe title="Attacks by month" src="https://datawrapper.dwcdn.net/abc12/1/" scrolling="no" frameborder="0" style="width: 0; min-width: 100% !important; border: none;" height="420" data-external="1"></iframe><script type="text/javascript">window.addEventListener("message", function () {});</script>',
  '<figcaption>Source: <abbr title="Pakistan Institute for Conflict and Security Studies">PICSS</abbr></figcaption>',
  '</figure>',
  '',
  '<iframe src="https://tracker.example.com/widget" title="Widget"></iframe>',
  '',
].join('\n');

function site(body: string, config: Record<string, unknown> = {}) {
  const story = (text: string) => `---\ntitle: Attacks by month\ndate: 2023-09-13\n---\n${text}`;
  const made = testSite({ 'content/chart.md': story(body) }, config);
  return { out: made.out, put: (text: string) => made.put('content/chart.md', story(text)), build: (...flags: string[]) => made.build(NOW, ...flags) };
}

describe('a pasted embed', () => {
  it('is published from an allowed host, lazy, sandboxed and titled, and each thing taken out is a warning at its line', () => {
    const { out, build } = site(BODY);
    const run = build();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('content/chart.md:8:210: warning: `<script>` is removed, with what is in it: a page runs no scripts or styles from a story');
    expect(run.stderr).toContain('content/chart.md:12:1: warning: an `<iframe>` from tracker.example.com is removed: embeds are kept only over https from');
    const $ = page(path.join(out, '2023/09/chart/index.html'));
    const frames = $('.body iframe');
    expect(frames).toHaveLength(1);
    expect([frames.attr('src'), frames.attr('title'), frames.attr('loading'), frames.attr('height'), frames.attr('style')]).toEqual([
      'https://datawrapper.dwcdn.net/abc12/1/',
      'Attacks by month',
      'lazy',
      '420',
      undefined,
    ]);
    expect(frames.attr('sandbox')).toContain('allow-scripts');
    expect($('.body figure figcaption abbr').attr('title')).toBe('Pakistan Institute for Conflict and Security Studies');
    expect($('.body script')).toHaveLength(0);
  });

  it('from a host the config does not list is taken out', () => {
    const { out, build } = site(BODY, { embeds: { hosts: ['youtube.com'] } });
    const run = build();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('content/chart.md:8:1: warning: an `<iframe>` from datawrapper.dwcdn.net is removed: embeds are kept only over https from `youtube.com`');
    expect(page(path.join(out, '2023/09/chart/index.html'))('iframe')).toHaveLength(0);
  });

  it('fails a --strict build with every warning, leaving the site untouched', () => {
    const { out, put, build } = site('Plain text.\n');
    expect(build().status).toBe(0);
    const before = snapshot(out);
    put(BODY);
    const run = build('--strict');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/chart.md:8:210: `<script>` is removed');
    expect(run.stderr).toContain('content/chart.md:12:1: an `<iframe>` from tracker.example.com is removed');
    expect(snapshot(out)).toEqual(before);
  });

  it('without a title is an error asking for one, leaving the site untouched', () => {
    const { out, put, build } = site('Plain text.\n');
    expect(build().status).toBe(0);
    const before = snapshot(out);
    put('<iframe width="560" height="315" src="https://www.youtube.com/embed/abc" frameborder="0" allowfullscreen></iframe>\n');
    const run = build();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/chart.md:5:1: the embed from www.youtube.com needs a `title` saying what it shows, for readers using a screen reader: add `title="..."` to the `<iframe>`');
    expect(snapshot(out)).toEqual(before);
  });
});

describe('embed hosts in the config', () => {
  it('must be host names', () => {
    const { build } = site('Text.\n', { embeds: { hosts: ['https://youtube.com/embed'] } });
    const run = build();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('`embeds.hosts.0`: must be a host name such as `youtube.com` or `datawrapper.dwcdn.net`: no scheme or path');
  });
});
