// Runs before the page is drawn, as GOV.UK Frontend expects, so components style themselves
// for readers with JavaScript while the page still works for those without it.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");

// On a phone the menu is drawn folded, behind its "Menu" button, before hub.js runs
// (frontend/components/_service-navigation.scss). By the time the page is parsed hub.js has
// run or failed (a module script runs before DOMContentLoaded). If it failed, as it may on a
// poor connection, the page is drawn as for readers without JavaScript. If it ran but the
// menu's script did not take charge of the button (it takes away its `hidden`), the button
// would do nothing: it goes, and the menu opens out.
document.addEventListener("DOMContentLoaded", () => {
  if (!("hubScriptRan" in document.body.dataset)) {
    document.body.classList.remove("js-enabled", "govuk-frontend-supported");
  }
  const toggle = document.querySelector(".govuk-service-navigation__toggle");
  if (toggle && toggle.hasAttribute("hidden") && toggle.getClientRects().length) {
    toggle.remove();
  }
});
