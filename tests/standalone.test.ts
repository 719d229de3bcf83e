/** The repository stands alone: nothing it runs reaches a folder beside it. */
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';
import { outsideReferences, outsideReferencesIn } from './support/outside-paths.js';

// Written so that this file's own lines hold no such reference.
const UP = '..';

describe('references to paths outside the repository', () => {
  it.each([
    ['a path joined upward from the repository root', 'bench/build.mjs', `const generator = path.join(repo, '${UP}', 'shared', 'make-corpus.mjs');`],
    ['a relative path that climbs out', 'tests/e2e/syndication.test.ts', `const xsd = '${UP}/${UP}/${UP}/shared/schemas/sitemap.xsd';`],
    ['a URL relative to the module that climbs out', 'src/cli.ts', `readFileSync(new URL('${UP}/${UP}/shared/x.json', import.meta.url))`],
  ])('finds %s', (_, file, line) => {
    expect(outsideReferences(REPO, file, `// ok\n${line}\n`)).toEqual([expect.objectContaining({ file, line: 2 })]);
  });

  it('finds one in a package script, read from the repository root', () => {
    expect(outsideReferences(REPO, 'package.json', `node ${UP}/shared/bench/compare.mjs --stories 4000`, true)).toHaveLength(1);
    expect(outsideReferences(REPO, 'package.json', 'tsc -b && node lib/cli.js build', true)).toEqual([]);
  });

  it('accepts paths that stay inside', () => {
    const inside = [`import { page } from '${UP}/helpers.js';`, `new URL('${UP}/${UP}/package.json', import.meta.url)`, `relative.startsWith('${UP}')`].join('\n');
    expect(outsideReferences(REPO, 'src/cache/parse-cache.ts', inside)).toEqual([]);
  });

  it('finds none in src/, tests/, bench/, .ci/ or the package scripts', () => {
    expect(outsideReferencesIn(REPO)).toEqual([]);
  });
});
