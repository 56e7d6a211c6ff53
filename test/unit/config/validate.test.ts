import { describe, expect, it } from "vitest";
import { DEFAULT_CONSENT_MAP, UNREADABLE, defaults } from "../../../src/config/defaults";
import type { Config } from "../../../src/types";
import { HOST, outcome, run } from "./run";

const NECESSARY = { services: [], required: true, sale: false };
const ANALYTICS = { services: ["google-analytics"] };

/** What an empty config gives, with `fields` replaced. */
const expected = (fields: Partial<Config> = {}): Config => ({
  ...defaults(),
  categories: { necessary: NECESSARY },
  ...fields,
});

describe("the whole config", () => {
  it("gives the defaults of SPEC §2 for an empty config, without a problem", () => {
    const { config, messages } = run({});
    expect(config).toEqual(expected());
    expect(config).toEqual({
      categories: { necessary: NECESSARY },
      services: {},
      mode: "opt-in",
      signals: { gpc: true, dnt: false },
      revision: 1,
      cookie: { name: "consentgate", path: "/", days: 182 },
      googleConsentMode: false,
      language: "auto",
      text: {},
      ui: { layout: "bar", position: "bottom", theme: "auto", reopenButton: false },
      unreadable: false,
    });
    expect(messages).toEqual([]);
  });

  it("reads a config that sets every field, without a problem", () => {
    const { config, messages } = run({
      categories: {
        analytics: { services: ["google-analytics", "hotjar"], title: "Statistics", description: "Counts visits." },
        marketing: { services: ["facebook-pixel"], sale: true },
        support: { services: ["my-chat"], required: true },
      },
      services: { "my-chat": { category: "support", hosts: ["chat.example.com"], cookies: ["chat_*"] } },
      mode: "opt-out",
      signals: { gpc: false, dnt: true },
      revision: 4,
      cookie: { name: "cg", domain: "shop.test", path: "/", days: 30 },
      googleConsentMode: { map: { analytics: ["analytics_storage"] }, advanced: true },
      language: "de",
      text: { de: { title: "Cookies" } },
      policyUrl: "/privacy",
      ui: { layout: "box", position: "center", theme: "dark", reopenButton: true },
    });
    expect(messages).toEqual([]);
    expect(config).toEqual({
      categories: {
        necessary: NECESSARY,
        analytics: {
          services: ["google-analytics", "hotjar"],
          required: false,
          sale: false,
          title: "Statistics",
          description: "Counts visits.",
        },
        marketing: { services: ["facebook-pixel"], required: false, sale: true },
        support: { services: ["my-chat"], required: true, sale: false },
      },
      services: { "my-chat": { category: "support", hosts: ["chat.example.com"], cookies: ["chat_*"] } },
      mode: "opt-out",
      signals: { gpc: false, dnt: true },
      revision: 4,
      cookie: { name: "cg", domain: "shop.test", path: "/", days: 30 },
      googleConsentMode: { map: { analytics: ["analytics_storage"] }, advanced: true },
      language: "de",
      text: { de: { title: "Cookies" } },
      policyUrl: "/privacy",
      ui: { layout: "box", position: "center", theme: "dark", reopenButton: true },
      unreadable: false,
    });
  });

  it.each([
    ["null", null, "null"],
    ["an array", [1], "[1]"],
    ["a string", "opt-in", '"opt-in"'],
    ["a number", 42, "42"],
    ["true", true, "true"],
  ])("treats %s as an unreadable config: necessary only, reported once", (_, input, shown) => {
    const { config, messages } = run(input);
    expect(config).toEqual(expected({ unreadable: true }));
    expect(messages).toEqual([`config: expected an object, got ${shown}; every optional category stays off`]);
  });

  it("treats the unreadable marker from read as unreadable without reporting it again", () => {
    const { config, messages } = run(UNREADABLE);
    expect(config).toEqual(expected({ unreadable: true }));
    expect(messages).toEqual([]);
  });

  it("reports an unknown key with the closest known key, and ignores it", () => {
    const { config, messages } = run({ categorie: { analytics: ANALYTICS }, polcyUrl: "/p", colour: "red" });
    expect(config).toEqual(expected());
    expect(messages).toEqual([
      'categorie: unknown key, ignored — did you mean "categories"?',
      'polcyUrl: unknown key, ignored — did you mean "policyUrl"?',
      "colour: unknown key, ignored",
    ]);
  });

  it("reads only the config's own keys, not those of a polluted prototype", () => {
    const polluted = Object.assign(Object.create({ mode: "opt-out", signals: { gpc: false } }), { categories: { analytics: ANALYTICS } });
    const { config, messages } = run(polluted);
    expect(config.mode).toBe("opt-in");
    expect(config.signals).toEqual({ gpc: true, dnt: false });
    expect(Object.keys(config.categories)).toEqual(["necessary", "analytics"]);
    expect(messages).toEqual([]);
  });

  it("ignores fields set to undefined (window.consentgateConfig may have them)", () => {
    const keys = ["categories", "services", "mode", "signals", "revision", "cookie", "googleConsentMode", "language", "text", "policyUrl", "ui"];
    const { config, messages } = run(Object.fromEntries(keys.map((k) => [k, undefined])));
    expect(config).toEqual(expected());
    expect(messages).toEqual([]);
  });

  // As at the top: `sale: site.sells` with nothing set must not take a category away, nor turn DNT on.
  it("ignores nested fields set to undefined the same way", () => {
    const { config, messages } = run({
      categories: { analytics: { services: ["hotjar"], sale: undefined, required: undefined, title: undefined }, marketing: undefined },
      services: { "my-chat": { category: "analytics", hosts: undefined, policyUrl: undefined }, "my-form": undefined },
      signals: { gpc: false, dnt: undefined },
      cookie: { name: "cg", domain: undefined, days: undefined },
      googleConsentMode: { map: undefined, advanced: undefined },
      text: { de: { bannerTitle: undefined, acceptAll: "Ja" }, fr: undefined },
      ui: { layout: undefined, theme: "dark" },
    });
    expect(messages).toEqual([]);
    expect(config).toEqual(
      expected({
        categories: { necessary: NECESSARY, analytics: { services: ["hotjar", "my-chat"], required: false, sale: false } },
        services: { "my-chat": { category: "analytics" } },
        signals: { gpc: false, dnt: false },
        cookie: { name: "cg", path: "/", days: 182 },
        googleConsentMode: { map: DEFAULT_CONSENT_MAP, advanced: false },
        text: { de: { acceptAll: "Ja" } },
        ui: { ...defaults().ui, theme: "dark" },
      }),
    );
  });
});

