// Escape folds the phone menu that GOV.UK Frontend's "Menu" button opened, and puts the focus
// back on the button, as readers of other disclosure menus expect (WAI-ARIA's disclosure
// pattern). GOV.UK Frontend's own script opens and closes it on click only.
export function closeMenuOnEscape(root = document) {
  const toggle = root.querySelector(".govuk-js-service-navigation-toggle");
  if (!toggle) return;
  const menu = root.getElementById(toggle.getAttribute("aria-controls"));
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true") return;
    if (toggle.hidden || !toggle.getClientRects().length) return; // not folded: wide screen
    if (!menu.contains(document.activeElement) && document.activeElement !== toggle) return;
    toggle.click();
    toggle.focus();
  });
}
