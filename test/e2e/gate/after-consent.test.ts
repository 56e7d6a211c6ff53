// SPEC §3, issue 3: once allowed, every vendor's snippet works as if no gate
// had been there: its script loads once, it sends its collect request and sets
// its cookies on the registrable domain; per category and per service; Meta's
// queued calls are replayed; a GA tag that GTM injects is held like any other.
import type { Page } from "playwright-core";
import { callConsentGate, describe, expect, test, type Session } from "../harness";
import {
  ALL_VENDORS,
  fakes,
  gatePage,
  installVendors,
  LOADERS,
  MIXPANEL_TOKEN,
  mixpanelLoaded,
  openGate,
  ran,
  requestsFor,
  servePage,
  siteCookies,
  snippet,
  tagged,
  VENDORS,
  type Vendor,
  type Vendors,
} from "./kit";

const GTM_TAG = "https://www.googletagmanager.com/gtag/js?id=G-GTMTAG0001&l=dataLayer&cx=c";

/** Opens one of the three pages with every vendor on it. */
async function openVendors(session: Session, how: "untagged" | "tagged" | "dynamic"): Promise<Page> {
  const page = await openGate(session, gatePage(`${how}.html`), ALL_VENDORS);
  if (how === "dynamic") {
    for (const vendor of VENDORS) {
      await page.evaluate((html) => (window as unknown as { insertTags(h: string): void }).insertTags(html), snippet(vendor));
    }
    await page.evaluate(() => (window as unknown as { mixpanel: { track(e: string, p: object): void } }).mixpanel.track("Signed up", { plan: "pro" }));
  }
  await page.waitForLoadState("networkidle");
  return page;
}

/** How many times each vendor script executed (fakes by file name, probes by URL). */
async function runs(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await ran(page)) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

/** Waits until every vendor did what it does once allowed. */
async function expectAllVendorsRan(page: Page, session: Session, vendors: Vendors) {
  await expect
    .poll(async () => (await siteCookies(session)).filter((c) => c.endsWith("@.shop.test")), { timeout: 10_000 })
    .toEqual([
      "_fbp@.shop.test",
      "_ga@.shop.test",
      "_ga_GTMTAG0001@.shop.test",
      "_ga_TEST123456@.shop.test",
      "_hjSessionUser_1234567@.shop.test",
      "_hjSession_1234567@.shop.test",
      `mp_${MIXPANEL_TOKEN}_mixpanel@.shop.test`,
    ]);
  await expect.poll(() => vendors.hotjar.length).toBe(1);
  await expect.poll(() => requestsFor(session, GTM_TAG)).toBe(1);
  for (const vendor of VENDORS) expect(requestsFor(session, LOADERS[vendor]), vendor).toBeGreaterThanOrEqual(1);

  // Each script ran exactly once: the site's gtag.js and the one GTM's GA tag loaded.
  const once = {
    "gtag.js": 2,
    "gtm.js": 1,
    "fbevents.js": 1,
    "hotjar.js": 1,
    [LOADERS["microsoft-clarity"]]: 1,
    [LOADERS["tiktok-pixel"]]: 1,
    [LOADERS["linkedin-insight"]]: 1,
  };
  await expect.poll(() => runs(page)).toEqual(once);
  await expect.poll(() => mixpanelLoaded(page)).toBe(true);
  await page.waitForLoadState("networkidle");
  expect(await runs(page)).toEqual(once);

  const records = await fakes(page);
  expect(records.gtag?.configs).toEqual(["G-TEST123456", "G-GTMTAG0001"]);
  expect(vendors.collect.map((r) => new URL(r.url).searchParams.get("tid"))).toEqual(["G-TEST123456", "G-GTMTAG0001"]);
  expect(records.fbq?.received).toEqual([
    ["init", "1234567890"],
    ["track", "PageView"],
  ]);
  expect(vendors.pixel.map((r) => new URL(r.url).searchParams.get("ev"))).toEqual(["PageView"]);
}

