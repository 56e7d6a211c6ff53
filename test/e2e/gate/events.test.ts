// SPEC §3/§4: every hold and release is reported through `held` / `released`;
// a late subscriber first receives, in order, what happened before it
// subscribed; a catalogue service that the config does not name is held
// anyway, reported in get().services, and named in exactly one console.warn.
import type { Page } from "playwright-core";
import { callConsentGate, consentState, describe, expect, gateMessages, test } from "../harness";
import { gatePage, installVendors, LOADERS, openGate, ran, requestsFor, snippet, tagged } from "./kit";

const CONFIG = {
  categories: {
    analytics: { services: ["google-analytics", "hotjar"] },
    marketing: { services: ["facebook-pixel"], sale: true },
  },
};

/** A subscriber installed right after ConsentGate, before anything could be held. */
const EARLY = `<script>
  window.__events = { held: [], released: [] };
  const describe = (e) => {
    const t = e.target;
    const what = typeof t === "string" ? t : t.getAttribute("data-src") || t.getAttribute("src") || "(inline)";
    return [String(e.service), String(e.category), e.kind, what].join(" | ");
  };
  window.__describe = describe;
  ConsentGate.on("held", (e) => __events.held.push(describe(e)));
  ConsentGate.on("released", (e) => __events.released.push(describe(e)));
</script>`;

const PAGE = `${EARLY}
${snippet("google-analytics")}
${tagged("hotjar", "analytics")}
<script type="text/plain" data-consent="marketing">window.__marketingRan = true;</script>
<script>document.cookie = "_hjSessionUser_9=x; path=/";</script>
<img alt="" data-consent="facebook-pixel" data-src="https://www.facebook.com/tr?id=1&ev=PageView">`;

/** Subscribes now and returns what the new subscriber received at once. */
function subscribeLate(page: Page, event: "held" | "released"): Promise<string[]> {
  return page.evaluate((name) => {
    const got: string[] = [];
    const w = window as unknown as { __describe(e: unknown): string; ConsentGate: { on(e: string, f: (p: unknown) => void): () => void } };
    const off = w.ConsentGate.on(name, (e) => got.push(w.__describe(e)));
    off();
    return got;
  }, event);
}

function early(page: Page): Promise<{ held: string[]; released: string[] }> {
  return page.evaluate(() => (window as unknown as { __events: { held: string[]; released: string[] } }).__events);
}

describe("held and released events", () => {
  test("a late subscriber receives the earlier held events, in order, as the first subscriber saw them", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await page.waitForLoadState("networkidle");

    const seen = await early(page);
    expect(seen.held).toEqual([
      `google-analytics | analytics | script | ${LOADERS["google-analytics"]}`,
      "null | analytics | script | (inline)",
      "null | marketing | script | (inline)",
      "hotjar | analytics | cookie | _hjSessionUser_9",
      "facebook-pixel | marketing | img | https://www.facebook.com/tr?id=1&ev=PageView",
    ]);
    expect(await subscribeLate(page, "held")).toEqual(seen.held);
  });

  test("a late subscriber receives the earlier released events, in order", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => ran(page)).toEqual(expect.arrayContaining(["gtag.js", "hotjar.js"]));

    await expect
      .poll(async () => (await early(page)).released)
      .toEqual([
        `google-analytics | analytics | script | ${LOADERS["google-analytics"]}`,
        "null | analytics | script | (inline)",
        "null | marketing | script | (inline)",
        "facebook-pixel | marketing | img | https://www.facebook.com/tr?id=1&ev=PageView",
        // Hotjar's own loader, inserted by its (released) snippet, was never held: it is allowed now.
        // The held cookie write goes to the browser with the rest of the change (consentgate-changes.js).
        "hotjar | analytics | cookie | _hjSessionUser_9",
      ]);
    expect(await subscribeLate(page, "released")).toEqual((await early(page)).released);
    await expect.poll(() => session.cookie("_hjSessionUser_9")).toBeTruthy();
  });
});

