// The one-thread floor of parsing: gray-matter + remark-parse + remark-html
// over every story of a folder, on this thread, nothing else (no workers, no
// schema, no extensions, nothing written). Issue 13's target puts Dateline's
// parse stage against it. Prints the seconds as JSON.
//
//   node bench/remark-floor.mjs CONTENT_DIR
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/remark-floor.mjs CONTENT_DIR');
  process.exit(2);
}
const files = readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.md')).sort();
const processor = unified().use(remarkParse).use(remarkHtml).freeze();
const started = performance.now();
for (const name of files) {
  const { content } = matter(readFileSync(path.join(dir, String(name)), 'utf8'));
  processor.processSync(content);
}
console.log(JSON.stringify({ stories: files.length, seconds: (performance.now() - started) / 1000 }));
