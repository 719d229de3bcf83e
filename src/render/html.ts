/**
 * Render: pages through their Liquid templates. Template errors are
 * collected (once per distinct error, not once per page) rather than thrown.
 */
import type { Liquid } from 'liquidjs';
import { formatProblem, type Problem } from '../errors.js';
import type { Site } from '../model/site.js';
import type { Page } from '../plan/pages.js';
import { templateProblem } from './templates.js';
import { renderGlobals } from './card-tag.js';
import { pageContext, type BodyOf } from './view.js';

/** A rendered file, relative to the output folder. */
export interface Output {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** Renders the pages of one site, one at a time, keeping the template errors it meets. */
export class PageRenderer {
  private readonly found = new Map<string, Problem>();
  /** What this renderer's pages share: each story's card, rendered once (see card-tag.ts). */
  private readonly globals = renderGlobals();

  /** `dirs.root` makes template paths in messages relative; `templateOf` names each page's template. */
  constructor(
    private readonly site: Site,
    private readonly body: BodyOf,
    private readonly engine: Liquid,
    private readonly dirs: { readonly root: string; readonly templates: string },
    private readonly templateOf: (page: Page) => string,
  ) {}

  /** The page's HTML, or undefined when its template failed (the problem is kept). A body that cannot be read throws. */
  render(page: Page): string | undefined {
    // Outside the try: a story body that cannot be read is not a template error.
    const context = pageContext(page, this.site, this.body);
    try {
      // Synchronous: no filter or tag here waits for anything, and LiquidJS's promise plumbing cost more than the templates.
      return this.engine.renderFileSync(this.templateOf(page), context, { globals: this.globals }) as string;
    } catch (error) {
      const problem = templateProblem(error, this.dirs.root, this.dirs.templates);
      this.found.set(formatProblem(problem), problem);
      return undefined;
    }
  }

  /** The template errors met so far, each once. */
  get problems(): Problem[] {
    return [...this.found.values()];
  }
}
