// Runs before the page is drawn, as GOV.UK Frontend expects, so components style themselves
// for readers with JavaScript while the page still works for those without it.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");

// On a poor connection hub.js may never arrive. By the time the page has loaded it has run or
// failed; if it failed, draw the page as for readers without JavaScript, so the folded menu
// (frontend/components/_service-navigation.scss) opens out rather than staying shut for good.
window.addEventListener("load", () => {
  if (!("hubScriptRan" in document.body.dataset)) {
    document.body.classList.remove("js-enabled", "govuk-frontend-supported");
  }
});
