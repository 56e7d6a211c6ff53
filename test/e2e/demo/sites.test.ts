// The five seed sites' demo pages, in real Chromium: each behaves as its
// privacy policy implies (see the table on each page).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { DIST } from "../harness";
import {
  bannerShown,
  describe,
  expandServiceLists,
  expect,
  ready,
  settle,
  state,
  test,
  thirdPartyUrls,
  ui,
  uiButton,
  uiRequested,
  vendorRan,
  visitDemo,
  waitForBanner,
  waitForVendor,
} from "./demo-test";

const GTAG = "https://www.googletagmanager.com/gtag/js?id=G-XXXXXXXXXX";

/** Every `<script src>` written untagged in a page's HTML (the preload scanner may fetch these). */
function untaggedScriptSources(file: string): string[] {
  const html = readFileSync(new URL(`../../../demo/${file}`, import.meta.url), "utf8");
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1]!)
    .filter((attrs) => !/\btype=/.test(attrs) && /\bsrc="https?:/.test(attrs))
    .map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)![1]!);
}

describe("Minimus: Google Analytics pasted untagged, DNT not honoured", () => {
  test("shows the banner on a first visit and lets no tracker run or beacon", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minimus.html");
    await waitForBanner(page);
    await settle(page);
    // The banner came with its file: what the "downloads no UI" checks below look for.
    expect(uiRequested(session)).toBe(true);
    const s = await state(page);
    expect(s.decided).toBe(false);
    expect(s.categories).toEqual({ necessary: true, analytics: false });
    expect(await vendorRan(page)).toEqual([]);
    // Only the preload scanner's early fetch of the parser-inserted loader is
    // possible (SPEC §3): no collect request, nothing else.
    const allowed = untaggedScriptSources("sites/minimus.html");
    expect(allowed).toEqual([GTAG]);
    expect(thirdPartyUrls(session).filter((u) => !allowed.includes(u))).toEqual([]);
    expect((await session.cookies()).map((c) => c.name).filter((n) => n.startsWith("_ga"))).toEqual([]);
  });

  test("Accept all releases gtag.js and it runs", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minimus.html");
    await (await waitForBanner(page)).click();
    await waitForVendor(page, "/gtag/js");
    const s = await state(page);
    expect(s.decided).toBe(true);
    expect(s.categories.analytics).toBe(true);
    expect(s.source).toBe("banner");
    expect(await session.cookie("cg_minimus")).toBeDefined();
  });

  test("Reject all keeps gtag.js from running, also after a reload", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minimus.html");
    await waitForBanner(page);
    await uiButton(page, "Reject all").click();
    await settle(page);
    expect((await state(page)).categories.analytics).toBe(false);
    await page.reload();
    await settle(page);
    expect(await bannerShown(page)).toBe(false);
    expect((await state(page)).decided).toBe(true);
    expect(await vendorRan(page)).toEqual([]);
  });

  test("a Do Not Track signal is reported and changes nothing", async ({ session }) => {
    await session.signals({ dnt: true });
    const page = await visitDemo(session, "/sites/minimus.html");
    await waitForBanner(page);
    const s = await state(page);
    expect(s.signals.dnt).toBe(true);
    expect(s.decided).toBe(false);
    expect(s.source).toBe("default");
    await uiButton(page, "Accept all").click();
    await waitForVendor(page, "/gtag/js");
    expect((await state(page)).categories.analytics).toBe(true);
  });
});

describe("Minopio: strictly necessary cookies only", () => {
  test("shows no banner, downloads no UI and makes no third-party request", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minopio.html");
    expect(await bannerShown(page)).toBe(false);
    expect(uiRequested(session)).toBe(false);
    expect(Object.keys((await state(page)).categories)).toEqual(["necessary"]);
    expect(thirdPartyUrls(session)).toEqual([]);
  });

  test("the footer's Cookie settings link opens the preferences, which list the service", async ({
    session,
  }) => {
    const page = await visitDemo(session, "/sites/minopio.html");
    await page.locator("footer [data-consentgate-open]").click();
    const view = ui(page);
    await view.getByRole("dialog").first().waitFor({ state: "visible", timeout: 10_000 });
    await expandServiceLists(page);
    await view.getByText("Minopio web app").first().waitFor({ state: "visible", timeout: 10_000 });
    await expect(view.getByText("Strictly necessary").first().isVisible()).resolves.toBe(true);
    expect(await view.getByRole("switch").count()).toBe(0);
  });
});

