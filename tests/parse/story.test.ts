import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { formatProblem } from '../../src/errors.js';
import type { SourceFile } from '../../src/load/files.js';
import { DEFAULT_FIELDS } from '../../src/parse/fields.js';
import { parseStory, type ParsedWithBody, type Story } from '../../src/parse/story.js';

function source(text: string, relativePath = 'story.md'): SourceFile {
  return { absolutePath: `/site/content/${relativePath}`, path: `content/${relativePath}`, relativePath, text, hash: 'hash' };
}

function parse(text: string, relativePath?: string): ParsedWithBody {
  return parseStory(source(text, relativePath), { zone: 'Asia/Karachi', fields: DEFAULT_FIELDS });
}

function story(text: string, relativePath?: string): Story & { html: string } {
  const parsed = parse(text, relativePath);
  if (!parsed.story) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return { ...parsed.story, html: parsed.html };
}

function errors(text: string): string[] {
  const parsed = parse(text);
  if (parsed.story) throw new Error('expected the story to be refused');
  return parsed.problems.map(formatProblem);
}

const minimal = (extra = '', body = 'Body.') => `---\ntitle: A headline\ndate: 2023-09-12 10:00\n${extra}---\n${body}\n`;

describe('parseStory: fields', () => {
  it('reads every field', () => {
    const parsed = story(
      minimal(
        [
          'updated: 2023-09-12T15:00:00+05:00',
          'byline: [Ayesha Siddiqui, Bilal Ahmed]',
          'tags: [TTP, ISPR]',
          'section: Pakistan',
          'summary: A short summary.',
          'slug: army-chief-call',
          'location: ISLAMABAD',
          'lang: ur',
          'image: {src: /images/a.jpg, alt: A valley, caption: The valley., credit: Staff}',
          '',
        ].join('\n'),
      ),
    );
    expect(parsed).toMatchObject({
      title: 'A headline',
      date: { iso: '2023-09-12T10:00:00+05:00' },
      updated: { iso: '2023-09-12T15:00:00+05:00' },
      bylines: ['Ayesha Siddiqui', 'Bilal Ahmed'],
      tags: ['TTP', 'ISPR'],
      section: 'Pakistan',
      summary: 'A short summary.',
      slug: 'army-chief-call',
      location: 'ISLAMABAD',
      lang: 'ur',
      draft: false,
      image: { src: '/images/a.jpg', alt: 'A valley', caption: 'The valley.', credit: 'Staff' },
    });
  });

  it.each([
    ['a list', 'tags: [TTP, ISPR]'],
    ['a block list', 'byline:\n  - Ayesha Siddiqui\n  - Bilal Ahmed'],
    ['a quoted string', 'summary: "Talks resume: officials"'],
    ['a single-quoted string', "location: 'ISLAMABAD'"],
    ['draft: true', 'draft: true'],
    ['draft: false', 'draft: false'],
    ['a slug', 'slug: my-slug'],
    ['a date with an offset', 'updated: 2023-09-12T15:00:00+05:00'],
    ['a map', 'image:\n  src: /images/a.jpg\n  alt: A valley'],
    ['a language', 'lang: ur'],
  ])('reads a file with Windows line endings whose last field is %s exactly as with LF', (_, field) => {
    const lf = `---\ntitle: A headline\ndate: 2023-09-12 10:00\n${field}\n---\nFirst paragraph.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n`;
    expect(story(lf.replace(/\n/g, '\r\n'))).toEqual(story(lf));
  });

  it.each([
    ['lists', '- '.repeat(8000)],
    ['quotes', '>'.repeat(10_000)],
    ['quotes and lists', '> - '.repeat(60)],
  ])('refuses %s nested past the limit before parsing them, at their line', (_, nested) => {
    expect(errors(minimal('', `A first paragraph.\n\n${nested}deep\n`))).toEqual([
      expect.stringMatching(/^content\/story\.md:7:1: lists and quotes are nested \d+ deep here, more than the 100 a story may have; the Markdown parser slows to a crawl on such nesting: flatten it$/),
    ]);
  });

  it('warns about more than 20 tags or 10 bylines, at their line, and refuses more than 100 or 50', () => {
    const names = (count: number, what: string) => `[${Array.from({ length: count }, (_, i) => `${what} ${i + 1}`).join(', ')}]`;
    const parsed = parse(minimal(`tags: ${names(21, 'Tag')}\nbyline: ${names(11, 'Reporter')}\n`));
    expect(parsed.story && parsed.warnings.map(formatProblem)).toEqual([
      'content/story.md:4:1: warning: `tags` has 21 entries; past 20, each one more adds a page and three feeds carrying this story: keep the ones readers follow',
      'content/story.md:5:1: warning: `byline` has 11 entries; past 10, each one more adds a page and three feeds carrying this story: keep the ones readers follow',
    ]);
    expect(parse(minimal(`tags: ${names(20, 'Tag')}\nbyline: ${names(10, 'Reporter')}\n`))).toMatchObject({ warnings: [] });
    expect(errors(minimal(`tags: ${names(101, 'Tag')}\nbyline: ${names(51, 'Reporter')}\n`))).toEqual([
      expect.stringMatching(/^content\/story\.md:5:9: `byline`: must have at most 50 names: each gets a page and three feeds with the story in them \(got `\[/),
      expect.stringMatching(/^content\/story\.md:4:7: `tags`: must have at most 100 tags: each gets a page and three feeds with the story in them \(got `\[/),
    ]);
  });

  it.each([
    ['a byline of spaces', 'byline: "   "', 'content/story.md:4:9: `byline`: must not be empty: give a name, or remove the line (got `   `)'],
    ['a blank name in a list of bylines', 'byline: [Ayesha Siddiqui, " "]', 'content/story.md:4:27: `byline.1`: must not contain empty names (got ` `)'],
  ])('refuses %s, as a blank tag is refused', (_, field, message) => {
    expect(errors(minimal(`${field}\n`))).toEqual([message]);
  });

  it('reads names that differ only in Unicode composition as one, and lists each term once', () => {
    const composed = 'Caf\u00e9';
    const decomposed = 'Cafe\u0301';
    const parsed = story(minimal(`tags: [${decomposed}, ${composed}, TTP, ttp]\nbyline: [${decomposed} Desk, ${composed} Desk]\nsection: ${decomposed}\n`));
    expect(parsed.tags).toEqual([composed, 'TTP']);
    expect(parsed.bylines).toEqual([`${composed} Desk`]);
    expect(parsed.section).toBe(composed);
  });

  it('reads nesting up to the limit', () => {
    expect(load(story(minimal('', `${'> '.repeat(50)}quoted\n`)).html)('blockquote').length).toBe(50);
  });

  it('places an error in a Windows file on the line it is on', () => {
    expect(errors('---\r\ntitle: A headline\r\ndate: yesterday\r\n---\r\nBody.\r\n')).toEqual([
      'content/story.md:3:7: `date`: is not a date: write it as `2023-09-12`, `2023-09-12 10:30` or `2023-09-12T10:30:00+05:00` (got `yesterday`)',
    ]);
  });

  it('accepts one byline as text and leaves optional fields out', () => {
    const parsed = story(minimal('byline: Farah Naqvi\n'));
    expect(parsed.bylines).toEqual(['Farah Naqvi']);
    expect(parsed.tags).toEqual([]);
    expect(Object.keys(parsed)).not.toContain('updated');
    expect(Object.keys(parsed)).not.toContain('section');
    expect(Object.keys(parsed)).not.toContain('image');
  });

  it('takes the summary from the first paragraph as plain text', () => {
    const parsed = story(minimal('', '## A heading\n\nThe *first* paragraph\nspans [two](https://example.org) lines.\n\nThe second.'));
    expect(parsed.summary).toBe('The first paragraph spans two lines.');
  });

  it('takes a Jekyll post’s date from its file name when the frontmatter has none, and leaves it out of the slug', () => {
    const parsed = story('---\ntitle: Budget vote\n---\nBody.\n', '_posts/2024-03-05-budget-vote.md');
    expect([parsed.date.iso, parsed.slug]).toEqual(['2024-03-05T00:00:00+05:00', 'budget-vote']);
    const dated = story('---\ntitle: Budget vote\ndate: 2024-03-06 09:15 +0500\n---\nBody.\n', '_posts/2024-03-05-budget-vote.markdown');
    expect([dated.date.iso, dated.slug]).toEqual(['2024-03-06T09:15:00+05:00', 'budget-vote']);
    expect(story('---\ntitle: Empty date\ndate:\n---\nBody.\n', '2024-03-05-empty-date.md').date.iso).toBe('2024-03-05T00:00:00+05:00');
  });

  it('keeps raw HTML that is safe, cleaned, with no word about comments, closing tags or code', () => {
    const body = 'A <b>bold</b> claim.\n\n<!--more-->\n\n<figure class="wide">\n<img src="/x.jpg" alt="A chart">\n</figure>\n\n```\n<div>in code</div>\n```\n';
    const parsed = parse(minimal('', body));
    expect(parsed.story && parsed.warnings).toEqual([]);
    const $ = load(parsed.story ? parsed.html : '');
    expect($('p').first().html()).toBe('A <b>bold</b> claim.');
    expect($('figure > img').attr('alt')).toBe('A chart');
    expect($('figure').attr('class')).toBeUndefined();
    expect($('pre code').text()).toBe('<div>in code</div>\n');
  });

  it('warns at its line about each thing it takes out of raw HTML', () => {
    const body = [
      'A <b onclick="steal()">bold</b> claim.',
      '',
      '<script src="https://widgets.example.com/x.js"></script>',
      '',
      '<iframe src="https://evil.example.com/x" title="Evil"></iframe>',
      '',
      '<center style="color: red">Old markup</center>',
      '',
      '<a href="javascript:alert(1)">bad</a> and <img src="/chart.png">',
    ].join('\n');
    const parsed = parse(minimal('', body));
    expect(parsed.story && parsed.warnings.map(formatProblem)).toEqual([
      'content/story.md:5:3: warning: the attribute `onclick` is removed from `<b>`: a page runs no scripts from a story',
      'content/story.md:7:1: warning: `<script>` is removed, with what is in it: a page runs no scripts or styles from a story',
      'content/story.md:9:1: warning: an `<iframe>` from evil.example.com is removed: embeds are kept only over https from `youtube.com`, `youtube-nocookie.com`, `player.vimeo.com`, `datawrapper.dwcdn.net`, `flo.uri.sh`, `documentcloud.org`, `infogram.com` (the config\'s `embeds.hosts`)',
      'content/story.md:11:1: warning: the `style` of `<center>` is removed: the site\'s stylesheet decides how a story looks',
      'content/story.md:11:1: warning: the tag `<center>` is taken out (what is in it stays): only formatting, figures, details, tables and embeds are kept',
      'content/story.md:13:1: warning: the `href` of `<a>` is removed: `javascript:` addresses are not followed from a story',
      'content/story.md:13:43: warning: `<img>` has no `alt`: describe the picture for readers who cannot see it, or write `alt=""` if it only decorates',
    ]);
  });

  it('warns of a Markdown link or image to an address it drops, in a body with no raw HTML too', () => {
    const parsed = parse(minimal('', '[the report](javascript:alert(1)) and ![chart](data:image/png;base64,AAAA) and [mail](mailto:desk@example.org)'));
    expect(parsed.story && parsed.warnings.map(formatProblem)).toEqual([
      'content/story.md:5:1: warning: the `href` of `<a>` is removed: `javascript:` addresses are not followed from a story',
      'content/story.md:5:39: warning: the `src` of `<img>` is removed: `data:` addresses are not followed from a story',
    ]);
  });

  it('keeps an embed from an allowed host, lazy, sandboxed and titled; refuses one without a title', () => {
    const paste = '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/abc?si=x" title="Press briefing" frameborder="0" allow="autoplay; clipboard-write" allowfullscreen></iframe>';
    const $ = load(story(minimal('', paste)).html);
    const frame = $('iframe');
    expect([frame.attr('src'), frame.attr('title'), frame.attr('loading'), frame.attr('width'), frame.attr('height'), frame.attr('frameborder')]).toEqual([
      'https://www.youtube-nocookie.com/embed/abc?si=x',
      'Press briefing',
      'lazy',
      '560',
      '315',
      undefined,
    ]);
    expect(frame.attr('sandbox')?.split(' ')).toEqual(['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-presentation']);
    expect(errors(minimal('', '<iframe src="https://player.vimeo.com/video/1"></iframe>'))).toEqual([
      'content/story.md:5:1: the embed from player.vimeo.com needs a `title` saying what it shows, for readers using a screen reader: add `title="..."` to the `<iframe>`',
    ]);
  });

  it('names a Hugo page bundle’s story after its folder', () => {
    const text = '---\ntitle: A headline, not the address\ndate: 2024-03-05\n---\nBody.\n';
    expect(story(text, 'posts/budget-vote/index.md').slug).toBe('budget-vote');
    expect(story(text, 'posts/2024-03-05-budget-vote/index.md').slug).toBe('budget-vote');
    expect(story(text, 'index.md').slug).toBe('index');
    expect(story(text, 'posts/indexes.md').slug).toBe('indexes');
  });

  it('refuses a Jekyll file name whose date is not a date, when the frontmatter has none', () => {
    expect(errors('---\ntitle: Odd\n---\nBody.\n')).toEqual([
      'content/story.md:2:1: `date`: is required: when the story was published; write it as `2023-09-12`, `2023-09-12 10:30` or `2023-09-12T10:30:00+05:00`',
    ]);
    const parsed = parse('---\ntitle: Odd\n---\nBody.\n', '2024-02-30-odd.md');
    expect(parsed.story).toBeUndefined();
    expect(!parsed.story && parsed.problems.map(formatProblem)).toEqual([
      'content/2024-02-30-odd.md:2:1: `date`: is not a date: write it as `2023-09-12`, `2023-09-12 10:30` or `2023-09-12T10:30:00+05:00`',
    ]);
  });

  it('takes the slug from the file name', () => {
    expect(story(minimal(), '2023/09/Army Chief Call.md').slug).toBe('army-chief-call');
  });

  it('reads a quoted date string like a bare one', () => {
    expect(story(`---\ntitle: T\ndate: "2023-09-12T10:00:00Z"\n---\n`).date.iso).toBe('2023-09-12T15:00:00+05:00');
  });
});

describe('parseStory: Markdown', () => {
  it('renders GFM tables, footnotes and strikethrough', () => {
    const html = story(minimal('', '| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~ new[^1]\n\n[^1]: A note.')).html;
    const $ = load(html);
    expect($('table td').map((_, td) => $(td).text()).get()).toEqual(['1', '2']);
    expect($('del').text()).toBe('old');
    expect($('section.footnotes li').text()).toContain('A note.');
  });

  it('leaves bare addresses as text: links are written as [text](url)', () => {
    const $ = load(story(minimal('', 'See https://example.org and www.example.org, or [the report](https://example.org/r).')).html);
    expect($('a').map((_, a) => $(a).attr('href')).get()).toEqual(['https://example.org/r']);
  });

  it('aligns table columns with classes, not the deprecated align attribute', () => {
    const $ = load(story(minimal('', '| a | b | c |\n| :- | :-: | -: |\n| 1 | 2 | 3 |')).html);
    expect($('td').map((_, td) => $(td).attr('class')).get()).toEqual(['align-left', 'align-center', 'align-right']);
    expect($('[align]')).toHaveLength(0);
  });

  it('keeps the class allowance to table alignment only', () => {
    const $ = load(story(minimal('', '| a |\n| - |\n| 1 |\n\n<p class="align-right">raw</p>')).html);
    expect($('td').attr('class')).toBeUndefined();
    expect($('p[class]')).toHaveLength(0);
  });

  it('drops scripts, event handlers, iframes from elsewhere and javascript: links', () => {
    const html = story(
      minimal('', '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<iframe src="https://evil.example"></iframe>'),
    ).html;
    const $ = load(html);
    expect($('script, iframe, [onerror]')).toHaveLength(0);
    expect($('a').attr('href')).toBeUndefined();
    expect($('a').text()).toBe('click');
  });
});

describe('parseStory: what old archives hold', () => {
  it.each([
    ['an empty summary', 'summary:', { summary: 'First paragraph.', summarySource: 'first-paragraph' }],
    ['a summary of ""', 'summary: ""', { summary: 'First paragraph.', summarySource: 'first-paragraph' }],
    ['a null section', 'section: null', { section: undefined }],
    ['an empty location and update', 'location: ""\nupdated:', { location: undefined, updated: undefined }],
    ['a number as a slug', 'slug: 124062', { slug: '124062' }],
    ['a number as a title', 'title: 1984', { title: '1984' }],
    ['one tag as text', 'tags: security', { tags: ['security'] }],
    ['tags as text with commas', 'tags: TTP, ISPR', { tags: ['TTP', 'ISPR'] }],
    ['no tags', 'tags:', { tags: [] }],
    ['a number among tags', 'tags: [Budget, 2024]', { tags: ['Budget', '2024'] }],
    ['no byline', 'byline:', { bylines: [] }],
    ['a null draft', 'draft: null', { draft: false }],
    ['an empty slug', "slug: ''", { slug: 'story' }],
  ])('reads %s as a field left out or as text', (_, field, expected) => {
    const text = field.startsWith('title:') ? `---\n${field}\ndate: 2023-09-12\n---\nFirst paragraph.\n` : minimal(`${field}\n`, 'First paragraph.');
    const parsed = story(text);
    for (const [key, value] of Object.entries(expected)) expect(parsed[key as keyof typeof parsed], key).toEqual(value);
  });
});

describe('parseStory: TOML frontmatter', () => {
  const toml = (fields: string, body = 'Body.') => `+++\ntitle = "A headline"\n${fields}\n+++\n${body}\n`;

  it('reads a Hugo story between +++ lines, dates as TOML writes them', () => {
    const parsed = story(
      toml(['date = 2023-09-12T10:30:00-04:00', 'updated = 2023-09-13T09:00:00', 'tags = ["TTP", "ISPR"]', 'byline = "Farah Naqvi"', 'draft = false', 'slug = "army-chief-call"', '[image]', 'src = "/images/a.jpg"', 'alt = "A valley"'].join('\n')),
    );
    expect(parsed).toMatchObject({
      title: 'A headline',
      date: { iso: '2023-09-12T19:30:00+05:00' },
      // A TOML date-time without an offset is read in the site's zone, as in YAML.
      updated: { iso: '2023-09-13T09:00:00+05:00' },
      tags: ['TTP', 'ISPR'],
      bylines: ['Farah Naqvi'],
      slug: 'army-chief-call',
      image: { src: '/images/a.jpg', alt: 'A valley' },
    });
    expect(story(toml('date = 2023-09-12')).date.iso).toBe('2023-09-12T00:00:00+05:00');
    expect(story(toml('date = 2023-09-12T05:30:00.123Z')).date.iso).toBe('2023-09-12T10:30:00.123+05:00');
  });

  it('reads a TOML file exactly as the same story in YAML', () => {
    const yaml = '---\ntitle: A headline\ndate: 2023-09-12 10:00\ntags: [TTP]\nsummary: Short.\n---\nFirst paragraph.\n';
    const fromToml = story('+++\ntitle = "A headline"\ndate = 2023-09-12T10:00:00\ntags = ["TTP"]\nsummary = "Short."\n+++\nFirst paragraph.\n');
    expect(fromToml).toEqual(story(yaml));
  });

  it.each([
    ['a value that is not a date', 'date = "yesterday"', 'content/story.md:3:8: `date`: is not a date: write it as `2023-09-12`, `2023-09-12 10:30` or `2023-09-12T10:30:00+05:00` (got `yesterday`)'],
    ['invalid TOML', 'date = 2023-09-12\ntags = [', 'content/story.md:4:'],
    ['a key given twice', 'date = 2023-09-12\ndate = 2023-09-13', 'content/story.md:4:1: invalid TOML: trying to redefine an already defined table or value'],
    ['an unclosed block', '', 'the frontmatter is not closed: add a `+++` line after the last field'],
  ])('places %s at its line', (_, fields, message) => {
    const text = fields === '' ? '+++\ntitle = "T"\ndate = 2023-09-12\nBody.\n' : toml(fields);
    expect(errors(text).join('\n')).toContain(message);
  });

  it('warns about an unknown key at its line', () => {
    const parsed = parse(toml('date = 2023-09-12\ntgas = ["TTP"]'));
    expect(parsed.story && parsed.warnings.map(formatProblem)).toEqual(['content/story.md:4:1: warning: unknown field `tgas` is ignored (did you mean `tags`?)']);
  });
});

describe('parseStory: syntax of other generators in a body', () => {
  it('warns about Hugo shortcodes and Liquid tags at their line and column, and shows them as text', () => {
    const body = [
      'The army chief spoke.',
      '',
      '{{< youtube abc123 >}}',
      'See {% link _posts/2023-09-12-call.md %} and {{ site.url }}.',
      '{{% note %}}Careful.{{% /note %}}',
    ].join('\n');
    const parsed = parse(minimal('', body));
    expect(parsed.story && parsed.warnings.map(formatProblem)).toEqual([
      'content/story.md:7:1: warning: `{{< youtube >}}` is a Hugo shortcode: Dateline runs none, so readers see it as text',
      'content/story.md:8:5: warning: `{% link %}` is a Liquid tag: Dateline runs no template code in stories, so readers see it as text',
      'content/story.md:8:46: warning: `{{ site.url }}` is a Liquid output: Dateline runs no template code in stories, so readers see it as text',
      'content/story.md:9:1: warning: `{{% note %}}` is a Hugo shortcode: Dateline runs none, so readers see it as text',
      'content/story.md:9:21: warning: `{{% /note %}}` is a Hugo shortcode: Dateline runs none, so readers see it as text',
    ]);
    expect(load(story(minimal('', body)).html)('p').eq(1).text()).toMatch(/^\{\{< youtube abc123 >\}\}\nSee \{% link/);
  });

  it('leaves code alone, where such text is meant to be shown', () => {
    const body = ['Write `{{< youtube id >}}` in Hugo.', '', '```liquid', '{% for post in site.posts %}{{ post.title }}{% endfor %}', '```', '', '~~~~', '{{< figure >}}', '~~~~'].join('\n');
    expect(parse(minimal('', body))).toMatchObject({ warnings: [] });
  });
});

describe('parseStory: bad input', () => {
  it.each([
    ['a missing title', '---\ndate: 2023-09-12\n---\n', 'content/story.md:2:1: `title`: is required: the headline'],
    ['an empty title', '---\ntitle: "  "\ndate: 2023-09-12\n---\n', 'content/story.md:2:8: `title`: must not be empty'],
    ['a missing date', '---\ntitle: T\n---\n', 'content/story.md:2:1: `date`: is required'],
    ['an unparseable date', '---\ntitle: T\ndate: yesterday\n---\n', 'content/story.md:3:7: `date`: is not a date: write it as `2023-09-12`'],
    ['an impossible date', '---\ntitle: T\ndate: 2023-13-45\n---\n', '(got `2023-13-45`)'],
    ['tags as a map', '---\ntitle: T\ndate: 2023-09-12\ntags: {name: TTP}\n---\n', 'content/story.md:4:7: `tags`: must be a list of tags'],
    ['a list in a list of tags', '---\ntitle: T\ndate: 2023-09-12\ntags: [TTP, [ISPR]]\n---\n', 'content/story.md:4:13: `tags.1`: must be text'],
    ['a slug with /', '---\ntitle: T\ndate: 2023-09-12\nslug: a/b\n---\n', '`slug`: must be lowercase letters, digits and single hyphens'],
    ['a slug with ..', '---\ntitle: T\ndate: 2023-09-12\nslug: ../../etc\n---\n', '(got `../../etc`)'],
    ['an absolute slug', '---\ntitle: T\ndate: 2023-09-12\nslug: /etc/passwd\n---\n', '(got `/etc/passwd`)'],
    ['an image without alt', '---\ntitle: T\ndate: 2023-09-12\nimage: {src: a.jpg}\n---\n', '`image.alt`: is required'],
    ['draft as text', '---\ntitle: T\ndate: 2023-09-12\ndraft: maybe\n---\n', '`draft`: must be `true` or `false`'],
    ['an unknown kind', '---\ntitle: T\ndate: 2023-09-12\nkind: editorial\n---\n', 'content/story.md:4:7: `kind`: must be one of `news`, `analysis`, `opinion`, `explainer`, `review`, `sponsored` (got `editorial`)'],
    ['a kicker as a list', '---\ntitle: T\ndate: 2023-09-12\nkicker: [Exclusive, Live]\n---\n', 'content/story.md:4:9: `kicker`: must be text: a short label above the headline'],
    ['an SEO title under its archive name, as a map', '---\ntitle: T\ndate: 2023-09-12\ntitle-tag: {a: b}\n---\n', 'content/story.md:4:12: `title-tag`: must be text: the page title search engines show'],
    ['a correction without a date', '---\ntitle: T\ndate: 2023-09-12\ncorrections:\n  - text: The vote was 98 to 72.\n---\n', 'content/story.md:5:5: `corrections.0.date`: is required: when the correction was made'],
    ['a correction without text', '---\ntitle: T\ndate: 2023-09-12\ncorrections:\n  - date: 2023-09-13\n---\n', 'content/story.md:5:5: `corrections.0.text`: is required: what was wrong and what is right'],
    ['a correction with empty text', '---\ntitle: T\ndate: 2023-09-12\ncorrections:\n  - date: 2023-09-13\n    text: ""\n---\n', 'content/story.md:6:11: `corrections.0.text`: must not be empty'],
    ['a correction of an unknown kind', '---\ntitle: T\ndate: 2023-09-12\ncorrections:\n  - { date: 2023-09-13, text: Fixed., kind: retraction }\n---\n', '`corrections.0.kind`: must be `correction` or `clarification` (got `retraction`)'],
    ['a correction as text', '---\ntitle: T\ndate: 2023-09-12\ncorrections: The vote was 98 to 72.\n---\n', 'content/story.md:4:14: `corrections`: must be a list of corrections, each with `date` and `text`'],
    ['a correction with an unknown field', '---\ntitle: T\ndate: 2023-09-12\ncorrections:\n  - { date: 2023-09-13, text: Fixed., by: desk }\n---\n', 'content/story.md:5:5: `corrections.0`: has `by`, which a correction does not: it has `date`, `text` and optionally `kind`'],
    ['malformed YAML', '---\ntitle: [unclosed\ndate: 2023-09-12\n---\n', 'content/story.md:3:1: invalid YAML'],
    ['duplicate keys', '---\ntitle: A\ntitle: B\ndate: 2023-09-12\n---\n', 'invalid YAML: Map keys must be unique'],
    ['a list as frontmatter', '---\n- a\n- b\n---\n', 'the frontmatter must be a map of fields'],
    ['an empty file', '', 'content/story.md:1:1: the file is empty'],
    ['whitespace only', '\n  \n', 'the file is empty'],
    ['no frontmatter', '# Just a heading\n\nText.', 'content/story.md:1:1: no frontmatter: start the file with a `---` line'],
    ['unclosed frontmatter', '---\ntitle: T\ndate: 2023-09-12\n', 'the frontmatter is not closed'],
    ['TOML named after ---', '---toml\ntitle = "T"\n---\n', 'frontmatter language `toml` is not allowed'],
  ])('refuses %s', (_, text, expected) => {
    expect(errors(text).join('\n')).toContain(expected);
  });

  it('reports every problem of a file at once', () => {
    expect(errors('---\ntitle: ""\ndate: yesterday\ntags: {name: TTP}\n---\n')).toHaveLength(3);
  });

  it.each(['---js', '---javascript', '--- js'])('refuses %s frontmatter without running it', (opening) => {
    const marker = `__dateline_pwned_${opening.replace(/\W/g, '')}`;
    const text = `${opening}\n({ title: (globalThis.${marker} = true, 'x'), date: '2023-09-12' })\n---\nBody\n`;
    expect(errors(text).join('\n')).toContain('is not allowed: only YAML (between `---` lines) and TOML (between `+++` lines) are read, and code is never run');
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('rejects a YAML alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of [...'bcdefghi'].entries()) {
      const previous = 'abcdefghi'[i];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const text = `---\ntitle: T\ndate: 2023-09-12\n${levels.join('\n')}\n---\n`;
    expect(text.length).toBeLessThan(1000);
    const started = performance.now();
    const found = errors(text).join('\n');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(found).toContain('Excessive alias count');
  });
});

describe('parseStory: the names other generators give fields', () => {
  it('reads Hugo and Jekyll names for Dateline’s fields, the first one present winning', () => {
    const parsed = story(
      '---\ntitle: T\npublished: 2023-09-12 10:00\nlastmod: 2023-09-13 08:00\nauthors: [Ayesha Siddiqui, Bilal Ahmed]\ntopics: [TTP]\ncategories: [Pakistan, World]\ndescription: Short.\n---\nBody.\n',
    );
    expect(parsed).toMatchObject({
      date: { iso: '2023-09-12T10:00:00+05:00' },
      updated: { iso: '2023-09-13T08:00:00+05:00' },
      bylines: ['Ayesha Siddiqui', 'Bilal Ahmed'],
      tags: ['TTP'],
      section: 'Pakistan',
      summary: 'Short.',
      summarySource: 'frontmatter',
    });
    expect(story('---\ntitle: T\ndate: 2023-09-12\nsummary: Ours.\ndescription: Theirs.\n---\nBody.\n').summary).toBe('Ours.');
    expect(story('---\ntitle: T\ndate: 2023-09-12\nauthor: Farah Naqvi\n---\nBody.\n').bylines).toEqual(['Farah Naqvi']);
  });

  it('reads Jekyll’s `published: false` as a draft', () => {
    expect(story('---\ntitle: T\ndate: 2023-09-12\npublished: false\n---\nBody.\n').draft).toBe(true);
    expect(story('---\ntitle: T\ndate: 2023-09-12\npublished: true\n---\nBody.\n').draft).toBe(false);
  });

  it('points a problem at the name the story used', () => {
    expect(errors('---\ntitle: T\npublished: someday\n---\nBody.\n')).toEqual([
      'content/story.md:3:12: `published`: is not a date: write it as `2023-09-12`, `2023-09-12 10:30` or `2023-09-12T10:30:00+05:00` (got `someday`)',
    ]);
  });

  it('reads the names a site’s config gives instead', () => {
    const parsed = parseStory(source('---\ntitle: T\ndate: 2023-09-12\nwriters: [A. Writer]\nauthor: Not this\n---\nBody.\n'), {
      zone: 'UTC',
      fields: { ...DEFAULT_FIELDS, byline: ['writers'] },
    });
    expect(parsed.story?.bylines).toEqual(['A. Writer']);
    expect(parsed.story && parsed.warnings.map(formatProblem)).toEqual(['content/story.md:5:1: warning: unknown field `author` is ignored (did you mean `byline`?)']);
  });
});

describe('parseStory: unknown fields', () => {
  it.each([
    ['tgas', 'tags'],
    ['bylines', 'byline'],
    ['titel', 'title'],
    ['sumary', 'summary'],
  ])('warns about `%s` and suggests `%s`', (field, suggestion) => {
    const parsed = parse(minimal(`${field}: x\n`));
    if (!parsed.story) throw new Error('expected a story');
    expect(parsed.warnings.map(formatProblem)).toEqual([
      `content/story.md:4:1: warning: unknown field \`${field}\` is ignored (did you mean \`${suggestion}\`?)`,
    ]);
  });

  it('warns without a guess when nothing is close', () => {
    const parsed = parse(minimal('colour: red\n'));
    expect(parsed.story && parsed.warnings.map((w) => w.message)).toEqual(['unknown field `colour` is ignored']);
  });
});
