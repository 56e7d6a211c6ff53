/**
 * English UI strings, and the reference every other language is checked
 * against. A site overrides any key per language through the config:
 *   "text": { "en": { "bannerTitle": "Cookies on example.com" } }
 * `{name}` marks a value filled in at run time.
 */
const en = {
  // First layer
  bannerTitle: "This site uses cookies",
  /** {purposes}: the optional categories' titles, as a list. */
  bannerText:
    "Besides the cookies this site needs to work, we would like to use cookies and similar technologies for: {purposes}. Nothing optional runs until you choose, and you can change your mind at any time.",
  /** The same, in `opt-out` mode, where the optional categories run until the visitor objects. */
  bannerTextOptOut:
    "We and our partners use cookies and similar technologies for: {purposes}. Some of this may count as selling or sharing your personal information, and you can opt out at any time.",
  policyLink: "Privacy policy",
  acceptAll: "Accept all",
  rejectAll: "Reject all",
  manageChoices: "Manage choices",
  /** Opts out of the `sale` categories in `opt-out` mode (California's wording). */
  doNotSell: "Do not sell or share my personal information",
  /** Shown when Global Privacy Control or Do Not Track is honoured. */
  signalHonoured: "Your browser's privacy signal was honoured.",

  // Preferences
  preferencesTitle: "Privacy preferences",
  preferencesText:
    "Choose which cookies and similar technologies this site may use. Strictly necessary ones are always on because the site cannot work without them.",
  saveChoices: "Save choices",
  close: "Close",
  /** In place of the switch of a required category. */
  alwaysOn: "Always on",
  /** Opens the list of a category's services; {count}: how many. */
  servicesAndCookies: "Services and cookies ({count})",
  provider: "Provider: {provider}",
  servicePolicy: "Privacy policy",
  cookieName: "Cookie",
  cookieDuration: "Duration",
  /** Under a cookie set on the provider's own domain, which the site cannot read or delete. */
  setBy: "set by {provider}",
  /** A cookie that is deleted when the browser closes. */
  session: "Session",

  // Placeholder for a held embed
  embedText:
    "This content from {service} is hidden until you allow it, because loading it lets {service} set cookies and see that you visited this page.",
  allowService: "Allow {service}",
  onlyThisTime: "Only this time",
  embedPolicy: "{service} privacy policy",

  // Reopen button
  reopen: "Privacy choices",
  /** The reopen button in `opt-out` mode when a signal opted the visitor out. */
  optOutHonoured: "Opt-out request honoured",

  // Default category titles and descriptions: `<category>Title`, `<category>Description`.
  // A site's own category "social" can be named the same way: "socialTitle".
  necessaryTitle: "Strictly necessary",
  necessaryDescription: "Needed for the site to work and to remember your choices. They cannot be turned off.",
  functionalTitle: "Functional",
  functionalDescription: "Remember your settings and enable features such as chat, maps and videos.",
  analyticsTitle: "Analytics",
  analyticsDescription: "Help us understand how visitors use the site, so we can improve it.",
  marketingTitle: "Marketing",
  marketingDescription: "Let us and our partners show you relevant ads and measure how well they work.",

  /**
   * The built-in services' purposes. English comes from the service catalogue
   * (src/services/<id>.ts), so it is not repeated here.
   */
  purposes: {} as Partial<Purposes>,
};

export default en;

/** The ids of the built-in services whose purposes every translation carries. */
export type ServiceId =
  | "google-analytics"
  | "google-tag-manager"
  | "google-ads"
  | "hotjar"
  | "facebook-pixel"
  | "mixpanel"
  | "firebase-analytics"
  | "appsflyer"
  | "intercom"
  | "google-recaptcha"
  | "stripe"
  | "mailchimp"
  | "salesforce-pardot"
  | "facebook-messenger"
  | "microsoft-clarity"
  | "linkedin-insight"
  | "tiktok-pixel"
  | "youtube";

export type Purposes = Record<ServiceId, string>;

/** Every UI string's key. */
export type StringKey = Exclude<keyof typeof en, "purposes">;

/** What a translation must provide: every string, and every built-in service's purpose. */
export type Translation = Record<StringKey, string> & { purposes: Purposes };