describe("mode", () => {
  it.each(["opt-in", "opt-out"] as const)("accepts %s", (mode) => {
    expect(outcome({ mode })).toEqual({ config: expected({ mode }), messages: [] });
  });

  it.each([
    ["OPT-OUT", '"OPT-OUT"'],
    ["optout", '"optout"'],
    [true, "true"],
    [null, "null"],
  ])("falls back to opt-in (less tracking) for %j", (mode, shown) => {
    const { config, messages } = run({ mode });
    expect(config.mode).toBe("opt-in");
    expect(messages).toEqual([`mode: ${shown} is not "opt-in" or "opt-out"; using "opt-in"`]);
  });
});

describe("signals", () => {
  it.each([
    [{ gpc: false, dnt: true }, { gpc: false, dnt: true }],
    [{ gpc: false }, { gpc: false, dnt: false }],
    [{ dnt: true }, { gpc: true, dnt: true }],
    [{}, { gpc: true, dnt: false }],
  ])("reads %j, a missing signal keeping its default", (signals, result) => {
    expect(outcome({ signals })).toEqual({ config: expected({ signals: result }), messages: [] });
  });

  it.each([
    [true, "true"],
    [[true], "[true]"],
    [null, "null"],
  ])("honours both signals when signals is %j", (signals, shown) => {
    const { config, messages } = run({ signals });
    expect(config.signals).toEqual({ gpc: true, dnt: true });
    expect(messages).toEqual([`signals: ${shown} is not an object; using both signals honoured`]);
  });

  it("honours a signal whose value is not a boolean, and keeps the other", () => {
    const { config, messages } = run({ signals: { gpc: false, dnt: "no" } });
    expect(config.signals).toEqual({ gpc: false, dnt: true });
    expect(messages).toEqual(['signals.dnt: "no" is not a boolean; using honoured']);
    expect(run({ signals: { gpc: 0 } }).config.signals).toEqual({ gpc: true, dnt: false });
  });

  it("honours both signals behind an unknown key, which may be a misspelt one, and names the closest (SPEC §1: invalid signals mean honoured)", () => {
    const { config, messages } = run({ signals: { gcp: false, ccpa: true } });
    expect(config.signals).toEqual({ gpc: true, dnt: true });
    expect(messages).toEqual([
      'signals.gcp: unknown key; using both signals honoured — did you mean "gpc"?',
      "signals.ccpa: unknown key; using both signals honoured",
    ]);
    expect(run({ signals: { gpc: false, DNT: false } }).config.signals).toEqual({ gpc: true, dnt: true });
  });
});

