import { fireEvent, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { makeConfig, shop, usNotice } from "../fixtures/ui/configs";
import { cleanPage, settle, setup } from "./harness";

afterEach(cleanPage);

const withReopen = (config = shop()) => makeConfig({ ...config, ui: { ...config.ui, reopenButton: true } });

/** The focused element, inside the shadow root of whichever host has focus. */
function focused() {
  const outer = document.activeElement;
  return outer?.shadowRoot?.activeElement ?? outer;
}

function reopenButton() {
  const host = document.querySelector("consentgate-ui[data-reopen]");
  return host && within(host.shadowRoot!.querySelector(".cg") as HTMLElement).queryByRole("button");
}

describe("reopen button", () => {
  it("is not there unless the config asks for it", async () => {
    setup({ config: shop() });
    await settle();
    expect(reopenButton()).toBeNull();
  });

  it("opens the preferences, and comes after the page's content in Tab order", async () => {
    document.body.innerHTML = `<main><a href="/">Home</a></main>`;
    const { calls } = setup({ config: withReopen(), state: { decided: true } });
    await settle();
    const button = reopenButton()!;
    // Named once, by its title (the tooltip): an aria-label beside it made screen readers say it twice.
    expect(within(button.getRootNode() as unknown as HTMLElement).getByRole("button", { name: "Privacy choices" })).toBe(button);
    expect(button.hasAttribute("aria-label")).toBe(false);
    // After everything in <body>: the last element of the document.
    expect(document.documentElement.lastElementChild!.matches("consentgate-ui[data-reopen]")).toBe(true);
    expect(document.body.compareDocumentPosition(document.querySelector("[data-reopen]")!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(button);
    expect(calls).toEqual([["open", "preferences"]]);
  });

  it("hides while the banner is shown, and under the preferences opened from the banner", async () => {
    const { handle } = setup({ config: withReopen() });
    await settle();
    handle.show("banner");
    expect(reopenButton()).toBeNull();
    handle.show("preferences");
    expect(reopenButton()).toBeNull();
    handle.show("banner");
    handle.show(null);
    expect(reopenButton()).not.toBeNull();
  });

  it("stays under the preferences opened from it and has focus back when they close", async () => {
    const { handle, screen } = setup({ config: withReopen(), state: { decided: true } });
    await settle();
    const button = reopenButton()!;
    button.focus();
    fireEvent.click(button);
    await settle();
    const dialog = screen.getByRole("dialog", { name: "Privacy preferences" });
    expect(reopenButton()).toBe(button);
    expect(dialog.contains(focused())).toBe(true);

    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(focused()).toBe(button);

    fireEvent.click(button);
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(focused()).toBe(button);
    handle.show(null);
    expect(focused()).toBe(button);
  });

  it("takes focus when the preferences opened from the banner are saved, since Manage choices went with the banner", async () => {
    const { handle, screen } = setup({ config: withReopen() });
    handle.show("banner");
    await settle();
    const manage = screen.getByRole("button", { name: "Manage choices" });
    manage.focus();
    fireEvent.click(manage);
    await settle();
    const save = screen.getByRole("button", { name: "Save choices" });
    save.focus();
    fireEvent.click(save);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(focused()).toBe(reopenButton());
  });

  it("leaves focus on the page when the banner goes because of a decision made there", async () => {
    document.body.innerHTML = `<input id="search">`;
    const search = document.getElementById("search")!;
    const { api, handle } = setup({ config: withReopen() });
    handle.show("banner");
    await settle();
    search.focus();
    api.rejectAll();
    handle.show(null);
    expect(reopenButton()).not.toBeNull();
    expect(document.activeElement).toBe(search);
  });

  it("reads Opt-out request honoured in opt-out mode when a signal opted the visitor out", async () => {
    setup({
      config: withReopen(usNotice()),
      state: { decided: true, source: "signal", signals: { gpc: true, dnt: false } },
    });
    await settle();
    expect(reopenButton()!.textContent).toBe("Opt-out request honoured");
  });

  it("stops claiming an honoured opt-out as soon as the visitor saves a choice of their own", async () => {
    const { screen } = setup({
      config: withReopen(usNotice()),
      state: { decided: true, source: "signal", signals: { gpc: true, dnt: false } },
    });
    await settle();
    expect(reopenButton()!.textContent).toBe("Opt-out request honoured");
    fireEvent.click(reopenButton()!);
    await settle();
    fireEvent.click(screen.getByRole("button", { name: "Save choices" }));
    await settle();
    expect(reopenButton()!.textContent).toBe("");
  });

  it("does not claim an honoured opt-out once the visitor chose for themselves", async () => {
    setup({
      config: withReopen(usNotice()),
      state: { decided: true, source: "preferences", signals: { gpc: true, dnt: false } },
    });
    await settle();
    expect(reopenButton()!.textContent).toBe("");
  });
});
