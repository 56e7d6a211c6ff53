import { render } from "preact";
import type { Mount } from "../api/load-ui";
import type { View } from "../types";
import { Banner } from "./banner";
import { watchEmbeds } from "./placeholder";
import { Preferences } from "./preferences";
import { ReopenButton } from "./reopen-button";
import { createCatalogue, servicesOf } from "./service-info";
import { createSurfaces } from "./surface";
import { createText } from "./text";
import { optionalCategories } from "./ui";
import type { Ui } from "./ui";

/**
 * The UI half, loaded on demand. The core decides what is shown and calls
 * `show()`; everything the visitor decides goes back through the public API.
 */
export const mount: Mount = (api, ctx) => {
  const text = createText(ctx);
  const ui: Ui = { api, ctx, text, catalogue: createCatalogue(() => draw()) };
  const attach = createSurfaces(ctx.config.ui.theme, text);
  const { config } = ctx;

  // Before <body> rather than inside it: first in Tab order, yet it cannot
  // change which element matches `body > :first-child`, and a transformed or
  // re-rendered <body> cannot clip or remove it. Without a <body> yet, the
  // parser adds it after this.
  const host = document.createElement("consentgate-ui");
  document.documentElement.insertBefore(host, document.body);
  const box = attach(host);

  let view: View | null = null;
  /** The banner stays under the preferences opened from it, so focus can return to it. */
  let banner = false;
  let draft: Record<string, boolean> = {};
  let touched = new Set<string>();
  let announcement = "";
  const seen = new Set<string>();

  let reopen: HTMLElement | undefined;
  if (config.ui.reopenButton) {
    // After the page's content in Tab order, unlike the banner.
    const reopenHost = document.createElement("consentgate-ui");
    reopenHost.setAttribute("data-reopen", "");
    (document.body || document.documentElement).append(reopenHost);
    reopen = attach(reopenHost);
  }

  const toggle = (name: string) => {
    draft[name] = !draft[name];
    touched.add(name);
    draw();
  };

  /**
   * What the switches show is what is stored. A category the visitor switched
   * also takes along its services that had a choice of their own (an embed
   * allowed through its placeholder), so switching it off withdraws them too.
   */
  const save = () => {
    const { categories, services } = api.get();
    const choices = { ...draft };
    for (const name of touched) {
      for (const id of servicesOf(name, ui, seen)) {
        if (services[id] != categories[name]) choices[id] = draft[name];
      }
    }
    api.set(choices, { source: "preferences" });
  };

  const draw = () => {
    const state = api.get();
    render(
      <>
        <p class="cg-sr" role="status">
          {announcement}
        </p>
        {banner && <Banner ui={ui} state={state} />}
        {view == "preferences" && (
          <Preferences ui={ui} state={state} draft={draft} toggle={toggle} save={save} seen={seen} />
        )}
      </>,
      box,
    );
    if (reopen) render(view ? null : <ReopenButton ui={ui} state={state} />, reopen);
  };

  api.on("change", draw);
  watchEmbeds(ui, attach, (service) => {
    seen.add(service);
    if (view == "preferences") draw();
  });
  draw();

  return {
    show(next) {
      if (next == view) return;
      if (next == "preferences") {
        ui.catalogue.load();
        const { categories } = api.get();
        draft = Object.fromEntries(optionalCategories(config).map((name) => [name, categories[name]]));
        touched = new Set();
      }
      const appears = next == "banner" && !banner;
      banner = next == "banner" || (next == "preferences" && view == "banner");
      announcement = "";
      view = next;
      draw();
      // A live region speaks when its content changes after it exists: this is
      // how the banner is announced without taking focus from the page.
      if (appears) {
        setTimeout(() => {
          if (view != "banner") return;
          announcement = text.t("bannerTitle");
          draw();
        }, 200);
      }
    },
  };
};
