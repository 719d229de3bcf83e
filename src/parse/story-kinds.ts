/**
 * What a story is, besides news: each other kind is labelled on its page and
 * on every card, and typed for search engines with schema.org's subtype of
 * NewsArticle (or, for paid content, AdvertiserContentArticle).
 */
export const STORY_KINDS = {
  news: { label: null, schemaType: 'NewsArticle' },
  analysis: { label: 'Analysis', schemaType: 'AnalysisNewsArticle' },
  opinion: { label: 'Opinion', schemaType: 'OpinionNewsArticle' },
  explainer: { label: 'Explainer', schemaType: 'BackgroundNewsArticle' },
  review: { label: 'Review', schemaType: 'ReviewNewsArticle' },
  sponsored: { label: 'Sponsored', schemaType: 'AdvertiserContentArticle' },
} as const satisfies Record<string, { readonly label: string | null; readonly schemaType: string }>;

export type StoryKind = keyof typeof STORY_KINDS;

/** The kinds, `news` first, as the schema and messages name them. */
export const KIND_NAMES = Object.keys(STORY_KINDS) as [StoryKind, ...StoryKind[]];

/** What a notice on a story says of it: that it was wrong (`correction`), or unclear (`clarification`). */
export const CORRECTION_KINDS = ['correction', 'clarification'] as const;

export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** How each kind of notice is headed on the page and in feeds. */
export const CORRECTION_LABELS: Readonly<Record<CorrectionKind, string>> = { correction: 'Correction', clarification: 'Clarification' };
