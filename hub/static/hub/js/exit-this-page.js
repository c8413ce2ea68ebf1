// "Exit this page" that leaves no Back trail. GOV.UK Frontend's component leaves with
// `window.location.href = ...`, which adds the neutral site after this page in the tab's
// history, so Back brings the page straight back. Here it leaves with `location.replace`:
// the neutral site takes this page's place, and Back goes to wherever the reader was before.
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
    window.location.replace(this.$button.href);
  }
}
