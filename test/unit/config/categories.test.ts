import { describe, expect, it } from "vitest";
import { allowedIn, categoryOf, decide } from "../../../src/decide";
import { createMatcher } from "../../../src/gate/match";
import { catalogue } from "../../../src/services/catalogue";
import type { Config } from "../../../src/types";
import { run } from "./run";

const NECESSARY = { services: [], required: true, sale: false };
const BUILT_IN = Object.keys(catalogue);

/** The category the gate holds a service under; "" means held for the page's whole life. */
const home = (config: Config, id: string) => categoryOf(config, catalogue, id);
const HOST_RULE = 'is not a host like "stats.example.com", or a host and path like "cdn.example.com/js/" (a * stands for any run of characters within one path segment, as in "/*/t.js" or "/*.js"; in ASCII: an internationalized domain in punycode, xn--…); dropped';
const COOKIE_RULE = 'is not a cookie name (no spaces or ",;=", and "*" only at its end, matching a prefix); dropped';
const NAME_RULE = "starts with an ASCII letter, has only ASCII letters, digits, - and _ (at most 32), and is not a name every object has (constructor, toString, or one the page added to Object.prototype)";

describe("categories", () => {
  it("has necessary only by default", () => {
    const { config, messages } = run({});
    expect(config.categories).toEqual({ necessary: NECESSARY });
    expect(messages).toEqual([]);
  });

  it("reads the install example of SPEC §1", () => {
    const { config, messages } = run({
      categories: {
        analytics: { services: ["google-analytics", "hotjar", "mixpanel"] },
        marketing: { services: ["facebook-pixel"], sale: true },
      },
      policyUrl: "/privacy",
    });
    expect(messages).toEqual([]);
    expect(config.categories).toEqual({
      necessary: NECESSARY,
      analytics: { services: ["google-analytics", "hotjar", "mixpanel"], required: false, sale: false },
      marketing: { services: ["facebook-pixel"], required: false, sale: true },
    });
    expect(config.services).toEqual({});
  });

  it("accepts every built-in service id", () => {
    const { config, messages } = run({ categories: { all: { services: BUILT_IN } } });
    expect(messages).toEqual([]);
    expect(config.categories.all.services).toEqual(BUILT_IN);
  });

  it("keeps the site's titles and descriptions and leaves the others to the UI's language", () => {
    const { config, messages } = run({
      categories: { analytics: { title: "Statistics", description: "Counts visits." }, social: {} },
    });
    expect(messages).toEqual([]);
    expect(config.categories.analytics).toEqual({ services: [], required: false, sale: false, title: "Statistics", description: "Counts visits." });
    expect(config.categories.social).toEqual({ services: [], required: false, sale: false });
  });

  it("makes an optional category required when the site says so", () => {
    expect(run({ categories: { security: { required: true, services: ["google-recaptcha"] } } }).config.categories.security).toEqual({
      services: ["google-recaptcha"],
      required: true,
      sale: false,
    });
  });

  describe("necessary", () => {
    it("exists when the config leaves it out", () => {
      const { config, messages } = run({ categories: { analytics: { services: ["hotjar"] } } });
      expect(config.categories.necessary).toEqual(NECESSARY);
      expect(messages).toEqual([]);
    });

    it("takes the site's services, title and description", () => {
      const { config, messages } = run({ categories: { necessary: { services: ["stripe"], title: "Essential", description: "Payments." } } });
      expect(config.categories.necessary).toEqual({ ...NECESSARY, services: ["stripe"], title: "Essential", description: "Payments." });
      expect(messages).toEqual([]);
    });

    it("is always required, and says so when the config says otherwise", () => {
      const { config, messages } = run({ categories: { necessary: { required: false, services: ["stripe"] } } });
      expect(config.categories.necessary).toEqual({ ...NECESSARY, services: ["stripe"] });
      expect(messages).toEqual(['categories.necessary.required: false is ignored: "necessary" is always required']);
    });

    it("is never a sale category: said to be one, it keeps none of the services listed there, and says so", () => {
      const { config, messages } = run({ categories: { necessary: { services: ["facebook-pixel"], sale: true } } });
      expect(config.categories.necessary).toEqual(NECESSARY);
      expect(home(config, "facebook-pixel")).toBe("");
      expect(messages).toEqual([
        "categories.necessary.sale: a required category cannot be a sale, which the visitor and GPC may refuse; its services stay held",
      ]);
    });

    it("stays when its entry is malformed, without the services listed there", () => {
      const { config, messages } = run({ categories: { necessary: { services: ["stripe"], required: "yes" } } });
      expect(config.categories.necessary).toEqual(NECESSARY);
      expect(home(config, "stripe")).toBe("");
      expect(messages).toEqual([
        'categories.necessary.required: "yes" is not a boolean; the category is not offered, its services stay held',
      ]);
    });
  });

  it("does not offer a category that is both required and a sale, and holds its services", () => {
    const { config, messages } = run({ categories: { marketing: { services: ["facebook-pixel"], required: true, sale: true } } });
    expect(Object.keys(config.categories)).toEqual(["necessary"]);
    expect(home(config, "facebook-pixel")).toBe("");
    expect(messages).toEqual([
      "categories.marketing.sale: a required category cannot be a sale, which the visitor and GPC may refuse; the category is not offered, its services stay held",
    ]);
  });

  describe("a malformed category is not offered and its services stay held", () => {
    it.each([
      ["sale", { services: ["hotjar"], sale: "yes" }, 'categories.analytics.sale: "yes" is not a boolean; the category is not offered, its services stay held'],
      ["required", { services: ["hotjar"], required: 1 }, "categories.analytics.required: 1 is not a boolean; the category is not offered, its services stay held"],
      ["services", { services: "hotjar" }, 'categories.analytics.services: "hotjar" is not a list; the category is not offered, its services stay held'],
      ["the entry", ["hotjar"], 'categories.analytics: ["hotjar"] is not an object; not offered, its services stay held'],
    ])("when %s is wrong", (_, analytics, message) => {
      const { config, messages } = run({ categories: { analytics, marketing: { services: ["facebook-pixel"] } } });
      expect(Object.keys(config.categories)).toEqual(["necessary", "marketing"]);
      expect(messages).toEqual([message]);
    });

    it.each([
      ["a list it cannot read", { services: "hotjar" }],
      ["an entry that is a list", ["hotjar"]],
      ["a map of ids", { services: { hotjar: true } }],
    ])("also when it names its services in %s, even when their catalogue category is offered", (_, heatmaps) => {
      const { config } = run({ categories: { analytics: { services: ["mixpanel"] }, heatmaps } });
      expect(config.categories.heatmaps).toBeUndefined();
      expect(home(config, "hotjar")).toBe("");
      expect(home(config, "mixpanel")).toBe("analytics");
    });

    it("even when the service's catalogue category is offered", () => {
      // Hotjar is an analytics service in the catalogue: it must not run when analytics is allowed.
      const { config } = run({
        categories: { analytics: { services: ["mixpanel"] }, tracking: { services: ["hotjar", "nope"], sale: "yes" } },
      });
      expect(config.categories.analytics.services).toEqual(["mixpanel"]);
      expect(config.categories.tracking).toBeUndefined();
      expect(home(config, "hotjar")).toBe("");
      expect(home(config, "mixpanel")).toBe("analytics");
    });

    it("even when a valid category lists the service too", () => {
      const { config } = run({
        categories: { analytics: { services: ["hotjar"] }, tracking: { services: ["hotjar"], sale: "yes" } },
      });
      expect(config.categories.analytics.services).toEqual([]);
      expect(home(config, "hotjar")).toBe("");
    });

    it("keeps a site service's own fields while holding it", () => {
      const { config } = run({
        services: { "my-chat": { category: "support", hosts: ["chat.example.com"] } },
        categories: { support: { services: ["my-chat"], sale: null } },
      });
      expect(config.services["my-chat"]).toEqual({ category: "", hosts: ["chat.example.com"] });
    });

    it.each([
      ["a string", "yes", '"yes"'],
      ["null", null, "null"],
      ["a number", 5, "5"],
      ["true", true, "true"],
    ])("when the entry is %s", (_, analytics, shown) => {
      const { config, messages } = run({ categories: { analytics } });
      expect(config.categories).toEqual({ necessary: NECESSARY });
      expect(messages).toEqual([`categories.analytics: ${shown} is not an object; not offered, its services stay held`]);
    });

    it("says only that the config could not be read when the entry cannot even be written as JSON (a BigInt)", () => {
      const { config, messages } = run({ categories: { analytics: 10n } });
      expect(config.unreadable).toBe(true);
      expect(messages).toEqual([expect.stringMatching(/^config: could not be read \(.*BigInt.*\); every optional category stays off$/)]);
    });
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "1st", "a b", "a.b", "x".repeat(33), ""])(
    "does not offer a category named %j",
    (name) => {
      const { config, messages } = run(JSON.parse(JSON.stringify({ categories: { [name]: { services: ["hotjar"] } } })));
      expect(Object.keys(config.categories)).toEqual(["necessary"]);
      expect(Object.getPrototypeOf(config.categories)).toBe(Object.prototype);
      expect(home(config, "hotjar")).toBe("");
      expect(messages).toEqual([`categories.${name}: a category name ${NAME_RULE}; not offered`]);
    },
  );

  it.each(["a", "a1", "social-media", "my_category", "A" + "x".repeat(31)])("accepts the category name %j", (name) => {
    const { config, messages } = run({ categories: { [name]: {} } });
    expect(config.categories[name]).toEqual({ services: [], required: false, sale: false });
    expect(messages).toEqual([]);
  });

  it.each([
    ["a string", "analytics", '"analytics"'],
    ["an array", [{ services: [] }], '[{"services":[]}]'],
    ["null", null, "null"],
  ])("uses necessary only when categories is %s", (_, categories, shown) => {
    const { config, messages } = run({ categories });
    expect(config.categories).toEqual({ necessary: NECESSARY });
    expect(messages).toEqual([`categories: ${shown} is not an object; only "necessary" is used`]);
  });

  it("drops an unknown service and suggests the closest known one", () => {
    const { config, messages } = run({ categories: { analytics: { services: ["google-analytics", "hotjr", "zzzzzzzz", 5, null] } } });
    expect(config.categories.analytics.services).toEqual(["google-analytics"]);
    expect(messages).toEqual([
      'categories.analytics.services[1]: unknown service "hotjr" — did you mean "hotjar"?',
      'categories.analytics.services[2]: unknown service "zzzzzzzz"',
      "categories.analytics.services[3]: unknown service 5",
      "categories.analytics.services[4]: unknown service null",
    ]);
  });

  it("suggests among the site's own services too", () => {
    const { messages } = run({
      services: { "my-chat": { category: "support" } },
      categories: { support: { services: ["my-caht"] } },
    });
    expect(messages).toContain('categories.support.services[0]: unknown service "my-caht" — did you mean "my-chat"?');
  });

  it("lists a service once when a category names it twice", () => {
    const { config, messages } = run({ categories: { analytics: { services: ["hotjar", "hotjar"] } } });
    expect(config.categories.analytics.services).toEqual(["hotjar"]);
    expect(messages).toEqual([]);
  });

  it("ignores a title or description that is not text", () => {
    const { config, messages } = run({ categories: { analytics: { title: 5, description: ["x"] } } });
    expect(config.categories.analytics).toEqual({ services: [], required: false, sale: false });
    expect(messages).toEqual([
      "categories.analytics.title: 5 is not text; ignored",
      'categories.analytics.description: ["x"] is not text; ignored',
    ]);
  });

  // A misspelt "sale" would otherwise offer a sale category that GPC does not opt out of.
  it("does not offer a category with an unknown key, reported with the closest one, and holds its services", () => {
    const { config, messages } = run({
      categories: { marketing: { services: ["facebook-pixel"], sales: true, service: [] }, analytics: { services: ["hotjar"] } },
    });
    expect(Object.keys(config.categories)).toEqual(["necessary", "analytics"]);
    expect(home(config, "facebook-pixel")).toBe("");
    expect(messages).toEqual([
      'categories.marketing.sales: unknown key; the category is not offered, its services stay held — did you mean "sale"?',
      'categories.marketing.service: unknown key; the category is not offered, its services stay held — did you mean "services"?',
    ]);
  });
});

