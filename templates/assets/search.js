// The search page: starts Pagefind's search UI on #search, searching the
// index of the page's language and those of the stories in other languages.
// Without JavaScript the page keeps its links to the archive instead.
window.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('search');
  if (!element || typeof PagefindUI !== 'function') return;
  const { bundle: bundlePath, base: baseUrl } = element.dataset;
  const languages = (element.dataset.languages || '').split(' ').filter(Boolean);
  // Each other language's index is in the same bundle. Pagefind skips merging a bundle it takes for the one it
  // has already loaded by comparing paths, so it is named by its full address, which it fetches all the same.
  const sameBundle = new URL(bundlePath, location.href).href;
  const ui = new PagefindUI({
    element,
    bundlePath,
    baseUrl,
    mergeIndex: languages.map((language) => ({ bundlePath: sameBundle, language, baseUrl })),
    showSubResults: false,
    // The theme's words for the UI, in the page's language (see the `search_ui_` words).
    translations: JSON.parse(element.dataset.translations || '{}'),
    autofocus: true,
  });
  // The page's heading is the search box's visible label.
  element.querySelector('input')?.setAttribute('aria-labelledby', 'search-title');
  for (const fallback of document.querySelectorAll('.search-fallback')) fallback.hidden = true;
  // A search can be linked to: /search/?q=Chitral
  const query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
});
