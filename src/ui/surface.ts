import type { UiConfig } from "../types";
import { h } from "./dom";
import type { Text } from "./text";

/**
 * Makes `<consentgate-ui>` hosts: an open shadow root styled by adopted
 * stylesheets (no <style> element, no style attribute, so `style-src 'self'`
 * suffices), holding one `.cg` box to render into. Every host the UI creates —
 * the main one, each embed placeholder, the reopen button — shares `sheets`,
 * the first layer's; the views add theirs (views.tsx). Where stylesheets
 * cannot be adopted, `sheets` is undefined and each host links the whole file.
 */
export function createSurfaces(theme: UiConfig["theme"], text: Text) {
  let sheets: CSSStyleSheet[] | undefined;
  try {
    if ("adoptedStyleSheets" in ShadowRoot.prototype) {
      sheets = [new CSSStyleSheet()];
      sheets[0].replaceSync(__CSS__);
    }
  } catch {
    sheets = undefined;
  }

  return {
    sheets,

    /** `more` are sheets for this host after the shared ones, e.g. the views' and a placeholder's size. */
    attach(host: HTMLElement, more: CSSStyleSheet[] = []): HTMLElement {
      host.setAttribute("data-theme", theme);
      const shadow = host.attachShadow({ mode: "open" });
      const box = h("div", { class: "cg", lang: text.language, dir: text.rtl ? "rtl" : "ltr" });
      if (sheets) shadow.adoptedStyleSheets = [...sheets, ...more];
      else {
        // Safari before 16.4: the whole stylesheet from the file next to this
        // script, with the box hidden until it applies rather than shown unstyled
        // (that file alone has the rule that keeps `hidden` over `.cg`'s display).
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = new URL("consentgate.css", import.meta.url).href;
        link.onload = link.onerror = () => (box.hidden = false);
        box.hidden = true;
        shadow.append(link);
      }
      shadow.append(box);
      return box;
    },
  };
}

export type Surfaces = ReturnType<typeof createSurfaces>;
