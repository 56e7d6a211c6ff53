// Shadow DOM isolation and the strict-CSP page in real Chromium (issue 4
// "Tests"; SPEC §7: the page's CSS cannot break the UI, not even
// `* { all: unset !important }`, and `style-src 'self'` suffices).
import { inflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { callConsentGate, expect, test } from "../harness";
import type { SiteConfig } from "../../../src/types";
import { bannerShown, placeholderShown, preferencesShown, SITE, uiPage, withUi } from "./pages";

interface ButtonView {
  text: string;
  box: { x: number; y: number; width: number; height: number } | null;
  /** What `document.elementFromPoint` finds at the button's centre. */
  hit: string | null;
  fontSize: string;
}

async function bannerButtons(page: Page): Promise<ButtonView[]> {
  const buttons = page.locator("consentgate-ui .cg-banner button");
  const views: ButtonView[] = [];
  for (const button of await buttons.all()) {
    const box = await button.boundingBox();
    const { text, fontSize } = await button.evaluate((el) => ({
      text: el.textContent!.trim(),
      fontSize: getComputedStyle(el).fontSize,
    }));
    const hit = box
      ? await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.localName ?? null, [
          box.x + box.width / 2,
          box.y + box.height / 2,
        ])
      : null;
    views.push({ text, box, hit, fontSize });
  }
  return views;
}

/** The colour drawn at a point of the page, as [r, g, b] (a one-pixel screenshot, decoded). */
async function pixel(page: Page, x: number, y: number): Promise<number[]> {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  const data: Buffer[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString("ascii", at + 4, at + 8) === "IDAT") data.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
  }
  // One pixel: a filter byte (any filter leaves a lone first pixel as it is), then its colour.
  return [...inflateSync(Buffer.concat(data)).subarray(1, 4)];
}

test("a hostile page stylesheet and a full-screen overlay cannot hide, cover or resize the banner", async ({ session }) => {
  const plain = await uiPage(session, "shop.html");
  await bannerShown(plain);
  const reference = await bannerButtons(plain);

  const page = await uiPage(session, "hostile.html");
  await bannerShown(page);
  // The page's rules did apply to the page itself.
  expect(await page.evaluate(() => getComputedStyle(document.querySelector("main button")!).display)).toBe("none");
  expect(await page.evaluate(() => getComputedStyle(document.getElementById("overlay")!).zIndex)).toBe("2147483647");

  const buttons = await bannerButtons(page);
  expect(buttons.map((b) => b.text)).toEqual(["Accept all", "Reject all", "Manage choices"]);
  for (const button of buttons) {
    expect(button.box!.width, button.text).toBeGreaterThan(0);
    expect(button.box!.height, button.text).toBeGreaterThan(0);
    expect(button.hit, `${button.text} is under the page's overlay`).toBe("consentgate-ui");
  }
  // Sizes in px: the page's 40px root font size and scaled <body> change nothing.
  expect(buttons.map((b) => b.fontSize)).toEqual(reference.map((b) => b.fontSize));
  expect(buttons.map((b) => Math.round(b.box!.height))).toEqual(reference.map((b) => Math.round(b.box!.height)));

  // And the visitor can still use it.
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Reject all" }).click();
  await expect.poll(() => page.evaluate(() => window.ConsentGate.get().decided)).toBe(true);
  expect(session.problems()).toEqual([]);
});

test("a popover the page opens after the banner goes below it; a modal dialog covers it rather than take its clicks", async ({
  session,
}) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  const hits = async () => (await bannerButtons(page)).map((b) => b.hit);
  const everyButton = ["consentgate-ui", "consentgate-ui", "consentgate-ui"];
  await page.evaluate(() => {
    const css = "position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;background:red";
    document.body.insertAdjacentHTML(
      "beforeend",
      `<div popover="manual" style="${css}">cart</div><dialog style="${css}">sign in</dialog>`,
    );
    document.querySelector<HTMLElement>("[popover]")!.showPopover();
  });
  // The toggle event comes a task later; the banner goes back on top then.
  await expect.poll(hits).toEqual(everyButton);

  // A modal dialog makes the banner inert: drawn above the dialog, its
  // buttons would pass clicks to the dialog's hidden content. The dialog
  // stays on top: what is drawn at a button is what takes the click.
  const reject = (await bannerButtons(page))[1].box!;
  await page.evaluate(() => document.querySelector("dialog")!.showModal());
  await page.waitForTimeout(100);
  expect(await hits()).toEqual(["dialog", "dialog", "dialog"]);
  expect(await pixel(page, reject.x + 4, reject.y + reject.height / 2)).toEqual([255, 0, 0]);

  // Closed, the banner is on top of the popover and takes its clicks.
  await page.evaluate(() => document.querySelector("dialog")!.close());
  expect(await hits()).toEqual(everyButton);
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Reject all" }).click();
  await expect.poll(() => page.evaluate(() => window.ConsentGate.get().decided)).toBe(true);
});

