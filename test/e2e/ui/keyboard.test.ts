// The keyboard-only flow in real Chromium (issue 4 "Tests"; SPEC §7: the banner
// is the first thing Tab reaches; the preferences are a modal that takes focus,
// keeps it, and gives it back; Escape closes them).
import type { Page } from "playwright-core";
import { callConsentGate, consentState, expect, test } from "../harness";
import { accessibilityTree, bannerShown, focus, preferencesShown, uiPage, withUi } from "./pages";
import type { SiteConfig } from "../../../src/types";

test("a first visitor can reach, open, use and leave every layer with the keyboard alone, then reject all", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);

  // The banner did not take focus from the page, and it is the first thing Tab reaches.
  expect((await focus(page)).host).toBe("body");
  await page.keyboard.press("Tab");
  const first = await focus(page);
  expect(first).toMatchObject({ host: "consentgate-ui", inBanner: true });
  expect(["button", "a"]).toContain(first.tag);

  // Tab reaches the three actions, in this order.
  const reached: string[] = [first.text];
  for (let i = 0; i < 5 && !reached.includes("Manage choices"); i++) {
    await page.keyboard.press("Tab");
    const now = await focus(page);
    expect(now).toMatchObject({ host: "consentgate-ui", inBanner: true });
    reached.push(now.text);
  }
  const actions = reached.filter((t) => ["Accept all", "Reject all", "Manage choices"].includes(t));
  expect(actions).toEqual(["Accept all", "Reject all", "Manage choices"]);

  // Enter on Manage choices opens the preferences, with focus inside.
  await page.keyboard.press("Enter");
  await preferencesShown(page);
  await expect.poll(() => focus(page)).toMatchObject({ host: "consentgate-ui", inDialog: true });

  // Tab stays inside the dialog, both ways, and passes every switch.
  const switches = new Map<string, string | null>();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    const now = await focus(page);
    expect(now, `Tab #${i + 1}`).toMatchObject({ host: "consentgate-ui", inDialog: true });
    if (now.role == "switch") switches.set(now.label!, now.checked);
  }
  expect(Object.fromEntries(switches)).toEqual({ Analytics: "false", Marketing: "false" });
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Shift+Tab");
    expect(await focus(page), `Shift+Tab #${i + 1}`).toMatchObject({ host: "consentgate-ui", inDialog: true });
  }

  // Space toggles the switch that has focus.
  for (let i = 0; i < 25 && (await focus(page)).role != "switch"; i++) await page.keyboard.press("Tab");
  const before = await focus(page);
  expect(before).toMatchObject({ role: "switch", checked: "false" });
  await page.keyboard.press("Space");
  await expect.poll(async () => (await focus(page)).checked).toBe("true");
  await page.keyboard.press("Space");
  await expect.poll(async () => (await focus(page)).checked).toBe("false");

  // Escape closes without deciding; focus returns to Manage choices on the banner.
  await page.keyboard.press("Escape");
  await page.locator("consentgate-ui dialog").waitFor({ state: "detached" });
  await bannerShown(page);
  await expect.poll(() => focus(page)).toMatchObject({ host: "consentgate-ui", inBanner: true, text: "Manage choices" });
  expect((await consentState(page)).decided).toBe(false);

  // Back to Reject all, and Enter decides.
  await page.keyboard.press("Shift+Tab");
  expect(await focus(page)).toMatchObject({ inBanner: true, text: "Reject all" });
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await consentState(page)).decided).toBe(true);
  expect((await consentState(page)).categories).toEqual({ necessary: true, analytics: false, marketing: false });
  await page.locator("consentgate-ui .cg-banner").waitFor({ state: "detached" });
  expect(session.problems()).toEqual([]);
});

test("the page keeps focus when the banner appears", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  // The banner is announced through a live region rather than by moving focus.
  expect((await focus(page)).host).toBe("body");
  await expect
    .poll(() => page.locator("consentgate-ui [role=status]").textContent())
    .toBe("This site uses cookies");
});

const REOPEN = { host: "consentgate-ui", inReopen: true, tag: "button", label: "Privacy choices" };

