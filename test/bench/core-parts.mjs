// What each part of the core costs a returning visitor: the core is built
// again with one part swapped for an empty stand-in (same exports, no
// behaviour), and the difference in brotli bytes is what that part adds,
// with whatever only it uses (the API's row holds decide() and the codec's
// encode and decode, so rows overlap). Brotli shares its context across the file, so
// the rows do not add up to the total either. Printed by `npm run bench:size`.
import { build } from "esbuild";
import { minify } from "terser";
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { localNames } from "../../src/local-names.mjs";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
const { props, names, locals } = JSON.parse(readFileSync(new URL("../../src/mangle.json", import.meta.url), "utf8"));

/** Each part: the module (under src/) that holds it, and the stand-in that replaces it. */
const PARTS = [
  ["gate: interception of every route (DOM, markup, network, cookies, storage)", "gate/intercept.ts",
    `export const TRACKED = "", TAGGED = "", EXECUTABLE = /x/, MEDIA = /x/; export function intercept() { return [{}, {}, () => []]; } export function watchFrames() {}`],
  ["gate: release in document order, run once", "gate/release.ts", `export function createReleaser() { return {}; }`],
  ["gate: all of it (the two rows above, holding, stubs, vendor consent)", "gate/create-gate.ts",
    `export function createGate() { return { apply() {}, releaseOnce() {} }; }`],
  ["matcher (URL, cookie and storage rules)", "gate/match.ts", `export function createMatcher() { return {}; }`],
  ["catalogue: 18 services (rules, stubs, vendor APIs)", "services/catalogue.ts", `export const catalogue = {};`],
  ["config validation (its sentences are already lazy)", "config/validate.ts",
    `import { defaults } from "./defaults"; export const isObject = () => true; export function validate() { return defaults(); }`],
  ["Google Consent Mode v2", "gate/consent-mode.ts", `export const GOOGLE_TAGS = []; export function startConsentMode() {}`],
  ["API (get, set, accept, reject, withdraw, open), with decide() and the codec", "api/create-api.ts",
    `export function createApi() { return { api: {}, current() {}, asks() {}, recheck() {} }; }`],
  ["events (on, held/released replay)", "api/events.ts", `export function fail() {} export function createEvents() { return {}; }`],
  ["decide (stored choice x config x signals)", "decide.ts",
    `export const own = () => 0, ownValue = () => 0, allowedIn = () => 0; export function categoryOf() {} export function usable() {} export function decide() {}`],
  ["cookie codec", "store/codec.ts", `export const SOURCES = []; export function encode() {} export function decode() {} export function newId() {}`],
  ["consent cookie store", "store/cookie.ts", `export function cookieStore() { return {}; }`],
  ["other tabs (BroadcastChannel, visibility)", "store/sync.ts", `export function watchOtherTabs() {}`],
  ["UI loader (language pick, lazy import)", "api/load-ui.ts",
    `export const LANGUAGES = []; export function pickLanguage() {} export function load() {}`],
];

async function brotliOfCore(swap) {
  const plugin = {
    name: "swap",
    setup(b) {
      if (!swap) return;
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) =>
        args.path.replace(/\\/g, "/").endsWith("src/" + swap[0]) ? { contents: swap[1], loader: "ts" } : undefined,
      );
    },
  };
  // The same pipeline as esbuild.config.mjs builds dist/consentgate.js with.
  const result = await build({
    entryPoints: [new URL("../../src/index.ts", import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    legalComments: "none",
    define: { __VERSION__: JSON.stringify(pkg.version) },
    dropLabels: ["DEV"],
    mangleProps: new RegExp(`^(${props.join("|")})$`),
    mangleCache: { ...names },
    write: false,
    logLevel: "error",
    plugins: [plugin],
  });
  const { code } = await minify(result.outputFiles[0].text, { ecma: 2020, compress: { passes: 3, hoist_funs: true, unsafe_arrows: true, sequences: false, lhs_constants: false }, mangle: locals ? { nth_identifier: localNames(locals) } : true, format: { ascii_only: true } });
  return brotliCompressSync(Buffer.from(code), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

export async function printCoreParts() {
  const whole = await brotliOfCore(null);
  // This file minifies as esbuild.config.mjs does, written out twice: the
  // shipped core tells whether the two still agree.
  const shipped = brotliCompressSync(readFileSync(new URL("../../dist/consentgate.js", import.meta.url)), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  if (whole !== shipped) throw new Error(`core-parts builds the core at ${whole} B, dist has ${shipped} B: match its options to esbuild.config.mjs`);
  const rows = [];
  for (const [name, module, standIn] of PARTS) rows.push([name, module, whole - (await brotliOfCore([module, standIn]))]);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nThe core (${whole} B brotli), part by part: what each adds`);
  for (const [name, module, bytes] of rows) console.log(`${name.padEnd(w)}  ${String(bytes).padStart(6)}  src/${module}`);
}