describe("revision", () => {
  it.each([0, 1, 7, Number.MAX_SAFE_INTEGER])("accepts %d", (revision) => {
    expect(outcome({ revision })).toEqual({ config: expected({ revision }), messages: [] });
  });

  it.each([
    [-1, "-1"],
    [1.5, "1.5"],
    ["2", '"2"'],
    [2 ** 53, "9007199254740992"],
    [null, "null"],
  ])("falls back to 1 for %j", (revision, shown) => {
    const { config, messages } = run({ revision });
    expect(config.revision).toBe(1);
    expect(messages).toEqual([`revision: ${shown} is not a whole number ≥ 0; using 1`]);
  });
});

describe("cookie", () => {
  it("reads name, domain, path and days", () => {
    const cookie = { name: "cg_consent", domain: "shop.test", path: "/shop", days: 30 };
    expect(outcome({ cookie })).toEqual({ config: expected({ cookie }), messages: [] });
  });

  it("keeps the defaults for the keys not given", () => {
    expect(run({ cookie: { days: 90 } }).config.cookie).toEqual({ name: "consentgate", path: "/", days: 90 });
  });

  it.each([
    [".shop.test", "shop.test"],
    ["SHOP.test", "shop.test"],
    ["www.shop.test", "www.shop.test"],
    [".WWW.shop.test", "www.shop.test"],
  ])("accepts the domain %j, a parent of the host or the host, as %j", (domain, result) => {
    const { config, messages } = run({ cookie: { domain } });
    expect(config.cookie.domain).toBe(result);
    expect(messages).toEqual([]);
  });

  it.each([
    ["evil.test", '"evil.test"'],
    ["hop.test", '"hop.test"'],
    ["shop.test.evil", '"shop.test.evil"'],
    ["sub.www.shop.test", '"sub.www.shop.test"'],
    ["", '""'],
    [".", '"."'],
    [5, "5"],
  ])("refuses the domain %j, which is not this host or a parent of it", (domain, shown) => {
    const { config, messages } = run({ cookie: { domain } });
    expect(config.cookie).toEqual(defaults().cookie);
    expect(messages).toEqual([
      `cookie.domain: ${shown} is not this site's host or a parent of it (${HOST}); the cookie is set for this host only`,
    ]);
  });

  it("names the page's own host in the domain message", () => {
    expect(run({ cookie: { domain: "shop.test" } }, "shop.example").messages).toEqual([
      'cookie.domain: "shop.test" is not this site\'s host or a parent of it (shop.example); the cookie is set for this host only',
    ]);
  });

  it.each([
    ["bad name", '"bad name"'],
    ["", '""'],
    ["a;b", '"a;b"'],
    ["x".repeat(65), `"${"x".repeat(56)}…`],
    [7, "7"],
  ])("falls back to the default name for %j", (name, shown) => {
    const { config, messages } = run({ cookie: { name } });
    expect(config.cookie.name).toBe("consentgate");
    expect(messages).toEqual([`cookie.name: ${shown} is not a cookie name of 1 to 64 ASCII letters, digits and signs such as - _ . (no spaces, double quotes, brackets or ,;:=/?); using "consentgate"`]);
  });

  // The store compares names; it reads no cookie into an object where these would be taken.
  it.each(["constructor", "__proto__", "toString"])("accepts the name %j, which every object has", (name) => {
    expect(outcome({ cookie: { name } })).toEqual({ config: expected({ cookie: { ...defaults().cookie, name } }), messages: [] });
  });

  it.each(["/", "/shop", "/a-b/c.d"])("accepts the path %j", (path) => {
    expect(run({ cookie: { path } }).config.cookie.path).toBe(path);
  });

  it.each([
    ["shop", '"shop"'],
    ["", '""'],
    ["/a;b", '"/a;b"'],
    ["/a b", '"/a b"'],
    [false, "false"],
  ])("falls back to / for the path %j", (path, shown) => {
    const { config, messages } = run({ cookie: { path } });
    expect(config.cookie.path).toBe("/");
    expect(messages).toEqual([`cookie.path: ${shown} is not a path starting with "/" without spaces or ";"; using "/"`]);
  });

  it.each([1, 0.5, 182, 395])("accepts %d days", (days) => {
    expect(outcome({ cookie: { days } })).toEqual({ config: expected({ cookie: { ...defaults().cookie, days } }), messages: [] });
  });

  it.each([396, 400, 100000])("clamps %d days to 395 and reports it", (days) => {
    const { config, messages } = run({ cookie: { days } });
    expect(config.cookie.days).toBe(395);
    expect(messages).toEqual([`cookie.days: ${days} is more than 395 days; using 395`]);
  });

  it.each([
    [0, "0"],
    [-30, "-30"],
    ["30", '"30"'],
    [NaN, "NaN"],
    [null, "null"],
  ])("falls back to 182 days for %j", (days, shown) => {
    const { config, messages } = run({ cookie: { days } });
    expect(config.cookie.days).toBe(182);
    expect(messages).toEqual([`cookie.days: ${shown} is not a number of days > 0; using 182`]);
  });

  it.each([
    ["a string", "consentgate", '"consentgate"'],
    ["an array", [], "[]"],
    ["null", null, "null"],
  ])("uses the defaults when cookie is %s", (_, cookie, shown) => {
    const { config, messages } = run({ cookie });
    expect(config.cookie).toEqual(defaults().cookie);
    expect(messages).toEqual([`cookie: ${shown} is not an object; using the defaults`]);
  });

  it("reports an unknown cookie key with the closest one", () => {
    const { config, messages } = run({ cookie: { day: 30, secure: true } });
    expect(config.cookie).toEqual(defaults().cookie);
    expect(messages).toEqual(['cookie.day: unknown key, ignored — did you mean "days"?', "cookie.secure: unknown key, ignored"]);
  });
});

