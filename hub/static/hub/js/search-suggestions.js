// Suggestions as you type in a search box: page titles from /search/suggest/, offered
// through the browser's own <datalist>. Without JavaScript the search works just the same.
const DELAY = 200;

export function enhanceSearchBoxes(root = document) {
  for (const input of root.querySelectorAll("input[data-suggest-url]")) {
    const list = document.createElement("datalist");
    list.id = `${input.id}-suggestions`;
    input.after(list);
    input.setAttribute("list", list.id);
    let timer;
    let latest = 0;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const query = input.value.trim();
      if (query.length < 2) {
        list.replaceChildren();
        return;
      }
      timer = setTimeout(async () => {
        const asked = ++latest;
        try {
          const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(query)}`;
          const response = await fetch(url, { headers: { Accept: "application/json" } });
          if (!response.ok || asked !== latest) return;
          const { suggestions } = await response.json();
          list.replaceChildren(
            ...suggestions.map(({ title }) => Object.assign(document.createElement("option"), { value: title })),
          );
        } catch {
          // Offline or the server is busy: the reader can still search.
        }
      }, DELAY);
    });
  }
}