test("a popover the page opens while the preferences are open over the banner leaves the banner under them", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await page.setViewportSize({ width: 1000, height: 500 });
  await bannerShown(page);
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Manage choices" }).click();
  await preferencesShown(page);
  // The dialog's buttons lie where the banner is; the banner under the modal
  // dialog is inert, so drawn above it, it would pass its clicks to them.
  const foot = await page.locator("consentgate-ui dialog button", { hasText: "Save" }).boundingBox();
  const banner = await page.locator("consentgate-ui .cg-banner").boundingBox();
  expect(foot!.y + foot!.height).toBeGreaterThan(banner!.y);
  const drawn = () => page.screenshot({ clip: { x: 0, y: banner!.y, width: 1000, height: banner!.height } });
  // Once the dialog's entrance is over: two shots alike.
  let before = await drawn();
  for (let shot = await drawn(); !shot.equals(before); shot = await drawn()) before = shot;
  // The dialog is shown again above the toast, and its text drawn anew (a
  // difference of 1 in a few anti-aliased pixels): the solid fills tell what
  // is on top. The dialog's buttons, and the banner's under the backdrop, stay as they are.
  const manage = (await page.locator("consentgate-ui .cg-banner button", { hasText: "Manage choices" }).boundingBox())!;
  const points = [
    [foot!.x + 4, foot!.y + foot!.height / 2],
    [foot!.x + foot!.width - 4, foot!.y + 4],
    [manage.x + manage.width - 4, manage.y + manage.height / 2],
    [banner!.x + 4, banner!.y + banner!.height - 4],
  ];
  const pixels = async () => {
    const drawn = [];
    for (const [x, y] of points) drawn.push(await pixel(page, x, y));
    return drawn;
  };
  const shown = await pixels();
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<div popover="manual">Added to your cart</div>`);
    const toast = document.querySelector<HTMLElement>("[popover]")!;
    toast.style.cssText = "inset: 0 auto auto 0; margin: 0";
    toast.showPopover();
  });
  await page.waitForTimeout(300);
  expect(await pixels()).toEqual(shown);
});

// 520 px tall, the dialog's list scrolls between its head and foot; 420 px tall, the whole dialog scrolls.
test.for([
  [520, "consentgate-ui dialog .cg-scroll"],
  [420, "consentgate-ui dialog"],
] as const)("at %i px tall, a page popover that covers the screen while the preferences are open goes below them, and below the banner once they close", async ([height, scrolling], { session }) => {
  const page = await uiPage(session, "shop.html");
  await page.setViewportSize({ width: 900, height });
  await bannerShown(page);
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Manage choices" }).click();
  await preferencesShown(page);
  const scroller = page.locator(scrolling);
  await scroller.evaluate((el) => (el.scrollTop = 40));
  const scrolled = await scroller.evaluate((el) => el.scrollTop);
  expect(scrolled).toBeGreaterThan(0);
  const analytics = page.locator("consentgate-ui").getByRole("switch", { name: "Analytics" });
  await analytics.focus();
  expect(await analytics.evaluate((el) => el == (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  const at = (await analytics.boundingBox())!;
  const [x, y] = [at.x + 6, at.y + at.height / 2];
  const fill = await pixel(page, x, y);
  await page.evaluate(() => {
    const css = "position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;background:red";
    document.body.insertAdjacentHTML("beforeend", `<div popover="manual" style="${css}">chat</div>`);
    document.querySelector<HTMLElement>("[popover]")!.showPopover();
  });
  // What is drawn at the dialog's switch is the dialog, not the page's popover (nor the banner).
  await expect.poll(() => page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.localName, [x, y])).toBe("consentgate-ui");
  await expect.poll(() => pixel(page, x, y)).toEqual(fill);
  // Shown again on top, the dialog keeps the visitor's focus where it was, and where they had scrolled.
  expect(await analytics.evaluate((el) => el == (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(scrolled);

  await page.keyboard.press("Escape");
  await expect.poll(async () => (await bannerButtons(page)).map((b) => b.hit)).toEqual(["consentgate-ui", "consentgate-ui", "consentgate-ui"]);
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Reject all" }).click();
  await expect.poll(() => page.evaluate(() => window.ConsentGate.get().decided)).toBe(true);
  expect(session.problems()).toEqual([]);
});

test("while the preferences are open, the page's own menu (an auto popover) is not closed, and the page's later modal dialog stays on top", async ({
  session,
}) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  await callConsentGate(page, "open", "preferences");
  await preferencesShown(page);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<div popover id="menu">Menu</div><dialog id="timeout">Still there?</dialog><div popover="manual" id="toast">Saved</div>`);
    document.querySelector<HTMLElement>("#menu")!.showPopover();
  });
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => document.querySelector("#menu")!.matches(":popover-open"))).toBe(true);

  // The page's session-timeout dialog, opened after ours, is not put under it when a toast opens.
  await page.evaluate(() => document.querySelector<HTMLDialogElement>("#timeout")!.showModal());
  await page.evaluate(() => document.querySelector<HTMLElement>("#toast")!.showPopover());
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => document.querySelector("#timeout")!.matches(":modal"))).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.closest("#timeout") != null || document.activeElement == document.querySelector("#timeout"))).toBe(true);
});

