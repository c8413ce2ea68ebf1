import { ExitThisPage, createAll, initAll } from "../../js/govuk-frontend.min.js";
import { ExitWithoutTrail } from "./exit-this-page.js";
import { openLinksOutOfFrame } from "./framed-draft.js";
import { closeMenuOnEscape } from "./menu.js";
import { keepSearchesPrivate } from "./search-privacy.js";
import { enhanceSearchBoxes } from "./search-suggestions.js";

// Ours first, so GOV.UK Frontend finds "Exit this page" already set up and leaves it be.
createAll(ExitWithoutTrail);
initAll({
  onError(error, { component }) {
    if (component === ExitThisPage && error.name === "InitError") return;
    console.log(error);
  },
});
// enable-js.js falls back to the page without JavaScript if this line never runs.
document.body.dataset.hubScriptRan = "";
closeMenuOnEscape();
enhanceSearchBoxes();
keepSearchesPrivate();
openLinksOutOfFrame();