test("the preferences opened from the reopen button give focus back to it, closed by Escape or by ×", async ({ session }) => {
  const page = await uiPage(session, "shop.html", withUi({ reopenButton: true }));
  await bannerShown(page);
  await callConsentGate(page, "rejectAll");
  const reopen = page.locator("consentgate-ui[data-reopen] button");
  await reopen.waitFor({ state: "visible" });
  await reopen.focus();

  // Closed by Escape, then by Enter on ×, which has focus.
  for (const close of ["Escape", "Enter"]) {
    await page.keyboard.press("Enter");
    await preferencesShown(page);
    await expect.poll(() => focus(page)).toMatchObject({ inDialog: true, label: "Close" });
    await page.keyboard.press(close);
    await page.locator("consentgate-ui dialog").waitFor({ state: "detached" });
    await expect.poll(() => focus(page), { message: close }).toMatchObject(REOPEN);
  }
  expect(session.problems()).toEqual([]);
});

test.for([["Escape"], ["Enter"]])("a visitor who has decided, in the preferences opened from the banner the site opened, leaves them by %s (on ×): back on the banner, focus on Manage choices", async ([key], { session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  await callConsentGate(page, "rejectAll");
  await page.locator("consentgate-ui .cg-banner").waitFor({ state: "detached" });
  await callConsentGate(page, "open", "banner");
  await bannerShown(page);
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Manage choices" }).focus();
  await page.keyboard.press("Enter");
  await preferencesShown(page);
  await expect.poll(() => focus(page)).toMatchObject({ inDialog: true, label: "Close" });

  await page.keyboard.press(key);
  await page.locator("consentgate-ui dialog").waitFor({ state: "detached" });
  await expect.poll(() => focus(page)).toMatchObject({ inBanner: true, text: "Manage choices" });
  await bannerShown(page);
  expect(session.problems()).toEqual([]);
});

test("saving the preferences opened from the banner takes the banner away and gives focus to the reopen button", async ({ session }) => {
  const page = await uiPage(session, "shop.html", withUi({ reopenButton: true }));
  await bannerShown(page);
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Manage choices" }).focus();
  await page.keyboard.press("Enter");
  await preferencesShown(page);
  // The reopen button does not show through the preferences' backdrop over the banner.
  expect(await page.locator("consentgate-ui[data-reopen] button").count()).toBe(0);

  await page.locator("consentgate-ui dialog button", { hasText: "Save choices" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await consentState(page)).decided).toBe(true);
  await page.locator("consentgate-ui .cg-banner").waitFor({ state: "detached" });
  await expect.poll(() => focus(page)).toMatchObject(REOPEN);
  expect(session.problems()).toEqual([]);
});

test("saving the preferences opened from the banner leaves focus on the page when there is no reopen button", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Manage choices" }).focus();
  await page.keyboard.press("Enter");
  await preferencesShown(page);
  await page.locator("consentgate-ui dialog button", { hasText: "Save choices" }).focus();
  await page.keyboard.press("Enter");
  await page.locator("consentgate-ui .cg-banner").waitFor({ state: "detached" });
  expect((await focus(page)).host).toBe("body");
});

const pageLinks = async (page: Page) =>
  (await accessibilityTree(page)).filter((n) => n.exposed && n.role == "link" && ["Shop", "Privacy policy"].includes(n.name));

/** Where each of `count` presses of `key` puts focus: a control's text, or "(none)" for the browser's own stop. */
async function tabStops(page: Page, key: string, count: number) {
  const stops: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(key);
    const now = await focus(page);
    stops.push(now.host == "body" ? "(none)" : now.inBanner ? now.text : `page: ${now.host} ${now.text}`);
  }
  return stops;
}

