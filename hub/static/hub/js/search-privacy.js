// Searches leave no trace of the words in the browser's history (templates/search/search.html).
// A browser records every address it opens, with its title, in its history: a parent's search
// words must never be there for someone who checks the phone.
// - A search box sends its words without opening an address that holds them: from another
//   page it opens the plain search page, which asks for the results (fetch) and shows them;
//   on the search page it asks at once. Filters, pages of results and "Did you mean" do the
//   same. History lists "Search results", never the words.
// - Leaving the results for another page replaces them (location.replace), so Back goes to
//   where the reader was before searching, never to the results.
// - "Copy a link to these results" keeps them shareable for a reader who wants to.
// - An address that holds the words (a shared link) is tidied once the results show.
// - If the results cannot be fetched (offline, a server error), the page says so, with the
//   words in the box to search again; it does not fall back to an address that holds them.
// - The words reach the search page in sessionStorage or, in a browser that refuses it, in
//   the tab's name (window.name), which the next page of the hub in this tab reads and
//   empties at once. Neither is ever in the history.
// Without JavaScript none of this happens: the address keeps the query, and still works.
import { inFramedDraft } from "./framed-draft.js";
import { enhanceSearchBoxes } from "./search-suggestions.js";

const WAITING = "hub-search-waiting";

export function keepSearchesPrivate(root = document) {
  if (inFramedDraft(root)) {
    searchFromFramedDraft();
    return;
  }
  const page = root.querySelector("[data-hub-search-page]");
  const here = window.location.pathname;

  // A search box anywhere, and every form on the search page (its box and its filters).
  document.addEventListener("submit", (event) => {
    const asked = searchAskedBy(event.target, page);
    if (!asked) return;
    event.preventDefault();
    search(asked.path, asked.query);
  });

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.target || link.hasAttribute("download")) return;
    const to = new URL(link.href, window.location.href);
    if (to.origin !== window.location.origin) return;
    // Other pages of results, filters, "Did you mean", the same search in another language.
    const toResults = page?.contains(link) && to.pathname === here && to.search;
    if (toResults || (link.hasAttribute("data-hub-private-search") && to.search)) {
      event.preventDefault();
      search(to.pathname, to.searchParams);
      return;
    }
    // Away from the results: Back goes to before the search, never to the results.
    if (page && to.pathname !== here && document.querySelector("[data-hub-search-privacy]")) {
      event.preventDefault();
      window.location.replace(to.href);
    }
  });

  // Taken on every page, so that words meant for a search page that did not open (the
  // reader went elsewhere) are not kept in this tab.
  const waiting = takeWaiting();
  if (!page) return;
  if (waiting && !window.location.search) {
    showResults(here, new URLSearchParams(waiting));
  } else if (window.location.search) {
    tidy(page);
  }
}

// A draft in a parent's review opens everything in a new tab (framed-draft.js), and so does a
// search from it: the plain search page, with the words in the new tab's name, so they are
// not in its address (which the history keeps) either.
function searchFromFramedDraft() {
  document.addEventListener("submit", (event) => {
    const asked = searchAskedBy(event.target);
    if (!asked) return;
    // Named as it opens ("noopener" would drop the name), then let go of. If the browser
    // refuses a new tab, the form goes as it would have (and the browser says it refused).
    const tab = window.open(asked.path, tabName(asked.query));
    if (!tab) return;
    event.preventDefault();
    tab.opener = null;
  });
}

// The search a submitted form asks for ({path, query}), if it is a search box or a form on
// the search page (`page`), and has words to search for (else the search page says what to
// type); null for any other form.
function searchAskedBy(form, page = null) {
  if (!(form instanceof HTMLFormElement) || form.method !== "get") return null;
  if (!form.hasAttribute("data-hub-private-search") && !page?.contains(form)) return null;
  const query = new URLSearchParams(new FormData(form));
  if (!query.get("q")?.trim()) return null;
  return { path: new URL(form.action, window.location.href).pathname, query };
}

// A tab's name that carries search words to the search page it opens (takeWaiting).
function tabName(query) {
  return `${WAITING}:${query}`;
}

// The results on the search page at `path`: here at once, or by opening the plain search page.
function search(path, query) {
  if (document.querySelector("[data-hub-search-page]") && window.location.pathname === path) {
    showResults(path, query);
    return;
  }
  try {
    sessionStorage.setItem(WAITING, query.toString());
  } catch {
    window.name = tabName(query); // storage refused (a privacy setting): the tab's name
  }
  window.location.assign(path);
}

function takeWaiting() {
  let waiting = null;
  try {
    waiting = sessionStorage.getItem(WAITING);
    sessionStorage.removeItem(WAITING);
  } catch {
    // Refused: the words are in the tab's name (below).
  }
  if (window.name.startsWith(`${WAITING}:`)) {
    waiting = waiting ?? window.name.slice(WAITING.length + 1);
    window.name = ""; // read once, and no later page in this tab sees them
  }
  return waiting;
}

let latest = 0;

async function showResults(path, query) {
  const asked = ++latest;
  const page = document.querySelector("[data-hub-search-page]");
  page.setAttribute("aria-busy", "true");
  const failed = page.querySelector("[data-hub-search-failed]");
  if (failed) failed.hidden = true; // shown again, and read out again, if this fails too
  const address = `${path}?${query}`;
  let fresh;
  try {
    const response = await fetch(address, { credentials: "same-origin" });
    const html = new DOMParser().parseFromString(await response.text(), "text/html");
    fresh = html.querySelector("[data-hub-search-page]");
  } catch {
    fresh = null;
  }
  if (asked !== latest) return; // a newer search was asked for meanwhile: it shows instead
  if (!fresh) {
    // Offline, or the server failed: say so here. Opening the address instead would put the
    // words in the history, the one thing this script is for.
    page.removeAttribute("aria-busy");
    // From another page, the box here is empty: the words go back in it, to search again.
    const box = page.querySelector("input[name=q]");
    if (box && !box.value) box.value = query.get("q") ?? "";
    if (failed) {
      failed.hidden = false;
      failed.focus();
    }
    return;
  }
  // Words typed into the box while the results were on their way stay there, with the focus.
  const box = page.querySelector("input[name=q]");
  const typing = box && document.activeElement === box && box.value !== query.get("q");
  const typed = typing ? box.value : null;
  page.replaceChildren(...fresh.childNodes);
  page.removeAttribute("aria-busy");
  enhanceSearchBoxes(page); // the new box suggests titles as the first one did
  tidy(page);
  const newBox = page.querySelector("input[name=q]");
  if (typing && newBox) {
    newBox.value = typed;
    newBox.focus();
    return;
  }
  const found = page.querySelector("[data-hub-search-privacy] [role=status]");
  const focus = found || page.querySelector(".govuk-error-message") || page.querySelector("h1");
  focus.setAttribute("tabindex", "-1");
  focus.focus();
}

// The address and title without the words; the share button, for a reader who wants a link.
function tidy(page) {
  const results = page.querySelector("[data-hub-search-privacy]");
  if (!results) return;
  const { cleanUrl, cleanTitle, shareUrl } = results.dataset;
  if (window.location.search) history.replaceState(history.state, "", cleanUrl);
  document.title = cleanTitle;
  offerShareLink(results, shareUrl);
}

function offerShareLink(results, shareUrl) {
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
