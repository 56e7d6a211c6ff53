/**
 * The strings the banner uses. The build splits every language in two:
 * i18n/<code>.js holds these and comes with the banner; i18n/<code>-views.js
 * holds the rest and comes with the preferences, placeholders and reopen
 * button (esbuild.config.mjs). A string the banner starts to use goes here.
 */
export const FIRST_LAYER = [
  "bannerTitle",
  "bannerText",
  "bannerTextOptOut",
  "policyLink",
  "acceptAll",
  "rejectAll",
  "manageChoices",
  "doNotSell",
  "signalHonoured",
  // The default categories' titles name the purposes in the banner's text.
  "necessaryTitle",
  "functionalTitle",
  "analyticsTitle",
  "marketingTitle",
];
