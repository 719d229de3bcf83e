/**
 * `retired-urls.txt` at the site root: addresses the newsroom took down on
 * purpose (a story withdrawn for legal reasons, a tag merged away). The
 * build lets them go without a redirect; nothing builds them, so they are in
 * no sitemap either.
 *
 *     # withdrawn 2024-03-02, legal
 *     /2023/09/army-chief-call/
 *     /categories/*        # every address under /categories/
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { normalizeUrl } from '../plan/published-urls.js';

/** The file's name, at the site root. */
export const RETIRED_FILE = 'retired-urls.txt';

/** One line of the file: an address, or every address under a prefix (`/old/*`). */
interface RetiredEntry {
  readonly url: string;
  readonly prefix: boolean;
  readonly line: number;
}

/** The addresses retired on purpose. */
export class RetiredUrls {
  static readonly NONE = new RetiredUrls([]);

  private readonly exact: ReadonlyMap<string, number>;
  private readonly prefixes: readonly RetiredEntry[];

  private constructor(entries: readonly RetiredEntry[]) {
    this.exact = new Map(entries.filter((entry) => !entry.prefix).map((entry) => [entry.url, entry.line]));
    this.prefixes = entries.filter((entry) => entry.prefix);
  }

  /** The line retiring `url` (normalized), or undefined if none does. */
  lineOf(url: string): number | undefined {
    return this.exact.get(url) ?? this.prefixes.find((entry) => url.startsWith(entry.url))?.line;
  }

  /** Exact addresses and their lines, for telling which are built again. */
  get addresses(): ReadonlyMap<string, number> {
    return this.exact;
  }

  /** Read the file of the site at `root`; empty when there is none. */
  static load(root: string): { retired: RetiredUrls; problems: Problem[] } {
    let text: string;
    try {
      text = readFileSync(path.join(root, RETIRED_FILE), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { retired: RetiredUrls.NONE, problems: [] };
      throw error;
    }
    const entries: RetiredEntry[] = [];
    const problems: Problem[] = [];
    for (const [index, raw] of text.split('\n').entries()) {
      const line = index + 1;
      const written = raw.replace(/#.*/, '').trim();
      if (written === '') continue;
      if (!written.startsWith('/') || written.startsWith('//') || /\s/.test(written) || written.slice(0, -1).includes('*')) {
        problems.push({
          severity: 'error',
          file: RETIRED_FILE,
          line,
          column: raw.indexOf(written) + 1,
          message: `\`${written}\` is not a site address: write one per line, starting with \`/\` (\`/2023/09/old-story/\`), or a folder ending in \`/*\` for every address under it`,
        });
        continue;
      }
      const prefix = written.endsWith('*');
      entries.push({ url: prefix ? written.slice(0, -1) : normalizeUrl(written), prefix, line });
    }
    return { retired: new RetiredUrls(entries), problems };
  }
}