test("a banner at position center is modal: Tab and Shift+Tab go round it, and neither keys nor screen readers reach the page", async ({ session }) => {
  const page = await uiPage(session, "shop.html", withUi({ position: "center" }));
  await bannerShown(page);
  // The page behind is inert, so past either end of the banner Tab reaches
  // nothing but the browser's own stop (its toolbar, in a window), as with a
  // modal <dialog>, then the banner again from its other end.
  const controls = ["Privacy policy", "Accept all", "Reject all", "Manage choices"];
  const goesRound = (stops: string[], order: string[]) => {
    const visited = stops.filter((stop) => stop != "(none)");
    expect(visited).toEqual(visited.map((_, i) => order[i % order.length]));
    expect(visited.length).toBeGreaterThanOrEqual(2 * order.length);
  };
  const forth = await tabStops(page, "Tab", 10);
  expect(forth.slice(0, 5)).toEqual([...controls, "(none)"]);
  goesRound(forth, controls);
  goesRound(await tabStops(page, "Shift+Tab", 10), [...controls].reverse());
  await page.locator("a[href='/']").focus();
  expect((await focus(page)).host).not.toBe("a");

  const tree = await accessibilityTree(page);
  expect(tree.find((n) => n.role == "dialog" && n.name == "This site uses cookies")).toMatchObject({ exposed: true, modal: true });
  // Only the banner's own link to the policy: the page's two links are out of the tree.
  expect((await pageLinks(page)).map((n) => n.name)).toEqual(["Privacy policy"]);
  expect(tree.filter((n) => n.exposed && n.role == "heading").map((n) => n.name)).toEqual(["This site uses cookies"]);

  // Closing is not consenting: Escape leaves the banner up.
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Accept all" }).focus();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await bannerShown(page);
  expect((await consentState(page)).decided).toBe(false);

  // Back and forth through the preferences, focus stays in the UI and returns to Manage choices.
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Manage choices" }).focus();
  await page.keyboard.press("Enter");
  await preferencesShown(page);
  await page.keyboard.press("Escape");
  await page.locator("consentgate-ui dialog").waitFor({ state: "detached" });
  await expect.poll(() => focus(page)).toMatchObject({ inBanner: true, text: "Manage choices" });

  // Once the visitor decides, the page is back for keys and screen readers.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await page.locator("consentgate-ui .cg-banner").waitFor({ state: "detached" });
  expect((await consentState(page)).categories).toMatchObject({ analytics: false, marketing: false });
  expect((await pageLinks(page)).map((n) => n.name).sort()).toEqual(["Privacy policy", "Shop"]);
  await page.locator("a[href='/']").focus();
  expect((await focus(page)).host).toBe("a");
  expect(session.problems()).toEqual([]);
});

for (const position of ["bottom", "top"]) {
  test(`a banner at position ${position} stays non-modal: Tab goes on to the page, which screen readers still read`, async ({ session }) => {
    const page = await uiPage(session, "shop.html", withUi({ position }));
    await bannerShown(page);
    await page.locator("consentgate-ui .cg-banner button", { hasText: "Manage choices" }).focus();
    await page.keyboard.press("Tab");
    expect(await focus(page)).toMatchObject({ host: "a", text: "Shop" });

    const tree = await accessibilityTree(page);
    expect(tree.find((n) => n.role == "dialog" && n.name == "This site uses cookies")).toMatchObject({ exposed: true, modal: false });
    expect(tree.some((n) => n.exposed && n.role == "heading" && n.name == "Spring sale")).toBe(true);
    await page.keyboard.press("Escape");
    await bannerShown(page);
    expect((await consentState(page)).decided).toBe(false);
  });
}

test("a data-consentgate-open link inside a web component's shadow root opens the preferences, and the page stays", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  await callConsentGate(page, "rejectAll");
  const url = page.url();
  await page.evaluate(() => {
    const footer = document.body.appendChild(document.createElement("site-footer"));
    footer.attachShadow({ mode: "open" }).innerHTML = `<a href="#away" data-consentgate-open>Cookie settings</a>`;
  });
  await page.locator("site-footer a").click();
  await preferencesShown(page);
  expect(page.url()).toBe(url);
});

test("a data-consentgate-open link in a menu that stops the click's propagation opens the preferences, and the page stays", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  await callConsentGate(page, "rejectAll");
  const url = page.url();
  await page.evaluate(() => {
    const menu = document.body.appendChild(document.createElement("nav"));
    menu.innerHTML = `<a href="#away" data-consentgate-open>Cookie settings</a>`;
    menu.addEventListener("click", (event) => event.stopPropagation());
  });
  await page.locator("nav a[data-consentgate-open]").click();
  await preferencesShown(page);
  expect(page.url()).toBe(url);
});

