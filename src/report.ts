/**
 * Shapes the problems a build found for people: the same warning in many
 * files is one line, not a thousand (errors stay one per file); `--strict`
 * turns warnings into errors.
 */
import { countLabel, sortProblems, type Problem } from './errors.js';

/** Files named in full in a grouped warning before the rest are counted. */
const NAMED_FILES = 5;

/**
 * One warning per distinct message: where several files share a message, the
 * first location is kept and the others are listed after it. Errors are never
 * grouped: each names its own file and line, so an editor can find every one
 * and CI can annotate each.
 */
export function groupRepeated(problems: readonly Problem[]): Problem[] {
  const groups = new Map<string, Problem[]>();
  for (const [index, problem] of sortProblems(problems).entries()) {
    const key = problem.severity === 'error' ? `error\0${index}` : `warning\0${problem.message}`;
    groups.set(key, [...(groups.get(key) ?? []), problem]);
  }
  return [...groups.values()].map((group) => {
    const [first, ...rest] = group as [Problem, ...Problem[]];
    if (rest.length === 0) return first;
    const where = rest.slice(0, NAMED_FILES).map((p) => [p.file, p.line].filter((x) => x !== undefined).join(':'));
    const more = rest.length > NAMED_FILES ? ` and ${countLabel(rest.length - NAMED_FILES, 'more file')}` : '';
    return { ...first, message: `${first.message}; also in ${where.join(', ')}${more}` };
  });
}

/** With `strict`, every warning becomes an error. */
export function applyStrict(problems: readonly Problem[], strict: boolean): Problem[] {
  return strict ? problems.map((problem) => ({ ...problem, severity: 'error' })) : [...problems];
}