describe("after acceptAll", () => {
  test.for(["untagged", "tagged", "dynamic"] as const)(
    "every vendor's script, collect request and cookies happen, each script once (%s snippets)",
    async (how, { session }) => {
      const vendors = installVendors(session);
      const page = await openVendors(session, how);
      await callConsentGate(page, "acceptAll");

      await expectAllVendorsRan(page, session, vendors);
      expect(session.pageErrors).toEqual([]);
    },
  );

  test("a returning visitor's vendors run from the start, each script once", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openVendors(session, "untagged");
    await callConsentGate(page, "acceptAll");
    await expectAllVendorsRan(page, session, vendors);

    const again = await session.visit(new URL(page.url()).pathname);
    await again.waitForLoadState("networkidle");
    await expect.poll(() => runs(again)).toMatchObject({ "gtag.js": 2, "gtm.js": 1, "fbevents.js": 1, "hotjar.js": 1 });
    await expect.poll(() => mixpanelLoaded(again)).toBe(true);
    const records = await fakes(again);
    expect(records.fbq?.received).toEqual([
      ["init", "1234567890"],
      ["track", "PageView"],
    ]);
    expect(session.pageErrors).toEqual([]);
  });
});

describe("per category and per service", () => {
  test("allowing analytics only runs GA, GTM, Hotjar, Mixpanel and Clarity, never Meta, TikTok or LinkedIn", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openVendors(session, "untagged");
    await callConsentGate(page, "set", { analytics: true });

    const analytics: Vendor[] = ["google-analytics", "google-tag-manager", "hotjar", "mixpanel", "microsoft-clarity"];
    await expect.poll(() => analytics.filter((v) => requestsFor(session, LOADERS[v]) === 0)).toEqual([]);
    await expect.poll(() => vendors.hotjar.length).toBe(1);
    await expect.poll(() => vendors.collect.length).toBe(2);
    await expect.poll(() => mixpanelLoaded(page)).toBe(true);
    await page.waitForLoadState("networkidle");

    for (const vendor of ["facebook-pixel", "tiktok-pixel", "linkedin-insight"] as const) {
      expect(requestsFor(session, LOADERS[vendor]), vendor).toBe(0);
    }
    expect(vendors.pixel).toEqual([]);
    expect(session.thirdParty().filter((r) => /facebook|tiktok|licdn|linkedin/.test(r.host))).toEqual([]);
    await expect.poll(async () => (await session.cookies()).map((c) => c.name)).toContain("_ga");
    expect((await session.cookies()).map((c) => c.name)).not.toContain("_fbp");
    expect((await fakes(page)).fbq).toBeUndefined();
  });

  test("allowing marketing only runs Meta, TikTok and LinkedIn, never the analytics vendors", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openVendors(session, "untagged");
    await callConsentGate(page, "set", { marketing: true });

    await expect.poll(() => vendors.pixel.length).toBe(1);
    await expect.poll(() => requestsFor(session, LOADERS["tiktok-pixel"])).toBe(1);
    await expect.poll(() => requestsFor(session, LOADERS["linkedin-insight"])).toBe(1);
    await page.waitForLoadState("networkidle");

    // gtag.js was fetched once by the preload scanner before consent; it never ran.
    expect(requestsFor(session, LOADERS["google-analytics"])).toBe(1);
    for (const vendor of ["google-tag-manager", "hotjar", "mixpanel", "microsoft-clarity"] as const) {
      expect(requestsFor(session, LOADERS[vendor]), vendor).toBe(0);
    }
    expect(vendors.collect).toEqual([]);
    expect(vendors.hotjar).toEqual([]);
    expect((await fakes(page)).gtag).toBeUndefined();
    await expect.poll(async () => (await session.cookies()).map((c) => c.name).sort()).toEqual(["_fbp", "consentgate"]);
  });

  test("allowing one service (hotjar) runs only that vendor", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openVendors(session, "untagged");
    await callConsentGate(page, "set", { hotjar: true });

    await expect.poll(() => vendors.hotjar.length).toBe(1);
    await page.waitForLoadState("networkidle");
    expect(await ran(page)).toEqual(["hotjar.js"]);
    expect(session.thirdParty().filter((r) => !/hotjar\.com$/.test(r.host)).map((r) => r.url)).toEqual([
      LOADERS["google-analytics"], // the preload scanner's fetch, before consent
    ]);
  });

  test("an element tagged with one service's id but at another service's address needs both allowed", async ({ session }) => {
    installVendors(session);
    const gtm = "https://www.googletagmanager.com/gtm.js?id=GTM-XXXX";
    const video = "https://www.youtube.com/embed/abc";
    const page = await openGate(
      session,
      `<script type="text/plain" data-consent="google-analytics" src="${gtm}"></script>
<iframe title="Video" data-consent="hotjar" data-src="${video}"></iframe>`,
      { categories: { analytics: { services: ["google-analytics", "hotjar"] }, marketing: { services: ["google-tag-manager", "youtube"] } } },
    );
    await callConsentGate(page, "set", { analytics: true, marketing: false });
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty().map((r) => r.url)).toEqual([]);

    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => session.thirdParty().map((r) => r.url)).toEqual(expect.arrayContaining([gtm, video]));
  });
});

