import { h } from "./dom";
import type { Props } from "./dom";
import type { Kit } from "./ui";

/**
 * The first layer: what the optional categories are for, and three buttons of
 * the same size, weight and colour. In `opt-out` mode it is a notice that
 * also opts out of the `sale` categories in California's words, under them.
 * Nothing in it changes while it is shown, so it is built once, without
 * Preact: the first visit downloads no renderer (see index.ts). `soon` is
 * called when the visitor points at or focuses "Manage choices", so that the
 * preferences start loading before the click.
 */
export function createBanner({ api, ctx, text, optional, honoured }: Kit, soon: () => void): HTMLElement {
  const { config } = ctx;
  const { t } = text;
  const optOut = config.mode == "opt-out";
  const sale = optional.filter((name) => config.categories[name].sale);
  const doNotSell = optOut && sale.length > 0;
  const titles = optional.map(text.categoryTitle);
  const button = (label: string, onclick: () => void, more?: Props) =>
    h("button", { class: "cg-btn", onclick, ...more }, label);
  const { layout, position } = config.ui;
  // Over its backdrop at "center" the banner is modal: index.ts makes the page behind it inert.
  const modal = position == "center";

  return h(
    "div",
    // At "center" the banner is a box, whatever the layout, over its backdrop.
    { class: `cg-layer cg-${modal ? "box" : layout} cg-${position}` },
    h(
      "section",
      {
        class: "cg-banner",
        role: "dialog",
        "aria-modal": modal,
        "aria-labelledby": "cg-bt",
        "aria-describedby": "cg-bd",
      },
      h(
        "div",
        { class: "cg-copy" },
        h("h2", { id: "cg-bt" }, t("bannerTitle")),
        h(
          "p",
          { id: "cg-bd" },
          t(optOut ? "bannerTextOptOut" : "bannerText", {
            purposes: Intl.ListFormat ? new Intl.ListFormat(text.language).format(titles) : titles.join(", "),
          }),
          config.policyUrl && " ",
          // target=_blank implies noopener (Chrome 88+, Firefox 79+, Safari 12.1+), and the policy is the site's own page.
          config.policyUrl && h("a", { href: config.policyUrl, target: "_blank" }, t("policyLink")),
        ),
        honoured() && h("p", { class: "cg-signal" }, t("signalHonoured")),
      ),
      h(
        "div",
        { class: "cg-actions" },
        // A decision answers the banner: the core closes it.
        button(t("acceptAll"), () => api.acceptAll({ source: "banner" })),
        button(t("rejectAll"), () => api.rejectAll({ source: "banner" })),
        button(t("manageChoices"), () => api.open("preferences"), { onpointerenter: soon, onfocus: soon }),
        // A choice on the banner answers it: the categories not named stay as they are.
        doNotSell &&
          button(
            t("doNotSell"),
            () => api.set(Object.fromEntries(sale.map((name) => [name, false])), { source: "banner" }),
            { class: "cg-btn cg-sale" },
          ),
      ),
    ),
  );
}