test.for([
  [320, 256],
  [427, 267],
])("in a %i x %i window (a desktop one at 300-400 percent zoom) every category, its switch and Save can be scrolled fully into the dialog's view", async ([width, height], { session }) => {
  const page = await uiPage(session, "shop.html");
  await page.setViewportSize({ width, height });
  await bannerShown(page);
  await callConsentGate(page, "open", "preferences");
  await preferencesShown(page);
  const dialog = page.locator("consentgate-ui dialog[open]");
  const controls = dialog.locator(".cg-cat, [role=switch], button.cg-btn");
  expect(await controls.count()).toBeGreaterThan(3);
  for (let i = 0; i < (await controls.count()); i++) {
    const control = controls.nth(i);
    await control.scrollIntoViewIfNeeded();
    // Fully inside every box that clips it: the dialog and any scrolling part of it.
    const clipped = await control.evaluate((el) => {
      const box = el.getBoundingClientRect();
      for (let a: Element | null = el.parentElement; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowY === "visible" && style.overflowX === "visible") continue;
        const r = a.getBoundingClientRect();
        if (box.top < r.top - 0.5 || box.bottom > r.bottom + 0.5) return `${el.textContent || el.getAttribute("aria-label")} clipped by .${a.className}`;
      }
      return "";
    });
    expect(clipped).toBe("");
  }
});

test("in forced colours the preferences dialog keeps a visible edge, its shadow being dropped", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await page.emulateMedia({ forcedColors: "active" });
  await bannerShown(page);
  await callConsentGate(page, "open", "preferences");
  await preferencesShown(page);
  const edge = await page.locator("consentgate-ui dialog[open]").evaluate((el) => getComputedStyle(el).borderTopWidth);
  expect(edge).toBe("1px");
});

for (const [scheme, theme] of [["light", "dark"], ["dark", "light"]] as const) {
  test(`in forced colours with a ${scheme} palette, the reopen button's icon takes the palette's colour, not the ${theme} theme's accent`, async ({ session }) => {
    const page = await uiPage(session, "shop.html", withUi({ reopenButton: true, theme }));
    await page.emulateMedia({ forcedColors: "active", colorScheme: scheme });
    await bannerShown(page);
    await callConsentGate(page, "rejectAll");
    const button = page.locator("consentgate-ui[data-reopen] button");
    await button.waitFor();
    const colours = await button.evaluate((el) => ({
      text: getComputedStyle(el).color,
      icon: getComputedStyle(el.querySelector("svg path")!).fill,
    }));
    expect(colours.icon).toBe(colours.text);
  });
}

/** long.html's own inline style on <html>. */
const PAGE_STYLE = "padding-bottom: 3px; scroll-padding-top: 5px;";

/** The visitor refuses; once the banner is gone, <html> has the page's own style back. */
async function refuseThenPageStyleIsBack(page: Page) {
  await callConsentGate(page, "rejectAll");
  await page.locator("consentgate-ui .cg-banner").waitFor({ state: "detached" });
  await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute("style"))).toBe(PAGE_STYLE);
}

// 320 x 256: WCAG 1.4.10's small screen (1280 x 1024 at 400%), where a bar
// as tall as its text would fill the window.
for (const [position, width, height] of [["bottom", 800, 500], ["top", 800, 500], ["bottom", 320, 256], ["top", 320, 256]] as const) {
  test(`a page link that Tab reaches is not hidden under the banner at position ${position}, ${width} x ${height} (WCAG 2.4.11), and the page does not shift`, async ({ session }) => {
    const page = await uiPage(session, "long.html", withUi({ position }));
    await page.setViewportSize({ width, height });
    await bannerShown(page);
    await page.locator("consentgate-ui .cg-banner button", { hasText: "Manage choices" }).focus();
    // Focusing Manage choices loads the views, which set the padding: Tab on
    // once it is in (on a busy machine the file can take longer than a Tab).
    const side = position == "top" ? "scroll-padding-top" : "scroll-padding-bottom";
    await expect.poll(() => page.evaluate((side) => document.documentElement.style.getPropertyValue(side), side)).toMatch(/^\d{2,}px$/);
    // Covered, where the page could have been scrolled to show it: at the top,
    // above the bar's height from the page's start, nothing can be (see keep-clear.ts).
    const covered = () =>
      page.evaluate(() => {
        const link = document.activeElement!.getBoundingClientRect();
        const bar = document.querySelector("consentgate-ui")!.shadowRoot!.querySelector(".cg-layer")!.getBoundingClientRect();
        const reachable = bar.top > 0 || link.top + scrollY >= bar.height;
        return reachable && link.bottom > bar.top && link.top < bar.bottom;
      });
    const stops: boolean[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(position == "top" ? "Shift+Tab" : "Tab");
      if ((await focus(page)).host == "a") stops.push(await covered());
    }
    expect(stops.length).toBeGreaterThan(30);
    expect(stops.filter(Boolean)).toEqual([]);
    // CLS as browsers count it: shifts right after an input (the test's own resize) are left out.
    const cls = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) =>
            resolve(
              (list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
                .filter((shift) => !shift.hadRecentInput)
                .reduce((sum, shift) => sum + shift.value, 0),
            ),
          ).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => resolve(0), 500);
        }),
    );
    expect(cls).toBe(0);

    // The page's own padding is back once the banner goes.
    await refuseThenPageStyleIsBack(page);
  });
}