describe("services", () => {
  const CHAT = {
    category: "functional",
    hosts: ["chat.example.com", "cdn.example.com/chat/"],
    cookies: ["chat_id", "chat_*"],
    title: "Chat",
    description: "Answers questions.",
    policyUrl: "https://example.com/privacy",
  };

  it("adds a site's own service to the category it names", () => {
    const { config, messages } = run({ services: { "my-chat": CHAT }, categories: { functional: {} } });
    expect(messages).toEqual([]);
    expect(config.services).toEqual({ "my-chat": CHAT });
    expect(config.categories.functional.services).toEqual(["my-chat"]);
    expect(home(config, "my-chat")).toBe("functional");
  });

  it("places a site's service listed in a category, with or without saying so", () => {
    const { config, messages } = run({
      services: { "my-chat": { hosts: ["chat.example.com"] }, "my-ads": { category: "marketing" } },
      categories: { functional: { services: ["my-chat"] }, marketing: { services: ["my-ads"] } },
    });
    expect(messages).toEqual([]);
    expect(config.services).toEqual({
      "my-chat": { category: "functional", hosts: ["chat.example.com"] },
      "my-ads": { category: "marketing" },
    });
    expect(config.categories.functional.services).toEqual(["my-chat"]);
    expect(config.categories.marketing.services).toEqual(["my-ads"]);
  });

  it("moves a built-in service to the category the site names", () => {
    const { config, messages } = run({
      services: { hotjar: { category: "marketing" } },
      categories: { analytics: {}, marketing: {} },
    });
    expect(messages).toEqual([]);
    expect(config.categories.marketing.services).toEqual(["hotjar"]);
    expect(config.categories.analytics.services).toEqual([]);
    expect(home(config, "hotjar")).toBe("marketing");
  });

  it("gives an overridden built-in without a category its catalogue category", () => {
    const { config, messages } = run({
      services: { hotjar: { cookies: ["_hj*"], title: "Heatmaps" } },
      categories: { analytics: {} },
    });
    expect(messages).toEqual([]);
    expect(config.services.hotjar).toEqual({ category: "analytics", cookies: ["_hj*"], title: "Heatmaps" });
    expect(config.categories.analytics.services).toEqual(["hotjar"]);
  });

  it("holds an overridden built-in whose catalogue category the config does not have", () => {
    const { config, messages } = run({ services: { hotjar: { title: "Heatmaps" } } });
    expect(messages).toEqual([]);
    expect(config.services.hotjar).toEqual({ category: "analytics", title: "Heatmaps" });
    expect(config.categories).toEqual({ necessary: NECESSARY });
  });

  it("holds a site's service that no category lists and that names none", () => {
    const { config, messages } = run({ services: { "my-chat": { hosts: ["chat.example.com"] } } });
    expect(config.services["my-chat"]).toEqual({ category: "", hosts: ["chat.example.com"] });
    expect(home(config, "my-chat")).toBe("");
    expect(messages).toEqual(["services.my-chat.category: missing, and no category lists the service; it stays held"]);
  });

  it("holds a service whose category the config does not have, suggesting the closest", () => {
    const { config, messages } = run({
      services: { "my-chat": { category: "functionl" }, "my-ads": { category: "ads" } },
      categories: { functional: {} },
    });
    expect(config.categories.functional.services).toEqual([]);
    expect(messages).toEqual([
      'services.my-chat.category: no category "functionl" among those in use ("necessary", "functional"); the service stays held — did you mean "functional"?',
      'services.my-ads.category: no category "ads" among those in use ("necessary", "functional"); the service stays held',
    ]);
  });

  it.each([
    [5, "5"],
    ["", '""'],
    ["constructor", '"constructor"'],
    [null, "null"],
  ])("holds a service whose category is %j", (category, shown) => {
    const { config, messages } = run({ services: { "my-chat": { category } }, categories: { functional: {} } });
    expect(config.services["my-chat"]).toEqual({ category: "" });
    expect(home(config, "my-chat")).toBe("");
    expect(messages).toEqual([`services.my-chat.category: ${shown} is not a category name; the service stays held`]);
  });

  it("holds, and reports once, a service whose category is invalid and that a category lists", () => {
    const { config, messages } = run({ services: { hotjar: { category: 5 } }, categories: { analytics: { services: ["hotjar"] } } });
    expect(config.categories.analytics.services).toEqual([]);
    expect(home(config, "hotjar")).toBe("");
    expect(messages).toEqual(["services.hotjar.category: 5 is not a category name; the service stays held"]);
  });

  it("holds a service listed in two categories", () => {
    const { config, messages } = run({
      categories: { analytics: { services: ["hotjar", "mixpanel"] }, marketing: { services: ["hotjar"] }, functional: { services: ["hotjar"] } },
    });
    expect(config.categories.analytics.services).toEqual(["mixpanel"]);
    expect(config.categories.marketing.services).toEqual([]);
    expect(config.services.hotjar).toEqual({ category: "" });
    expect(home(config, "hotjar")).toBe("");
    expect(messages).toEqual([
      'services.hotjar: hotjar is listed in "analytics" and "marketing" and "functional"; it stays held until the config names one category',
    ]);
  });

  it("holds a service whose category disagrees with the list it is in", () => {
    const { config, messages } = run({
      services: { "my-chat": { category: "marketing", title: "Chat" } },
      categories: { functional: { services: ["my-chat"] }, marketing: {} },
    });
    expect(config.categories.functional.services).toEqual([]);
    expect(config.categories.marketing.services).toEqual([]);
    expect(config.services["my-chat"]).toEqual({ category: "", title: "Chat" });
    expect(messages).toEqual([
      'services.my-chat: my-chat says category "marketing" but is listed in "functional"; it stays held until the config names one category',
    ]);
  });

  it("accepts a service whose category agrees with its list", () => {
    const { config, messages } = run({
      services: { hotjar: { category: "analytics" } },
      categories: { analytics: { services: ["hotjar"] } },
    });
    expect(messages).toEqual([]);
    expect(config.categories.analytics.services).toEqual(["hotjar"]);
  });

  it.each(["constructor", "toString", "__proto__", "valueOf", "1chat", "my chat", "a.b", "x".repeat(33)])(
    "drops a service with the id %j",
    (id) => {
      const { config, messages } = run(JSON.parse(JSON.stringify({ services: { [id]: { category: "functional" } }, categories: { functional: {} } })));
      expect(Object.keys(config.services)).toEqual([]);
      expect(Object.getPrototypeOf(config.services)).toBe(Object.prototype);
      expect(config.categories.functional.services).toEqual([]);
      expect(messages).toEqual([`services.${id}: a service id ${NAME_RULE}; dropped`]);
    },
  );

  it.each([
    ["a string", "functional", '"functional"'],
    ["an array", ["functional"], '["functional"]'],
    ["null", null, "null"],
  ])("drops a service whose entry is %s, and a list naming it", (_, entry, shown) => {
    const { config, messages } = run({ services: { "my-chat": entry }, categories: { functional: { services: ["my-chat"] } } });
    expect(config.services).toEqual({});
    expect(config.categories.functional.services).toEqual([]);
    expect(messages).toEqual([
      `services.my-chat: ${shown} is not an object; dropped`,
      'categories.functional.services[0]: unknown service "my-chat"',
    ]);
  });

  it.each([
    ["a list", ["my-chat"], '["my-chat"]'],
    ["a string", "my-chat", '"my-chat"'],
  ])("ignores services when it is %s", (_, services, shown) => {
    const { config, messages } = run({ services });
    expect(config.services).toEqual({});
    expect(messages).toEqual([`services: ${shown} is not an object; ignored`]);
  });

  // A site writes "/*.js" meaning any file of that kind: the gate reads it so, within one segment.
  it("keeps a host whose * is part of a path segment, and holds what it names within that segment", () => {
    const hosts = ["cdn.example.com/*.js", "cdn.example.com/js/a*b/", "cdn.example.com/*/t.js", "cdn.example.com/js/track*", "cdn.example.com/p/*?id=1"];
    const { config, messages } = run({ services: { "my-stats": { category: "analytics", hosts } }, categories: { analytics: {} } });
    expect(config.services["my-stats"].hosts).toEqual(hosts);
    expect(messages).toEqual([]);
    const match = createMatcher(config.services);
    expect(match.url("https://cdn.example.com/app.js?v=2")).toBe("my-stats");
    expect(match.url("https://cdn.example.com/js/a-to-b/x.js")).toBe("my-stats");
    expect(match.url("https://cdn.example.com/v2/t.js")).toBe("my-stats");
    expect(match.url("https://cdn.example.com/js/tracker.js")).toBe("my-stats");
    expect(match.url("https://cdn.example.com/app.css")).toBeNull();
    expect(match.url("https://cdn.example.com/img/logo.png")).toBeNull();
  });

  it("drops a host with both a trailing dot and a port, which the gate would not read as the host", () => {
    const { config, messages } = run({ services: { "my-stats": { category: "analytics", hosts: ["example.dev.:8080"] } }, categories: { analytics: {} } });
    expect(config.services["my-stats"].hosts).toEqual([]);
    expect(messages).toEqual([`services.my-stats.hosts[0]: "example.dev.:8080" ${HOST_RULE}`]);
  });

  it("drops the hosts and cookie names that are not valid", () => {
    const { config, messages } = run({
      services: { "my-chat": { category: "functional", hosts: ["chat.example.com", "not a host", "localhost", 5, "..com", "a..b.com"], cookies: ["ok", "a b", "x*y", "c;d", "e=f", "*", 7, "pre*"] } },
      categories: { functional: {} },
    });
    expect(config.services["my-chat"]).toEqual({ category: "functional", hosts: ["chat.example.com"], cookies: ["ok", "pre*"] });
    expect(messages).toEqual([
      `services.my-chat.hosts[1]: "not a host" ${HOST_RULE}`,
      `services.my-chat.hosts[2]: "localhost" ${HOST_RULE}`,
      `services.my-chat.hosts[3]: 5 ${HOST_RULE}`,
      `services.my-chat.hosts[4]: "..com" ${HOST_RULE}`,
      `services.my-chat.hosts[5]: "a..b.com" ${HOST_RULE}`,

      `services.my-chat.cookies[1]: "a b" ${COOKIE_RULE}`,
      `services.my-chat.cookies[2]: "x*y" ${COOKIE_RULE}`,
      `services.my-chat.cookies[3]: "c;d" ${COOKIE_RULE}`,
      `services.my-chat.cookies[4]: "e=f" ${COOKIE_RULE}`,
      `services.my-chat.cookies[5]: "*" ${COOKIE_RULE}`,
      `services.my-chat.cookies[6]: 7 ${COOKIE_RULE}`,
    ]);
  });

  it("keeps hosts written as a URL, with a port, with a leading *. or . or a trailing dot (the gate reads them as the plain host)", () => {
    const hosts = ["https://stats.example.com", "//cdn.example.com/js/", "stats.example.com:8443", "*.example.org", "HTTP://Stats.Example.net:8080/js/", ".example.io", "example.dev."];
    const { config, messages } = run({ services: { "my-stats": { category: "analytics", hosts } }, categories: { analytics: {} } });
    expect(config.services["my-stats"].hosts).toEqual(hosts);
    expect(messages).toEqual([]);
  });

  it("keeps hosts whose last label is not all letters: an IP address, a punycode top-level domain", () => {
    const hosts = ["203.0.113.5", "stats.example.xn--p1ai", "cdn.example.xn--p1ai/js/"];
    const { config, messages } = run({ services: { "my-stats": { category: "analytics", hosts } }, categories: { analytics: {} } });
    expect(config.services["my-stats"].hosts).toEqual(hosts);
    expect(messages).toEqual([]);
  });

  it("ignores hosts or cookies that are not a list", () => {
    const { config, messages } = run({
      services: { "my-chat": { category: "functional", hosts: "chat.example.com", cookies: { name: "x" } } },
      categories: { functional: {} },
    });
    expect(config.services["my-chat"]).toEqual({ category: "functional" });
    expect(messages).toEqual([
      'services.my-chat.hosts: "chat.example.com" is not a list; ignored',
      'services.my-chat.cookies: {"name":"x"} is not a list; ignored',
    ]);
  });

  it("ignores a title or description that is not text", () => {
    const { config, messages } = run({
      services: { "my-chat": { category: "functional", title: 5, description: null } },
      categories: { functional: {} },
    });
    expect(config.services["my-chat"]).toEqual({ category: "functional" });
    expect(messages).toEqual(["services.my-chat.title: 5 is not text; ignored", "services.my-chat.description: null is not text; ignored"]);
  });

  it.each([
    ["javascript:alert(1)", '"javascript:alert(1)"'],
    ["java\tscript:alert(1)", '"java\\tscript:alert(1)"'],
    ["data:text/html,x", '"data:text/html,x"'],
    [42, "42"],
  ])("ignores the policyUrl %j", (policyUrl, shown) => {
    const { config, messages } = run({ services: { "my-chat": { category: "functional", policyUrl } }, categories: { functional: {} } });
    expect(config.services["my-chat"]).toEqual({ category: "functional" });
    expect(messages).toEqual([`services.my-chat.policyUrl: ${shown} is not an https:, http: or relative URL; ignored`]);
  });

  it("reports an unknown key with the closest one", () => {
    const { messages } = run({ services: { "my-chat": { categroy: "functional", host: [] } }, categories: { functional: { services: ["my-chat"] } } });
    expect(messages).toEqual([
      'services.my-chat.categroy: unknown key, ignored — did you mean "category"?',
      'services.my-chat.host: unknown key, ignored — did you mean "hosts"?',
    ]);
  });
});