describe("tagged elements whose srcset or srcdoc loads another service", () => {
  const CONFIG = { categories: { analytics: { services: ["google-analytics", "hotjar"] }, marketing: { services: ["facebook-pixel", "youtube"] } } };
  const PIXEL = "https://www.facebook.com/tr?id=1&ev=PageView";

  test("an image tagged with one service (or a category) whose data-srcset is another's needs that one allowed too", async ({ session }) => {
    installVendors(session);
    const page = await openGate(
      session,
      `<img alt="" data-consent="google-analytics" data-srcset="${PIXEL}&a=1 1x">
<img alt="" data-consent="analytics" data-srcset="${PIXEL}&a=2 1x">`,
      CONFIG,
    );
    await callConsentGate(page, "set", { analytics: true, marketing: false });
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty().map((r) => r.url)).toEqual([]);

    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => session.thirdParty().map((r) => r.url).sort()).toEqual([`${PIXEL}&a=1`, `${PIXEL}&a=2`]);
  });

  test("a frame tagged with an allowed service whose data-srcdoc loads a refused one stays held, inserted before or after the decision", async ({ session }) => {
    installVendors(session);
    const frame = `<iframe title="x" data-consent="google-analytics" data-srcdoc="<img src='${PIXEL}&a=1'>"></iframe>`;
    const page = await openGate(session, frame, CONFIG);
    await callConsentGate(page, "set", { analytics: true, marketing: false });
    await page.evaluate((pixel) => {
      const late = document.createElement("iframe");
      late.setAttribute("data-consent", "google-analytics");
      late.setAttribute("data-srcdoc", `<img src='${pixel}&a=2'>`);
      document.body.append(late);
    }, PIXEL);
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty().map((r) => r.url)).toEqual([]);
    expect(await page.evaluate(() => [...document.querySelectorAll("iframe")].map((f) => f.hasAttribute("srcdoc")))).toEqual([false, false]);

    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => session.thirdParty().map((r) => r.url).sort()).toEqual([`${PIXEL}&a=1`, `${PIXEL}&a=2`]);
  });

  test("a frame tagged with a category whose data-srcdoc loads a service of another stays held until both are allowed, in either order", async ({ session }) => {
    installVendors(session);
    const beacon = "https://www.google-analytics.com/g/collect?v=2&tid=G-FRAME";
    const page = await openGate(session, `<iframe title="x" data-consent="marketing" data-srcdoc="<img src='${beacon}'>"></iframe>`, CONFIG);
    await callConsentGate(page, "set", { marketing: true, analytics: false });
    await page.waitForLoadState("networkidle");
    await callConsentGate(page, "set", { marketing: false, analytics: true });
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty().map((r) => r.url)).toEqual([]);
    expect(await page.evaluate(() => document.querySelector("iframe")!.getAttribute("data-consent"))).toBe("marketing");

    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => session.thirdParty().map((r) => r.url)).toEqual([beacon]);
  });
});

