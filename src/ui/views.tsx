import { render } from "preact";
import type { View } from "../types";
import { BOTTOM, CORNER, keepClear, TOP } from "./keep-clear";
import { keepOnTop } from "./keep-on-top";
import { watchEmbeds } from "./placeholder";
import { Preferences } from "./preferences";
import { ReopenButton } from "./reopen-button";
import { createCatalogue, servicesOf } from "./service-info";
import type { Kit, Ui } from "./ui";

export type Views = ReturnType<typeof mountViews>;

/**
 * The views drawn with Preact, loaded by the first layer (index.ts) when one
 * is needed: the preferences, the embed placeholders and the reopen button.
 * `box` is the main host's box, where the preferences dialog goes; `strings`
 * are the language's strings for these views.
 */
export function mountViews(kit: Kit, box: HTMLElement, strings: Record<string, any>) {
  // The views' rules join the first layer's in the main host, and come with every host made here.
  const sheets = kit.surfaces.sheets && [sheetOf(__CSS_VIEWS__)];
  if (sheets) {
    const shadow = box.getRootNode() as ShadowRoot;
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, ...sheets];
  }
  const attach = (host: HTMLElement, css = "") =>
    kit.surfaces.attach(host, sheets && (css ? [...sheets, sheetOf(css)] : sheets));

  const ui: Ui = { ...kit, attach, purposes: strings.purposes || {}, catalogue: createCatalogue(() => draw()) };
  const { api, ctx } = ui;
  const { config } = ctx;

  const root = document.createElement("div");
  root.className = "cg-views";
  box.append(root);

  let view: View | null = null;
  /** The state as the preferences opened on it: what their switches show and Save weighs against, whatever another tab decides meanwhile. */
  let opened = api.get();
  let draft: Record<string, boolean> = {};
  let touched = new Set<string>();
  /** Services the visitor switched on their own, unlike what their category's switch would give them. */
  let picks: Record<string, boolean> = {};
  /** Categories with a service whose choice differs from the category's: opened to show it. */
  let mixed = new Set<string>();
  const seen = new Set<string>();

  let reopen: HTMLElement | undefined;
  if (config.ui.reopenButton) {
    // After the page's content in Tab order, unlike the banner; after <body>
    // rather than in it, where a page that swaps its body (htmx, Turbo) would take it away.
    const reopenHost = document.createElement("consentgate-ui");
    reopenHost.setAttribute("data-reopen", "");
    document.documentElement.append(reopenHost);
    reopen = attach(reopenHost);
  }

  /** A category's switch takes its services along, also those switched on their own. */
  const toggle = (name: string) => {
    draft[name] = !draft[name];
    touched.add(name);
    for (const id of servicesOf(name, ui, seen)) delete picks[id];
    draw();
  };

  /**
   * What a service would have without a switch of its own: its category's
   * switch once that was pressed (see save), else what held when the
   * preferences opened, an embed allowed through its placeholder included.
   */
  const unpicked = (id: string, category: string) => (touched.has(category) ? draft[category] : opened.services[id] ?? draft[category]);
  const serviceOn = (id: string, category: string) => picks[id] ?? unpicked(id, category);
  const pick = (id: string, category: string) => {
    const on = !serviceOn(id, category);
    if (on == unpicked(id, category)) delete picks[id];
    else picks[id] = on;
    draw();
  };

  /**
   * What the switches show is what is stored: each category as switched, and
   * a service where it differs from its category's switch (a choice of its
   * own, an embed allowed through its placeholder, one chosen on another page).
   * A category switched to another state takes its services along (set()), so
   * one that follows it keeps no choice of its own for a later refusal of the
   * category (Do not sell, a site's own control) to miss; one switched back
   * takes nothing along, so a service it brought back is stored too.
   */
  const save = () => {
    const choices: Record<string, boolean> = { ...draft };
    for (const id in opened.services) {
      const name = ui.ctx.categoryOf(id);
      const on = serviceOn(id, name);
      if (name in draft && (on != draft[name] || (on != opened.services[id] && draft[name] == opened.categories[name]))) choices[id] = on;
    }
    api.set(choices, { source: "preferences" });
  };

  /** The banner, and the reopen button, whose strips are kept clear of what Tab reaches in the page. */
  let cleared: Element | null = null;
  let clearedButton: Element | null = null;

  const draw = () => {
    render(
      view == "preferences" && (
        <Preferences
          ui={ui}
          draft={draft}
          toggle={toggle}
          serviceOn={serviceOn}
          pick={pick}
          mixed={mixed}
          save={save}
          seen={seen}
          fromBanner={!!box.querySelector(".cg-banner")}
        />
      ),
      root,
    );
    // Hidden while the banner is up, even under preferences opened from it;
    // under preferences opened from the button itself it stays, for focus to return to.
    if (reopen) {
      render(box.querySelector(".cg-banner") ? null : <ReopenButton ui={ui} />, reopen);
      const button = reopen.querySelector("button");
      // Padding a page that scrolls lets its last links scroll clear of the
      // button; one that fits its window would get a scrollbar from it.
      if (button && button != clearedButton) keepClear((clearedButton = button), CORNER, BOTTOM);
    }
  };

  const raise = keepOnTop(box, () => [box.querySelector(".cg-layer"), reopen?.querySelector("button")]);
  api.on("change", draw);
  watchEmbeds(ui, (service) => {
    seen.add(service);
    if (view == "preferences") draw();
  });
  draw();


  return {
    show(next: View | null) {
      const banner = box.querySelector(".cg-layer");
      const { position } = config.ui;
      if (banner && banner != cleared && position != "center") keepClear((cleared = banner) as HTMLElement, position == "top" ? TOP : BOTTOM);
      if (next == view) return;
      const hadFocus = document.activeElement == (box.getRootNode() as ShadowRoot).host;
      if (next == "preferences") {
        ui.catalogue.load();
        const { categories, services } = (opened = api.get());
        draft = Object.fromEntries(ui.optional.map((name) => [name, categories[name]]));
        touched = new Set();
        picks = {};
        mixed = new Set(ui.optional.filter((name) => servicesOf(name, ui, seen).some((id) => id in services && services[id] != categories[name])));
      }
      view = next;
      draw();
      raise();
      // Preferences opened from the banner can close with it, Manage choices
      // and all: rather than fall to <body>, focus goes to the reopen button.
      if (hadFocus && document.activeElement == document.body) reopen?.querySelector("button")?.focus();
    },
  };
}

/** A constructable stylesheet: no <style> element, so `style-src 'self'` suffices. */
function sheetOf(css: string) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}
