import { afterEach, describe, expect, it, vi } from "vitest";
import { message, print, show, suggest } from "../../../src/config/diagnostics";
import {
  CONFLICT,
  NOT_CONFIGURED,
  NOT_JSON,
  NOT_LOADED,
  NOT_STORED,
  STILL_RUNNING,
  THROWN,
  UNKNOWN_CONSENT,
  UNKNOWN_KEY,
} from "../../../src/config/problem";
import type { Problem } from "../../../src/config/problem";
import { run } from "./run";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("print", () => {
  it("prints one problem with the fixed prefix, its path and its sentence", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    print("ui.layout", "boxx");
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith('[consentgate] ui.layout: "boxx" is not one of "bar", "box"; using "bar" — did you mean "box"?');
  });

  it("prints each problem validate reports, once, in the order found", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { problems, messages } = run({ mode: "optout", cookie: { days: 400 } });
    for (const problem of problems) print(...problem);
    expect(error.mock.calls).toEqual(messages.map((m) => [`[consentgate] ${m}`]));
  });

  it.each([
    [
      "a catalogue service the config does not name",
      ["tiktok-pixel", "marketing", NOT_CONFIGURED, false],
      '[consentgate] tiktok-pixel was inserted but is not in your config; it comes under "marketing" and runs only while that category or tiktok-pixel itself is allowed',
    ],
    [
      "one whose catalogue category the config lacks",
      ["tiktok-pixel", "marketing", NOT_CONFIGURED, true],
      '[consentgate] tiktok-pixel was inserted but is not in your config; it is held under "marketing", a category the config lacks',
    ],
    [
      "one the catalogue files under necessary, which always runs",
      ["stripe", "necessary", NOT_CONFIGURED, false],
      '[consentgate] stripe was inserted but is not in your config; it runs under "necessary", always on',
    ],
    [
      "a data-consent that names nothing",
      ["analytcs", undefined, UNKNOWN_CONSENT],
      '[consentgate] data-consent="analytcs" is not a category or service; held',
    ],
    [
      "services refused after they ran",
      ["hotjar,mixpanel", undefined, STILL_RUNNING],
      "[consentgate] hotjar, mixpanel already ran; they stop at the next page load, or pass { reload: true }",
    ],
    [
      "a service refused after it ran",
      ["hotjar", undefined, STILL_RUNNING],
      "[consentgate] hotjar already ran; it stops at the next page load, or pass { reload: true }",
    ],
    [
      "a consent cookie the browser refused",
      ["consentgate", "domain co.uk, path /", NOT_STORED],
      '[consentgate] the browser did not store the consent cookie "consentgate" (domain co.uk, path /): the choice holds for this page view only. ' +
        "A cookie.domain the browser treats as public (co.uk) or as not this site's (part of an IP address), " +
        "a cookie.name with the __Host- or __Secure- prefix on http, or with __Host- and a cookie.domain or a cookie.path other than /, " +
        "a choice too long for a cookie (over 4 KB: " +
        "fewer services chosen one by one; an older stored choice was deleted) or blocked cookies do this",
    ],
    [
      // The browser stores it, for the path this page cannot see.
      "a consent cookie for a path this page is not under",
      ["consentgate", "domain host-only, path /shop", NOT_STORED],
      `[consentgate] this page (${location.pathname}) is not under cookie.path /shop: the consent cookie "consentgate" is stored ` +
        "for /shop, where it replaces the choice stored before, but this page cannot read it back: here the choice holds for this page view only",
    ],
  ] as [string, Problem, string][])("prints the gate's warning about %s with console.warn", (_, problem, text) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    print(...problem);
    expect(warn.mock.calls).toEqual([[text]]);
    expect(error).not.toHaveBeenCalled();
  });

  it("warns of a consent cookie the browser refuses once a page view, however many decisions meet it", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let i = 0; i < 3; i++) print("consentgate", "domain com, path /", NOT_STORED);
    print("consentgate", "domain com, path /other", NOT_STORED);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it("still prints the value when a problem cannot be put into words", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    print(undefined as unknown as string, { a: 1 });
    expect(error).toHaveBeenCalledWith('[consentgate] undefined: {"a":1}');
  });
});

