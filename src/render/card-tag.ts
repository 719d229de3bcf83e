/**
 * `{% card story %}`: a story's card, the partial `partials/story-card`
 * rendered with `story` alone in scope (as `{% render %}` would), once per
 * render and reused on every list that shows the story. A story is on about
 * five lists (the home page, its tags, byline and section); rendering its card
 * on each was ~1.5 s of the 6 s a 4,000-story site's pages took here.
 *
 * A card is the same wherever it is shown: the partial sees only the story
 * (keyed by its address, unique in a site) and the render's globals.
 */
import { Tag, Value, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';

/** The partial a card renders. */
const CARD_TEMPLATE = 'partials/story-card';

/**
 * The most cards one render keeps (the oldest go first). Kept whole, a
 * 100,000-story build's cards held ~1.2 KB each in every render worker and
 * raised its peak from 770 MiB to 1.1 GB; sites of up to this many stories
 * render every card once, larger ones most cards a few times.
 */
const MAX_CARDS = 20_000;

/** Where one render keeps its cards, in its globals: a symbol, so no template can reach it. */
const CARDS = Symbol('cards');

/** One render's cards by story address, at most `limit` of them. */
interface Cards {
  readonly byUrl: Map<string, string>;
  readonly limit: number;
}

/** The globals of one render (a build's pages, or dev's rebuild): cards are rendered once within it. */
export function renderGlobals(limit = MAX_CARDS): Record<symbol, unknown> {
  const cards: Cards = { byUrl: new Map(), limit };
  return { [CARDS]: cards };
}

export function registerCardTag(engine: Liquid): void {
  engine.registerTag(
    'card',
    class CardTag extends Tag {
      private readonly story: Value;
      private readonly currentFile: string | undefined;

      constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
        super(token, remainTokens, liquid);
        this.story = new Value(token.args, liquid);
        this.currentFile = token.file;
      }

      *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
        const story = yield this.story.value(ctx);
        const url = typeof story === 'object' && story !== null && 'url' in story ? String(story.url) : undefined;
        const cards = (ctx.globals as Record<symbol, Cards | undefined>)[CARDS];
        let html = url === undefined ? undefined : cards?.byUrl.get(url);
        if (html === undefined) {
          const child = ctx.spawn({ story });
          const templates = yield this.liquid._parsePartialFile(CARD_TEMPLATE, ctx.sync, this.currentFile);
          html = (yield this.liquid.renderer.renderTemplates(templates as never, child)) as string;
          if (url !== undefined && cards) {
            if (cards.byUrl.size >= cards.limit) cards.byUrl.delete(cards.byUrl.keys().next().value!);
            cards.byUrl.set(url, html);
          }
        }
        emitter.write(html);
      }
    },
  );
}