describe("googleConsentMode", () => {
  const TYPES_RULE =
    "is not a Consent Mode type (ad_storage, ad_user_data, ad_personalization, analytics_storage, functionality_storage, personalization_storage, security_storage); dropped";
  const categories = { analytics: ANALYTICS, marketing: { services: ["google-ads"] } };

  it("is off by default and when false", () => {
    expect(outcome({ googleConsentMode: false })).toEqual({ config: expected(), messages: [] });
  });

  it("uses the default map in basic mode when true", () => {
    const { config, messages } = run({ googleConsentMode: true });
    expect(config.googleConsentMode).toEqual({ map: DEFAULT_CONSENT_MAP, advanced: false });
    expect(DEFAULT_CONSENT_MAP).toEqual({
      analytics: ["analytics_storage"],
      marketing: ["ad_storage", "ad_user_data", "ad_personalization"],
      functional: ["functionality_storage", "personalization_storage"],
    });
    expect(messages).toEqual([]);
  });

  it("uses the default map in basic mode for an empty object", () => {
    expect(run({ googleConsentMode: {} }).config.googleConsentMode).toEqual({ map: DEFAULT_CONSENT_MAP, advanced: false });
  });

  it("turns on advanced mode only when asked with true", () => {
    expect(run({ googleConsentMode: { advanced: true } }).config.googleConsentMode).toEqual({ map: DEFAULT_CONSENT_MAP, advanced: true });
    expect(run({ googleConsentMode: { advanced: false } }).config.googleConsentMode).toEqual({ map: DEFAULT_CONSENT_MAP, advanced: false });
  });

  it.each([
    ["yes", '"yes"'],
    [1, "1"],
  ])("stays in basic mode when advanced is %j", (advanced, shown) => {
    const { config, messages } = run({ googleConsentMode: { advanced } });
    expect(config.googleConsentMode).toEqual({ map: DEFAULT_CONSENT_MAP, advanced: false });
    expect(messages).toEqual([`googleConsentMode.advanced: ${shown} is not a boolean; using basic mode`]);
  });

  it("replaces the default map with the site's, for the categories the config has", () => {
    const map = { analytics: ["analytics_storage"], marketing: ["ad_storage", "ad_user_data"] };
    const { config, messages } = run({ categories, googleConsentMode: { map } });
    expect(config.googleConsentMode).toEqual({ map, advanced: false });
    expect(messages).toEqual([]);
  });

  it("accepts every Consent Mode type", () => {
    const types = [
      "ad_storage",
      "ad_user_data",
      "ad_personalization",
      "analytics_storage",
      "functionality_storage",
      "personalization_storage",
      "security_storage",
    ];
    const { config, messages } = run({ categories, googleConsentMode: { map: { analytics: types } } });
    expect(config.googleConsentMode).toEqual({ map: { analytics: types }, advanced: false });
    expect(messages).toEqual([]);
  });

  it("ignores a map entry for a category the config does not have, suggesting the closest", () => {
    const { config, messages } = run({
      categories,
      googleConsentMode: { map: { analytcs: ["analytics_storage"], marketing: ["ad_storage"], social: ["ad_storage"] } },
    });
    expect(config.googleConsentMode).toEqual({ map: { marketing: ["ad_storage"] }, advanced: false });
    expect(messages).toEqual([
      'googleConsentMode.map.analytcs: no category "analytcs" among those in use ("necessary", "analytics", "marketing"); ignored — did you mean "analytics"?',
      'googleConsentMode.map.social: no category "social" among those in use ("necessary", "analytics", "marketing"); ignored',
    ]);
  });

  it("drops a type that Consent Mode does not have, and ignores a value that is not a list", () => {
    const { config, messages } = run({
      categories,
      googleConsentMode: { map: { analytics: ["analytics_storage", "ads_storage", 3], marketing: "ad_storage" } },
    });
    expect(config.googleConsentMode).toEqual({ map: { analytics: ["analytics_storage"] }, advanced: false });
    expect(messages).toEqual([
      `googleConsentMode.map.analytics[1]: "ads_storage" ${TYPES_RULE} — did you mean "ad_storage"?`,
      `googleConsentMode.map.analytics[2]: 3 ${TYPES_RULE}`,
      'googleConsentMode.map.marketing: "ad_storage" is not a list; ignored',
    ]);
  });

  it("uses the default map when map is not an object", () => {
    const { config, messages } = run({ googleConsentMode: { map: ["analytics_storage"] } });
    expect(config.googleConsentMode).toEqual({ map: DEFAULT_CONSENT_MAP, advanced: false });
    expect(messages).toEqual(['googleConsentMode.map: ["analytics_storage"] is not an object; using the default map']);
  });

  it("reports an unknown key with the closest one", () => {
    const { config, messages } = run({ googleConsentMode: { advance: true, mode: "x" } });
    expect(config.googleConsentMode).toEqual({ map: DEFAULT_CONSENT_MAP, advanced: false });
    expect(messages).toEqual([
      'googleConsentMode.advance: unknown key, ignored — did you mean "advanced"?',
      "googleConsentMode.mode: unknown key, ignored",
    ]);
  });

  it.each([
    ["advanced", '"advanced"'],
    [1, "1"],
    [null, "null"],
    [[], "[]"],
  ])("stays off for %j", (googleConsentMode, shown) => {
    const { config, messages } = run({ googleConsentMode });
    expect(config.googleConsentMode).toBe(false);
    expect(messages).toEqual([`googleConsentMode: ${shown} is not true, false or an object; using false`]);
  });
});

