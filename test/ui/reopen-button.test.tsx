import { fireEvent, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { makeConfig, shop, usNotice } from "../fixtures/ui/configs";
import { cleanPage, settle, setup } from "./harness";

afterEach(cleanPage);

const withReopen = (config = shop()) => makeConfig({ ...config, ui: { ...config.ui, reopenButton: true } });

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
    expect(button.getAttribute("aria-label")).toBe("Privacy choices");
    expect(document.body.lastElementChild!.matches("consentgate-ui[data-reopen]")).toBe(true);
    fireEvent.click(button);
    expect(calls).toEqual([["open", "preferences"]]);
  });

  it("hides while the banner or the preferences are shown", async () => {
    const { handle } = setup({ config: withReopen() });
    await settle();
    handle.show("banner");
    expect(reopenButton()).toBeNull();
    handle.show(null);
    expect(reopenButton()).not.toBeNull();
  });

  it("reads Opt-out request honoured in opt-out mode when a signal opted the visitor out", async () => {
    setup({
      config: withReopen(usNotice()),
      state: { decided: true, source: "signal", signals: { gpc: true, dnt: false } },
    });
    await settle();
    expect(reopenButton()!.textContent).toBe("Opt-out request honoured");
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
