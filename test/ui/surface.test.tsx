import { afterEach, describe, expect, it } from "vitest";
import { makeConfig, shop } from "../fixtures/ui/configs";
import { cleanPage, heldIframe, settle, setup } from "./harness";

afterEach(cleanPage);

/** Every node the UI rendered, inside every shadow root it made. */
function everything() {
  return [...document.querySelectorAll("consentgate-ui")].flatMap((host) => [
    host,
    ...host.shadowRoot!.querySelectorAll("*"),
  ]);
}

describe("rendering surface", () => {
  it("renders into an open shadow root styled by an adopted stylesheet", () => {
    const { host } = setup({ config: shop() });
    expect(host.shadowRoot!.mode).toBe("open");
    expect(host.shadowRoot!.adoptedStyleSheets.length).toBe(1);
  });

  it("uses no <style> element and no style attribute anywhere, so style-src 'self' suffices", async () => {
    document.body.innerHTML = `<iframe srcdoc="" width="400" height="300"></iframe>`;
    const iframe = document.querySelector("iframe")!;
    const ui = setup({
      config: makeConfig({ ...shop(), ui: { ...shop().ui, reopenButton: true } }),
      before: (fake) => fake.emit("held", heldIframe("youtube", "marketing", iframe)),
    });
    ui.handle.show("banner");
    ui.handle.show("preferences");
    await settle();
    const nodes = everything();
    expect(nodes.length).toBeGreaterThan(40);
    expect(nodes.filter((el) => el.tagName == "STYLE" || el.hasAttribute("style"))).toEqual([]);
  });

  it("marks the host with the configured theme", () => {
    const { host } = setup({ config: makeConfig({ ...shop(), ui: { ...shop().ui, theme: "dark" } }) });
    expect(host.getAttribute("data-theme")).toBe("dark");
  });

  it("falls back to linking consentgate.css next to the script where stylesheets cannot be adopted", () => {
    const descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, "adoptedStyleSheets")!;
    const settings = (window as any).happyDOM.settings;
    delete (ShadowRoot.prototype as any).adoptedStyleSheets;
    settings.handleDisabledFileLoadingAsSuccess = true;
    try {
      const { host, box } = setup({ config: shop() });
      const link = host.shadowRoot!.querySelector("link")!;
      expect(link.rel).toBe("stylesheet");
      expect(link.href).toMatch(/\/consentgate\.css$/);
      expect(link.nextElementSibling).toBe(box);
      expect(box.hidden).toBe(false);
    } finally {
      Object.defineProperty(ShadowRoot.prototype, "adoptedStyleSheets", descriptor);
      settings.handleDisabledFileLoadingAsSuccess = false;
    }
  });

  it("is mounted once however often the core shows and hides views", async () => {
    const { handle } = setup({ config: shop() });
    handle.show("banner");
    handle.show(null);
    handle.show("preferences");
    await settle();
    handle.show(null);
    expect(document.querySelectorAll("consentgate-ui").length).toBe(1);
  });
});
