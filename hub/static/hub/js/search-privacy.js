// Search results leave no trace of the words in the tab's history (templates/search/search.html):
// - once the results are shown, the address becomes the plain search page (replaceState) and
//   the tab's title loses the words, so history lists "Search results", not the query;
// - leaving the results for another page replaces them (location.replace), so Back goes to
//   where the reader was before searching, never to the results;
// - "Copy a link to these results" keeps them shareable for a reader who wants to.
// Without JavaScript none of this happens: the address keeps the query, and still works.
export function keepSearchesPrivate(root = document) {
  const results = root.querySelector("[data-hub-search-privacy]");
  if (!results) return;
  const { cleanUrl, cleanTitle, shareUrl } = results.dataset;
  const searchPath = new URL(cleanUrl, window.location.href).pathname;

  history.replaceState(history.state, "", cleanUrl);
  document.title = cleanTitle;

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.target || link.hasAttribute("download")) return;
    const to = new URL(link.href, window.location.href);
    if (to.origin !== window.location.origin || to.pathname === searchPath) return;
    event.preventDefault();
    window.location.replace(to.href);
  });

  const share = results.querySelector("[data-hub-share]");
  if (!share) return;
  const button = share.querySelector("button");
  const status = share.querySelector("[role=status]");
  const field = share.querySelector("input");
  const link = new URL(shareUrl, window.location.href).href;
  share.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(link);
      status.textContent = share.dataset.copied;
    } catch {
      // No clipboard (an older browser, or the page is not on https): show the link to copy.
      field.value = link;
      field.parentElement.hidden = false;
      field.focus();
      field.select();
    }
  });
}
