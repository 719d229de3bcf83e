/** Problems as GitHub workflow commands. */
import { describe, expect, it } from 'vitest';
import { annotation, inGitHubActions } from '../../src/cli/annotations.js';

describe('annotation', () => {
  it('gives file, line and column, and escapes what workflow commands reserve', () => {
    expect(annotation({ severity: 'error', file: 'content/a,b:c.md', line: 3, column: 7, message: '100% wrong\nsecond line' })).toBe(
      '::error file=content/a%2Cb%3Ac.md,line=3,col=7::100%25 wrong%0Asecond line',
    );
    expect(annotation({ severity: 'warning', file: 'content/x.md', message: 'no line' })).toBe('::warning file=content/x.md::no line');
    expect(annotation({ severity: 'error', message: 'the configuration is invalid' })).toBe('::error::the configuration is invalid');
  });

  it('is printed only in a GitHub workflow', () => {
    expect(inGitHubActions({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(inGitHubActions({})).toBe(false);
  });
});
