import { initAll } from "../../js/govuk-frontend.min.js";

initAll();
