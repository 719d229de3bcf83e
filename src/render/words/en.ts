/**
 * The words the default theme prints, in English: the table every other
 * language is checked against and falls back to. A value is a phrase with
 * `{name}` slots the template fills, or its plural forms by `Intl.PluralRules`
 * category (`other` always there) when it counts something.
 */
export const ENGLISH = {
  // The site's chrome: header, navigation, footer.
  skip_to_content: 'Skip to content',
  site_navigation: 'Site',
  search: 'Search',
  corrections: 'Corrections',
  // Taxonomies: their index pages and navigation, and what a term's page is of.
  tags: 'Tags',
  bylines: 'Bylines',
  sections: 'Sections',
  series: 'Series',
  tag: 'Tag',
  byline: 'Byline',
  section: 'Section',
  series_one: 'Series',
  author: 'Author',
  // A story.
  by: 'By',
  list_comma: ', ',
  list_and: ' and ',
  published: 'Published',
  updated: 'Updated',
  draft: 'Draft',
  embargoed_until: 'Embargoed until',
  series_place: 'Part {part} of {of} in the series',
  series_more: '{series}: more in the series',
  part: 'Part {part}',
  correction: 'Correction',
  clarification: 'Clarification',
  corrections_and_clarifications: 'Corrections and clarifications',
  related_stories: 'Related stories',
  // What a story that is not news is labelled.
  label_analysis: 'Analysis',
  label_opinion: 'Opinion',
  label_explainer: 'Explainer',
  label_review: 'Review',
  label_sponsored: 'Sponsored',
  // Lists of stories.
  top_stories: 'Top stories',
  latest_stories: 'Latest stories',
  no_stories_yet: 'No stories have been published yet.',
  nothing_here_yet: 'Nothing here yet.',
  story_count: { one: '{count} story', other: '{count} stories' },
  series_count: { one: 'A series in {count} part, from the first', other: 'A series in {count} parts, from the first' },
  page_title: '{title}, page {number}',
  pages: 'Pages',
  page_of: 'Page {number} of {total}',
  newer_stories: 'Newer stories',
  older_stories: 'Older stories',
  earlier_parts: 'Earlier parts',
  later_parts: 'Later parts',
  // The page for an address that is not there.
  not_found: 'Page not found',
  not_found_text: 'The page you asked for is not here. It may have moved, or the address may be mistyped.',
  go_to_front_page: 'Go to the front page',
  // The corrections log.
  corrections_intro: 'When a story we published was wrong or unclear, we correct it on its page and list the correction here, newest first.',
  no_corrections: 'No corrections have been published.',
  // Descriptions for search engines and shared links.
  describe_term: { one: '{count} story filed under {kind} {name} in {site}.', other: '{count} stories filed under {kind} {name} in {site}.' },
  describe_author: { one: '{author}: {count} story in {site}.', other: '{author}: {count} stories in {site}.' },
  describe_corrections: 'Corrections and clarifications published by {site}, newest first.',
  describe_search: 'Search the stories of {site}.',
  // The search page.
  search_without_script: 'Searching needs JavaScript, which is off or blocked in this browser. Every story is in the archive, newest first:',
  search_archive: 'Latest stories',
  search_or_browse: 'or browse by',
  // Pagefind's search UI on that page ([SEARCH_TERM], [COUNT] and [DIFFERENT_TERM] are filled in by it).
  search_ui_placeholder: 'Search the stories',
  search_ui_clear_search: 'Clear',
  search_ui_load_more: 'More results',
  search_ui_search_label: 'Search the stories',
  search_ui_filters_label: 'Filters',
  search_ui_zero_results: 'No stories found for [SEARCH_TERM]',
  search_ui_many_results: '[COUNT] stories found for [SEARCH_TERM]',
  search_ui_one_result: '[COUNT] story found for [SEARCH_TERM]',
  search_ui_alt_search: 'No stories found for [SEARCH_TERM]. Showing stories for [DIFFERENT_TERM] instead',
  search_ui_search_suggestion: 'No stories found for [SEARCH_TERM]. Try one of these searches:',
  search_ui_searching: 'Searching for [SEARCH_TERM]…',
} as const;
