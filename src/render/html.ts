/**
 * Render: every planned page through its Liquid template. Template errors are
 * collected (once per distinct error, not once per page) rather than thrown.
 */
import type { Liquid } from 'liquidjs';
import { formatProblem, type Problem } from '../errors.js';
import type { Site } from '../model/site.js';
import type { Page } from '../plan/pages.js';
import { outputPath } from '../plan/plan.js';
import { templateProblem } from './templates.js';
import { pageContext, TEMPLATE_OF, type BodyOf } from './view.js';

/** A rendered file, relative to the output folder. */
export interface Output {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/**
 * Render `pages` with templates from `dir`, handing each page to `emit` as
 * soon as it is rendered (so a build never holds every page in memory);
 * `root` makes template paths in messages relative.
 */
export async function renderPages(
  pages: readonly Page[],
  site: Site,
  body: BodyOf,
  engine: Liquid,
  dirs: { readonly root: string; readonly templates: string },
  emit: (output: Output) => Promise<void>,
  onPage: (done: number) => void = () => {},
): Promise<{ problems: Problem[] }> {
  const problems = new Map<string, Problem>();
  for (const [index, page] of pages.entries()) {
    // Outside the try: a story body that cannot be read is not a template error.
    const context = pageContext(page, site, body);
    try {
      // Synchronous: no filter or tag here waits for anything, and LiquidJS's promise plumbing cost more than the templates.
      const html = engine.renderFileSync(TEMPLATE_OF[page.kind], context) as string;
      await emit({ path: outputPath(page.url), content: html });
    } catch (error) {
      const problem = templateProblem(error, dirs.root, dirs.templates);
      problems.set(formatProblem(problem), problem);
    }
    onPage(index + 1);
  }
  return { problems: [...problems.values()] };
}
