// SPEC §3 for the catalogue services whose install code the other gate tests
// do not load: each vendor's own snippet or embed (test/fixtures/snippets/),
// the vendor's hosts answered by fakes that request what the vendor requests.
// Named in the config, a service is held before consent and after a refusal,
// and runs once allowed, each script once; not named, it is held under its
// catalogue category with one warning naming it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { callConsentGate, describe, expect, gateMessages, REPO, test, type Session } from "../harness";
import { gateFile, installVendors, openGate, ran, snippet } from "./kit";

/** A vendor's snippet from test/fixtures/snippets/ (the kit's `snippet` knows only the vendors it installs). */
function vendorSnippet(name: string): string {
  return readFileSync(join(REPO, "test/fixtures/snippets", `${name}.html`), "utf8");
}

/** `method resource-type url` of every request to a host `hosts` matches. */
function requestsTo(session: Session, hosts: RegExp): string[] {
  return session.thirdParty().filter((r) => hosts.test(r.host)).map((r) => `${r.method} ${r.resourceType} ${r.url}`);
}

/** Names of the cookies the browser holds for the site, the consent cookie aside. */
async function vendorCookies(session: Session): Promise<string[]> {
  return (await session.cookies()).map((c) => c.name).filter((n) => n !== "consentgate").sort();
}

/** How many times each vendor script ran (fakes by name, probes by URL). */
async function runs(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await ran(page)) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
}

const notInConfig = (id: string, category: string) =>
  new RegExp(`^\\[consentgate\\] ${id} was inserted but is not in your config; it is held under "${category}"`);

// ---------------------------------------------------------------------------
// Google Ads

const AW = "https://www.googletagmanager.com/gtag/js?id=AW-123456789";
const GOOGLE = /(^|\.)(googletagmanager\.com|googleadservices\.com|doubleclick\.net|google\.com|google-analytics\.com)$/;

function googleTag(session: Session) {
  installVendors(session);
  session.fake((url) => url.host === "www.googletagmanager.com" && url.pathname === "/gtag/js", {
    body: gateFile("fakes/vendors/google-tag.js"),
  });
}

/** What Google's tag requests for the snippet's AW- config and its conversion event. */
const ADS_REQUESTS = [
  "POST fetch https://www.google.com/ccm/collect?tid=AW-123456789&en=page_view",
  "POST fetch https://www.google.com/rmkt/collect/123456789/?en=page_view",
  "GET script https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?en=page_view",
  "GET image https://www.google.com/pagead/1p-user-list/123456789/?en=page_view",
  "POST fetch https://www.google.com/ccm/collect?tid=AW-123456789&en=conversion",
  "GET image https://www.googleadservices.com/pagead/conversion/123456789/?label=AbCdEfGhIjKlMnOpQr",
  "GET image https://www.google.com/pagead/1p-conversion/123456789/?label=AbCdEfGhIjKlMnOpQr",
];

describe("google-ads", () => {
  test("Google's tag with an AW- id and a conversion event: held before consent and after a refusal, every request once marketing is allowed", async ({
    session,
  }) => {
    googleTag(session);
    const page = await openGate(session, vendorSnippet("google-ads"), { categories: { marketing: { services: ["google-ads"] } } });
    await settle(page);
    // Written in the HTML, gtag.js is fetched by the preload scanner (README), never run.
    expect(requestsTo(session, GOOGLE)).toEqual([`GET script ${AW}`]);
    await callConsentGate(page, "rejectAll");
    await settle(page);
    expect(requestsTo(session, GOOGLE)).toEqual([`GET script ${AW}`]);
    expect(await ran(page)).toEqual([]);
    expect(await vendorCookies(session)).toEqual([]);

    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => requestsTo(session, GOOGLE).sort()).toEqual([`GET script ${AW}`, `GET script ${AW}`, ...ADS_REQUESTS].sort());
    await settle(page);
    expect(await runs(page)).toEqual({
      "google-tag.js": 1,
      "https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?en=page_view": 1,
    });
    expect(await vendorCookies(session)).toEqual(["_gcl_au"]);
    expect(session.problems()).toEqual([]);
  });

  test("not in the config: held under marketing with one warning, and runs once marketing is allowed", async ({ session }) => {
    googleTag(session);
    const page = await openGate(session, vendorSnippet("google-ads"), { categories: { marketing: { services: ["facebook-pixel"] } } });
    await settle(page);
    expect(requestsTo(session, GOOGLE)).toEqual([`GET script ${AW}`]);
    await expect.poll(() => gateMessages(session, "warning")).toEqual([expect.stringMatching(notInConfig("google-ads", "marketing"))]);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsTo(session, GOOGLE).sort()).toEqual([`GET script ${AW}`, `GET script ${AW}`, ...ADS_REQUESTS].sort());
    expect(await vendorCookies(session)).toEqual(["_gcl_au"]);
    expect(session.problems()).toEqual([]);
  });

  test("the legacy remarketing tag (conversion.js, noscript pixel): never runs before consent, runs once allowed", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, vendorSnippet("google-ads-remarketing"), { categories: { marketing: { services: ["google-ads"] } } });
    await settle(page);
    const conversionJs = "http://www.googleadservices.com/pagead/conversion.js";
    // The noscript pixel never loads while scripts run; the script tag in the HTML is preloaded, not run.
    expect(requestsTo(session, GOOGLE)).toEqual([`GET script ${conversionJs}`]);
    expect(await ran(page)).toEqual([]);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => runs(page)).toEqual({ [conversionJs]: 1 });
    expect(session.problems()).toEqual([]);
  });

  // Google's tag takes every id the page configures, whichever id loaded it.
  test("a Google tag let through for Ads sends no Analytics hit while analytics is refused", async ({ session }) => {
    googleTag(session);
    const html = vendorSnippet("google-ads").replace("gtag('config', 'AW-123456789');", "$&\n  gtag('config', 'G-TEST123456');");
    const page = await openGate(session, html, {
      categories: { analytics: { services: ["google-analytics"] }, marketing: { services: ["google-ads"] } },
    });
    await callConsentGate(page, "set", { analytics: false, marketing: true });
    await expect.poll(() => requestsTo(session, /google\.com$/).length).toBeGreaterThanOrEqual(5);
    await settle(page);
    expect(requestsTo(session, GOOGLE).filter((r) => /G-TEST123456/.test(r))).toEqual([]);
  });

  test("a Google tag let through for Analytics sends no Ads request while marketing is refused", async ({ session }) => {
    googleTag(session);
    const html = snippet("google-analytics").replace("gtag('config', 'G-TEST123456');", "$&\n  gtag('config', 'AW-123456789');");
    const page = await openGate(session, html, {
      categories: { analytics: { services: ["google-analytics"] }, marketing: { services: ["google-ads"] } },
    });
    await callConsentGate(page, "set", { analytics: true, marketing: false });
    await expect.poll(() => runs(page)).toEqual({ "google-tag.js": 1 });
    await expect.poll(() => requestsTo(session, /google-analytics\.com$/)).toEqual([
      "POST fetch https://region1.google-analytics.com/g/collect?v=2&tid=G-TEST123456&en=page_view",
    ]);
    await settle(page);
    expect(requestsTo(session, GOOGLE).filter((r) => /123456789/.test(r))).toEqual([]);
    expect(await vendorCookies(session)).toEqual(["_ga"]);
  });
});
