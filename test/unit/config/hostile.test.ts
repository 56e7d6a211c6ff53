import { describe, expect, it } from "vitest";
import { defaults } from "../../../src/config/defaults";
import { run } from "./run";

const UNREADABLE_CONFIG = { ...defaults(), unreadable: true };

describe("a hostile config", () => {
  it.each([
    ["a throwing getter", { get mode() { throw new Error("boom"); } }],
    ["a throwing getter deep inside", { categories: { analytics: { get services() { throw new Error("boom"); } } } }],
    ["a throwing getter in a list", { categories: { analytics: { services: Object.defineProperty([], 0, { get() { throw new Error("boom"); }, enumerable: true }) } } }],
    ["a Proxy whose keys throw", new Proxy({}, { ownKeys() { throw new Error("boom"); } })],
    ["a Proxy whose every read throws", { cookie: new Proxy({ name: "x" }, { get() { throw new Error("boom"); } }) }],
  ])("with %s is unreadable, reported, and never throws", (_, input) => {
    const { config, messages } = run(input);
    expect(config).toEqual(UNREADABLE_CONFIG);
    expect(messages.at(-1)).toBe("config: could not be read (boom); every optional category stays off");
  });

  it("with a revoked Proxy is unreadable and never throws", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const { config, messages } = run({ ui: proxy });
    expect(config).toEqual(UNREADABLE_CONFIG);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^config: could not be read \(.+\); every optional category stays off$/);
  });

  it.each([
    ["a string", "nope", "nope"],
    ["null", null, "null"],
    ["undefined", undefined, "undefined"],
  ])("that throws %s instead of an Error never throws", (_, thrown, shown) => {
    const { config, messages } = run({ get mode() { throw thrown; } });
    expect(config).toEqual(UNREADABLE_CONFIG);
    expect(messages).toEqual([`config: could not be read (${shown}); every optional category stays off`]);
  });

  it("reports a bad value that cannot even be shown, without throwing", () => {
    const hostile = Object.defineProperty([], 0, { get() { throw new Error("boom"); }, enumerable: true });
    const { config, messages } = run({ categories: { analytics: { services: ["hotjar", hostile] } }, mode: hostile });
    expect(config.categories.analytics.services).toEqual(["hotjar"]);
    expect(messages).toEqual([
      'mode: object is not "opt-in" or "opt-out"; using "opt-in"',
      "categories.analytics.services[1]: unknown service object",
    ]);
  });

  it("reads a Proxy that behaves like an object", () => {
    const input = new Proxy({ mode: "opt-out", categories: { analytics: { services: ["hotjar"] } } }, {});
    const { config, messages } = run(input);
    expect(config.mode).toBe("opt-out");
    expect(config.categories.analytics.services).toEqual(["hotjar"]);
    expect(messages).toEqual([]);
  });

  it("reads each value once, so a getter cannot answer two different things", () => {
    let reads = 0;
    const analytics = {
      get services() {
        reads++;
        return reads === 1 ? ["hotjar"] : "no";
      },
    };
    const { config, messages } = run({ categories: { analytics } });
    expect(reads).toBe(1);
    expect(config.categories.analytics.services).toEqual(["hotjar"]);
    expect(messages).toEqual([]);
  });

  it("stays readable when the page added a listed service's id to Object.prototype before it", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.hotjar = 1;
    proto.mixpanel = { category: "marketing" };
    try {
      const { config, messages } = run({ categories: { analytics: { services: ["hotjar", "mixpanel"] } } });
      expect(config.unreadable).toBe(false);
      expect(config.categories.analytics.services).toEqual(["hotjar", "mixpanel"]);
      expect(Object.keys(config.services)).toEqual([]);
      expect(messages).toEqual([]);
    } finally {
      delete proto.hotjar;
      delete proto.mixpanel;
    }
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])(
    "cannot reach Object.prototype through the key %j anywhere",
    (key) => {
      const input = JSON.parse(
        JSON.stringify({
          [key]: 1,
          categories: { analytics: {}, [key]: {} },
          services: { [key]: { category: "analytics" } },
          signals: { [key]: true },
          cookie: { [key]: "x" },
          googleConsentMode: { [key]: true, map: { [key]: ["ad_storage"] } },
          text: { [key]: { title: "x" }, de: { [key]: "x" } },
          ui: { [key]: "box" },
        }),
      );
      const { config, messages } = run(input);
      expect(Object.keys(config.categories)).toEqual(["necessary", "analytics"]);
      expect(config.services).toEqual({});
      // An unknown key in signals may be a misspelt one: both are honoured.
      expect(config.signals).toEqual({ gpc: true, dnt: true });
      expect(config.cookie).toEqual(defaults().cookie);
      expect(config.googleConsentMode).toEqual({ map: {}, advanced: false });
      expect(Object.getPrototypeOf((config.googleConsentMode as { map: object }).map)).toBe(Object.prototype);
      expect(Object.keys(config.text)).toEqual(["de"]);
      expect(Object.getPrototypeOf(config.text.de)).toBe(Object.prototype);
      expect(config.ui).toEqual(defaults().ui);
      expect(config.unreadable).toBe(false);
      expect(({} as Record<string, unknown>).analytics).toBeUndefined();
      // One report per bad key, except text.de's: a "__proto__" text is dropped silently.
      expect(messages.length).toBeGreaterThanOrEqual(9);
      expect(new Set(messages).size).toBe(messages.length);
      for (const m of messages) expect(m).toContain(key);
    },
  );
});

