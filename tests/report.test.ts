import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../src/errors.js';
import { applyStrict, groupRepeated } from '../src/report.js';

const warning = (file: string, line: number, message = 'unknown field `tgas` is ignored (did you mean `tags`?)'): Problem => ({
  severity: 'warning',
  file,
  line,
  column: 1,
  message,
});

describe('groupRepeated', () => {
  it('turns the same warning in many files into one line naming a few of them', () => {
    const many = Array.from({ length: 1000 }, (_, i) => warning(`content/${String(i).padStart(4, '0')}.md`, 4));
    const grouped = groupRepeated(many);
    expect(grouped).toHaveLength(1);
    expect(formatProblem(grouped[0]!)).toBe(
      'content/0000.md:4:1: warning: unknown field `tgas` is ignored (did you mean `tags`?); also in content/0001.md:4, content/0002.md:4, content/0003.md:4, content/0004.md:4, content/0005.md:4 and 994 more files',
    );
  });

  it('never groups errors: each names its own file and line', () => {
    const errors = Array.from({ length: 9 }, (_, i): Problem => ({ severity: 'error', file: `content/${i}.md`, line: 18, column: 1, message: 'invalid YAML: Map keys must be unique' }));
    expect(groupRepeated(errors).map(formatProblem)).toEqual(errors.map(formatProblem));
  });

  it('keeps different messages apart, sorted by file and line', () => {
    const grouped = groupRepeated([warning('b.md', 2, 'two'), warning('a.md', 9, 'one'), warning('a.md', 3, 'three')]);
    expect(grouped.map(formatProblem)).toEqual(['a.md:3:1: warning: three', 'a.md:9:1: warning: one', 'b.md:2:1: warning: two']);
  });
});

describe('applyStrict', () => {
  it('makes warnings errors only when strict', () => {
    expect(applyStrict([warning('a.md', 1)], true)[0]?.severity).toBe('error');
    expect(applyStrict([warning('a.md', 1)], false)[0]?.severity).toBe('warning');
  });
});
