/**
 * The strings the banner uses. The build splits
 * every language: the banner's strings ship in the banner's file, with its
 * code, in i18n/<code>-opt-in.js for `opt-in` sites and i18n/<code>-opt-out.js
 * for `opt-out` ones; i18n/<code>-views.js holds the rest and comes with the
 * preferences, placeholders and reopen button (esbuild.config.mjs). A string
 * the banner starts to use goes here. A banner part lists its strings in this
 * order, whatever the language file's: the order that brotli packed closest in
 * the largest part, Polish opt-out, when the strings shipped apart from the
 * code (found by trying moves; 9 B off it).
 */
const FIRST_LAYER = [
  "bannerText",
  "bannerTextOptOut",
  "policyLink",
  "bannerTitle",
  "rejectAll",
  // The default optional categories' titles name the purposes in the banner's
  // text ("necessary" is always required, so the banner never names it).
  "functionalTitle",
  "acceptAll",
  "doNotSell",
  "analyticsTitle",
  "marketingTitle",
  "manageChoices",
  "signalHonoured",
];

/** The banner's strings that only one `mode` uses (California's wording is for `opt-out`). */
const BY_MODE: Record<"opt-in" | "opt-out", string[]> = {
  "opt-in": ["bannerText"],
  "opt-out": ["bannerTextOptOut", "doNotSell"],
};

/** The files a language ships as: one per `mode` with the banner's strings, and the views'. */
export type Part = keyof typeof BY_MODE | "views";

const OTHER_MODE = { "opt-in": BY_MODE["opt-out"], "opt-out": BY_MODE["opt-in"] };

/** Picks a language's strings for one part: the build writes each part, the UI tests feed them the same way. */
export function partOf(strings: Record<string, unknown>, part: Part): Record<string, unknown> {
  if (part == "views") return Object.fromEntries(Object.entries(strings).filter(([key]) => !FIRST_LAYER.includes(key)));
  const keys = FIRST_LAYER.filter((key) => key in strings && !OTHER_MODE[part].includes(key));
  return Object.fromEntries(keys.map((key) => [key, strings[key]]));
}
