import type { Mount } from "../api/load-ui";
import type { View } from "../types";
import { createBanner } from "./banner";
import { h } from "./dom";
import { createSurfaces } from "./surface";
import { createText } from "./text";
import { lift } from "./top-layer";
import { optionalCategories } from "./ui";
import type { Kit } from "./ui";
import type { Views } from "./views";

/**
 * The UI half, loaded on demand. The core decides what is shown and calls
 * `show()`; everything the visitor decides goes back through the public API.
 *
 * This file is the first layer: the banner, built without a renderer, since
 * most visitors answer it and go. The views drawn with Preact (preferences,
 * embed placeholders, reopen button) load from views.tsx when one is needed,
 * so a first visit downloads the core, this file and one language only.
 */
export const mount: Mount = (api, ctx) => {
  const { config } = ctx;
  const text = createText(ctx);
  const surfaces = createSurfaces(config.ui.theme, text);
  const kit: Kit = {
    api,
    ctx,
    text,
    surfaces,
    lift,
    optional: optionalCategories(config),
    honoured: () => api.get().source == "signal",
  };

  // Put in the page by show(), which the core calls at once.
  const host = document.createElement("consentgate-ui");
  const box = surfaces.attach(host);
  // A live region speaks when its content changes after it exists: this is
  // how the banner is announced without taking focus from the page.
  const status = h("p", { class: "cg-sr", role: "status" });
  box.append(status);

  let view: View | null = null;
  /** The banner stays under the preferences opened from it, so focus can return to it. */
  let banner: HTMLElement | null = null;

  let views: Views | undefined;
  let loading: Promise<void> | undefined;
  const loadViews = () => {
    loading ||= Promise.all([import("./views"), ctx.moreStrings()]).then(
      ([module, strings]) => {
        text.add(strings);
        views = module.mountViews(kit, box, strings);
        views.show(view);
      },
      // A module that failed stays failed for the page view (the browser's module map keeps it).
      (error) => console.error("[consentgate]", error),
    );
  };

  if (config.ui.reopenButton) loadViews();
  // Keyboard users, and pages that open a popover over the banner, get the
  // views' code early: it keeps what Tab reaches in the page clear of the
  // banner (keep-clear.ts) and the banner above a page's popover
  // (keep-on-top.ts), which no one else needs. Our own popovers' toggles stay
  // in our shadow roots.
  // A popover's toggle: a <details> one has nothing to do with the banner.
  const early = (event: Event) => {
    if (banner && ((event as KeyboardEvent).key == "Tab" || (event.target as HTMLElement).popover)) loadViews();
  };
  for (const type of ["keydown", "toggle"]) document.addEventListener(type, early, true);
  // Embeds held before the UI loaded are replayed here too.
  api.on("held", (event) => {
    if (event.kind == "iframe") loadViews();
  });

  return {
    show(next) {
      // Before <body> rather than inside it: first in Tab order, yet it cannot
      // change which element matches `body > :first-child`, and a transformed or
      // re-rendered <body> cannot clip or remove it. Without a <body> yet, the
      // parser adds it after this. A page may take the host out (a framework
      // hydrating <html>): it comes back, empty or not.
      if (!host.isConnected) document.documentElement.insertBefore(host, document.body);
      if (next == view) return;
      const keep = next == "banner" || (next == "preferences" && view == "banner");
      if (keep && !banner) {
        banner = createBanner(kit, loadViews);
        status.after(banner);
        lift(banner);
        setTimeout(() => {
          if (view == "banner") status.textContent = text.t("bannerTitle");
          // Said once, it leaves the reading order, where the banner's heading says it again.
          setTimeout(() => (status.textContent = ""), 5000);
        }, 200);
      } else if (!keep && banner) {
        banner.remove();
        banner = null;
      }
      // A banner at "center" stops clicks on the page behind its backdrop;
      // keys and screen readers must not reach the page either. (Without a
      // <body> yet, only aria-modal says so.)
      if (config.ui.position == "center" && document.body) document.body.inert = !!banner;
      status.textContent = "";
      view = next;
      if (views) views.show(next);
      else if (next == "preferences") loadViews();
    },
  };
};