test("a page link that Tab reaches is not hidden under the reopen button (WCAG 2.4.11)", async ({ session }) => {
  // An opt-out site's GPC visitor: the button says "Opt-out request honoured", as wide as the links' start.
  await session.signals({ gpc: true });
  const config = { categories: { marketing: { services: ["youtube"], sale: true } }, mode: "opt-out" } as SiteConfig;
  const page = await uiPage(session, "long.html", config);
  await page.setViewportSize({ width: 800, height: 500 });
  const button = page.locator("consentgate-ui[data-reopen] button");
  await button.waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const covered = () =>
    page.evaluate(() => {
      const link = document.activeElement!.getBoundingClientRect();
      const reopen = document.querySelector("consentgate-ui[data-reopen]")!.shadowRoot!.querySelector("button")!.getBoundingClientRect();
      // Entirely hidden fails 2.4.11; partly is allowed (2.4.12, AAA, asks for none).
      return link.top >= reopen.top && link.bottom <= reopen.bottom && link.left >= reopen.left && link.right <= reopen.right;
    });
  const stops: boolean[] = [];
  for (let i = 0; i < 45; i++) {
    await page.keyboard.press("Tab");
    if ((await focus(page)).host == "a") stops.push(await covered());
  }
  expect(stops.length).toBeGreaterThan(30);
  expect(stops.filter(Boolean)).toEqual([]);
});

test("the reopen button that comes as the banner goes keeps its own strip clear, and the banner's again when it comes back", async ({ session }) => {
  const page = await uiPage(session, "long.html", withUi({ reopenButton: true }));
  await page.setViewportSize({ width: 800, height: 500 });
  await bannerShown(page);
  await page.keyboard.press("Tab"); // the views, and with them the padding, come with the first Tab
  const padding = () => page.evaluate(() => [document.documentElement.style.paddingBottom, document.documentElement.style.scrollPaddingBottom]);
  const bar = () => page.evaluate(() => document.querySelector("consentgate-ui")!.shadowRoot!.querySelector<HTMLElement>(".cg-layer")!.offsetHeight + 16 + "px");
  await expect.poll(async () => (await padding())[1]).toBe(await bar());

  await callConsentGate(page, "rejectAll");
  await page.locator("consentgate-ui[data-reopen] button").waitFor();
  // long.html scrolls: its layout is padded too, so its last links scroll clear.
  await expect.poll(padding).toEqual(["60px", "60px"]);

  await callConsentGate(page, "withdraw");
  await bannerShown(page);
  await expect.poll(async () => (await padding())[1]).toBe(await bar());
  expect(await page.evaluate(() => document.documentElement.style.scrollPaddingTop)).toBe("5px");
});

