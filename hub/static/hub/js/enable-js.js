// Runs before the page is drawn, as GOV.UK Frontend expects, so components style themselves
// for readers with JavaScript while the page still works for those without it.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
