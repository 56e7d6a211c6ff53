// What a visitor downloads, side by side with other scripts in the same run:
// a returning visitor (the core only), a first visit (core + the banner with
// its styles + one language's banner strings), and what opening the
// preferences adds, against vanilla-cookieconsent and yett from node_modules;
// then what each part of the core adds to it (core-parts.mjs).
//
//   npm run bench:size
import { readFileSync, readdirSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { printCoreParts } from "./core-parts.mjs";

const root = new URL("../../", import.meta.url);
const file = (path) => readFileSync(new URL(path, root));
const sizes = (buffers) => {
  return {
    raw: buffers.reduce((n, b) => n + b.length, 0),
    gzip: buffers.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    brotli: buffers.reduce(
      (n, b) => n + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      0,
    ),
  };
};

// The banner's file, its code and strings: i18n/<code>-opt-in.js or i18n/<code>-opt-out.js, as the site's mode says.
const banner = readdirSync(new URL("dist/i18n/", root))
  .filter((f) => !f.endsWith("-views.js"))
  .map((f) => [f, file(`dist/i18n/${f}`)]);
const largest = banner.sort((a, b) => sizes([b[1]]).brotli - sizes([a[1]]).brotli)[0];
const chunks = readdirSync(new URL("dist/chunks/", root)).map((f) => file(`dist/chunks/${f}`));
const firstVisit = (banner) => [file("dist/consentgate.js"), banner];
const rows = [
  ["consentgate: returning visitor (core)", [file("dist/consentgate.js")]],
  ["consentgate: first visit, English", firstVisit(file("dist/i18n/en-opt-in.js"))],
  ["consentgate: first visit, English, opt-out mode", firstVisit(file("dist/i18n/en-opt-out.js"))],
  [`consentgate: first visit, largest (${largest[0].replace(".js", "")})`, firstVisit(largest[1])],
  ["consentgate: + preferences, English (Preact, views, texts)", [...chunks, file("dist/i18n/en-views.js")]],
  ["vanilla-cookieconsent 3.1.0 (umd + css)", [file("node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js"), file("node_modules/vanilla-cookieconsent/dist/cookieconsent.css")]],
  ["yett 0.1.13 (blocker only)", [file("node_modules/yett/dist/yett.min.js")]],
];

const w = Math.max(...rows.map(([name]) => name.length));
console.log(`${"what is downloaded".padEnd(w)}  ${"raw".padStart(7)} ${"gzip".padStart(7)} ${"brotli".padStart(7)}`);
for (const [name, buffers] of rows) {
  const s = sizes(buffers);
  console.log(`${name.padEnd(w)}  ${String(s.raw).padStart(7)} ${String(s.gzip).padStart(7)} ${String(s.brotli).padStart(7)}`);
}
console.log("(each file compressed on its own, as a server sends it; brotli quality 11)");

await printCoreParts();