test("the reopen button on a page that fits its window pads no layout, so the page gets no scrollbar, also right after the banner's padding", async ({ session }) => {
  const page = await uiPage(session, "shop.html", withUi({ reopenButton: true }));
  await page.setViewportSize({ width: 800, height: 2000 });
  await bannerShown(page);
  // A window the page just fits in, by 20 px.
  await page.setViewportSize({ width: 800, height: Math.ceil(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).height))) + 20 });
  // The views, and the banner's padding, come with the first Tab: the banner
  // pads the page's bottom, so until it is put back the page scrolls.
  await page.keyboard.press("Tab");
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight > innerHeight)).toBe(true);
  await callConsentGate(page, "rejectAll");
  await page.locator("consentgate-ui[data-reopen] button").waitFor();
  await expect.poll(() => page.evaluate(() => document.documentElement.style.scrollPaddingBottom)).toBe("60px");
  expect(await page.evaluate(() => [document.documentElement.style.paddingBottom, document.documentElement.scrollHeight <= innerHeight])).toEqual(["", true]);
});

test("the first Tab of a visitor who has not reached the banner yet (Shift+Tab to the page's last link) ends clear of the bar too", async ({ session }) => {
  const page = await uiPage(session, "long.html");
  await page.setViewportSize({ width: 800, height: 500 });
  await bannerShown(page);
  await page.keyboard.press("Shift+Tab");
  expect(await focus(page)).toMatchObject({ host: "a", text: "Read part 40" });
  // The padding comes with the views, which this Tab started loading.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const link = document.activeElement!.getBoundingClientRect();
        const bar = document.querySelector("consentgate-ui")!.shadowRoot!.querySelector(".cg-layer")!.getBoundingClientRect();
        return link.bottom <= bar.top;
      }),
    )
    .toBe(true);
});

test("the views loading for another reason (pointing at Manage choices) leave the page where the visitor scrolled it", async ({ session }) => {
  const page = await uiPage(session, "long.html");
  await page.setViewportSize({ width: 800, height: 500 });
  await bannerShown(page);
  await page.locator("a", { hasText: "Read part 2" }).first().click();
  await page.evaluate(() => window.scrollTo(0, 1200));
  const scrolled = await page.evaluate(() => scrollY);
  await page.locator("consentgate-ui .cg-banner button", { hasText: "Manage choices" }).hover();
  await expect.poll(() => page.evaluate(() => document.documentElement.style.scrollPaddingBottom)).not.toBe("");
  expect(await page.evaluate(() => scrollY)).toBe(scrolled);
});

test("padding the page gave itself between two banners is what the second one puts back", async ({ session }) => {
  const page = await uiPage(session, "long.html");
  await bannerShown(page);
  await page.keyboard.press("Tab");
  await expect.poll(() => page.evaluate(() => document.documentElement.style.scrollPaddingBottom)).not.toBe("");
  await callConsentGate(page, "rejectAll");
  await expect.poll(() => page.evaluate(() => document.documentElement.style.paddingBottom)).toBe("3px");
  // The page's own sticky footer comes later and pads the root for itself.
  await page.evaluate(() => (document.documentElement.style.paddingBottom = "40px"));
  await callConsentGate(page, "withdraw");
  await bannerShown(page);
  await expect.poll(() => page.evaluate(() => document.documentElement.style.paddingBottom)).not.toBe("40px");
  await callConsentGate(page, "rejectAll");
  await expect.poll(() => page.evaluate(() => document.documentElement.style.paddingBottom)).toBe("40px");
});

for (const [position, times] of [
  ["bottom", 1],
  ["bottom", 2],
  ["top", 2],
] as const) {
  test(`position ${position}: withdraw() right after a choice, ${times} time(s) in a row, each banner coming before the last one's padding is put back, still leaves the page's own padding in the end`, async ({
    session,
  }) => {
    const page = await uiPage(session, "long.html", withUi({ position }));
    await bannerShown(page);
    await page.keyboard.press("Tab");
    const side = position == "top" ? "scrollPaddingTop" : "scrollPaddingBottom";
    await expect
      .poll(() => page.evaluate((name) => (document.documentElement.style as unknown as Record<string, string>)[name], side))
      .not.toBe(position == "top" ? "5px" : "");
    for (let i = 0; i < times; i++) {
      await page.evaluate(() => {
        window.ConsentGate.acceptAll();
        window.ConsentGate.withdraw();
      });
      await bannerShown(page);
      // Two frames: the observers have heard of the banners gone and come.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    }
    await refuseThenPageStyleIsBack(page);
  });
}
