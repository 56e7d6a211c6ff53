import { fireEvent } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decide } from "../../src/decide";
import { catalogue } from "../../src/services/catalogue";
import type { Config, Signals } from "../../src/types";
import he from "../../src/ui/i18n/he";
import { makeConfig, shop, usNotice } from "../fixtures/ui/configs";
import { cleanPage, settle, setup } from "./harness";

afterEach(() => {
  cleanPage();
  vi.useRealTimers();
});

function showBanner(options: Parameters<typeof setup>[0]) {
  const ui = setup(options);
  ui.handle.show("banner");
  return ui;
}

/** The state the core gives a first visit with these signals (decide.ts), not one made up. */
const decided = (config: Config, signals: Signals) => decide(config, catalogue, null, signals, 0).state;

const centred = () => makeConfig({ ...shop(), ui: { ...shop().ui, position: "center" } });

describe("banner", () => {
  it("names the optional purposes and links to the privacy policy", () => {
    const { screen } = showBanner({ config: shop() });
    expect(screen.getByRole("heading", { name: "This site uses cookies" })).toBeTruthy();
    expect(screen.getByText(/for: Functional, Analytics, and Marketing\./)).toBeTruthy();
    const link = screen.getByRole("link", { name: "Privacy policy" });
    expect(link.getAttribute("href")).toBe("/privacy");
  });

  it("leaves the policy link out when the config has no policyUrl", () => {
    const { screen } = showBanner({ config: makeConfig({ categories: { analytics: {} } }) });
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("offers Accept all, Reject all and Manage choices as three buttons alike", () => {
    const { screen } = showBanner({ config: shop() });
    const buttons = screen.getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual(["Accept all", "Reject all", "Manage choices"]);
    const looks = buttons.map((b) => [b.tagName, b.className, b.parentElement]);
    expect(new Set(looks.map((l) => JSON.stringify(l.slice(0, 2)))).size).toBe(1);
    expect(new Set(looks.map((l) => l[2])).size).toBe(1);
  });

  it("accepts everything through the API, recording the banner as the source, then closes", () => {
    const { screen, decisions, box } = showBanner({ config: shop() });
    fireEvent.click(screen.getByRole("button", { name: "Accept all" }));
    // The decision answers the banner, which the core then takes away: no close() of its own.
    expect(decisions()).toEqual([["acceptAll", { source: "banner" }]]);
    expect(box.querySelector(".cg-banner")).toBeNull();
  });

  it("rejects everything in one click, just like accepting", () => {
    const { screen, decisions, box } = showBanner({ config: shop() });
    fireEvent.click(screen.getByRole("button", { name: "Reject all" }));
    expect(decisions()).toEqual([["rejectAll", { source: "banner" }]]);
    expect(box.querySelector(".cg-banner")).toBeNull();
  });

  it("opens the preferences from Manage choices without deciding anything", async () => {
    const { screen, calls, decisions } = showBanner({ config: shop() });
    fireEvent.click(screen.getByRole("button", { name: "Manage choices" }));
    await settle();
    expect(calls).toEqual([["open", "preferences"]]);
    expect(decisions()).toEqual([]);
    expect(screen.getByRole("dialog", { name: "Privacy preferences" })).toBeTruthy();
  });

  it("is a non-modal dialog named by its title and described by its text", () => {
    const { screen } = showBanner({ config: shop() });
    const dialog = screen.getByRole("dialog", { name: "This site uses cookies" });
    expect(dialog.getAttribute("aria-modal")).toBeNull();
    const description = dialog.getAttribute("aria-describedby")!;
    expect(dialog.getRootNode()).toBeInstanceOf(ShadowRoot);
    expect((dialog.getRootNode() as ShadowRoot).getElementById(description)?.textContent).toMatch(/^Besides/);
  });

  it("leaves focus where it was on the page", () => {
    document.body.innerHTML = `<input id="search">`;
    const search = document.getElementById("search")!;
    search.focus();
    showBanner({ config: shop() });
    expect(document.activeElement).toBe(search);
  });

  it("sits before <body>, so it is the first thing Tab reaches", () => {
    document.body.innerHTML = `<a href="/">Home</a>`;
    const { host } = showBanner({ config: shop() });
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.nextElementSibling).toBe(document.body);
    expect(host.shadowRoot!.mode).toBe("open");
  });

  it("is announced through a live region shortly after it appears", () => {
    vi.useFakeTimers();
    const { box } = showBanner({ config: shop() });
    const status = box.querySelector('[role="status"]')!;
    expect(status.textContent).toBe("");
    vi.advanceTimersByTime(250);
    expect(status.textContent).toBe("This site uses cookies");
    // Said once: then out of the reading order, where the banner's own heading says it again.
    vi.advanceTimersByTime(5000);
    expect(status.textContent).toBe("");
  });

  it("says that the browser's privacy signal was honoured when GPC is on and honoured", () => {
    const { screen } = showBanner({
      config: shop(),
      state: { signals: { gpc: true, dnt: false }, source: "signal" },
    });
    expect(screen.getByText("Your browser's privacy signal was honoured.")).toBeTruthy();
  });

  it("says nothing of GPC where no category is sold or shared, since GPC then turns nothing off", () => {
    const config = makeConfig({ mode: "opt-out", categories: { analytics: {} } });
    const { screen } = showBanner({ config, state: decided(config, { gpc: true, dnt: false }) });
    expect(screen.queryByText(/privacy signal/)).toBeNull();
  });

  it("says nothing of the signal when it asks again about a category added since a choice that stands over it", () => {
    // GPC on, the visitor allowed the sale category with it on; a new category without a sale is asked about.
    const { screen } = showBanner({
      config: shop(),
      state: { decided: false, source: "banner", signals: { gpc: true, dnt: false } },
    });
    expect(screen.queryByText(/privacy signal/)).toBeNull();
  });

  it("says so for Do Not Track only when the config honours it", () => {
    const dnt = { gpc: false, dnt: true };
    const ignored = showBanner({ config: shop(), state: decided(shop(), dnt) });
    expect(ignored.screen.queryByText(/privacy signal/)).toBeNull();
    cleanPage();
    const config = makeConfig({ ...shop(), signals: { gpc: true, dnt: true } });
    const honoured = showBanner({ config, state: decided(config, dnt) });
    expect(honoured.screen.getByText(/privacy signal was honoured/)).toBeTruthy();
  });

  it("in opt-out mode, lets the visitor opt out of selling or sharing in California's words", () => {
    const { screen, decisions, box } = showBanner({ config: usNotice() });
    expect(screen.getByText(/may count as selling or sharing/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Do not sell or share my personal information" }));
    expect(decisions()).toEqual([["set", { marketing: false }, { source: "banner" }]]);
    expect(box.querySelector(".cg-banner")).toBeNull();
  });

  it("in opt-out mode, keeps Accept all, Reject all and Manage choices alike, with California's opt-out after them", () => {
    const { screen, decisions } = showBanner({ config: usNotice() });
    const buttons = screen.getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual([
      "Accept all",
      "Reject all",
      "Manage choices",
      "Do not sell or share my personal information",
    ]);
    expect(new Set(buttons.slice(0, 3).map((b) => b.className)).size).toBe(1);
    fireEvent.click(screen.getByRole("button", { name: "Reject all" }));
    expect(decisions()).toEqual([["rejectAll", { source: "banner" }]]);
  });

  it("in opt-out mode without a sale category, offers no opt-out of selling", () => {
    const config = makeConfig({ mode: "opt-out", categories: { analytics: {} } });
    const { screen } = showBanner({ config });
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Accept all", "Reject all", "Manage choices"]);
    expect(screen.queryByText(/Do not sell/)).toBeNull();
  });

  it("takes the layout and position from the config", () => {
    const { box } = showBanner({ config: makeConfig({ ...shop(), ui: { ...shop().ui, layout: "box", position: "top" } }) });
    expect(box.querySelector(".cg-layer")!.className).toBe("cg-layer cg-box cg-top");
  });

  it("reads right to left in Hebrew", () => {
    const { box, screen } = showBanner({ config: shop(), language: "he", strings: he });
    expect(box.dir).toBe("rtl");
    expect(box.lang).toBe("he");
    expect(screen.getByRole("button", { name: "לדחות הכול" })).toBeTruthy();
  });

  it("uses the site's own words from config.text for the chosen language", () => {
    const config = makeConfig({
      ...shop(),
      text: { en: { bannerTitle: "Cookies at Example Shop", rejectAll: "No thanks" }, de: { acceptAll: "Ja" } },
    });
    const { screen } = showBanner({ config });
    expect(screen.getByRole("heading", { name: "Cookies at Example Shop" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "No thanks" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Accept all" })).toBeTruthy();
  });

  it("fills in only the placeholders it knows, leaving the rest of the site's text as typed", () => {
    const config = makeConfig({ ...shop(), text: { en: { bannerText: "We use {purposes}. {constructor} {toString} {__proto__} {other}" } } });
    const { screen } = showBanner({ config });
    expect(screen.getByText(/^We use/).textContent).toMatch(
      /^We use Functional, Analytics, and Marketing\. \{constructor\} \{toString\} \{__proto__\} \{other\}/,
    );
  });

  it("names categories by their configured titles", () => {
    const config = makeConfig({ categories: { analytics: { title: "Statistics" }, social: {} } });
    const { screen } = showBanner({ config });
    expect(screen.getByText(/for: Statistics and social\./)).toBeTruthy();
  });

  it("at position center is a modal dialog over a page made inert, until it goes", () => {
    document.body.innerHTML = `<a href="/">Home</a>`;
    const { screen, handle } = showBanner({ config: centred() });
    const dialog = screen.getByRole("dialog", { name: "This site uses cookies" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(document.body.inert).toBe(true);
    // The preferences opened from it keep the page inert under them.
    handle.show("preferences");
    expect(document.body.inert).toBe(true);
    handle.show("banner");
    expect(document.body.inert).toBe(true);
    handle.show(null);
    expect(document.body.inert).toBe(false);
  });

  it("at position center stays up on Escape: closing is not consenting", () => {
    const { screen, decisions, box } = showBanner({ config: centred() });
    const dialog = screen.getByRole("dialog", { name: "This site uses cookies" });
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(decisions()).toEqual([]);
    expect(box.querySelector(".cg-banner")).not.toBeNull();
  });

  it.each(["bottom", "top"] as const)("at position %s leaves the page as it is", (position) => {
    document.body.innerHTML = `<a href="/">Home</a>`;
    const { screen } = showBanner({ config: makeConfig({ ...shop(), ui: { ...shop().ui, position } }) });
    expect(document.body.inert).toBe(false);
    expect(screen.getByRole("dialog").getAttribute("aria-modal")).toBeNull();
  });

  it("goes away when the core shows nothing", () => {
    const { handle, box } = showBanner({ config: shop() });
    handle.show(null);
    expect(box.querySelector(".cg-banner")).toBeNull();
  });
});
