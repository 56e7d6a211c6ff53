// Google Consent Mode v2 (SPEC §2 googleConsentMode, standards.md §3): the
// `consent default` is dataLayer's first entry, before the `js` / `config` of
// the site's gtag snippet that comes right after ConsentGate; all seven types
// with wait_for_update; a returning visitor's `update` follows the default
// at once, before `js`; an `update` on every change; every entry an
// `arguments` object, the only shape gtag.js reads.
import type { Page } from "playwright-core";
import { callConsentGate, describe, expect, test } from "../harness";
import { fakes, installVendors, openGate, snippet } from "./kit";

const CONFIG = {
  categories: {
    analytics: { services: ["google-analytics", "google-tag-manager"] },
    marketing: { services: ["facebook-pixel"], sale: true },
  },
  googleConsentMode: true,
};

const DENIED = {
  ad_storage: "denied",
  ad_user_data: "denied",
  ad_personalization: "denied",
  analytics_storage: "denied",
  functionality_storage: "denied",
  personalization_storage: "denied",
  security_storage: "granted",
};
const ALL_GRANTED = { ...DENIED, ad_storage: "granted", ad_user_data: "granted", ad_personalization: "granted", analytics_storage: "granted" };
const DEFAULT = ["consent", "default", { ...DENIED, wait_for_update: 500 }];

interface Entry {
  /** `Object.prototype.toString` of the entry: "[object Arguments]" for gtag() calls. */
  shape: string;
  value: unknown;
}

/** dataLayer as the page holds it, `js`'s Date reduced to "Date". */
function dataLayer(page: Page): Promise<Entry[]> {
  return page.evaluate(() =>
    ((window as unknown as { dataLayer: unknown[] }).dataLayer ?? []).map((entry) => {
      const shape = Object.prototype.toString.call(entry);
      const plain = (v: unknown) => (v instanceof Date ? "Date" : v);
      const value =
        shape === "[object Arguments]" || Array.isArray(entry)
          ? Array.from(entry as ArrayLike<unknown>).map(plain)
          : entry;
      return { shape, value: JSON.parse(JSON.stringify(value)) };
    }),
  );
}

const args = (value: unknown): Entry => ({ shape: "[object Arguments]", value });
const update = (values: Record<string, string>) => args(["consent", "update", values]);