test("a site's text with a long unbroken word wraps inside the banner and keeps every button on screen", async ({ session }) => {
  const long = "https://example.com/" + "privacyandcookies".repeat(20);
  const config = { ...SITE, text: { en: { bannerText: `See ${long} for {purposes}.` } } } as SiteConfig;
  const page = await uiPage(session, "shop.html", config);
  await bannerShown(page);
  // Wide enough for the bar's one-row layout, where the copy and the buttons share the row.
  const width = 1280;
  await page.setViewportSize({ width, height: 720 });
  for (const button of await bannerButtons(page)) {
    expect(button.box!.x + button.box!.width, button.text).toBeLessThanOrEqual(width);
    expect(button.hit, button.text).toBe("consentgate-ui");
  }
});

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

test("a page with a strict CSP shows the banner, preferences and placeholder, styled, without one violation", async ({ session }) => {
  const page = await uiPage(session, "csp.html", undefined, { headers: { "content-security-policy": CSP } });
  // The page is under the policy and the watcher ran: it is the only way to see violations.
  //: it is the only way to see the violations.
  expect(await page.evaluate(() => Array.isArray((window as any).__cspViolations))).toBe(true);
  await bannerShown(page);
  await placeholderShown(page);
  // Styled: the adopted stylesheet applied (a styled button has padding and a background).
  const style = await page
    .locator("consentgate-ui .cg-banner button")
    .first()
    .evaluate((el) => ({ padding: getComputedStyle(el).paddingTop, bg: getComputedStyle(el).backgroundColor }));
  expect(style.padding).not.toBe("0px");
  expect(style.bg).not.toBe("rgba(0, 0, 0, 0)");

  await page.locator("consentgate-ui .cg-banner button").nth(2).click();
  await preferencesShown(page);
  await page.locator("consentgate-ui dialog summary").first().click();
  await page.locator("consentgate-ui dialog .cg-svc").first().waitFor({ state: "visible" });
  await page.locator("consentgate-ui dialog .cg-foot button").first().click();
  await page.waitForLoadState("networkidle");

  expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
  expect(session.problems()).toEqual([]);
});

test("the reopen button survives a page that swaps its <body> (htmx's hx-boost, Turbo)", async ({ session }) => {
  const page = await uiPage(session, "shop.html", withUi({ reopenButton: true }));
  await bannerShown(page);
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Reject all" }).click();
  const reopen = page.locator("consentgate-ui[data-reopen] button");
  await reopen.waitFor({ state: "visible" });
  await page.evaluate(() => {
    document.body.innerHTML = "<main><h1>Page two</h1></main>";
    const next = document.createElement("body");
    next.innerHTML = "<main><h1>Page three</h1></main>";
    document.body.replaceWith(next);
  });
  await reopen.click();
  await preferencesShown(page);
});

test("a page that removes the banner's host (a framework hydrating <html>) gets it back with the next view: preferences and banner show again", async ({
  session,
}) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  await page.evaluate(() => document.querySelectorAll("consentgate-ui").forEach((host) => host.remove()));
  await callConsentGate(page, "open", "preferences");
  await preferencesShown(page);
  await page.evaluate(() => document.querySelectorAll("consentgate-ui").forEach((host) => host.remove()));
  await callConsentGate(page, "close");
  await bannerShown(page);
  expect(session.pageErrors).toEqual([]);
});

