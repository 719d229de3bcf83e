/**
 * The search index: Pagefind (its binary, run as a service through its Node
 * API) indexes the stories' documents and hands back its bundle, files for
 * `pagefind/` in the site: the index, split by language, and Pagefind's own
 * search UI, served from the site.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Output } from '../render/html.js';
import type { SearchDocument } from './documents.js';

/** Where the bundle goes in the site. */
export const SEARCH_DIR = 'pagefind/';

/** The file that names the rest of the index: written last, so a browser never reads an entry whose files are not there yet. */
const ENTRY = `${SEARCH_DIR}pagefind-entry.json`;

/** Pagefind's other search UIs, and its highlighter: the search page uses its default UI, so the site need not carry ~300 KB more. */
const UNUSED = /^pagefind-(component-ui|modular-ui|highlight)\./;

/** Pagefind's version: another one indexes differently, so it is part of the index's key. */
export const PAGEFIND_VERSION: string = (() => {
  // The package exports only its API (`lib/index.js`), for `import` alone: its manifest is the folder above.
  const api = fileURLToPath(import.meta.resolve('pagefind'));
  return (JSON.parse(readFileSync(path.join(path.dirname(api), '..', 'package.json'), 'utf8')) as { version: string }).version;
})();

/**
 * How many documents are on their way to Pagefind at once: enough that it
 * never waits for the next, few enough that a 10,000-story site's documents
 * are not all in memory together (they are made as they are sent).
 */
const IN_FLIGHT = 64;

/** Index `documents`; the bundle's files, the entry last, or the errors Pagefind gave. */
export async function indexDocuments(documents: Iterable<SearchDocument>): Promise<{ files: Output[] } | { errors: string[] }> {
  const pagefind = await import('pagefind');
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) return { errors: created.errors };
    const { index } = created;
    const errors: string[] = [];
    // Several on their way at once: Pagefind reads the next while it indexes one (4,000 stories: 3.3 s, not 3.9 s one by one).
    const pending = new Set<Promise<void>>();
    for (const document of documents) {
      const sent: Promise<void> = index
        .addHTMLFile({ url: document.url, content: document.html })
        .then((added) => void errors.push(...added.errors.map((error) => `${document.url}: ${error}`)))
        .finally(() => pending.delete(sent));
      pending.add(sent);
      if (pending.size >= IN_FLIGHT) await Promise.race(pending);
    }
    await Promise.all(pending);
    const { files, errors: writing } = await index.getFiles();
    errors.push(...writing);
    if (errors.length > 0) return { errors };
    const outputs = files
      .filter((file) => !UNUSED.test(file.path))
      .map((file) => ({ path: `${SEARCH_DIR}${file.path.split(path.sep).join('/')}`, content: file.content }));
    return { files: [...outputs.filter((file) => file.path !== ENTRY), ...outputs.filter((file) => file.path === ENTRY)] };
  } finally {
    await pagefind.close();
  }
}

/** A digest of what the index is made of: the same key, the same index (a warm build keeps the last one). */
export function searchKey(parts: readonly string[]): string {
  const hash = createHash('sha256').update(PAGEFIND_VERSION);
  for (const part of parts) hash.update('\u001e').update(part);
  return `search ${hash.digest('base64url').slice(0, 22)}`;
}
