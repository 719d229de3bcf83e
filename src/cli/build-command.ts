/** `dateline build`, and `dateline check`: the same build, writing nothing. */
import { build, check, type BuildSummary, type Progress } from '../build.js';
import { countLabel } from '../errors.js';
import { groupRepeated } from '../report.js';
import { EXIT, failure, print, printProblem, resolveNow } from './io.js';

export interface BuildFlags {
  root?: string;
  content?: string;
  out?: string;
  drafts?: boolean;
  future?: boolean;
  strict?: boolean;
  now?: string;
  report?: string;
  cache?: string;
  'no-cache'?: boolean;
  'published-sitemap'?: string;
  verbose?: boolean;
  quiet?: boolean;
}

export async function buildCommand(flags: BuildFlags, mode: 'build' | 'check' = 'build'): Promise<number> {
  const quiet = flags.quiet ?? false;
  const started = performance.now();
  const progress = progressPrinter(quiet);
  try {
    const summary = await (mode === 'check' ? check : build)({
      ...(flags.root !== undefined && { root: flags.root }),
      ...(flags.content !== undefined && { content: flags.content }),
      ...(flags.out !== undefined && { out: flags.out }),
      ...(flags.report !== undefined && { report: flags.report }),
      ...(flags['no-cache'] ? { cache: false as const } : flags.cache !== undefined ? { cache: flags.cache } : {}),
      ...(flags['published-sitemap'] !== undefined && { publishedSitemap: flags['published-sitemap'] }),
      drafts: flags.drafts ?? false,
      future: flags.future ?? false,
      strict: flags.strict ?? false,
      now: resolveNow(flags.now, process.env.SOURCE_DATE_EPOCH),
      onProgress: progress.update,
    });
    progress.clear();
    if (!quiet) {
      // The same warning in many files is one line, unless every occurrence is asked for.
      (flags.verbose ? summary.warnings : groupRepeated(summary.warnings)).forEach(printProblem);
      if (flags.verbose) {
        print(Object.entries(summary.timings).map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`).join(', '));
        const { parsed, reused, rendered, kept, note } = summary.cache;
        print(`Parsed ${countLabel(parsed, 'story', 'stories')}, reused ${countLabel(reused, 'story', 'stories')} from the cache${note ? ` (${note})` : ''}`);
        print(`Rendered ${countLabel(rendered, 'output')}, kept ${countLabel(kept, 'unchanged output')} from the last build`);
        print(`Encoded ${countLabel(summary.cache.encoded, 'image file')}, indexed ${countLabel(summary.cache.indexed, 'story', 'stories')} for search`);
      }
      for (const line of heldBack(summary, flags.verbose ?? false)) print(line);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const counts = `${countLabel(summary.pages, 'page')} from ${countLabel(summary.stories, 'story', 'stories')} in ${seconds} s`;
      print(mode === 'check' ? `Checked ${counts}: no errors; nothing was written` : `Built ${counts}`);
    }
    return EXIT.ok;
  } catch (error) {
    progress.clear();
    return failure(error, flags.verbose ?? false, mode);
  }
}

/** Files named on the screen for each kind left out; the build report lists them all. */
const NAMED_HELD = 5;

function heldBack({ held, nextEmbargo, nextFront }: BuildSummary, verbose: boolean): string[] {
  const files = (list: readonly string[]) =>
    verbose || list.length <= NAMED_HELD ? list.join(', ') : `${list.slice(0, NAMED_HELD).join(', ')} and ${(list.length - NAMED_HELD).toLocaleString('en-US')} more (--verbose or the build report lists them all)`;
  const parts = [
    held.drafts.length > 0 && `${countLabel(held.drafts.length, 'draft')} (--drafts to include): ${files(held.drafts)}`,
    held.embargoed.length > 0 &&
      `${countLabel(held.embargoed.length, 'embargoed story', 'embargoed stories')} (--future to include): ${files(held.embargoed)}`,
  ].filter(Boolean);
  return [
    ...(parts.length > 0 ? [`Left out ${parts.join('; ')}`] : []),
    ...(nextEmbargo ? [`Next embargo lifts at ${nextEmbargo.date.iso} (${nextEmbargo.file}): build again then`] : []),
    ...(nextFront ? [`Next front-page change at ${nextFront.at.iso} (${nextFront.file}): build again then`] : []),
  ];
}

/** Progress on one terminal line, only on a TTY and only once a build has run for a moment. */
function progressPrinter(quiet: boolean) {
  const enabled = !quiet && process.stderr.isTTY === true;
  const started = Date.now();
  let last = 0;
  let shown = false;
  const label = { parse: 'Parsing stories', render: 'Rendering pages' } as const;
  return {
    update(progress: Progress) {
      const now = Date.now();
      if (!enabled || now - started < 500 || (now - last < 100 && progress.done < progress.total)) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\x1b[K${label[progress.stage]} ${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')}`);
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}