describe("Minta: tagged trackers, DNT and GPC honoured", () => {
  test("first visit: the banner, every tag held, zero tracker requests", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minta.html");
    await waitForBanner(page);
    await settle(page);
    expect(thirdPartyUrls(session)).toEqual([]);
    const s = await state(page);
    expect(s.categories).toEqual({ necessary: true, functional: false, analytics: false, marketing: false });
    // The page's own held/released table shows what was held.
    const held = await page
      .locator('#gate-log tr[data-event="held"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-service")));
    for (const id of ["google-analytics", "hotjar", "mixpanel", "facebook-pixel"]) {
      expect(held).toContain(id);
    }
  });

  test("Accept all releases every vendor's snippet and their scripts run", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minta.html");
    await (await waitForBanner(page)).click();
    for (const part of [
      "/gtag/js",
      "static.hotjar.com/c/hotjar-1234567.js",
      "cdn.mxpnl.com/libs/mixpanel-2-latest.min.js",
      "widget.intercom.io/widget/YOUR_APP_ID",
      // Meta's base code steps aside when fbq exists; ConsentGate inserts the loader for it.
      "connect.facebook.net/en_US/fbevents.js",
    ]) {
      await waitForVendor(page, part);
    }
    const s = await state(page);
    expect(Object.values(s.categories).every(Boolean)).toBe(true);
  });

  test("the preferences list the website's tools the policy names, each in its category, and no other", async ({
    session,
  }) => {
    const page = await visitDemo(session, "/sites/minta.html");
    await waitForBanner(page);
    await uiButton(page, "Manage choices").click();
    await uiButton(page, "Save choices").waitFor({ state: "visible", timeout: 10_000 });
    await expandServiceLists(page);
    const listed = await ui(page)
      .locator("section.cg-cat")
      .evaluateAll((sections) =>
        sections.map((s) => ({
          category: s.querySelector("h3")?.textContent,
          services: [...s.querySelectorAll(".cg-svc h4")].map((h) => h.textContent),
          text: (s as HTMLElement).innerText,
        })),
      );
    expect(Object.fromEntries(listed.map((c) => [c.category, c.services]))).toEqual({
      "Strictly necessary": [],
      Functional: ["Intercom", "Facebook Messenger"],
      Analytics: ["Google Analytics", "Firebase Analytics", "Mixpanel", "Hotjar"],
      Marketing: ["Meta Pixel", "AppsFlyer", "Salesforce Marketing Cloud Account Engagement (Pardot)"],
    });
    // The policy names Mailchimp only for sending e-mail, never as a tool on the website.
    for (const c of listed) expect(c.text).not.toMatch(/mailchimp/i);
  });

  test("Save choices with only Analytics on runs the analytics tools and nothing else", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minta.html");
    await waitForBanner(page);
    await uiButton(page, "Manage choices").click();
    await ui(page).getByRole("switch", { name: "Analytics" }).click();
    await uiButton(page, "Save choices").click();
    for (const part of ["/gtag/js", "static.hotjar.com/", "cdn.mxpnl.com/"]) await waitForVendor(page, part);
    await settle(page);
    const s = await state(page);
    expect(s.source).toBe("preferences");
    expect(s.categories).toEqual({ necessary: true, functional: false, analytics: true, marketing: false });
    const hosts = new Set(session.thirdParty().map((r) => r.host));
    expect([...hosts].sort()).toEqual(["cdn.mxpnl.com", "static.hotjar.com", "www.googletagmanager.com"]);
  });

  test("Reject all: nothing runs, no tracker request, and the choice is kept", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minta.html");
    await waitForBanner(page);
    await uiButton(page, "Reject all").click();
    await settle(page);
    await page.reload();
    await settle(page);
    expect(await bannerShown(page)).toBe(false);
    const s = await state(page);
    expect(s.decided).toBe(true);
    expect(s.categories).toEqual({ necessary: true, functional: false, analytics: false, marketing: false });
    expect(thirdPartyUrls(session)).toEqual([]);
  });

  test("with Do Not Track every optional category is off and the banner says so", async ({ session }) => {
    await session.signals({ dnt: true });
    const page = await visitDemo(session, "/sites/minta.html");
    const s = await state(page);
    expect(s.signals.dnt).toBe(true);
    expect(s.source).toBe("signal");
    expect(s.categories).toEqual({ necessary: true, functional: false, analytics: false, marketing: false });
    expect(await session.cookie("cg_minta")).toBeUndefined();
    await waitForBanner(page);
    await expect(ui(page).getByText(/privacy signal was honoured/i).first().isVisible()).resolves.toBe(true);
    await settle(page);
    expect(thirdPartyUrls(session)).toEqual([]);
  });

  test("with Global Privacy Control the sale category is off and the banner asks about the rest", async ({
    session,
  }) => {
    await session.signals({ gpc: true });
    const page = await visitDemo(session, "/sites/minta.html");
    await waitForBanner(page);
    const s = await state(page);
    expect(s.signals.gpc).toBe(true);
    expect(s.categories.marketing).toBe(false);
    await expect(ui(page).getByText(/privacy signal was honoured/i).first().isVisible()).resolves.toBe(true);
  });

  // What the page's policy table says GPC does here, which is less than the policy promises for it.
  test("Global Privacy Control after Accept all turns marketing off and leaves analytics running", async ({
    session,
  }) => {
    const page = await visitDemo(session, "/sites/minta.html");
    await (await waitForBanner(page)).click();
    await session.signals({ gpc: true });
    await page.reload();
    await ready(page);
    const s = await state(page);
    expect(s.signals.gpc).toBe(true);
    expect(s.decided).toBe(true);
    expect(s.categories).toEqual({ necessary: true, functional: true, analytics: true, marketing: false });
    await waitForVendor(page, "/gtag/js");
    expect(await bannerShown(page)).toBe(false);
  });
});

