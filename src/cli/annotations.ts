/**
 * Problems as GitHub Actions workflow commands (`::error file=…,line=…::…`),
 * printed beside the usual lines when the CLI runs in a GitHub workflow, so
 * each shows on the pull request's diff at its file and line.
 */
import type { Problem } from '../errors.js';

/** Whether this process runs in a GitHub Actions workflow. */
export function inGitHubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** `problem` as a workflow command. */
export function annotation(problem: Problem): string {
  const properties = [
    problem.file === undefined ? undefined : `file=${escapeProperty(problem.file)}`,
    problem.line === undefined ? undefined : `line=${problem.line}`,
    problem.line === undefined || problem.column === undefined ? undefined : `col=${problem.column}`,
  ].filter((part) => part !== undefined);
  const command = problem.severity === 'warning' ? 'warning' : 'error';
  return `::${command}${properties.length > 0 ? ` ${properties.join(',')}` : ''}::${escapeData(problem.message)}`;
}

/** What a workflow command's message may not hold as it is. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** What a workflow command's property may not hold as it is. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