describe("language", () => {
  it.each([
    ["auto", "auto"],
    ["de", "de"],
    ["fil", "fil"],
    ["pt-BR", "pt-br"],
    ["zh-Hant-TW", "zh-hant-tw"],
    ["DE", "de"],
  ])("accepts %j as %j", (language, result) => {
    expect(outcome({ language })).toEqual({ config: expected({ language: result }), messages: [] });
  });

  it.each([
    ["german", '"german"'],
    ["d", '"d"'],
    ["de_DE", '"de_DE"'],
    ["", '""'],
    [49, "49"],
  ])("falls back to auto for %j", (language, shown) => {
    const { config, messages } = run({ language });
    expect(config.language).toBe("auto");
    expect(messages).toEqual([`language: ${shown} is not "auto" or a language code like "de"; using "auto"`]);
  });
});

describe("text", () => {
  // Keyed by language, as the UI looks them up: a "pt-br" key never reached it.
  it("reads per-language overrides under the language's code in lower case, a region's too", () => {
    const text = { DE: { accept: "Alle akzeptieren", reject: "Alle ablehnen" }, "pt-BR": { accept: "Aceitar" } };
    expect(outcome({ text })).toEqual({
      config: expected({ text: { de: text.DE, pt: text["pt-BR"] } }),
      messages: [],
    });
  });

  it("merges a language's overrides with its regions', the later entry winning a text both set", () => {
    const text = { pt: { accept: "Aceitar", reject: "Rejeitar" }, "pt-BR": { accept: "Aceitar tudo" } };
    expect(run({ text }).config.text).toEqual({ pt: { accept: "Aceitar tudo", reject: "Rejeitar" } });
  });

  it("ignores an empty or blank text, which would leave a button without a name, and keeps the built-in one", () => {
    const { config, messages } = run({ text: { de: { acceptAll: "", rejectAll: " \n", title: "Cookies" } } });
    expect(config.text).toEqual({ de: { title: "Cookies" } });
    expect(messages).toEqual(['text.de.acceptAll: "" is blank; ignored', 'text.de.rejectAll: " \\n" is blank; ignored']);
  });

  it("ignores a text that is not a string and keeps the others", () => {
    const { config, messages } = run({ text: { de: { accept: 5, reject: "Ablehnen", title: null } } });
    expect(config.text).toEqual({ de: { reject: "Ablehnen" } });
    expect(messages).toEqual(["text.de.accept: 5 is not text; ignored", "text.de.title: null is not text; ignored"]);
  });

  it.each([
    ["german", { accept: "x" }],
    ["de", "Alle akzeptieren"],
    ["de", ["x"]],
    ["de.x", { accept: "x" }],
  ])("ignores text.%s set to %j", (language, strings) => {
    const { config, messages } = run({ text: { [language]: strings, fr: { accept: "Accepter" } } });
    expect(config.text).toEqual({ fr: { accept: "Accepter" } });
    expect(messages).toEqual([`text.${language}: expected a language code mapped to an object of texts; ignored`]);
  });

  it.each([
    ["a string", "Accept", '"Accept"'],
    ["an array", [], "[]"],
  ])("uses the built-in texts when text is %s", (_, text, shown) => {
    const { config, messages } = run({ text });
    expect(config.text).toEqual({});
    expect(messages).toEqual([`text: ${shown} is not an object; using the built-in texts`]);
  });
});

