import { describe, expect, it } from "vitest";
import { createMatcher } from "../../src/gate/match";

const match = createMatcher({
  tracker: { urls: ["tracker.example"], cookies: ["_tr", "_tr_*"], storage: ["tr:*"] },
  cdn: { urls: ["cdn.example/tracker/", "cdn.example/*/pixel", "cdn.example/t"] },
  narrow: { urls: ["cdn.example/tracker/v2/"] },
  deep: { urls: ["eu.tracker.example"] },
  site: { hosts: [".Stats.Shop.Example.", "*.metrics.example"], cookies: ["_tr_site*", "exact"] },
});

describe("createMatcher().url", () => {
  it("claims a host and all of its subdomains", () => {
    expect(match.url("https://tracker.example/a.js")).toBe("tracker");
    expect(match.url("https://a.b.tracker.example/a.js")).toBe("tracker");
  });

  it("matches whole host labels only", () => {
    expect(match.url("https://nottracker.example/a.js")).toBeNull();
    expect(match.url("https://tracker.example.evil.example/a.js")).toBeNull();
  });

  it("prefers the longest host, then the longest path", () => {
    expect(match.url("https://eu.tracker.example/")).toBe("deep");
    expect(match.url("https://cdn.example/tracker/v2/x.js")).toBe("narrow");
    expect(match.url("https://cdn.example/tracker/v1/x.js")).toBe("cdn");
  });

  it("leaves a host's other paths alone when it only has path rules", () => {
    expect(match.url("https://cdn.example/jquery.js")).toBeNull();
    expect(match.url("https://cdn.example/")).toBeNull();
  });

  it("lets * stand for any run of characters within one path segment, none included", () => {
    expect(match.url("https://cdn.example/en_US/pixel.js")).toBe("cdn");
    expect(match.url("https://cdn.example/a/b/pixel.js")).toBeNull();
    expect(match.url("https://cdn.example//pixel.js")).toBe("cdn");
    const m = createMatcher({ own: { hosts: ["cdn.example/js/track*", "cdn.example/*.gif"] } });
    expect(m.url("https://cdn.example/js/track")).toBe("own");
    expect(m.url("https://cdn.example/js/track?id=1")).toBe("own");
    expect(m.url("https://cdn.example/js/tracker.js")).toBe("own");
    expect(m.url("https://cdn.example/js/other.js")).toBeNull();
    expect(m.url("https://cdn.example/.gif")).toBe("own");
    expect(m.url("https://cdn.example/a/b.gif")).toBeNull();
  });

  it("stops a rule that ends in a letter at a word boundary", () => {
    expect(match.url("https://cdn.example/t")).toBe("cdn");
    expect(match.url("https://cdn.example/t?id=1")).toBe("cdn");
    expect(match.url("https://cdn.example/t/")).toBe("cdn");
    expect(match.url("https://cdn.example/t.gif")).toBe("cdn");
    expect(match.url("https://cdn.example/trends")).toBeNull();
  });

  it("reads protocol-relative, websocket, uppercase, port, credential and trailing-dot forms", () => {
    for (const href of [
      "//tracker.example/a.js",
      "http://tracker.example/a.js",
      "wss://tracker.example/socket",
      "HTTPS://TRACKER.Example/a.js",
      "https://tracker.example:8443/a.js",
      "https://user:pass@tracker.example/a.js",
      "https://tracker.example./a.js",
      "  https://tracker.example/a.js\n",
      "https://tracker.exa\nmple/a.js",
      "https:\\\\tracker.example\\a.js",
      // The browser strips control characters at either end, and needs no slashes after an http(s) scheme.
      "\x01https://tracker.example/a.js\x1f",
      "https:/tracker.example/a.js",
      "http:tracker.example/a.js",
      "https:\\tracker.example/a.js",
    ]) {
      expect(match.url(href), href).toBe("tracker");
    }
  });

  it("resolves dot segments before matching paths, as the browser does", () => {
    expect(match.url("https://cdn.example/x/../tracker/v2/a.js")).toBe("narrow");
    expect(match.url("https://cdn.example/tracker/./v2/a.js")).toBe("narrow");
    expect(match.url("https://cdn.example/x/%2e%2E/tracker/v2/a.js")).toBe("narrow");
  });

  it("never matches relative or non-http URLs", () => {
    for (const href of ["/tracker.example/a.js", "a.js", "tracker.example/a.js", "data:,tracker.example",
      "blob:https://tracker.example/1", "javascript://tracker.example/%0aalert(1)", "mailto:a@tracker.example",
      "file://tracker.example/a.js", "ftp://tracker.example/a.js"]) {
      expect(match.url(href), href).toBeNull();
    }
  });

  it("returns null instead of throwing on invalid input", () => {
    for (const href of ["https://", "https://exa mple.com/", "//", "http://[::1/", "https://%zz/"]) {
      expect(() => match.url(href)).not.toThrow();
      expect(match.url(href), href).toBeNull();
    }
    expect(match.url(undefined as unknown as string)).toBeNull();
    expect(match.url(null as unknown as string)).toBeNull();
  });

  it("accepts a site's plain hosts however they are written", () => {
    expect(match.url("https://stats.shop.example/collect")).toBe("site");
    expect(match.url("https://a.metrics.example/collect")).toBe("site");
    expect(match.url("https://shop.example/collect")).toBeNull();
  });

  it("reads a site's host written as a URL or with a port as the plain host", () => {
    const own = createMatcher({ stats: { hosts: ["https://stats.example.com", "HTTP://Cdn.Example.com:8443/js/"] }, chat: { hosts: ["//chat.example.com:443"] } });
    expect(own.url("https://stats.example.com/matomo.js")).toBe("stats");
    expect(own.url("https://stats.example.com:8443/matomo.js")).toBe("stats");
    expect(own.url("https://cdn.example.com/js/a.js")).toBe("stats");
    expect(own.url("https://cdn.example.com/other.js")).toBeNull();
    expect(own.url("wss://chat.example.com/socket")).toBe("chat");
  });

  it("matches a host that is an IP address or has a punycode top-level domain", () => {
    const own = createMatcher({ ip: { hosts: ["203.0.113.5"] }, idn: { hosts: ["stats.example.xn--p1ai"] } });
    expect(own.url("http://203.0.113.5:8080/matomo.js")).toBe("ip");
    expect(own.url("https://203.0.113.50/matomo.js")).toBeNull();
    expect(own.url("https://stats.example.xn--p1ai/a.js")).toBe("idn");
    // Written in Unicode by the page, the browser asks for the punycode host.
    expect(own.url("https://stats.example.рф/a.js")).toBe("idn");
  });

  it("gives Google's country domains google.com's rules only where their own claim nothing", () => {
    const m = createMatcher(
      { ads: { urls: ["google.com/pagead/"] } },
      { maps: { hosts: ["www.google.de/maps"] }, partner: { hosts: ["google.co.uk"] }, bin: { hosts: ["bingoogle.de"] } },
    );
    expect(m.url("https://www.google.de/pagead/1p-user-list/1/")).toBe("ads");
    expect(m.url("https://www.google.com.au/pagead/1p-user-list/1/")).toBe("ads");
    expect(m.url("https://www.google.de/maps/embed")).toBe("maps");
    // A whole-host claim gives way to a path rule, here google.com's (see below).
    expect(m.url("https://google.co.uk/pagead/x")).toBe("ads");
    expect(m.url("https://google.co.uk/")).toBe("partner");
    expect(m.url("https://bingoogle.de/pagead/x")).toBe("bin");
    expect(m.url("https://www.google.de/search?q=x")).toBeNull();
    expect(m.url("https://google.us.com/pagead/x")).toBeNull();
  });

  it("lets a path rule of a parent domain win over a subdomain's whole-host rule", () => {
    // A site that names www.google.com for its Maps embed must not take over
    // the Ads and Analytics paths the catalogue files under google.com.
    const m = createMatcher(
      { ads: { urls: ["google.com/pagead/"] }, ga: { urls: ["google.com/g/collect"] }, tracker: { urls: ["tracker.example"] } },
      { maps: { hosts: ["www.google.com"] }, de: { hosts: ["google.de"] }, mine: { hosts: ["cdn.tracker.example"] } },
    );
    expect(m.url("https://www.google.com/pagead/conversion.js")).toBe("ads");
    expect(m.url("https://www.google.com/g/collect?v=2")).toBe("ga");
    expect(m.url("https://www.google.com/maps/embed?pb=1")).toBe("maps");
    expect(m.url("https://www.google.de/pagead/x")).toBe("ads");
    expect(m.url("https://www.google.de/maps")).toBe("de");
    // Between whole-host rules the most specific host still wins.
    expect(m.url("https://cdn.tracker.example/t.js")).toBe("mine");
  });

  it("lets the later entry win a tie, so a site's services override the catalogue", () => {
    const m = createMatcher({ builtin: { urls: ["x.example"] }, own: { hosts: ["x.example"] } });
    expect(m.url("https://x.example/")).toBe("own");
  });

  it("lets a later map win a tie too, and keeps both maps' rules for an id in both", () => {
    const catalogue = { tracker: { urls: ["tracker.example"], cookies: ["_tr"] }, other: { urls: ["x.example"] } };
    const site = { tracker: { hosts: ["stats.shop.example"], cookies: ["_own*"] }, own: { hosts: ["x.example"] } };
    const m = createMatcher(catalogue, site);
    expect(m.url("https://tracker.example/t.js")).toBe("tracker");
    expect(m.url("https://stats.shop.example/t.js")).toBe("tracker");
    expect(m.cookie("_tr")).toBe("tracker");
    expect(m.cookie("_own_id")).toBe("tracker");
    expect(m.url("https://x.example/")).toBe("own");
  });
});