describe("a service named like the category that always exists", () => {
  it("is dropped: allows(\"necessary\") answers for the category, which would let the service's hosts through while it is refused", () => {
    const { config, messages } = run({
      services: { necessary: { category: "analytics", hosts: ["tracker.example"] } },
      categories: { analytics: {} },
    });
    const { state } = decide(config, catalogue, null, { gpc: false, dnt: false }, 1763769600);
    // What the gate asks (allows(id)) and what get().services says agree for every service.
    for (const id of Object.keys(state.services)) expect(allowedIn(state, id), id).toBe(state.services[id]);
    expect(Object.keys(config.services)).toEqual([]);
    expect(config.categories.analytics.services).toEqual([]);
    expect(messages).toEqual([
      'services.necessary: "necessary" is the name of the category that always runs; a service needs an id of its own; dropped',
    ]);
  });
});

describe("a category named like a service", () => {
  it("is not offered, and what it lists stays held: allows() and set() could not tell the two apart", () => {
    const { config, messages } = run({
      categories: { analytics: { services: ["hotjar"] }, hotjar: { services: ["google-analytics"] }, "own-chat": {} },
      services: { "own-chat": { category: "analytics" } },
    });
    expect(Object.keys(config.categories)).toEqual(["necessary", "analytics"]);
    expect(home(config, "google-analytics")).toBe("");
    expect(home(config, "hotjar")).toBe("analytics");
    expect(messages).toEqual([
      'categories.hotjar: "hotjar" is the id of a service; a category needs a name of its own, so it is not offered and the services it lists stay held',
      'categories.own-chat: "own-chat" is the id of a service; a category needs a name of its own, so it is not offered and the services it lists stay held',
    ]);
  });
});