/**
 * A UI string in one language, found by its English value (so the test needs no key names).
 * `part`: the first layer's strings ("opt-in") or the preferences' ("views").
 */
async function translated(language: string, english: string, part = "opt-in"): Promise<string> {
  const load = async (code: string) =>
    ((await import(pathToFileURL(join(DIST, "i18n", `${code}-${part}.js`)).href)) as { default: Record<string, unknown> })
      .default;
  const [en, other] = await Promise.all([load("en"), load(language)]);
  const key = Object.keys(en).find((k) => en[k] === english);
  if (!key || typeof other[key] !== "string") throw new Error(`no ${language} string for "${english}"`);
  return other[key] as string;
}

describe("Minimum CRM: Turkish and English, GTM untagged, Consent Mode", () => {
  test('with <html lang="tr"> the banner is in Turkish', async ({ session }) => {
    const acceptTr = await translated("tr", "Accept all");
    expect(acceptTr).not.toBe("Accept all");
    const page = await visitDemo(session, "/sites/minimum-crm.html");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("tr");
    await waitForBanner(page, acceptTr);
    await expect(uiButton(page, await translated("tr", "Reject all")).isVisible()).resolves.toBe(true);
    expect(await uiButton(page, "Accept all").count()).toBe(0);
  });

  test("the English version of the page (?lang=en) gets an English banner", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minimum-crm.html?lang=en");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await waitForBanner(page, "Accept all");
  });

  test("first visit: the untagged GTM container makes zero requests", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minimum-crm.html?lang=en");
    await waitForBanner(page);
    await settle(page);
    expect(thirdPartyUrls(session)).toEqual([]);
    const s = await state(page);
    expect(s.categories).toEqual({ necessary: true, functional: false, analytics: false, marketing: false });
  });

  test("Accept all loads the GTM container", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minimum-crm.html?lang=en");
    await (await waitForBanner(page)).click();
    await waitForVendor(page, "www.googletagmanager.com/gtm.js?id=GTM-XXXXXX");
    expect((await state(page)).categories.analytics).toBe(true);
  });

  test("Reject all keeps GTM held", async ({ session }) => {
    const page = await visitDemo(session, "/sites/minimum-crm.html?lang=en");
    await waitForBanner(page);
    await uiButton(page, "Reject all").click();
    await settle(page);
    expect((await state(page)).decided).toBe(true);
    expect(thirdPartyUrls(session)).toEqual([]);
  });

  test("a Do Not Track signal is not honoured (the policy is silent; the default is off)", async ({
    session,
  }) => {
    await session.signals({ dnt: true });
    const page = await visitDemo(session, "/sites/minimum-crm.html?lang=en");
    await waitForBanner(page);
    const s = await state(page);
    expect(s.signals.dnt).toBe(true);
    expect(s.decided).toBe(false);
  });
});

