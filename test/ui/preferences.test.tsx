import { fireEvent } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import de from "../../src/ui/i18n/de";
import { makeConfig, necessaryOnly, ownService, shop, usNotice } from "../fixtures/ui/configs";
import { cleanPage, heldIframe, settle, setup } from "./harness";

afterEach(cleanPage);

async function openPreferences(options: Parameters<typeof setup>[0]) {
  const ui = setup(options);
  ui.handle.show("preferences");
  await settle();
  const dialog = ui.screen.getByRole("dialog", { name: "Privacy preferences" }) as HTMLDialogElement;
  return { ...ui, dialog };
}

/** The preferences, opened after YouTube was allowed on its own (what a placeholder's Allow does). */
async function afterEmbedAllowed() {
  const ui = setup({ config: shop() });
  ui.api.set({ youtube: true }, { source: "preferences" });
  ui.calls.length = 0;
  ui.handle.show("preferences");
  await settle();
  return ui;
}

const checked = (el: HTMLElement) => el.getAttribute("aria-checked");
const activeInside = (root: Node) => (root.getRootNode() as ShadowRoot).activeElement;

describe("preferences", () => {
  it("opens as a modal dialog", async () => {
    const { dialog } = await openPreferences({ config: shop() });
    expect(dialog.tagName).toBe("DIALOG");
    expect(dialog.open).toBe(true);
  });

  it("has one switch per optional category, named by its title and off before any choice", async () => {
    const { dialog } = await openPreferences({ config: shop() });
    // Each category's own switch, beside its title; its services' switches are inside its disclosure.
    const switches = [...dialog.querySelectorAll<HTMLElement>(".cg-cat > .cg-row [role=switch]")];
    expect(switches.map((s) => s.getAttribute("aria-label"))).toEqual(["Functional", "Analytics", "Marketing"]);
    expect(switches.every((s) => s.tagName == "BUTTON" && checked(s) == "false")).toBe(true);
  });

  it("shows strictly necessary as always on, with no switch to turn it off", async () => {
    const { screen } = await openPreferences({ config: shop() });
    expect(screen.getByRole("heading", { name: "Strictly necessary" })).toBeTruthy();
    expect(screen.getByText("Always on")).toBeTruthy();
    expect(screen.queryByRole("switch", { name: "Strictly necessary" })).toBeNull();
  });

  it("starts with the switches on in opt-out mode", async () => {
    const { screen } = await openPreferences({ config: usNotice() });
    // Both categories' switches and, once listed, those of their services.
    await screen.findByRole("switch", { name: "Google Analytics" });
    expect(screen.getAllByRole("switch").map(checked)).toEqual(["true", "true", "true", "true"]);
  });

  it("starts from the visitor's earlier choices", async () => {
    const config = shop();
    const { screen } = await openPreferences({
      config,
      state: { decided: true, categories: { necessary: true, functional: false, analytics: true, marketing: false } },
    });
    expect(checked(screen.getByRole("switch", { name: "Analytics" }))).toBe("true");
    expect(checked(screen.getByRole("switch", { name: "Marketing" }))).toBe("false");
  });

  it("flips a switch when it is pressed", async () => {
    const { screen } = await openPreferences({ config: shop() });
    const analytics = screen.getByRole("switch", { name: "Analytics" });
    fireEvent.click(analytics);
    expect(checked(analytics)).toBe("true");
    fireEvent.click(analytics);
    expect(checked(analytics)).toBe("false");
  });

  it("saves exactly what the switches show, from the preferences, then closes", async () => {
    const { screen, decisions, box } = await openPreferences({ config: shop() });
    fireEvent.click(screen.getByRole("switch", { name: "Analytics" }));
    fireEvent.click(screen.getByRole("button", { name: "Save choices" }));
    // The switched category's services follow it: none is stored on its own, for a later refusal of the category to miss.
    expect(decisions()).toEqual([
      ["set", { functional: false, analytics: true, marketing: false }, { source: "preferences" }],
      ["close"],
    ]);
    expect(box.querySelector("dialog")).toBeNull();
  });

  it("saves a refusal of everything when nothing was switched on", async () => {
    const { screen, decisions } = await openPreferences({ config: shop() });
    fireEvent.click(screen.getByRole("button", { name: "Save choices" }));
    expect(decisions()[0]).toEqual([
      "set",
      { functional: false, analytics: false, marketing: false },
      { source: "preferences" },
    ]);
  });

  it("offers Accept all and Reject all too, recorded as decided in the preferences", async () => {
    const accepted = await openPreferences({ config: shop() });
    fireEvent.click(accepted.screen.getByRole("button", { name: "Accept all" }));
    expect(accepted.decisions()).toEqual([["acceptAll", { source: "preferences" }], ["close"]]);
    cleanPage();
    const rejected = await openPreferences({ config: shop() });
    fireEvent.click(rejected.screen.getByRole("button", { name: "Reject all" }));
    expect(rejected.decisions()).toEqual([["rejectAll", { source: "preferences" }], ["close"]]);
  });

  it("closes on Escape without deciding anything", async () => {
    const { dialog, decisions, box } = await openPreferences({ config: shop() });
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(decisions()).toEqual([["close"]]);
    expect(box.querySelector("dialog")).toBeNull();
  });

  it("closes from its close button without deciding anything", async () => {
    const { screen, decisions } = await openPreferences({ config: shop() });
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(decisions()).toEqual([["close"]]);
  });

  it("moves focus inside when it opens and gives it back to the opener when it closes", async () => {
    document.body.innerHTML = `<a href="#" data-consentgate-open>Cookie settings</a>`;
    const opener = document.querySelector("a")!;
    opener.focus();
    const { dialog, screen } = await openPreferences({ config: shop() });
    expect(dialog.contains(activeInside(dialog))).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(document.activeElement).toBe(opener);
  });

  it("returns focus to Manage choices when the core goes back from the preferences to the banner", async () => {
    const ui = setup({ config: shop() });
    ui.handle.show("banner");
    const manage = ui.screen.getByRole("button", { name: "Manage choices" });
    manage.focus();
    fireEvent.click(manage);
    await settle();
    expect(ui.screen.getByRole("dialog", { name: "Privacy preferences" })).toBeTruthy();
    ui.handle.show("banner");
    expect(ui.screen.queryByRole("dialog", { name: "Privacy preferences" })).toBeNull();
    expect(ui.host.shadowRoot!.activeElement).toBe(manage);
  });

  it("keeps Tab inside the dialog", async () => {
    const { dialog } = await openPreferences({ config: shop() });
    const buttons = dialog.querySelectorAll("button");
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    last.focus();
    fireEvent.keyDown(last, { key: "Tab" });
    expect(activeInside(dialog)).toBe(first);
    fireEvent.keyDown(first, { key: "Tab", shiftKey: true });
    expect(activeInside(dialog)).toBe(last);
  });

  it("writes cookie names left to right, also in a right-to-left language", async () => {
    const { screen } = await openPreferences({ config: shop(), language: "he" });
    await settle();
    const name = screen.getByText("_ga_*");
    expect(name.tagName).toBe("BDI");
    expect(name.getAttribute("dir")).toBe("ltr");
  });

  it("names each category's services-and-cookies disclosure after the category, in any language", async () => {
    for (const [language, strings, names] of [
      ["en", undefined, ["Functional Services and cookies (1)", "Analytics Services and cookies (2)", "Marketing Services and cookies (2)"]],
      ["de", de, ["Funktional Dienste und Cookies (1)", "Statistik Dienste und Cookies (2)", "Marketing Dienste und Cookies (2)"]],
    ] as const) {
      const { box, handle } = setup({ config: shop(), language, strings });
      handle.show("preferences");
      await settle();
      const root = box.getRootNode() as ShadowRoot;
      const labelOf = (el: Element) =>
        el.getAttribute("aria-labelledby")!.split(" ").map((id) => root.getElementById(id)!.textContent).join(" ");
      expect([...box.querySelectorAll("summary")].map(labelOf)).toEqual(names);
      cleanPage();
    }
  });

  it("lists each category's services with purpose, provider, policy link and cookie lifetimes", async () => {
    const { screen } = await openPreferences({ config: shop() });
    expect(screen.getAllByText(/^Services and cookies/).map((summary) => summary.textContent)).toEqual([
      "Services and cookies (1)",
      "Services and cookies (2)",
      "Services and cookies (2)",
    ]);
    const ga = (await screen.findByRole("heading", { name: "Google Analytics" })).closest(".cg-svc")!;
    expect(ga.textContent).toMatch(/Measures how visitors use the site/);
    expect(ga.textContent).toMatch(/Provider: Google/);
    expect(ga.querySelector("a")!.getAttribute("href")).toMatch(/^https:\/\/policies\.google\.com/);
    const rows = [...ga.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((td) => td.textContent));
    expect(rows).toContainEqual(["_ga", "2 years"]);
  });

  it("tells which cookies the provider sets on its own domain", async () => {
    const { screen } = await openPreferences({ config: shop() });
    const youtube = (await screen.findByRole("heading", { name: "YouTube" })).closest(".cg-svc")!;
    expect(youtube.querySelector("tbody td")!.textContent).toBe("VISITOR_INFO1_LIVEset by Google");
  });

  it("lists a site's own service with the title, description and cookies from the config", async () => {
    const { screen } = await openPreferences({ config: ownService() });
    const matomo = (await screen.findByRole("heading", { name: "Matomo (self-hosted)" })).closest(".cg-svc")!;
    expect(matomo.textContent).toMatch(/Counts visits on our own server\./);
    expect(matomo.querySelector("a")!.getAttribute("href")).toBe("https://example.com/privacy#matomo");
    expect([...matomo.querySelectorAll("tbody td:first-child")].map((td) => td.textContent)).toEqual([
      "_pk_id*",
      "_pk_ses*",
    ]);
  });

  it("lists the cookies a site adds to a built-in service after the catalogue's, which the gate still holds", async () => {
    const { screen } = await openPreferences({
      config: makeConfig({
        categories: { analytics: { services: ["google-analytics"] } },
        services: { "google-analytics": { category: "analytics", cookies: ["_ga_extra", "_gid"] } },
      }),
    });
    const ga = (await screen.findByRole("heading", { name: "Google Analytics" })).closest(".cg-svc")!;
    const names = [...ga.querySelectorAll("tbody td:first-child")].map((td) => td.textContent);
    expect(names.slice(0, 2)).toEqual(["_ga", "_ga_*"]);
    expect(names.filter((name) => name == "_gid")).toHaveLength(1);
    expect(names[names.length - 1]).toBe("_ga_extra");
  });

  it("lists a catalogue service the gate met on the page although the config does not name it", async () => {
    const { screen } = await openPreferences({
      config: shop(),
      before: (fake) => fake.emit("held", { service: "mixpanel", category: "analytics", kind: "script", target: "https://cdn.mxpnl.com/libs/mixpanel.js" }),
    });
    expect((await screen.findByRole("heading", { name: "Mixpanel" }))).toBeTruthy();
  });

  it("still lists what is used when only the necessary category exists, and offers only Close", async () => {
    const { screen, decisions } = await openPreferences({ config: necessaryOnly() });
    expect(screen.queryAllByRole("switch")).toEqual([]);
    expect((await screen.findByRole("heading", { name: "Stripe" }))).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Accept all" })).toBeNull();
    const buttons = screen.getAllByRole("button", { name: "Close" });
    fireEvent.click(buttons[buttons.length - 1]);
    expect(decisions()).toEqual([["close"]]);
  });

  it("switching a category off also withdraws an embed allowed on its own", async () => {
    document.body.innerHTML = `<iframe srcdoc="" data-src="https://www.youtube.com/embed/x"></iframe>`;
    const iframe = document.querySelector("iframe")!;
    const ui = setup({ config: shop(), before: (fake) => fake.emit("held", heldIframe("youtube", "marketing", iframe)) });
    ui.api.set({ youtube: true }, { source: "preferences" });
    ui.calls.length = 0;
    ui.handle.show("preferences");
    await settle();
    const marketing = ui.screen.getByRole("switch", { name: "Marketing" });
    fireEvent.click(marketing);
    fireEvent.click(marketing);
    fireEvent.click(ui.screen.getByRole("button", { name: "Save choices" }));
    // Switched back, the category changes nothing, and takes nothing along: the embed is stored as its switch shows.
    expect(ui.decisions()[0]).toEqual(["set", { functional: false, analytics: false, marketing: false, youtube: false }, { source: "preferences" }]);
    expect(ui.api.allows("youtube")).toBe(false);
  });

  it("keeps an embed allowed on its own when its category was not touched", async () => {
    const ui = await afterEmbedAllowed();
    fireEvent.click(ui.screen.getByRole("button", { name: "Save choices" }));
    // Restated: the category stored beside it would otherwise take it along.
    expect(ui.decisions()[0][1]).toEqual({ functional: false, analytics: false, marketing: false, youtube: true });
    expect(ui.api.allows("youtube")).toBe(true);
  });

  it("shows a service allowed on its own as on, in its category opened to show it, and saves it as shown", async () => {
    const ui = await afterEmbedAllowed();
    const youtube = await ui.screen.findByRole("switch", { name: "YouTube" });
    expect(checked(youtube)).toBe("true");
    expect(checked(ui.screen.getByRole("switch", { name: "Marketing" }))).toBe("false");
    expect((youtube.closest("details") as HTMLDetailsElement).open).toBe(true);
    // Nothing else differs from its category, so the other categories stay closed.
    const closed = [...ui.box.querySelectorAll("details")].filter((d) => !d.open);
    expect(closed.length).toBe(2);
    fireEvent.click(ui.screen.getByRole("button", { name: "Save choices" }));
    expect(ui.decisions()[0][1]).toEqual({ functional: false, analytics: false, marketing: false, youtube: true });
  });

  it("turns a service allowed on its own off with its own switch", async () => {
    const ui = await afterEmbedAllowed();
    const youtube = await ui.screen.findByRole("switch", { name: "YouTube" });
    fireEvent.click(youtube);
    expect(checked(youtube)).toBe("false");
    fireEvent.click(ui.screen.getByRole("button", { name: "Save choices" }));
    expect(ui.decisions()[0][1]).toEqual({ functional: false, analytics: false, marketing: false, youtube: false });
    expect(ui.api.allows("youtube")).toBe(false);
  });

  it("saves what its switches show when another tab decided while they were open, and adds no service choice", async () => {
    const ui = await openPreferences({ config: shop() });
    // Another tab accepts everything: this dialog still shows what it opened on.
    ui.api.acceptAll();
    ui.calls.length = 0;
    fireEvent.click(ui.screen.getByRole("button", { name: "Save choices" }));
    expect(ui.decisions()[0][1]).toEqual({ functional: false, analytics: false, marketing: false });
  });

  it("allows one service of a category left off", async () => {
    const ui = await openPreferences({ config: shop() });
    const hotjar = await ui.screen.findByRole("switch", { name: "Hotjar" });
    expect(checked(hotjar)).toBe("false");
    fireEvent.click(hotjar);
    expect(checked(hotjar)).toBe("true");
    expect(checked(ui.screen.getByRole("switch", { name: "Analytics" }))).toBe("false");
    fireEvent.click(ui.screen.getByRole("button", { name: "Save choices" }));
    expect(ui.decisions()[0][1]).toEqual({ functional: false, analytics: false, marketing: false, hotjar: true });
  });

  it("carries a category's services along when its own switch is pressed", async () => {
    const ui = await openPreferences({ config: shop() });
    fireEvent.click(await ui.screen.findByRole("switch", { name: "Hotjar" }));
    const analytics = ui.screen.getByRole("switch", { name: "Analytics" });
    fireEvent.click(analytics);
    expect(checked(ui.screen.getByRole("switch", { name: "Hotjar" }))).toBe("true");
    expect(checked(ui.screen.getByRole("switch", { name: "Google Analytics" }))).toBe("true");
    fireEvent.click(analytics);
    expect(checked(ui.screen.getByRole("switch", { name: "Hotjar" }))).toBe("false");
    fireEvent.click(ui.screen.getByRole("button", { name: "Save choices" }));
    expect(ui.decisions()[0][1]).toEqual({ functional: false, analytics: false, marketing: false });
  });

  it("gives the services of strictly necessary no switch", async () => {
    const config = makeConfig({ categories: { necessary: { services: ["stripe"], required: true }, analytics: { services: ["hotjar"] } } });
    const ui = await openPreferences({ config });
    expect(await ui.screen.findByRole("heading", { name: "Stripe" })).toBeTruthy();
    expect(ui.screen.queryByRole("switch", { name: "Stripe" })).toBeNull();
    expect(ui.screen.getByRole("switch", { name: "Hotjar" })).toBeTruthy();
  });

  it("opens and closes in a browser without popovers, which rejects :popover-open and :modal as selectors", async () => {
    const native = document.querySelector.bind(document);
    const spy = vi.spyOn(document, "querySelector").mockImplementation((selector: string) => {
      if (/:popover-open|:modal/.test(selector)) throw new DOMException(`'${selector}' is not a valid selector`, "SyntaxError");
      return native(selector);
    });
    try {
      const ui = await openPreferences({ config: shop() });
      fireEvent.click(ui.screen.getByRole("button", { name: "Save choices" }));
      expect(ui.decisions()[0][0]).toBe("set");
      expect(ui.box.querySelector("dialog")).toBeNull();
    } finally {
      spy.mockRestore();
    }
  });

  it("speaks German, durations and purposes included", async () => {
    const ui = setup({ config: shop(), language: "de", strings: de });
    ui.handle.show("preferences");
    await settle();
    const dialog = ui.screen.getByRole("dialog", { name: "Datenschutz-Einstellungen" });
    expect(ui.screen.getByRole("switch", { name: "Statistik" })).toBeTruthy();
    await ui.screen.findByRole("heading", { name: "Google Analytics" });
    expect(dialog.textContent).toMatch(/Misst, wie Besucher die Website nutzen/);
    expect(dialog.textContent).toMatch(/2 Jahre/);
    expect(ui.screen.getByRole("button", { name: "Auswahl speichern" })).toBeTruthy();
  });

  it("says the browser's privacy signal was honoured while it decides (the state's source is the signal)", async () => {
    const { screen } = await openPreferences({ config: shop(), state: { source: "signal", signals: { gpc: true, dnt: false } } });
    expect(screen.getByText("Your browser's privacy signal was honoured.")).toBeTruthy();
  });

  it("does not say the signal was honoured once the visitor's saved choice stands over it", async () => {
    const { screen } = await openPreferences({
      config: shop(),
      state: { decided: true, source: "banner", categories: { necessary: true, analytics: true, marketing: true }, signals: { gpc: true, dnt: false } },
    });
    expect(screen.queryByText("Your browser's privacy signal was honoured.")).toBeNull();
  });

  it("offers nothing to turn on when the config was unreadable", async () => {
    const { screen } = await openPreferences({ config: makeConfig({ ...shop(), unreadable: true }) });
    expect(screen.queryAllByRole("switch")).toEqual([]);
    expect(screen.queryByRole("button", { name: "Accept all" })).toBeNull();
  });
});