describe("message", () => {
  it("names the page's host when none is given", () => {
    expect(message(["cookie.domain", "evil.test"])).toBe(
      `"evil.test" is not this site's host or a parent of it (${location.hostname}); the cookie is set for this host only`,
    );
  });

  it("shows a value holding $ or @ as it is", () => {
    expect(message(["cookie.domain", "$&@"], "shop.test")).toBe(
      '"$&@" is not this site\'s host or a parent of it (shop.test); the cookie is set for this host only',
    );
  });

  it("takes the known keys as a list or as the object holding them", () => {
    expect(message(["ui.postion", "postion", UNKNOWN_KEY, ["position"]])).toBe('unknown key, ignored — did you mean "position"?');
    expect(message(["ui.postion", "postion", UNKNOWN_KEY, { position: 1 }])).toBe('unknown key, ignored — did you mean "position"?');
    expect(message(["x", "x", UNKNOWN_KEY])).toBe("unknown key, ignored");
  });

  it("describes a service placed in a single category that it does not name", () => {
    expect(message(["services.hotjar", "marketing", CONFLICT, ["analytics"]])).toBe(
      'hotjar says category "marketing" but is listed in "analytics"; it stays held until the config names one category',
    );
  });

  it.each([
    [NOT_JSON, new SyntaxError("Unexpected token"), "is not valid JSON (Unexpected token; JSON has no comments or trailing commas); every optional category stays off"],
    [THROWN, new Error("boom"), "could not be read (boom); every optional category stays off"],
    [THROWN, "boom", "could not be read (boom); every optional category stays off"],
    [THROWN, null, "could not be read (null); every optional category stays off"],
    [THROWN, { message: 42 }, "could not be read (42); every optional category stays off"],
    [THROWN, Object.create(null), "could not be read (object); every optional category stays off"],
  ])("words what reading threw (kind %i, %j)", (kind, thrown, text) => {
    expect(message(["config", thrown, kind])).toBe(text);
  });

  it.each([
    ["i18n/en-opt-in.js", "could not be loaded (Failed to fetch); nothing optional runs"],
    ["consentgate-changes.js", "could not be loaded (Failed to fetch); refused cookies stay for now"],
  ])("says what it means when %s did not load", (file, text) => {
    expect(message([file, new TypeError("Failed to fetch"), NOT_LOADED])).toBe(text);
  });

  it("prints a file that did not load as an error", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    print("i18n/en-opt-in.js", new TypeError("Failed to fetch"), NOT_LOADED);
    expect(error).toHaveBeenCalledWith("[consentgate] i18n/en-opt-in.js: could not be loaded (Failed to fetch); nothing optional runs");
  });

  it("has a plain sentence for a field it has no rule for", () => {
    expect(message(["somewhere.new", 3])).toBe("3 is not valid; ignored");
  });
});

