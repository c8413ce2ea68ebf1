// A draft shown in a frame (the parent's review page, Wagtail's preview panel) opens its links
// to other pages, and its search, in a new tab. The public pages they lead to refuse to be
// framed, so the frame went blank; and the review, with whatever the parent had typed, stays
// where it was. Links within the draft (its contents, "Skip to main content") still scroll it,
// and "Exit this page" still leaves the whole tab (exit-this-page.js). A search from the draft
// opens the search page in a new tab too, with its words kept out of the address
// (search-privacy.js).
const EXIT = ".govuk-exit-this-page, .govuk-js-exit-this-page-skiplink";

export function inFramedDraft(root = document) {
  return window.top !== window && Boolean(root.querySelector(".app-draft-banner"));
}

export function openLinksOutOfFrame(root = document) {
  if (!inFramedDraft(root)) return;
  root.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || link.target || link.closest(EXIT)) return;
    const url = new URL(link.href, window.location.href);
    const here = new URL(window.location.href);
    const samePage = ["origin", "pathname", "search"].every((part) => url[part] === here[part]);
    if (samePage && url.hash) return;
    link.target = "_blank";
    link.rel = `${link.rel} noopener`.trim();
  });
  root.addEventListener("submit", (event) => {
    if (!event.target.target) event.target.target = "_blank";
  });
}
