// The UI loads only when something must be shown, as one banner file in the
// page's language (issue 4 "Tests": the UI not requested at all for a
// returning visitor), and the views drawn with Preact only when one of them is needed.
import type { SiteConfig } from "../../../src/types";
import { callConsentGate, consentState, expect, test, type Session } from "../harness";
import { bannerShown, preferencesShown, SITE, uiPage, withUi } from "./pages";

/** Paths on the site requested from `from` on: the banner's and language files, and the views' chunks. */
function uiRequests(session: Session, from = 0): string[] {
  return session.requests
    .slice(from)
    .filter((r) => !r.thirdParty)
    .map((r) => new URL(r.url).pathname)
    .filter((path) => path.startsWith("/consentgate-") || path.startsWith("/i18n/") || path.startsWith("/chunks/"));
}

test("a first visitor downloads one file for the banner, in the page's language, and no renderer", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  await page.waitForLoadState("networkidle");
  expect(uiRequests(session)).toEqual(["/i18n/en-opt-in.js"]);
});

test("an opt-out site's first visitor gets the banner's strings in California's words, and no others", async ({ session }) => {
  const config = {
    mode: "opt-out",
    categories: { analytics: { services: ["google-analytics"] }, marketing: { services: ["youtube"], sale: true } },
  } as SiteConfig;
  const page = await uiPage(session, "shop.html", config);
  await bannerShown(page);
  await page.waitForLoadState("networkidle");
  expect(uiRequests(session)).toEqual(["/i18n/en-opt-out.js"]);
  const refuse = page.locator("consentgate-ui").getByRole("button", { name: "Do not sell or share my personal information" });
  expect(await refuse.count()).toBe(1);
  expect(await page.locator("consentgate-ui .cg-banner").textContent()).toContain("selling or sharing");
});

test("the preferences and Preact load when the visitor asks for them", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  await page.waitForLoadState("networkidle");
  const from = session.requests.length;
  await page.locator("consentgate-ui").getByRole("button", { name: "Manage choices" }).click();
  await preferencesShown(page);
  expect(uiRequests(session, from).some((path) => /^\/chunks\/views\.js$/.test(path))).toBe(true);
  expect(session.problems()).toEqual([]);
});

test("a first visitor on a Hebrew page downloads only Hebrew language files", async ({ session }) => {
  const page = await uiPage(session, "video-he.html");
  await bannerShown(page);
  await page.waitForLoadState("networkidle");
  // The page holds a video, so the placeholder's strings come too: both halves of Hebrew, nothing else.
  await page.waitForLoadState("networkidle");
  expect(uiRequests(session).filter((p) => p.startsWith("/i18n/")).sort()).toEqual(["/i18n/he-opt-in.js", "/i18n/he-views.js"]);
  expect(await page.locator("consentgate-ui .cg-banner").evaluate((el) => el.closest(".cg")!.getAttribute("dir"))).toBe("rtl");
});

test("a configured language the UI does not speak falls back as auto would: to the page's", async ({ session }) => {
  const page = await uiPage(session, "video-he.html", { ...SITE, language: "xx" } as SiteConfig);
  await bannerShown(page);
  await page.waitForLoadState("networkidle");
  expect(uiRequests(session).filter((p) => p.startsWith("/i18n/")).sort()).toEqual(["/i18n/he-opt-in.js", "/i18n/he-views.js"]);
});

test("a text override written for a region shows on a page in that region's language", async ({ session }) => {
  const config = { ...SITE, language: "pt-BR", text: { "pt-BR": { acceptAll: "Aceitar tudo" } } } as SiteConfig;
  const page = await uiPage(session, "shop.html", config);
  await bannerShown(page);
  await expect.poll(() => page.locator("consentgate-ui .cg-banner button").first().textContent()).toBe("Aceitar tudo");
  expect(session.problems()).toEqual([]);
});

test("a returning visitor with nothing to show never requests the UI or a language file", async ({ session }) => {
  const config = withUi({ reopenButton: false }, SITE);
  const first = await uiPage(session, "shop.html", config, { path: "/p/returning/shop.html" });
  await bannerShown(first);
  await callConsentGate(first, "rejectAll");
  await first.close();

  const from = session.requests.length;
  const page = await session.visit("/p/returning/shop.html");
  await page.waitForLoadState("networkidle");
  expect((await consentState(page)).decided).toBe(true);
  // The page did load the core, and nothing of the UI.
  expect(session.requests.slice(from).map((r) => new URL(r.url).pathname)).toContain("/consentgate.js");
  expect(uiRequests(session, from)).toEqual([]);
  expect(await page.locator("consentgate-ui").count()).toBe(0);
  expect(session.problems()).toEqual([]);
});

test("a page's <details> toggle (an FAQ) while the banner is up downloads no views; a popover the page opens does", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<details><summary>Shipping?</summary>3 days.</details><div popover="manual">Added</div>`);
  });
  await page.locator("summary").click();
  await page.waitForLoadState("networkidle");
  expect(uiRequests(session).some((path) => path.startsWith("/chunks/"))).toBe(false);
  // The views keep the banner above the page's popover (keep-on-top.ts).
  await page.evaluate(() => document.querySelector<HTMLElement>("[popover]")!.showPopover());
  await expect.poll(() => uiRequests(session).some((path) => path == "/chunks/views.js")).toBe(true);
});

test("the services' descriptions failing to load leave a held embed's placeholder usable, and nothing thrown into the page", async ({ session }) => {
  session.route("/chunks/infos.js", { status: 503, body: "busy" });
  const page = await uiPage(session, "video.html", SITE);
  const placeholder = page.locator("consentgate-ui[data-embed]").first();
  await expect.poll(() => placeholder.getByRole("button").count()).toBe(2);
  await placeholder.getByRole("button", { name: "Only this time" }).click();
  await expect.poll(() => page.locator("iframe[src*='youtube']").count()).toBe(1);
  expect(session.pageErrors).toEqual([]);
  expect(session.messages("error").join("\n")).toMatch(/\[consentgate\].*infos\.js/);
});