describe("Meta Pixel", () => {
  test("fbq calls queued before consent (init, PageView, the site's AddToCart) are replayed in order after consent", async ({
    session,
  }) => {
    const vendors = installVendors(session);
    const page = await openGate(
      session,
      `${snippet("facebook-pixel")}\n<script>fbq("track", "AddToCart", { value: 12, currency: "EUR" });</script>`,
      ALL_VENDORS,
    );
    await page.evaluate(() => (window as unknown as { fbq(...a: unknown[]): void }).fbq("trackCustom", "Scrolled"));
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);

    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => vendors.pixel.length).toBe(3);

    expect((await fakes(page)).fbq).toMatchObject({
      runs: 1,
      received: [
        ["init", "1234567890"],
        ["track", "PageView"],
        ["track", "AddToCart", { value: 12, currency: "EUR" }],
        ["trackCustom", "Scrolled"],
      ],
    });
    expect(vendors.pixel.map((r) => new URL(r.url).searchParams.get("ev"))).toEqual(["PageView", "AddToCart", "Scrolled"]);
    expect(requestsFor(session, LOADERS["facebook-pixel"])).toBe(1);
    await expect.poll(async () => (await session.cookie("_fbp", ".shop.test")) !== undefined).toBe(true);
  });

  test("the tagged base code loads fbevents.js once marketing is allowed, and its init and PageView are sent", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, tagged("facebook-pixel", "marketing"), ALL_VENDORS);
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);

    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => vendors.pixel.length, { timeout: 5000 }).toBe(1);
    expect((await fakes(page)).fbq?.received).toEqual([
      ["init", "1234567890"],
      ["track", "PageView"],
    ]);
  });

  test("a returning visitor's site code calling fbq() before the tagged base code has run (held back behind a slow tagged script) never throws, and its call reaches fbevents.js", async ({
    session,
  }) => {
    const vendors = installVendors(session);
    session.fake(
      (url) => url.host === "www.googletagmanager.com" && url.pathname === "/gtag/js",
      async () => (await new Promise((resolve) => setTimeout(resolve, 300)), { body: "window.__gtagSlow = 1" }),
    );
    const html = `<script type="text/plain" data-consent="analytics" src="https://www.googletagmanager.com/gtag/js?id=G-SLOW0001"></script>
${tagged("facebook-pixel", "marketing")}
<script>fbq("track", "ViewContent");</script>`;
    const path = servePage(session, html, ALL_VENDORS);
    const first = await session.visit(path);
    await callConsentGate(first, "acceptAll");
    await expect.poll(() => vendors.pixel.length, { timeout: 5000 }).toBe(1);

    const again = await session.visit(path);
    await expect.poll(() => vendors.pixel.length, { timeout: 5000 }).toBe(2);
    expect(session.pageErrors).toEqual([]);
    expect(requestsFor(session, LOADERS["facebook-pixel"])).toBe(2);
    // In the order the page made them; the base code's init comes after the site's call, as it ran later.
    expect((await fakes(again)).fbq?.received).toEqual([
      ["track", "ViewContent"],
      ["init", "1234567890"],
      ["track", "PageView"],
    ]);
  });

  test("a returning visitor's tagged fbevents.js runs once beside the stub's loader; one who refuses right after Meta's loader went in sends no beacon", async ({
    session,
  }) => {
    const vendors = installVendors(session);
    const withFile = servePage(
      session,
      `<script type="text/plain" data-consent="marketing" src="https://connect.facebook.net/en_US/fbevents.js"></script>
<script>fbq("init", "1234567890"); fbq("track", "PageView");</script>`,
      ALL_VENDORS,
    );
    const refusing = servePage(session, `${tagged("facebook-pixel", "marketing")}\n<script>ConsentGate.rejectAll();</script>`, ALL_VENDORS);
    const first = await session.visit(withFile);
    await callConsentGate(first, "acceptAll");
    await expect.poll(() => vendors.pixel.length).toBe(1);

    const again = await session.visit(withFile);
    await expect.poll(() => vendors.pixel.length).toBe(2);
    expect((await ran(again)).filter((url) => url.endsWith("fbevents.js"))).toHaveLength(1);

    const refused = await session.visit(refusing);
    await refused.waitForLoadState("networkidle");
    expect(await refused.evaluate(() => window.ConsentGate.get().categories.marketing)).toBe(false);
    expect(vendors.pixel).toHaveLength(2);
    expect(session.pageErrors).toEqual([]);
  });

  test("a self-hosted base code tagged with the service id loads fbevents.js once, after acceptAll and for a returning visitor", async ({ session }) => {
    const vendors = installVendors(session);
    // A CSP-friendly install: Meta's base code in a file of the site's, no inline script.
    const baseCode = snippet("facebook-pixel").replace(/^[\s\S]*?<script[^>]*>([\s\S]*?)<\/script>[\s\S]*$/, "$1");
    session.route("/js/meta-pixel.js", { headers: { "content-type": "text/javascript" }, body: baseCode });
    const path = servePage(session, `<script type="text/plain" data-consent="facebook-pixel" src="/js/meta-pixel.js"></script>`, ALL_VENDORS);
    const first = await session.visit(path);
    await callConsentGate(first, "acceptAll");
    await expect.poll(() => vendors.pixel.length, { timeout: 5000 }).toBe(1);
    expect((await ran(first)).filter((url) => url.endsWith("fbevents.js"))).toHaveLength(1);
    const again = await session.visit(path);
    await expect.poll(() => vendors.pixel.length, { timeout: 5000 }).toBe(2);
    expect((await ran(again)).filter((url) => url.endsWith("fbevents.js"))).toHaveLength(1);
  });

  test("a tag manager's Pixel tag (fbq() first, then its own fbevents.js, as GTM's template does) runs fbevents.js once for a returning visitor", async ({
    session,
  }) => {
    installVendors(session);
    const path = servePage(
      session,
      `<script>
        window.managerTag = function () {
          fbq("init", "1234567890");
          fbq("track", "PageView");
          var script = document.createElement("script");
          script.async = true;
          script.src = "https://connect.facebook.net/en_US/fbevents.js";
          document.head.appendChild(script);
        };
      </script>`,
      ALL_VENDORS,
    );
    const first = await session.visit(path);
    await callConsentGate(first, "acceptAll");
    const again = await session.visit(path);
    await again.evaluate(() => (window as unknown as { managerTag(): void }).managerTag());
    await again.waitForLoadState("networkidle");
    // Requested is not yet run on a slow machine (CG_THROTTLE=12): wait for the run, then count.
    await expect.poll(async () => (await ran(again)).filter((url) => url.endsWith("fbevents.js"))).toHaveLength(1);
  });

  test("the base code inserted by script after consent (a tag manager firing on the consent) loads fbevents.js", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, gatePage("dynamic.html"), ALL_VENDORS);
    await callConsentGate(page, "set", { marketing: true });
    await page.evaluate((html) => (window as unknown as { insertTags(h: string): void }).insertTags(html), snippet("facebook-pixel"));

    await expect.poll(() => vendors.pixel.length, { timeout: 5000 }).toBe(1);
    expect(requestsFor(session, LOADERS["facebook-pixel"])).toBe(1);
  });

  test("after a refusal of a running Pixel, fbq('consent', 'revoke') reaches it and nothing more is sent", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, snippet("facebook-pixel"), ALL_VENDORS);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => vendors.pixel.length).toBe(1);

    await callConsentGate(page, "set", { marketing: false });
    // Tracked at once: the revoke comes with consentgate-changes.js, which may still be on its
    // way, yet the gate holds the Pixel's requests from the refusal on.
    await page.evaluate(() => (window as unknown as { fbq(...a: unknown[]): void }).fbq("track", "Purchase"));
    await expect.poll(async () => (await fakes(page)).fbq?.received).toEqual(
      expect.arrayContaining([["consent", "revoke"], ["track", "Purchase"]]),
    );
    const received = (await fakes(page)).fbq?.received;
    expect(received).toHaveLength(4);
    expect(received?.slice(0, 2)).toEqual([
      ["init", "1234567890"],
      ["track", "PageView"],
    ]);
    await page.waitForLoadState("networkidle");
    expect(vendors.pixel).toHaveLength(1);
    await expect.poll(async () => (await session.cookie("_fbp")) === undefined).toBe(true);

    // Allowed again on the same page, the revoked Pixel is granted again.
    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(async () => (await fakes(page)).fbq?.received?.at(-1)).toEqual(["consent", "grant"]);
  });
});

