/**
 * The strings the banner uses. The build splits every language: the banner's
 * strings come with the banner, in i18n/<code>-opt-in.js for `opt-in` sites
 * and i18n/<code>-opt-out.js for `opt-out` ones; i18n/<code>-views.js holds the
 * rest and comes with the preferences, placeholders and reopen button
 * (esbuild.config.mjs). A string the banner starts to use goes here.
 */
export const FIRST_LAYER = [
  "bannerTitle",
  "policyLink",
  "acceptAll",
  "rejectAll",
  "manageChoices",
  "signalHonoured",
  // The default categories' titles name the purposes in the banner's text.
  "necessaryTitle",
  "functionalTitle",
  "analyticsTitle",
  "marketingTitle",
];

/** The banner's strings that only one `mode` uses (California's wording is for `opt-out`). */
export const BY_MODE: Record<"opt-in" | "opt-out", string[]> = {
  "opt-in": ["bannerText"],
  "opt-out": ["bannerTextOptOut", "doNotSell"],
};