describe("the normalized config", () => {
  it("keeps no reference to the site's objects, so changing them later changes nothing", () => {
    const input = {
      categories: { analytics: { services: ["hotjar"] } },
      services: { "my-chat": { category: "analytics", hosts: ["chat.example.com"], cookies: ["c"] } },
      cookie: { name: "cg" },
      googleConsentMode: { map: { analytics: ["analytics_storage"] } },
      text: { de: { title: "x" } },
      ui: { layout: "box" },
    };
    const { config } = run(input);
    const before = JSON.stringify(config);
    input.categories.analytics.services.push("mixpanel");
    input.services["my-chat"].hosts.push("evil.test");
    input.services["my-chat"].cookies.push("d");
    input.googleConsentMode.map.analytics.push("ad_storage");
    input.text.de.title = "y";
    input.cookie.name = "x";
    input.ui.layout = "bar";
    expect(JSON.stringify(config)).toBe(before);
  });

  it("gives each call its own objects", () => {
    const a = run({}).config;
    a.categories.necessary.services.push("x");
    a.signals.gpc = false;
    expect(run({}).config).toEqual(defaults());
  });
});

describe("reporting", () => {
  /** One of everything wrong, each in a place of its own. */
  const KITCHEN_SINK = {
    categorys: {},
    categories: {
      necessary: { required: false },
      analytics: { services: ["google-analytics", "hotjr", 5], title: 7 },
      marketing: { services: ["facebook-pixel"], sale: "yes", sales: true },
      functional: { services: ["my-chat", "intercom"] },
      support: { services: ["intercom"] },
      "bad name": {},
      broken: null,
    },
    services: {
      "my-chat": { category: "support", hosts: ["nope", "chat.example.com"], cookies: "c", policyUrl: "javascript:alert(1)", colour: 1 },
      "my-form": { hosts: [] },
      "1bad": {},
      "my-pixel": "marketing",
      "my-ads": { category: "ads" },
    },
    mode: "opt-inn",
    signals: { gpc: "yes", dnt: 1, foo: true },
    revision: -2,
    cookie: { name: "a b", domain: "evil.test", path: "x", days: 999, size: 1 },
    googleConsentMode: { advanced: "yes", map: { analytics: ["x"], nope: [] }, extra: 1 },
    language: "klingon",
    text: { de: { accept: 1 }, klingon: {} },
    policyUrl: "java\tscript:alert(1)",
    ui: { layout: "boxx", position: 3, theme: null, reopenButton: "no", size: 1 },
  };

  it("reports each problem exactly once, each naming its path", () => {
    const { messages } = run(KITCHEN_SINK);
    expect(new Set(messages).size).toBe(messages.length);
    expect(messages).toHaveLength(42);
    const paths = messages.map((m) => m.slice(0, m.indexOf(": ")));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([
        "categorys",
        "categories.necessary.required",
        "categories.analytics.services[1]",
        "categories.analytics.services[2]",
        "categories.analytics.title",
        "categories.marketing.sales",
        "categories.marketing.sale",
        "categories.bad name",
        "categories.broken",
        "services.intercom",
        "services.my-chat",
        "services.my-chat.hosts[0]",
        "services.my-chat.cookies",
        "services.my-chat.policyUrl",
        "services.my-chat.colour",
        "services.my-form.category",
        "services.1bad",
        "services.my-pixel",
        "services.my-ads.category",
        "mode",
        "signals.gpc",
        "signals.dnt",
        "signals.foo",
        "revision",
        "cookie.name",
        "cookie.domain",
        "cookie.path",
        "cookie.days",
        "cookie.size",
        "googleConsentMode.advanced",
        "googleConsentMode.map.analytics[0]",
        "googleConsentMode.map.nope",
        "googleConsentMode.extra",
        "language",
        "text.de.accept",
        "text.klingon",
        "policyUrl",
        "ui.layout",
        "ui.position",
        "ui.theme",
        "ui.reopenButton",
        "ui.size",
      ]),
    );
  });

  it("still uses what is right in a config with problems", () => {
    const { config } = run(KITCHEN_SINK);
    expect(Object.keys(config.categories)).toEqual(["necessary", "analytics", "functional", "support"]);
    expect(config.categories.analytics.services).toEqual(["google-analytics"]);
    expect(config.categories.functional.services).toEqual([]);
    expect(config.categories.support.services).toEqual([]);
    expect(config.services["my-chat"]).toEqual({ category: "", hosts: ["chat.example.com"] });
    expect(config.mode).toBe("opt-in");
    expect(config.signals).toEqual({ gpc: true, dnt: true });
    expect(config.cookie).toEqual({ name: "consentgate", path: "/", days: 395 });
    expect(config.googleConsentMode).toEqual({ map: { analytics: [] }, advanced: false });
    expect(config.unreadable).toBe(false);
  });
});
