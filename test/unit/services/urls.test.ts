import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createMatcher } from "../../../src/gate/match";
import { catalogue } from "../../../src/services/catalogue";

const fixture = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/vendor-urls.json");
const table: Record<string, string[]> = JSON.parse(readFileSync(fixture, "utf8"));
delete table.$comment;
const match = createMatcher(catalogue);

describe("vendor URLs", () => {
  it("cover every catalogue service", () => {
    expect(Object.keys(table).filter((k) => k != "null").sort()).toEqual(Object.keys(catalogue).sort());
  });

  for (const [id, urls] of Object.entries(table)) {
    const expected = id == "null" ? null : id;
    it(id == "null" ? "leaves non-tracker, relative and non-http URLs unclaimed" : `claims ${id}'s loaders and beacons`, () => {
      for (const url of urls) expect(match.url(url), url).toBe(expected);
    });
  }

  it("reads every URL alike through the fast path and the browser's parser", () => {
    // A fragment sends a URL through new URL(); the answer must not change.
    for (const url of Object.values(table).flat()) expect(match.url(url + "#x"), url).toBe(match.url(url));
  });

  it("tells Google's shared tag host apart by path and tag id", () => {
    const gtm = "https://www.googletagmanager.com";
    expect(match.url(`${gtm}/gtag/js?id=G-TEST123456`)).toBe("google-analytics");
    expect(match.url(`${gtm}/gtag/js?id=AW-123456789`)).toBe("google-ads");
    expect(match.url(`${gtm}/gtag/js?id=DC-1234567`)).toBe("google-ads");
    expect(match.url(`${gtm}/gtag/js?l=dataLayer&id=G-TEST123456`)).toBe("firebase-analytics");
    expect(match.url(`${gtm}/gtm.js?id=GTM-TEST123`)).toBe("google-tag-manager");
    expect(match.url(`${gtm}/ns.html?id=GTM-TEST123`)).toBe("google-tag-manager");
  });

  it("tells Google's and Meta's other shared hosts apart by path", () => {
    expect(match.url("https://www.google.com/recaptcha/api.js")).toBe("google-recaptcha");
    expect(match.url("https://www.google.com/ads/ga-audiences?v=1")).toBe("google-ads");
    expect(match.url("https://www.google.com/search?q=x")).toBeNull();
    expect(match.url("https://connect.facebook.net/fr_FR/fbevents.js")).toBe("facebook-pixel");
    expect(match.url("https://connect.facebook.net/fr_FR/sdk/xfbml.customerchat.js")).toBe("facebook-messenger");
    expect(match.url("https://connect.facebook.net/fr_FR/sdk.js")).toBeNull();
  });

  // Hotjar's tracking code loads the Contentsquare tag, so hotjar claims the
  // whole of contentsquare.net; a site on a Contentsquare contract names its
  // own service instead (README, "Built-in services").
  it("gives contentsquare.net and _cs_* to a site's own Contentsquare service over hotjar", () => {
    const own = createMatcher(catalogue, { contentsquare: { hosts: ["contentsquare.net"], cookies: ["_cs_*"] } });
    expect(own.url("https://t.contentsquare.net/uxa/0123456789abc.js")).toBe("contentsquare");
    expect(own.url("https://c.contentsquare.net/pageview?pid=1234")).toBe("contentsquare");
    expect(own.cookie("_cs_id")).toBe("contentsquare");
    expect(own.url("https://static.hotjar.com/c/hotjar-1234567.js?sv=6")).toBe("hotjar");
    expect(match.cookie("_cs_id")).toBe("hotjar");
    expect(match.cookie("_cs_s")).toBe("hotjar");
  });

  // Not claimed for want of bytes; the README gives sites these rules to add.
  it("leaves Google's Ads conversion pings on www.google.com/measurement and Meta's privacy-sandbox trigger to a site's rules, which then hold them", () => {
    const urls = [
      "https://www.google.com/measurement/conversion/?tid=AW-123456789",
      "https://www.facebook.com/privacy_sandbox/pixel/register/trigger/?id=1",
    ];
    expect(urls.map(match.url)).toEqual([null, null]);
    const own = createMatcher(catalogue, {
      "google-ads": { hosts: ["www.google.com/measurement/"] },
      "facebook-pixel": { hosts: ["www.facebook.com/privacy_sandbox/pixel/"] },
    });
    expect(urls.map(own.url)).toEqual(["google-ads", "facebook-pixel"]);
    // The built-in rules stay.
    expect(own.url("https://www.googleadservices.com/pagead/conversion.js")).toBe("google-ads");
    expect(own.url("https://www.facebook.com/tr?id=1&ev=PageView")).toBe("facebook-pixel");
  });
});