describe("Google Tag Manager", () => {
  test("a GA tag that GTM injects stays held while only GTM is allowed, and runs once GA is", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, snippet("google-tag-manager"), ALL_VENDORS);
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);

    await callConsentGate(page, "set", { "google-tag-manager": true });
    await expect.poll(async () => (await fakes(page)).gtm?.injected).toBe(GTM_TAG);
    await page.waitForLoadState("networkidle");
    expect(requestsFor(session, LOADERS["google-tag-manager"])).toBe(1);
    expect(requestsFor(session, GTM_TAG)).toBe(0);
    expect((await fakes(page)).gtag).toBeUndefined();
    expect(vendors.collect).toEqual([]);
    expect(await session.cookies()).toEqual([expect.objectContaining({ name: "consentgate" })]);
    // The noscript iframe never loads while scripts run.
    expect(requestsFor(session, "https://www.googletagmanager.com/ns.html?id=GTM-TEST123")).toBe(0);

    await callConsentGate(page, "set", { "google-analytics": true });
    await expect.poll(() => vendors.collect.length).toBe(1);
    expect(requestsFor(session, GTM_TAG)).toBe(1);
    expect((await fakes(page)).gtag).toMatchObject({ runs: 1, configs: ["G-GTMTAG0001"] });
    await expect.poll(async () => (await session.cookie("_ga_GTMTAG0001", ".shop.test")) !== undefined).toBe(true);
    expect((await fakes(page)).gtm?.runs).toBe(1);
  });
});
