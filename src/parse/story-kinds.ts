/**
 * What a story is, besides news: each other kind is labelled on its page and
 * on every card (in its language: `label_<kind>` in render/words/), and typed
 * for search engines with schema.org's subtype of NewsArticle (or, for paid
 * content, AdvertiserContentArticle).
 */
export const STORY_KINDS = {
  news: { schemaType: 'NewsArticle' },
  analysis: { schemaType: 'AnalysisNewsArticle' },
  opinion: { schemaType: 'OpinionNewsArticle' },
  explainer: { schemaType: 'BackgroundNewsArticle' },
  review: { schemaType: 'ReviewNewsArticle' },
  sponsored: { schemaType: 'AdvertiserContentArticle' },
} as const satisfies Record<string, { readonly schemaType: string }>;

export type StoryKind = keyof typeof STORY_KINDS;

/** The kinds, `news` first, as the schema and messages name them. */
export const KIND_NAMES = Object.keys(STORY_KINDS) as [StoryKind, ...StoryKind[]];

/** What a notice on a story says of it: that it was wrong (`correction`), or unclear (`clarification`). */
export const CORRECTION_KINDS = ['correction', 'clarification'] as const;

export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** How each kind of notice is headed in feeds and structured data (pages say it in their language, see render/words/). */
export const CORRECTION_LABELS: Readonly<Record<CorrectionKind, string>> = { correction: 'Correction', clarification: 'Clarification' };
