/**
 * Render: pages through their Liquid templates, on this thread or on render
 * workers. Template errors are collected (once per distinct error, not once
 * per page) rather than thrown.
 */
import type { Liquid } from 'liquidjs';
import { formatProblem, type Problem } from '../errors.js';
import type { Site } from '../model/site.js';
import type { Page } from '../plan/pages.js';
import { WorkerGone, type PageWorkers } from '../workers/render-pool.js';
import { renderGlobals } from './card-tag.js';
import { templateProblem } from './templates.js';
import { pageContext, type BodyOf, type TemplateContext } from './view.js';
import type { Phrasebook } from './words.js';

/** A rendered file, relative to the output folder. */
export interface Output {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** Renders the pages of one site, keeping the template errors it meets. */
export class PageRenderer {
  private readonly found = new Map<string, Problem>();
  /** What this renderer's pages share: each story's card, rendered once (see card-tag.ts). */
  private readonly globals = renderGlobals();

  /** `dirs.root` makes template paths in messages relative; `templateOf` names each page's template. */
  constructor(
    private readonly site: Site,
    private readonly phrasebook: Phrasebook,
    private readonly body: BodyOf,
    private readonly engine: Liquid,
    private readonly dirs: { readonly root: string; readonly templates: string },
    private readonly templateOf: (page: Page) => string,
  ) {}

  /** The page's HTML, or undefined when its template failed (the problem is kept). A body that cannot be read throws. */
  render(page: Page): string | undefined {
    // Outside the try: a story body that cannot be read is not a template error.
    return this.renderContext(this.templateOf(page), pageContext(page, this.site, this.body, this.phrasebook));
  }

  /** `render`, with the template run on one of `workers` (here if they are gone). */
  async renderOn(workers: PageWorkers, page: Page): Promise<string | undefined> {
    const template = this.templateOf(page);
    const context = pageContext(page, this.site, this.body, this.phrasebook);
    try {
      const result = await workers.render(template, context);
      if ('html' in result) return result.html;
      this.keep(result.problem);
      return undefined;
    } catch (error) {
      if (error instanceof WorkerGone) return this.renderContext(template, context);
      throw error;
    }
  }

  /** The template errors met so far, each once. */
  get problems(): Problem[] {
    return [...this.found.values()];
  }

  private renderContext(template: string, context: TemplateContext): string | undefined {
    try {
      // Synchronous: no filter or tag here waits for anything, and LiquidJS's promise plumbing cost more than the templates.
      return this.engine.renderFileSync(template, context, { globals: this.globals }) as string;
    } catch (error) {
      this.keep(templateProblem(error, this.dirs.root, this.dirs.templates));
      return undefined;
    }
  }

  private keep(problem: Problem): void {
    this.found.set(formatProblem(problem), problem);
  }
}
