// Compiles the hub's Sass (GOV.UK Frontend with the partnership's brand), mirrors it for
// right-to-left languages, and copies the
// GOV.UK Frontend script and assets into static_build/, which Django serves as static files.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import rtlcss from "rtlcss";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "static_build");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

mkdirSync(join(out, "css"), { recursive: true });
mkdirSync(join(out, "js"), { recursive: true });

const result = sass.compile(join(root, "frontend", "hub.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "css", "hub.css"), result.css);
// The same styles mirrored for languages written right to left (Urdu, Arabic...): margins,
// paddings, floats, positions and borders swap sides. base.html loads it instead of hub.css.
writeFileSync(join(out, "css", "hub-rtl.css"), rtlcss.process(result.css));
// The parent reviewer's screens in the admin use the same components (templates/review/).
const review = sass.compile(join(root, "frontend", "review.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "css", "review.css"), review.css);
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "js", "govuk-frontend.min.js"));
cpSync(join(govuk, "assets", "images"), join(out, "govuk", "images"), { recursive: true });
console.log(`Built ${join(out, "css", "hub.css")} (${result.css.length} bytes)`);