describe("what a message asks for", () => {
  const HOST_RULE = 'is not a host like "stats.example.com", or a host and path like "cdn.example.com/js/" (a * stands for any run of characters within one path segment, as in "/*/t.js" or "/*.js"; in ASCII: an internationalized domain in punycode, xn--…); dropped';
  const COOKIE_RULE = 'is not a cookie name (no spaces or ",;=", and "*" only at its end, matching a prefix); dropped';
  const withService = (fields: object) => ({ services: { "my-stats": { category: "analytics", ...fields } }, categories: { analytics: {} } });

  // "is not valid" left a site owner guessing what to write instead.
  it.each([
    [withService({ hosts: ["münchen.de"] }), `services.my-stats.hosts[0]: "münchen.de" ${HOST_RULE}`],
    [withService({ hosts: ["localhost"] }), `services.my-stats.hosts[0]: "localhost" ${HOST_RULE}`],
    [withService({ cookies: ["my cookie"] }), `services.my-stats.cookies[0]: "my cookie" ${COOKIE_RULE}`],
    [withService({ cookies: ["_ga*x"] }), `services.my-stats.cookies[0]: "_ga*x" ${COOKIE_RULE}`],
    [
      { categories: { analytics: {} }, googleConsentMode: { map: { analytics: ["Analytics_Storage"] } } },
      'googleConsentMode.map.analytics[0]: "Analytics_Storage" is not a Consent Mode type (ad_storage, ad_user_data, ad_personalization, ' +
        'analytics_storage, functionality_storage, personalization_storage, security_storage); dropped — did you mean "analytics_storage"?',
    ],
    [
      { cookie: { name: "consént" } },
      'cookie.name: "consént" is not a cookie name of 1 to 64 ASCII letters, digits and signs such as - _ . (no spaces, double quotes, brackets or ,;:=/?); using "consentgate"',
    ],
    // It does start with "/": the message must not say it does not.
    [{ cookie: { path: "/my shop" } }, 'cookie.path: "/my shop" is not a path starting with "/" without spaces or ";"; using "/"'],
  ])("says what the field expects: %j", (config, text) => {
    expect(run(config).messages).toEqual([text]);
  });

  it("calls a blank text blank, not \"not text\"", () => {
    const { messages } = run({ categories: { analytics: { title: " " } }, text: { de: { acceptAll: "" } } });
    expect(messages).toEqual(['categories.analytics.title: " " is blank; ignored', 'text.de.acceptAll: "" is blank; ignored']);
  });

  it("names the value that necessary.required cannot have", () => {
    expect(run({ categories: { necessary: { required: false } } }).messages).toEqual([
      'categories.necessary.required: false is ignored: "necessary" is always required',
    ]);
  });

  it("names every way a __Host- cookie name is refused when the browser does not store the cookie", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    print("__Host-cg", "domain shop.test, path /", NOT_STORED);
    expect(warn.mock.calls[0][0]).toContain(
      "a cookie.name with the __Host- or __Secure- prefix on http, or with __Host- and a cookie.domain or a cookie.path other than /,",
    );
  });

  it("does not claim the config lacks a category it has but does not offer", () => {
    const { messages } = run({
      categories: { analytics: {}, marketing: { services: ["facebook-pixel"], sale: "yes" } },
      services: { "my-ads": { category: "marketing" } },
      googleConsentMode: { map: { marketing: ["ad_storage"] } },
    });
    expect(messages).toEqual([
      'categories.marketing.sale: "yes" is not a boolean; the category is not offered, its services stay held',
      'googleConsentMode.map.marketing: no category "marketing" among those in use ("necessary", "analytics"); ignored',
      'services.my-ads.category: no category "marketing" among those in use ("necessary", "analytics"); the service stays held',
    ]);
  });

  // The README's config reference is annotated JSON (jsonc): pasted into the element as it is, nothing reads.
  it("reminds that JSON has no comments or trailing commas when the element does not parse", () => {
    expect(message(["#consentgate-config", new SyntaxError("Unexpected token '/'"), NOT_JSON])).toBe(
      "is not valid JSON (Unexpected token '/'; JSON has no comments or trailing commas); every optional category stays off",
    );
  });
});

describe("show", () => {
  it.each([
    ["a string", "hotjr", '"hotjr"'],
    ["a number", 400, "400"],
    ["undefined", undefined, "undefined"],
    ["NaN", NaN, "NaN"],
    ["Infinity", -Infinity, "-Infinity"],
    ["a symbol", Symbol("x"), "Symbol(x)"],
    // As written in JavaScript: "10" would read as the number it is not.
    ["a bigint", BigInt(10), "10n"],
    ["an object", { a: [1, "b"] }, '{"a":[1,"b"]}'],
    ["an object that cannot become a string", Object.create(null, { toJSON: { value: () => { throw new Error("no"); } } }), "object"],
  ])("renders %s", (_, value, shown) => {
    expect(show(value)).toBe(shown);
  });

  it("renders a cyclic object without throwing", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(show(cyclic)).toBe("[object Object]");
  });

  it("cuts a long value to 60 characters", () => {
    const shown = show("x".repeat(100));
    expect(shown).toHaveLength(58);
    expect(shown.endsWith("…")).toBe(true);
    expect(show("x".repeat(58))).toHaveLength(60);
  });
});

describe("suggest", () => {
  const candidates = ["google-analytics", "google-ads", "hotjar", "mixpanel"];

  it.each([
    ["hotjr", "hotjar"],
    ["HotJar", "hotjar"],
    ["mixpannel", "mixpanel"],
    ["google-analytic", "google-analytics"],
    ["googel-ads", "google-ads"],
  ])("suggests %j for %j", (word, best) => {
    expect(suggest(word, candidates)).toBe(best);
  });

  it("suggests nothing that is too far off", () => {
    expect(suggest("zzzzzz", candidates)).toBeUndefined();
    expect(suggest("ga", candidates)).toBeUndefined();
    expect(suggest("x", [])).toBeUndefined();
    // Nothing of a one-letter word is left in "box".
    expect(suggest("x", ["bar", "box"])).toBeUndefined();
    expect(suggest("bx", ["bar", "box"])).toBe("box");
  });

  it("allows more edits in a longer word", () => {
    expect(suggest("gogle-analitycs", candidates)).toBe("google-analytics");
    expect(suggest("hjtor", candidates)).toBeUndefined();
  });

  it("keeps the first of equally close candidates", () => {
    expect(suggest("ab", ["ax", "xb"])).toBe("ax");
    expect(suggest("ab", ["xb", "ax"])).toBe("xb");
  });
});