describe("createMatcher().cookie and .storage", () => {
  it("matches exact names and trailing-* prefixes", () => {
    expect(match.cookie("_tr")).toBe("tracker");
    expect(match.cookie("_tr_123")).toBe("tracker");
    expect(match.cookie("_trx")).toBeNull();
    expect(match.cookie("exact")).toBe("site");
    expect(match.cookie("exactly")).toBeNull();
  });

  it("prefers an exact name, then the longest prefix", () => {
    expect(match.cookie("_tr_site_1")).toBe("site");
    const m = createMatcher({ a: { cookies: ["x*"] }, b: { cookies: ["xy"] } });
    expect(m.cookie("xy")).toBe("b");
    expect(m.cookie("xyz")).toBe("a");
  });

  it("keeps storage keys apart from cookie names", () => {
    expect(match.storage("tr:queue")).toBe("tracker");
    expect(match.storage("_tr")).toBeNull();
    expect(match.cookie("tr:queue")).toBeNull();
  });
});

describe("createMatcher on a page that added to Object.prototype", () => {
  it("reads only the maps' own entries", () => {
    // A library loaded before ConsentGate may add enumerable keys; a null one
    // made the matcher throw, and a failed boot holds nothing.
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = null;
    try {
      const m = createMatcher({ tracker: { urls: ["tracker.example"] } });
      expect(m.url("https://tracker.example/t.js")).toBe("tracker");
    } finally {
      delete proto.polluted;
    }
  });
});
