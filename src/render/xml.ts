/**
 * XML through xmlbuilder2, never by string concatenation: text and attributes
 * are escaped by the serializer, and characters XML 1.0 cannot carry (most
 * control characters) are dropped instead of producing a file no reader parses.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

/** A new XML document; fill it through the returned root element. */
export function xmlDocument(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
}

/** The finished document as text, indented, ending in a newline. */
export function serialize(doc: XMLBuilder): string {
  return `${doc.end({ prettyPrint: true, indent: '  ' })}\n`;
}

/** JSON safe inside an HTML `<script>` element and for any reader: `<`, `>`, `&`, U+2028 and U+2029 escaped. */
export function scriptSafeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