describe("MiniStat: login, reCAPTCHA and Stripe, all strictly necessary", () => {
  test("shows no banner and loads reCAPTCHA and Stripe at once", async ({ session }) => {
    const page = await visitDemo(session, "/sites/ministat.html");
    expect(await bannerShown(page)).toBe(false);
    expect(uiRequested(session)).toBe(false);
    await waitForVendor(page, "www.google.com/recaptcha/api.js");
    await waitForVendor(page, "js.stripe.com/v3/");
    const hosts = new Set(session.thirdParty().map((r) => r.host));
    expect([...hosts].sort()).toEqual(["js.stripe.com", "www.google.com"]);
    const s = await state(page);
    expect(s.services["google-recaptcha"]).toBe(true);
    expect(s.services.stripe).toBe(true);
  });

  test("the footer's Cookie settings link opens preferences that list all three services", async ({
    session,
  }) => {
    const page = await visitDemo(session, "/sites/ministat.html");
    await page.locator("footer [data-consentgate-open]").click();
    const view = ui(page);
    await view.getByRole("dialog").first().waitFor({ state: "visible", timeout: 10_000 });
    await expandServiceLists(page);
    await view.getByText("MiniStat login").first().waitFor({ state: "visible", timeout: 10_000 });
    await expect(view.getByText(/reCAPTCHA/).first().isVisible()).resolves.toBe(true);
    await expect(view.getByText(/Stripe/).first().isVisible()).resolves.toBe(true);
  });
});

describe("the way back to a choice on the pages with a banner", () => {
  test.for([
    ["/sites/minimus.html", "en", "Cookie settings"],
    ["/sites/minta.html", "en", "Cookie settings"],
    ["/sites/minimum-crm.html?lang=en", "en", "Cookie settings"],
    ["/sites/minimum-crm.html", "tr", "Çerez ayarları"],
  ] as const)(
    "%s: after Reject all, the footer's Cookie settings link reopens the preferences, in the page's language, with every switch off",
    async ([path, lang, linkText], { session }) => {
      const reject = await translated(lang, "Reject all");
      const save = await translated(lang, "Save choices", "views");
      const page = await visitDemo(session, path);
      await uiButton(page, reject).waitFor({ state: "visible", timeout: 10_000 });
      await uiButton(page, reject).click();
      await settle(page);
      expect((await state(page)).decided).toBe(true);
      await page.reload();
      await ready(page);
      expect(await bannerShown(page, await translated(lang, "Accept all"))).toBe(false);

      // Only the link in the page's language is displayed (the other is hidden by the page's CSS).
      const link = page.locator("footer [data-consentgate-open]").filter({ hasText: linkText });
      expect(await link.isVisible()).toBe(true);
      await link.click();
      await uiButton(page, save).waitFor({ state: "visible", timeout: 10_000 });
      const switches = await ui(page).getByRole("switch").evaluateAll((els) => els.map((e) => e.getAttribute("aria-checked")));
      expect(switches.length).toBeGreaterThan(0);
      expect(switches.every((checked) => checked === "false")).toBe(true);
      // The link opens the preferences in place: the address does not change to its empty fragment.
      expect(new URL(page.url()).hash).toBe("");
    },
  );
});

test("every demo page loads without a console error or an uncaught exception", async ({ session }) => {
  for (const path of [
    "/",
    "/sites/minimus.html",
    "/sites/minopio.html",
    "/sites/minta.html",
    "/sites/minimum-crm.html",
    "/sites/ministat.html",
    "/playground.html",
    "/embeds.html",
    "/csp-strict.html",
    "/csp-nonce.html",
  ]) {
    const page = await session.visit(path);
    await settle(page, 600);
    await page.close();
  }
  expect(session.problems()).toEqual([]);
}, 90_000);
