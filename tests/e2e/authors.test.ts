/**
 * Author profiles: a byline's page becomes its author's page (name, role,
 * photo, bio, links, then the stories, with ProfilePage data), matched by
 * file name or by name in any case, read as stories are read.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, snapshot, testSite } from '../helpers.js';

const NOW = '2024-01-01T00:00:00Z';

function site(files: Record<string, string>, config: Record<string, unknown> = {}) {
  const made = testSite(files, config);
  return { ...made, build: (...flags: string[]) => made.build(NOW, ...flags) };
}

const story = (title: string, byline: string) => `---\ntitle: ${title}\ndate: 2023-09-13\nbyline: ${byline}\n---\nText.\n`;

const AYESHA = [
  '---',
  'name: Ayesha Siddiqui',
  'role: Defence correspondent',
  'email: ayesha@example.org',
  'image: { src: /images/ayesha.svg, alt: "Ayesha Siddiqui, smiling", width: 400, height: 400 }',
  'links: [https://example.org/ayesha/, https://x.com/ayesha_fl]',
  '---',
  'Covers the armed forces from Islamabad. Read [her latest](/2023/09/call/).',
  '',
].join('\n');

const FILES = {
  'content/2023/09/call.md': story('Army chief speaks to US defence secretary', 'AYESHA SIDDIQUI'),
  'content/2023/09/chitral.md': story('Troops repel attack in Chitral', 'Bilal Ahmed'),
  'content/2023/09/envoy.md': story('US envoy names the TTP', 'Farah Naqvi'),
  'content/images/ayesha.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"/>',
  'content/_authors/ayesha-siddiqui.md': AYESHA,
  // Hugo's author pages: the name as `title`, in TOML; a file named otherwise, matched by name.
  'content/_authors/b-ahmed.md': '+++\ntitle = "Bilal Ahmed"\njob_title = "Peshawar bureau chief"\n+++\n',
  'content/_authors/zara-khan.md': '---\ndisplay_name: Zara Khan\nrole: Data editor\n---\nJoins us next month.\n',
};

describe('author profiles', () => {
  const { out, build } = site(FILES);
  const run = build();
  const at = (url: string) => page(path.join(out, url, 'index.html'));

  it('build without a word', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
  });

  it("make a byline's page its author's page: name, role, photo, bio, links, then the stories", () => {
    const $ = at('bylines/ayesha-siddiqui');
    expect($('.author-profile h1').text()).toBe('Ayesha Siddiqui');
    expect($('.author-role').text()).toBe('Defence correspondent');
    expect($('.author-photo').attr('src')).toBe('/news/images/ayesha.svg');
    expect($('.author-photo').attr('alt')).toBe('Ayesha Siddiqui, smiling');
    expect($('.author-bio a').attr('href')).toBe('/news/2023/09/call/');
    expect($('.author-links a').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get()).toEqual([
      ['example.org', 'https://example.org/ayesha/'],
      ['x.com', 'https://x.com/ayesha_fl'],
      ['ayesha@example.org', 'mailto:ayesha@example.org'],
    ]);
    expect($('.card h2').text()).toBe('Army chief speaks to US defence secretary');
    expect($('meta[property="og:type"]').attr('content')).toBe('profile');
  });

  it('describe the author to search engines as a ProfilePage, and point stories at it', () => {
    const data = JSON.parse(at('bylines/ayesha-siddiqui')('script[type="application/ld+json"]').text());
    expect(data).toMatchObject({
      '@type': 'ProfilePage',
      url: 'https://example.org/news/bylines/ayesha-siddiqui/',
      mainEntity: {
        '@type': 'Person',
        name: 'Ayesha Siddiqui',
        jobTitle: 'Defence correspondent',
        email: 'ayesha@example.org',
        image: 'https://example.org/news/images/ayesha.svg',
        sameAs: ['https://example.org/ayesha/', 'https://x.com/ayesha_fl'],
      },
    });
    const article = JSON.parse(at('2023/09/call')('script[type="application/ld+json"]').text());
    expect(article.author).toEqual([{ '@type': 'Person', name: 'AYESHA SIDDIQUI', url: 'https://example.org/news/bylines/ayesha-siddiqui/' }]);
  });

  it('match a byline by the name in the profile when the file is named otherwise, reading Hugo’s names', () => {
    const $ = at('bylines/bilal-ahmed');
    expect([$('.author-profile h1').text(), $('.author-role').text()]).toEqual(['Bilal Ahmed', 'Peshawar bureau chief']);
    expect(snapshot(out)).not.toHaveProperty(['bylines/b-ahmed/index.html']);
  });

  it('give a profile no story names its page, and leave a byline without one as it was', () => {
    const zara = at('bylines/zara-khan');
    expect(zara('.author-profile h1').text()).toBe('Zara Khan');
    expect(zara('.count').text()).toBe('0 stories');
    expect(at('bylines')('.term-index a').map((_, a) => zara(a).text()).get()).toEqual(['AYESHA SIDDIQUI', 'Bilal Ahmed', 'Farah Naqvi', 'Zara Khan']);
    const farah = at('bylines/farah-naqvi');
    expect(farah('.author-profile')).toHaveLength(0);
    expect(farah('h1').text()).toBe('Farah Naqvi');
  });
});

describe('a byline without a profile, with --strict', () => {
  it('is an error naming the story and the profile to add, when the site keeps profiles', () => {
    const { build } = site(FILES);
    const run = build('--strict');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/2023/09/envoy.md: the byline `Farah Naqvi` has no author profile: add `_authors/farah-naqvi.md` with its `name`, or correct the byline');
  });

  it('is fine on a site that keeps none', () => {
    const { build } = site({ 'content/2023/09/envoy.md': story('US envoy names the TTP', 'Farah Naqvi') });
    expect(build('--strict').status).toBe(0);
  });
});

describe('profiles in another folder, and field names from the config', () => {
  it('are read from there, by those names', () => {
    const { out, build } = site(
      { 'content/2023/09/call.md': story('Army chief speaks to US defence secretary', 'Ayesha Siddiqui'), 'content/_people/ayesha-siddiqui.md': '---\nfullname: Ayesha Siddiqui\n---\n' },
      { authorsDir: '_people', fields: { name: ['fullname'] } },
    );
    const run = build();
    expect(run.status, run.stderr).toBe(0);
    expect(page(path.join(out, 'bylines/ayesha-siddiqui/index.html'))('.author-profile h1').text()).toBe('Ayesha Siddiqui');
  });

  it('must stay editorial data, named with `_`', () => {
    const { build } = site({ 'content/2023/09/call.md': story('Call', 'Ayesha Siddiqui') }, { authorsDir: 'people' });
    const run = build();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('`authorsDir`: must be a folder inside the content folder whose name starts with `_`');
  });
});

describe('a profile written wrong', () => {
  it('stops the build at its line, with the site untouched', () => {
    const { out, put, build } = site(FILES);
    expect(build().status).toBe(0);
    const before = snapshot(out);
    put('content/_authors/zara-khan.md', '---\nrole: Data editor\nlinks: [javascript:alert(1)]\n---\n');
    const run = build();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/_authors/zara-khan.md:2:1: `name`: is required: the author’s name as readers see it');
    expect(run.stderr).toContain('content/_authors/zara-khan.md:3:9: `links.0`: must be an `https://` address (got `javascript:alert(1)`)');
    expect(snapshot(out)).toEqual(before);
  });

  it('is seen by a warm build: editing a profile renders its page again', () => {
    const { out, put, build } = site(FILES);
    expect(build().status).toBe(0);
    put('content/_authors/zara-khan.md', '---\nname: Zara Khan\nrole: Investigations editor\n---\n');
    expect(build().status).toBe(0);
    expect(page(path.join(out, 'bylines/zara-khan/index.html'))('.author-role').text()).toBe('Investigations editor');
  });
});