describe("policyUrl", () => {
  it.each(["/privacy", "privacy.html", "https://shop.test/privacy", "HTTP://shop.test/p", "//shop.test/privacy", "?page=privacy", "#privacy"])(
    "accepts %j",
    (policyUrl) => {
      expect(outcome({ policyUrl })).toEqual({ config: expected({ policyUrl }), messages: [] });
    },
  );

  it.each([
    ["javascript:alert(1)", '"javascript:alert(1)"'],
    ["JavaScript:alert(1)", '"JavaScript:alert(1)"'],
    ["java\tscript:alert(1)", '"java\\tscript:alert(1)"'],
    ["java\nscript:alert(1)", '"java\\nscript:alert(1)"'],
    [" javascript:alert(1)", '" javascript:alert(1)"'],
    ["\u0001javascript:alert(1)", '"\\u0001javascript:alert(1)"'],
    ["data:text/html,<script>alert(1)</script>", '"data:text/html,<script>alert(1)</script>"'],
    ["vbscript:msgbox(1)", '"vbscript:msgbox(1)"'],
    ["mailto:privacy@shop.test", '"mailto:privacy@shop.test"'],
    ["", '""'],
    [" \t", '" \\t"'],
    [{ href: "/privacy" }, '{"href":"/privacy"}'],
  ])("refuses %j", (policyUrl, shown) => {
    const { config, messages } = run({ policyUrl });
    expect(config.policyUrl).toBeUndefined();
    expect(messages).toEqual([`policyUrl: ${shown} is not an https:, http: or relative URL; using no link`]);
  });
});

