import type { UiConfig } from "../types";
import type { Text } from "./text";

/**
 * Makes `<consentgate-ui>` hosts: an open shadow root styled by adopted
 * stylesheets (no <style> element, no style attribute, so `style-src 'self'`
 * suffices), holding one `.cg` box to render into. Every host the UI creates —
 * the main one, each embed placeholder, the reopen button — shares the sheets:
 * the first layer's from the start, the views' once they load (`add`).
 */
export function createSurfaces(theme: UiConfig["theme"], text: Text) {
  const sheets: CSSStyleSheet[] = [];
  /** Each shadow root with its own rules, which stay last so that they win. */
  const roots: [ShadowRoot, CSSStyleSheet[]][] = [];
  const sheet = (css: string) => {
    const made = new CSSStyleSheet();
    made.replaceSync(css);
    return made;
  };
  let adopt = false;
  try {
    adopt = "adoptedStyleSheets" in ShadowRoot.prototype;
    if (adopt) sheets.push(sheet(__CSS__));
  } catch {
    adopt = false;
  }

  return {
    /** `css` adds rules for this host only, e.g. a placeholder's size. */
    attach(host: HTMLElement, css = ""): HTMLElement {
      host.setAttribute("data-theme", theme);
      const shadow = host.attachShadow({ mode: "open" });
      const box = document.createElement("div");
      box.className = "cg";
      box.lang = text.language;
      box.dir = text.rtl ? "rtl" : "ltr";
      if (adopt) {
        const own = css ? [sheet(css)] : [];
        shadow.adoptedStyleSheets = [...sheets, ...own];
        roots.push([shadow, own]);
      } else {
        // Safari before 16.4: the whole stylesheet from the file next to this
        // script, with the box hidden until it applies rather than shown unstyled.
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

    /** Adds rules to every host, made and to come; the linked file has them all already. */
    add(css: string) {
      if (!adopt) return;
      const added = sheet(css);
      sheets.push(added);
      for (const [root, own] of roots) root.adoptedStyleSheets = [...sheets, ...own];
    },
  };
}

export type Surfaces = ReturnType<typeof createSurfaces>;