describe("a catalogue service the config does not name", () => {
  test("TikTok inserted untagged is held under its catalogue category, reported in get().services, and warned about once", async ({
    session,
  }) => {
    installVendors(session);
    const page = await openGate(session, `${EARLY}\n${snippet("tiktok-pixel")}`, CONFIG);
    // A second pixel: another held script, no second warning.
    await page.evaluate(() => (window as unknown as { ttq: { load(id: string): void } }).ttq.load("C0SECOND0PIXEL0"));
    await page.waitForLoadState("networkidle");

    expect(session.thirdParty()).toEqual([]);
    expect((await consentState(page)).services["tiktok-pixel"]).toBe(false);
    expect((await early(page)).held).toEqual([
      `tiktok-pixel | marketing | script | ${LOADERS["tiktok-pixel"]}`,
      "tiktok-pixel | marketing | script | https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C0SECOND0PIXEL0&lib=ttq",
    ]);
    await expect.poll(() => gateMessages(session, "warning")).toHaveLength(1);
    expect(gateMessages(session, "warning")[0]).toContain("tiktok-pixel");

    // Its catalogue category exists here: allowing marketing lets it run.
    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => requestsFor(session, LOADERS["tiktok-pixel"])).toBe(1);
    expect((await consentState(page)).services["tiktok-pixel"]).toBe(true);
  });

  // Meta's base code returns early where fbq exists, so no script of Meta's
  // ever reaches the gate: the stub's queue is what is held, and released.
  test("Meta's base code is reported held when it queues its first call, warned about once, and released with Meta's loader", async ({
    session,
  }) => {
    installVendors(session);
    const config = { categories: { marketing: { services: ["hotjar"] } } };
    const page = await openGate(session, `${EARLY}\n${snippet("facebook-pixel")}`, config);
    await page.evaluate(() => (window as unknown as { fbq(...args: unknown[]): void }).fbq("track", "Purchase"));
    await page.waitForLoadState("networkidle");

    expect(session.thirdParty()).toEqual([]);
    expect((await early(page)).held).toEqual([`facebook-pixel | marketing | script | ${LOADERS["facebook-pixel"]}`]);
    await expect.poll(() => gateMessages(session, "warning")).toHaveLength(1);
    expect(gateMessages(session, "warning")[0]).toContain("facebook-pixel");

    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => requestsFor(session, LOADERS["facebook-pixel"])).toBe(1);
    expect((await early(page)).released).toEqual([`facebook-pixel | marketing | script | ${LOADERS["facebook-pixel"]}`]);
  });

  test("Meta's base code tagged by the site is not reported held when, released, it fills the queue", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, `${EARLY}\n${tagged("facebook-pixel", "marketing")}`, CONFIG);
    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => requestsFor(session, LOADERS["facebook-pixel"])).toBe(1);
    const events = await early(page);
    expect(events.held.filter((e) => e.startsWith("facebook-pixel"))).toEqual([]);
    expect(events.released).toContain(`facebook-pixel | marketing | script | ${LOADERS["facebook-pixel"]}`);
    expect(gateMessages(session, "warning")).toEqual([]);
  });

  test("one let through under its allowed category is warned about too, once", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, gatePage("dynamic.html"), CONFIG);
    await callConsentGate(page, "acceptAll");
    // Twice: a second insertion warns no more.
    for (let i = 0; i < 2; i++) {
      await page.evaluate((html) => (window as unknown as { insertTags(h: string): void }).insertTags(html), snippet("microsoft-clarity"));
    }
    await expect.poll(() => requestsFor(session, LOADERS["microsoft-clarity"])).toBeGreaterThan(0);
    // The warning's words load with consentgate-diagnostics.js.
    await page.waitForLoadState("networkidle");
    await expect.poll(() => gateMessages(session, "warning")).toHaveLength(1);
    expect(gateMessages(session, "warning")[0]).toMatch(/microsoft-clarity.*comes under "analytics" and runs only while that category or microsoft-clarity itself is allowed/);
  });

  test("one listed in a malformed category is held with that category's error, not warned about as unnamed", async ({ session }) => {
    installVendors(session);
    const config = { categories: { analytics: { services: ["hotjar"], sale: "no" } } };
    const page = await openGate(session, gatePage("dynamic.html"), config);
    await page.evaluate((html) => (window as unknown as { insertTags(h: string): void }).insertTags(html), snippet("hotjar"));
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);
    expect(gateMessages(session, "warning")).toEqual([]);
    await expect.poll(() => gateMessages(session, "error")).toEqual([
      'categories.analytics.sale: "no" is not a boolean; the category is not offered, its services stay held',
    ].map((m) => "[consentgate] " + m));
  });

  test("one the config gives only a title, whose catalogue category the config lacks, is still warned about", async ({ session }) => {
    installVendors(session);
    const config = { categories: { analytics: { services: ["google-analytics"] } }, services: { "tiktok-pixel": { title: "TikTok" } } };
    const page = await openGate(session, snippet("tiktok-pixel"), config);
    await callConsentGate(page, "acceptAll");
    await page.waitForLoadState("networkidle");
    expect(requestsFor(session, LOADERS["tiktok-pixel"])).toBe(0);
    await expect.poll(() => gateMessages(session, "warning")).toEqual([expect.stringMatching(/tiktok-pixel was inserted but is not in your config; it is held under "marketing", a category the config lacks/)]);
  });

  test("a data-consent that names nothing is warned about also on an element at a known service's address", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, `<script type="text/plain" data-consent="analytcs" src="${LOADERS.hotjar}"></script>`, CONFIG);
    await callConsentGate(page, "acceptAll");
    await page.waitForLoadState("networkidle");

    expect(requestsFor(session, LOADERS.hotjar)).toBe(0);
    await expect.poll(() => gateMessages(session, "warning")).toEqual([expect.stringContaining('data-consent="analytcs" is not a category or service')]);
  });

  test("with no category of its own in the config it stays held for the page's whole life, even after acceptAll", async ({ session }) => {
    installVendors(session);
    const config = { categories: { analytics: { services: ["google-analytics"] } } };
    const page = await openGate(session, snippet("tiktok-pixel"), config);
    await callConsentGate(page, "acceptAll");
    await page.waitForLoadState("networkidle");

    expect(session.thirdParty()).toEqual([]);
    expect((await consentState(page)).services["tiktok-pixel"]).toBe(false);
    await expect.poll(() => gateMessages(session, "warning")).toHaveLength(1);
    expect(gateMessages(session, "warning")[0]).toMatch(/tiktok-pixel.*marketing/);
    await expect(callConsentGate(page, "set", { "tiktok-pixel": true })).resolves.toBeUndefined();
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);
  });
});
