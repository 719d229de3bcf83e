/**
 * The render stage: each output that changed rendered and handed to the
 * sink as soon as it is ready, so a build never holds every page in memory.
 * Feeds and sitemaps are rendered here and written at once (their bytes are
 * a view of a reused buffer); pages may be rendered on workers and come back
 * later, while the next outputs are prepared.
 */
import { outputPath } from '../plan/plan.js';
import type { Planned } from '../plan/fingerprint.js';
import { renderOutput, type RenderTools } from '../outputs.js';
import type { Output } from './html.js';

export interface RenderStage {
  /** Where each rendered output goes. */
  readonly sink: (output: Output) => Promise<void>;
  readonly progress: (progress: { readonly stage: 'render'; readonly done: number; readonly total: number }) => void;
  /** Resolves when workers can take another page (undefined: now); absent without workers. */
  readonly room?: () => Promise<void> | undefined;
}

/** Render `outputs` with `tools`; the paths of those rendered (a template that failed renders none), in `outputs`' order. */
export async function renderAll(outputs: readonly Planned[], tools: RenderTools, { sink, progress, room }: RenderStage): Promise<string[]> {
  const rendered: (string | undefined)[] = new Array(outputs.length);
  const pending = new Set<Promise<void>>();
  let failure: { readonly error: unknown } | undefined;
  let done = 0;
  const finish = async (index: number, file: string, content: string | Uint8Array | undefined) => {
    // Once the stage has failed, pages still coming back are not written: the build is being thrown away.
    if (failure) return;
    if (content !== undefined) {
      rendered[index] = file;
      await sink({ path: file, content });
    }
    done += 1;
    progress({ stage: 'render', done, total: outputs.length });
  };
  for (const [index, output] of outputs.entries()) {
    await room?.();
    if (failure) break;
    const file = outputPath(output.url);
    let content: ReturnType<typeof renderOutput>;
    try {
      content = renderOutput(output, tools);
      if (!(content instanceof Promise)) {
        await finish(index, file, content);
        continue;
      }
    } catch (error) {
      failure ??= { error };
      break;
    }
    // Every page in flight is awaited below, its failure kept: none is left to reject unheard.
    const job: Promise<void> = content
      .then((later) => finish(index, file, later))
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => pending.delete(job));
    pending.add(job);
  }
  // Whatever happened, nothing is still being written when this returns or throws.
  await Promise.all(pending);
  if (failure) throw failure.error;
  return rendered.filter((file) => file !== undefined);
}
