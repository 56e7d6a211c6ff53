// Builds dist/: the core (one script tag), its ESM twin, the lazy UI (the
// banner's file, and the views' chunks it loads when asked) with its styles,
// each language in three parts, and the type declarations. Prints the size of
// every file it writes, because every byte of the core is paid on every page.
import { build } from "esbuild";
import { minify } from "terser";
import { readFileSync, writeFileSync, readdirSync, mkdirSync, rmSync, statSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { basename, dirname, join } from "node:path";
import { localNames } from "./src/local-names.mjs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const out = "dist";

const common = {
  bundle: true,
  minify: true,
  target: "es2020",
  legalComments: "none",
  define: { __VERSION__: JSON.stringify(pkg.version) },
  dropLabels: ["DEV"],
  logLevel: "warning",
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// The stylesheets are built first. The UI adopts them as constructable
// stylesheets (their text is bundled in): the first layer's with the banner,
// the rest with the views that use it. The whole sheet is also written out as
// a file, which the UI links where constructable stylesheets are missing.
const bundleCss = async (entry) => {
  const result = await build({
    ...common,
    define: undefined,
    dropLabels: undefined,
    entryPoints: [entry],
    write: false,
    outfile: `${out}/consentgate.css`,
  });
  // esbuild keeps the space after a custom property's colon; CSS drops it anyway.
  // It keeps the spaces around a slash too (`font: … / 1.5 …`, `grid-column: 1 / -1`),
  // which no CSS value needs: a slash is a delimiter token, never part of a word.
  return result.outputFiles[0].text.trim().replace(/(--[\w-]+): /g, "$1:").replace(/ \/ /g, "/");
};
writeFileSync(`${out}/consentgate.css`, await bundleCss("styles/index.css"));
const firstLayerCss = await bundleCss("styles/first-layer.css");
const viewsCss = await bundleCss("styles/views.css");

// Every script is minified twice: esbuild bundles and minifies, then terser
// compresses and renames once more. Terser gives the same short names to the
// variables of every scope (shadowing the outer ones a scope does not use),
// which brotli compresses much better: the core, which every visitor pays
// for, came out about 600 B (brotli) smaller than esbuild's alone.
// A second compress pass takes another 14 B off the first visit, and hoisting
// function declarations to the top of their scope 34 B off the core. The core
// takes a third pass and has its function expressions that use neither `this`
// nor `arguments` written as arrows (29 B): each is an inlined module body, a
// method of our own or a vendor's queue function, none called with `new` or
// asked for its prototype. The other "unsafe" options would turn String(x) into
// ""+x, which reads an object's valueOf rather than its toString, or drop
// property reads whose getters the page may have made throw on purpose.
// Statements left as statements rather than joined with commas repeat more
// alike, which brotli prefers: 6 B off the core. So do comparisons left in the
// order they are written (`el.nodeName === "SCRIPT"`, not `"SCRIPT" === …`):
// 24 B off the core (the UI's files would grow by 7 with it).
const CORE_COMPRESS = { passes: 3, unsafe_arrows: true, sequences: false, lhs_constants: false };
// `locals` gives a file (by name) the order its local variables are named in
// (local-names.mjs); the other files keep terser's.
async function buildTwice(options, ascii, compress, locals = {}) {
  const { outputFiles, mangleCache } = await build({ ...common, ...options, write: false });
  for (const file of outputFiles) {
    const order = locals[basename(file.path)];
    const mangle = order ? { nth_identifier: localNames(order) } : true;
    const minified = file.path.endsWith("js")
      ? (await minify(file.text, { ecma: 2020, module: options.format === "esm", compress: { passes: 2, hoist_funs: true, ...compress }, mangle, format: { ascii_only: ascii } })).code
      : file.contents;
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, minified);
  }
  // A short name given twice (by src/mangle.json's "names") would merge two members.
  const names = Object.values(mangleCache || {}).filter((name) => typeof name == "string");
  if (new Set(names).size != names.length) throw new Error("two members mangled to one name: " + JSON.stringify(mangleCache));
  return mangleCache;
}

// Members the core's modules pass only to one another get short names in
// the core (src/mangle.json lists them, and says what makes that safe); the
// UI's, in the UI (src/ui/mangle.json). The core's two builds and
// consentgate-changes.js, which the core lends its members to, share one
// mangle cache, so a member has the same short name in all three; the UI
// takes from it the names of what the core hands it.
/** A mangle list: the members to shorten, as esbuild takes them, and the short names chosen for them. */
const mangleOf = (file) => {
  const { props, names, locals } = JSON.parse(readFileSync(file, "utf8"));
  return [new RegExp(`^(${props.join("|")})$`), names, locals];
};
const [mangleProps, coreNames, coreLocals] = mangleOf("src/mangle.json");
const [uiMangleProps, uiNames, uiLocals] = mangleOf("src/ui/mangle.json");

// The cache starts from the short names src/mangle.json gives the core's
// members ("names"): the same names esbuild picks by itself, each given to
// the member that makes the core compress best (brotli). Any member without
// one gets a name esbuild picks, as before.
// The classic core stays ASCII: pages in other encodings read it too.
const mangleCache = await buildTwice(
  { entryPoints: { consentgate: "src/index.ts" }, format: "iife", outdir: out, mangleProps, mangleCache: { ...coreNames } },
  true,
  CORE_COMPRESS,
  { "consentgate.js": coreLocals },
);
await buildTwice(
  { entryPoints: { consentgate: "src/module.ts" }, format: "esm", outExtension: { ".js": ".mjs" }, outdir: out, mangleProps, mangleCache },
  true,
  CORE_COMPRESS,
);

// What a change of decision does besides holding and releasing (deleting
// refused cookies, Meta's hand-over), loaded by the core only when needed.
// Built on its own so that it shares no chunk with the UI.
await buildTwice({ entryPoints: { "consentgate-changes": "src/gate/changes.ts" }, format: "esm", outdir: out, mangleProps, mangleCache }, true);

/** A TypeScript module's default or named export, read at build time. */
async function evaluate(path, name = "default") {
  const result = await build({ entryPoints: [path], bundle: true, write: false, format: "esm", logLevel: "warning" });
  const module = await import("data:text/javascript;base64," + Buffer.from(result.outputFiles[0].text).toString("base64"));
  return module[name];
}

await buildTwice({
  ...common,
  entryPoints: {
    // The banner's code, which the language loop below writes into every banner file.
    "i18n/banner": "src/ui/index.ts",
    // The sentences for config problems, loaded by the core only when there is one.
    "consentgate-diagnostics": "src/config/diagnostics.ts",
  },
  format: "esm",
  outdir: out,
  // The catalogue's texts load only with the preferences or a placeholder, not with the banner.
  splitting: true,
  chunkNames: "chunks/[name]",
  mangleProps: uiMangleProps,
  // The UiContext the core hands over keeps the core's short names.
  // Its own members start from src/ui/mangle.json's "names", as the core's do.
  mangleCache: {
    ...Object.fromEntries(Object.entries(mangleCache).filter(([name]) => uiMangleProps.test(name))),
    ...uiNames,
  },
  // Modules are always read as UTF-8; the classic core keeps ASCII for pages in other encodings.
  charset: "utf8",
  jsx: "automatic",
  jsxImportSource: "preact",
  define: { ...common.define, __CSS__: JSON.stringify(firstLayerCss), __CSS_VIEWS__: JSON.stringify(viewsCss) },
  // The UI's function expressions that use neither `this` nor `arguments`
  // become arrows too (5 B off the first visit): none of the UI's or Preact's
  // is called with `new`, and Preact tells a class component by
  // `prototype.render`, which a function component, arrow or not, lacks.
}, false, { unsafe_arrows: true }, { "banner.js": uiLocals });

// Each language is written once, in src/ui/i18n/<code>.ts, and shipped in
// parts. The banner's file holds the first layer's code and the banner's
// strings, for an opt-in site (i18n/<code>-opt-in.js) or an opt-out one
// (i18n/<code>-opt-out.js): a first visit asks for it alone, and brotli packs
// code and strings together better than apart. The rest of the language
// (i18n/<code>-views.js) loads with the preferences and placeholders.
// The strings are one object literal, written as `export default {…}`:
// bundled, it would become `var e = {…}; export { e as default }`, about 10 B
// (brotli) more.
const partOf = await evaluate("src/ui/i18n/first-layer.ts", "partOf");
const banner = readFileSync(`${out}/i18n/banner.js`, "utf8");
rmSync(`${out}/i18n/banner.js`);
for (const f of readdirSync("src/ui/i18n").filter((f) => /^[a-z]{2}\.ts$/.test(f))) {
  const strings = await evaluate(`src/ui/i18n/${f}`);
  for (const part of ["opt-in", "opt-out", "views"]) {
    const source = `export default ${JSON.stringify(partOf(strings, part))}`;
    const { code } = await minify(source, { ecma: 2020, module: true, format: { ascii_only: false } });
    // The module's last statement needs no closing semicolon (1-2 B brotli).
    writeFileSync(`${out}/i18n/${f.slice(0, 2)}-${part}.js`, (part == "views" ? "" : banner) + code.replace(/;$/, ""));
  }
}

// The declarations are the public types (with window's and document's) plus the one export.
writeFileSync(
  `${out}/consentgate.d.ts`,
  readFileSync("src/types.ts", "utf8") +
    "\n/** The ConsentGate API; the same object as `window.ConsentGate`. */\n" +
    "export declare const ConsentGate: ConsentGateApi;\n",
);

// The licence ships with the files (the package's `files` is dist/), and with
// it Preact's, whose code the UI's files bundle: minified, they keep no notice.
writeFileSync(
  `${out}/LICENSE`,
  `MIT License

Copyright (c) 2026 the ConsentGate authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.

---

chunks/ include Preact ${JSON.parse(readFileSync("node_modules/preact/package.json", "utf8")).version} (https://preactjs.com):

${readFileSync("node_modules/preact/LICENSE", "utf8")}`,
);

printSizes(out);

function printSizes(dir) {
  const files = walk(dir).filter((f) => /\.(m?js|css|d\.ts)$/.test(f));
  const rows = files.map((f) => {
    const b = readFileSync(f);
    return [
      f,
      b.length,
      gzipSync(b, { level: 9 }).length,
      brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    ];
  });
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`${"file".padEnd(w)}  ${"raw".padStart(7)} ${"gzip".padStart(7)} ${"brotli".padStart(7)}`);
  for (const [f, raw, gz, br] of rows) {
    console.log(`${f.padEnd(w)}  ${String(raw).padStart(7)} ${String(gz).padStart(7)} ${String(br).padStart(7)}`);
  }
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