describe("Consent Mode order in dataLayer", () => {
  test("the default comes first, before the js and config of the site's gtag snippet right after ConsentGate", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, snippet("google-analytics"), CONFIG);

    expect(await dataLayer(page)).toEqual([args(DEFAULT), args(["js", "Date"]), args(["config", "G-TEST123456"])]);
  });

  test("the default comes before GTM's gtm.js event too", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, snippet("google-tag-manager"), CONFIG);

    const entries = await dataLayer(page);
    expect(entries[0]).toEqual(args(DEFAULT));
    expect(entries[1]).toEqual({ shape: "[object Object]", value: { "gtm.start": expect.any(Number), event: "gtm.js" } });
  });

  test("a returning visitor's update follows the default at once, before js", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, snippet("google-analytics"), CONFIG);
    await callConsentGate(page, "set", { analytics: true });
    await page.reload();

    expect(await dataLayer(page)).toEqual([
      args(DEFAULT),
      update({ ...DENIED, analytics_storage: "granted" }),
      args(["js", "Date"]),
      args(["config", "G-TEST123456"]),
    ]);
    // gtag.js itself (the fake reads the queue as Google's does) started with the choice applied.
    await expect.poll(async () => (await fakes(page)).gtag?.hits.length).toBe(1);
    const gtag = (await fakes(page)).gtag!;
    expect(gtag.consentLog).toEqual(["default", "update"]);
    expect(gtag.hits).toEqual([{ id: "G-TEST123456", event: "page_view", gcs: "G101", cookies: true }]);
    expect(gtag.skipped).toBe(0);
  });

  test("a page that declares its own dataLayer after ConsentGate, as Google's GTM guide shows, still starts with the default and a returning visitor's update", async ({
    session,
  }) => {
    installVendors(session);
    // `var` as well as a plain assignment: both assign window.dataLayer.
    const declared = `<script>var dataLayer = [{ pageCategory: "signup" }];</script>`;
    const page = await openGate(session, declared + snippet("google-analytics"), CONFIG);
    expect(await dataLayer(page)).toEqual([
      args(DEFAULT),
      { shape: "[object Object]", value: { pageCategory: "signup" } },
      args(["js", "Date"]),
      args(["config", "G-TEST123456"]),
    ]);

    await callConsentGate(page, "set", { analytics: true });
    await page.reload();
    const returning = await dataLayer(page);
    expect(returning.slice(0, 3)).toEqual([
      args(DEFAULT),
      update({ ...DENIED, analytics_storage: "granted" }),
      { shape: "[object Object]", value: { pageCategory: "signup" } },
    ]);
    // A later change reaches the array the page put in place.
    await callConsentGate(page, "set", { analytics: false });
    expect((await dataLayer(page)).at(-1)).toEqual(update(DENIED));
  });

  test("every change pushes an update, as arguments objects, and gtag.js follows each", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, snippet("google-analytics"), CONFIG);

    await callConsentGate(page, "acceptAll");
    await callConsentGate(page, "set", { marketing: false });
    await callConsentGate(page, "withdraw");

    expect((await dataLayer(page)).slice(3)).toEqual([
      update(ALL_GRANTED),
      update({ ...ALL_GRANTED, ad_storage: "denied", ad_user_data: "denied", ad_personalization: "denied" }),
      update(DENIED),
    ]);
    await expect.poll(async () => (await fakes(page)).gtag?.consentLog).toEqual(["default", "update", "update", "update"]);
    const gtag = (await fakes(page)).gtag!;
    expect(gtag.skipped).toBe(0);
    // gtag.js waited for the update (wait_for_update) and measured with cookies.
    expect(gtag.hits[0]).toEqual({ id: "G-TEST123456", event: "page_view", gcs: "G111", cookies: true });
  });

  test("a Google tag allowed on its own is told its category's types are granted, and gtag.js stores", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, snippet("google-analytics"), CONFIG);
    await callConsentGate(page, "set", { "google-analytics": true });

    expect((await dataLayer(page)).at(-1)).toEqual(update({ ...DENIED, analytics_storage: "granted" }));
    await expect.poll(async () => (await fakes(page)).gtag?.hits.length).toBe(1);
    expect((await fakes(page)).gtag!.hits[0]).toMatchObject({ gcs: "G101", cookies: true });
    // Another service of the category allowed alone tells Google nothing new.
    await callConsentGate(page, "set", { "google-analytics": false, "google-tag-manager": false, hotjar: true });
    expect((await dataLayer(page)).at(-1)).toEqual(update(DENIED));
  });

  test("a Google tag refused on its own keeps its category's types denied, though the category is allowed", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, snippet("google-analytics"), {
      ...CONFIG,
      categories: { ...CONFIG.categories, marketing: { services: ["google-ads", "facebook-pixel"], sale: true } },
    });
    await callConsentGate(page, "set", { analytics: true, marketing: true, "google-ads": false });
    expect((await dataLayer(page)).at(-1)).toEqual(update({ ...DENIED, analytics_storage: "granted" }));

    await callConsentGate(page, "set", { "google-ads": true });
    expect((await dataLayer(page)).at(-1)).toEqual(update(ALL_GRANTED));
  });

  test("a custom map grants only the types it names", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, snippet("google-analytics"), {
      ...CONFIG,
      categories: { ...CONFIG.categories, functional: { services: [] } },
      googleConsentMode: { map: { analytics: ["analytics_storage"], marketing: ["ad_storage"], functional: ["functionality_storage"] } },
    });
    await callConsentGate(page, "set", { marketing: true, functional: true });

    const entries = await dataLayer(page);
    expect(entries[0]).toEqual(args(DEFAULT));
    expect(entries.at(-1)).toEqual(update({ ...DENIED, ad_storage: "granted", functionality_storage: "granted" }));
  });
});

describe("basic and advanced implementations", () => {
  test("basic (default): Google's tag is not even requested before consent", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, snippet("google-tag-manager"), CONFIG);
    await page.waitForLoadState("networkidle");

    expect(session.thirdParty()).toEqual([]);
    expect(vendors.collect).toEqual([]);
    expect((await fakes(page)).gtag).toBeUndefined();
  });

  test("advanced: Google's tags load before consent and ping without cookies; the cookies come with consent", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, snippet("google-tag-manager"), { ...CONFIG, googleConsentMode: { advanced: true } });

    await expect.poll(() => vendors.collect.length, { timeout: 5000 }).toBe(1);
    expect(new URL(vendors.collect[0]!.url).searchParams.get("gcs")).toBe("G100");
    expect((await fakes(page)).gtag?.hits[0]).toMatchObject({ cookies: false });
    expect(await session.cookies()).toEqual([]);

    await callConsentGate(page, "set", { analytics: true });
    await expect.poll(async () => (await session.cookies()).map((c) => c.name).sort()).toEqual(["_ga", "_ga_GTMTAG0001", "consentgate"]);
  });
});