describe("ui", () => {
  it("reads every key", () => {
    const ui = { layout: "box", position: "top", theme: "light", reopenButton: true } as const;
    expect(outcome({ ui })).toEqual({ config: expected({ ui }), messages: [] });
  });

  it("keeps the defaults for the keys not given", () => {
    expect(run({ ui: { theme: "dark" } }).config.ui).toEqual({ layout: "bar", position: "bottom", theme: "dark", reopenButton: false });
  });

  it.each([
    ["layout", "boxx", 'ui.layout: "boxx" is not one of "bar", "box"; using "bar" — did you mean "box"?'],
    ["layout", "modal", 'ui.layout: "modal" is not one of "bar", "box"; using "bar"'],
    ["position", "middle", 'ui.position: "middle" is not one of "bottom", "top", "center"; using "bottom"'],
    ["position", "centre", 'ui.position: "centre" is not one of "bottom", "top", "center"; using "bottom" — did you mean "center"?'],
    ["theme", 1, 'ui.theme: 1 is not one of "auto", "light", "dark"; using "auto"'],
    ["theme", "Dark", 'ui.theme: "Dark" is not one of "auto", "light", "dark"; using "auto" — did you mean "dark"?'],
    ["reopenButton", "yes", 'ui.reopenButton: "yes" is not a boolean; using false'],
    ["reopenButton", 1, "ui.reopenButton: 1 is not a boolean; using false"],
  ])("falls back to the default for ui.%s = %j", (key, value, message) => {
    const { config, messages } = run({ ui: { [key]: value } });
    expect(config.ui).toEqual(defaults().ui);
    expect(messages).toEqual([message]);
  });

  it("reports an unknown key with the closest one", () => {
    const { config, messages } = run({ ui: { postion: "top", colour: "red" } });
    expect(config.ui).toEqual(defaults().ui);
    expect(messages).toEqual(['ui.postion: unknown key, ignored — did you mean "position"?', "ui.colour: unknown key, ignored"]);
  });

  it.each([
    ["a string", "box", '"box"'],
    ["an array", ["box"], '["box"]'],
  ])("uses the defaults when ui is %s", (_, ui, shown) => {
    const { config, messages } = run({ ui });
    expect(config.ui).toEqual(defaults().ui);
    expect(messages).toEqual([`ui: ${shown} is not an object; using the defaults`]);
  });
});
