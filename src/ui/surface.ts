import type { UiConfig } from "../types";
import type { Text } from "./text";

/**
 * Makes `<consentgate-ui>` hosts: an open shadow root styled by an adopted
 * stylesheet (no <style> element, no style attribute, so `style-src 'self'`
 * suffices), holding one `.cg` box to render into. Every host the UI creates —
 * the main one, each embed placeholder, the reopen button — shares the sheet.
 */
export function createSurfaces(theme: UiConfig["theme"], text: Text) {
  let sheet: CSSStyleSheet | undefined;
  try {
    if ("adoptedStyleSheets" in ShadowRoot.prototype) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(__CSS__);
    }
  } catch {
    sheet = undefined;
  }

  /** `css` adds rules for this host only, e.g. a placeholder's size. */
  return (host: HTMLElement, css = ""): HTMLElement => {
    host.setAttribute("data-theme", theme);
    const shadow = host.attachShadow({ mode: "open" });
    const box = document.createElement("div");
    box.className = "cg";
    box.lang = text.language;
    box.dir = text.rtl ? "rtl" : "ltr";
    if (sheet) {
      const sheets = [sheet];
      if (css) {
        const own = new CSSStyleSheet();
        own.replaceSync(css);
        sheets.push(own);
      }
      shadow.adoptedStyleSheets = sheets;
    } else {
      // Safari before 16.4: the same rules from the file next to this script,
      // with the box hidden until they apply rather than shown unstyled.
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL("consentgate.css", import.meta.url).href;
      link.onload = link.onerror = () => (box.hidden = false);
      box.hidden = true;
      shadow.append(link);
    }
    shadow.append(box);
    return box;
  };
}

export type Attach = ReturnType<typeof createSurfaces>;
