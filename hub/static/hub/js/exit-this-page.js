// "Exit this page" that leaves no Back trail. GOV.UK Frontend's component leaves with
// `window.location.href = ...`, which adds the neutral site after this page in the tab's
// history, so Back brings the page straight back. Here it leaves with `location.replace`:
// the neutral site takes this page's place, and Back goes to wherever the reader was before.
// A page shown in a frame of the hub's own (the draft on a parent's review page) leaves the
// whole tab, not just its frame: a frame cannot show another site, and the person in a hurry
// would be left on the review page.
import { ExitThisPage } from "../../js/govuk-frontend.min.js";

export class ExitWithoutTrail extends ExitThisPage {
  exitPage() {
    if (!this.$updateSpan) return;
    this.$updateSpan.textContent = "";
    document.body.classList.add("govuk-exit-this-page-hide-content");
    this.$overlay = document.createElement("div");
    this.$overlay.className = "govuk-exit-this-page-overlay";
    this.$overlay.setAttribute("role", "alert");
    document.body.appendChild(this.$overlay);
    this.$overlay.textContent = this.i18n.t("activated");
    leavingWindow().location.replace(this.$button.href);
  }
}

function leavingWindow() {
  try {
    if (window.top !== window && window.top.location.origin === window.location.origin) {
      return window.top;
    }
  } catch {
    // A frame of another site: its location cannot be read, and this frame leaves alone.
  }
  return window;
}
