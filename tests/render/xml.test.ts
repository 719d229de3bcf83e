import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { Utf8Builder } from '../../src/render/utf8-builder.js';
import { cdata, el, escapeXml, scriptSafeJson, serializeXml as serializeBytes, type XmlElement } from '../../src/render/xml.js';
import { tempDir, xmllint } from '../helpers.js';

/** The document as text (serializeXml gives UTF-8 bytes). */
const serializeXml = (root: XmlElement) => Buffer.from(serializeBytes(new Utf8Builder(), root)).toString('utf8');

describe('escapeXml', () => {
  it.each([
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['end ]]> of CDATA', 'end ]]&gt; of CDATA'],
    [`"quoted" and 'single'`, '&quot;quoted&quot; and &apos;single&apos;'],
    ['bell\u0007 escape\u001b null\u0000 ffff\uFFFF', 'bell escape null ffff'],
    ['tab\tnewline\ncr\r kept', 'tab\tnewline\ncr\r kept'],
    ['lone \uD800 surrogate \uDC00 dropped', 'lone  surrogate  dropped'],
    ['pair 😀 and Urdu پاکستان kept', 'pair 😀 and Urdu پاکستان kept'],
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe('serializeXml', () => {
  it('writes an indented document that a strict parser reads back exactly', () => {
    const hostile = 'a & b < c > d ]]> "e" \u0007 😀';
    const xml = serializeXml(el('root', { attr: hostile }, el('text', null, hostile), el('empty'), el('nested', null, el('deep', null, 'x'))));
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<root attr="a &amp; b &lt; c &gt; d ]]&gt; &quot;e&quot;  😀">',
        '  <text>a &amp; b &lt; c &gt; d ]]&gt; &quot;e&quot;  😀</text>',
        '  <empty/>',
        '  <nested>',
        '    <deep>x</deep>',
        '  </nested>',
        '</root>',
        '',
      ].join('\n'),
    );
    const file = path.join(tempDir(), 'doc.xml');
    writeFileSync(file, xml);
    expect(xmllint(['--noout', file]).status).toBe(0);
    const $ = load(xml, { xml: true });
    expect($('text').text()).toBe('a & b < c > d ]]> "e"  😀');
    expect($('root').attr('attr')).toBe('a & b < c > d ]]> "e"  😀');
  });

  it('writes CDATA sections that a strict parser reads back exactly, whatever the text holds', () => {
    const html = '<p>A & B</p> ]]> <code>x]]>y</code> ]]]]> bell\u0007 😀 پاکستان';
    const xml = serializeXml(el('root', null, el('content', { type: 'html' }, cdata(html)), el('mixed', null, el('a'), cdata('<b>'))));
    expect(xml).toContain('<content type="html"><![CDATA[<p>A & B</p> ]]]]><![CDATA[>');
    const file = path.join(tempDir(), 'cdata.xml');
    writeFileSync(file, xml);
    expect(xmllint(['--noout', file]).status).toBe(0);
    const $ = load(xml, { xml: true });
    expect($('content').text()).toBe(html.replace('\u0007', ''));
    expect($('mixed').text().trim()).toBe('<b>');
  });

  it('leaves out absent children', () => {
    expect(serializeXml(el('a', null, undefined, [el('b'), undefined]))).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a>\n  <b/>\n</a>\n');
  });
});

describe('scriptSafeJson', () => {
  it('cannot close a script element and still parses to the same value', () => {
    const value = { text: '</script><script>alert(1)</script> & \u2028' };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('Utf8Builder', () => {
  it('gives back exactly the UTF-8 of what was appended, growing past its first buffer', () => {
    const builder = new Utf8Builder(8);
    const pieces = ['plain ', 'پاکستان ', '😀'.repeat(50), ' \u2028 done'];
    for (const piece of pieces) builder.append(piece);
    expect(Buffer.from(builder.take()).toString('utf8')).toBe(pieces.join(''));
  });

  it('starts afresh after each take', () => {
    const builder = new Utf8Builder(8);
    builder.append('first file');
    builder.take();
    builder.append('second');
    expect(Buffer.from(builder.take()).toString('utf8')).toBe('second');
  });
});
