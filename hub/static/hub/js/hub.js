import { initAll } from "../../js/govuk-frontend.min.js";
import { enhanceSearchBoxes } from "./search-suggestions.js";

initAll();
enhanceSearchBoxes();
