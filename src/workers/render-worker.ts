/**
 * A render worker thread: renders each page it is sent through its Liquid
 * template and posts back the HTML, or the template's problem. The page's
 * variables come ready-made from the main thread (they are plain data, see
 * render/view.ts), so this thread needs only the templates. Its cards are
 * rendered once for all the pages it renders (see render/card-tag.ts): a
 * worker lives for one build's render stage. Started by `PageWorkers`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../config.js';
import type { Problem } from '../errors.js';
import { renderGlobals } from '../render/card-tag.js';
import { createEngine, templateProblem } from '../render/templates.js';
import type { TemplateContext } from '../render/view.js';
import type { AssetNames } from '../load/theme-assets.js';

/** What a render worker is started with. */
export interface RenderSetup {
  readonly config: SiteConfig;
  /** The templates folder, and the site root that paths in problems are relative to. */
  readonly templates: string;
  readonly root: string;
  /** The theme's assets' published names. */
  readonly assets: AssetNames;
}

/** One page to render. */
export interface RenderJob {
  readonly id: number;
  readonly template: string;
  readonly context: TemplateContext;
}

/** A page rendered, or the problem its template met. */
export type RenderResult = { readonly id: number; readonly html: string } | { readonly id: number; readonly problem: Problem };

const { config, templates, root, assets } = workerData as RenderSetup;
const engine = createEngine(templates, config, assets);
const globals = renderGlobals();

parentPort?.on('message', ({ id, template, context }: RenderJob) => {
  let result: RenderResult;
  try {
    result = { id, html: engine.renderFileSync(template, context, { globals }) as string };
  } catch (error) {
    result = { id, problem: templateProblem(error, root, templates) };
  }
  parentPort?.postMessage(result);
});