test("a long category title wraps in the preferences at 320 px, and its switch stays inside its card", async ({ session }) => {
  const config = {
    categories: {
      analytics: { services: ["google-analytics"], title: "Personalisierungsdienstleistungsanbieter" },
      marketing: { services: ["youtube"] },
    },
  } as SiteConfig;
  const page = await uiPage(session, "shop.html", config);
  await page.setViewportSize({ width: 320, height: 640 });
  await bannerShown(page);
  await callConsentGate(page, "open", "preferences");
  await preferencesShown(page);
  const [card, toggle] = await Promise.all([
    page.locator("consentgate-ui .cg-cat", { hasText: "Personalisierung" }).boundingBox(),
    page.locator("consentgate-ui").getByRole("switch", { name: "Personalisierungsdienstleistungsanbieter" }).boundingBox(),
  ]);
  expect(toggle!.x + toggle!.width).toBeLessThanOrEqual(card!.x + card!.width);
  expect(card!.x + card!.width).toBeLessThanOrEqual(320);
});

// A phone held sideways: the three choices side by side, whole in sight, in every language.
test.for([
  ["de", "bar", "opt-in"],
  ["fr", "bar", "opt-in"],
  ["pl", "bar", "opt-in"],
  ["ar", "bar", "opt-out"],
  ["lt", "bar", "opt-out"],
  ["pl", "box", "opt-in"],
  ["pl", "box", "opt-out"],
] as const)("at 568 × 320, the %s %s (%s) shows Accept all, Reject all and Manage choices whole, in one row", async ([language, layout, mode], { session }) => {
  const categories = { analytics: { services: ["google-analytics"] }, marketing: { services: ["youtube"], sale: true } };
  const page = await uiPage(session, "shop.html", { ...SITE, categories, language, mode, ui: { layout } } as SiteConfig);
  await page.setViewportSize({ width: 568, height: 320 });
  await bannerShown(page);
  const buttons = await bannerButtons(page);
  expect(buttons).toHaveLength(mode == "opt-in" ? 3 : 4);
  const choices = buttons.slice(0, 3);
  expect(new Set(choices.map((b) => Math.round(b.box!.y))).size).toBe(1);
  for (const button of choices) {
    expect(button.box!.y, button.text).toBeGreaterThanOrEqual(0);
    expect(button.box!.y + button.box!.height, button.text).toBeLessThanOrEqual(320);
    expect(button.hit, button.text).toBe("consentgate-ui");
  }
  // As tall and as wide: none is squeezed for the others.
  expect(new Set(choices.map((b) => Math.round(b.box!.height))).size).toBe(1);
  expect(new Set(choices.map((b) => Math.round(b.box!.width))).size).toBe(1);
});

test("a bar taller than a wide, short window scrolls from its title: nothing is lost above its top", async ({ session }) => {
  const config = { ...SITE, text: { en: { bannerText: "We would like to use cookies. ".repeat(60) + "{purposes}" } } } as SiteConfig;
  const page = await uiPage(session, "shop.html", config);
  await page.setViewportSize({ width: 1280, height: 300 });
  await bannerShown(page);
  const [title, banner] = await page.evaluate(() => {
    const root = document.querySelector("consentgate-ui")!.shadowRoot!;
    const banner = root.querySelector(".cg-banner")!;
    banner.scrollTop = 0;
    return [root.querySelector("h2")!.getBoundingClientRect().top, banner.getBoundingClientRect().top];
  });
  expect(title).toBeGreaterThanOrEqual(banner);
});

test("a popover the page opens while a banner button has focus goes below the banner, and the button keeps the focus", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Reject all" }).focus();
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<div popover="manual">Added to your cart</div>`);
    document.querySelector<HTMLElement>("[popover]")!.showPopover();
  });
  // The banner goes back on top once the code that does it is in (it comes with the views).
  await expect.poll(async () => (await bannerButtons(page)).map((b) => b.hit)).toEqual(["consentgate-ui", "consentgate-ui", "consentgate-ui"]);
  const focused = await page.evaluate(() => document.querySelector("consentgate-ui")!.shadowRoot!.activeElement?.textContent);
  expect(focused).toBe("Reject all");
});
