import type { State } from "../types";
import { lift } from "./top-layer";
import { optionalCategories, signalHonoured } from "./ui";
import type { Ui } from "./ui";

/**
 * The first layer: what the optional categories are for, and three buttons of
 * the same size, weight and colour. In `opt-out` mode it is a notice whose
 * second button opts out of the `sale` categories in California's words.
 */
export function Banner({ ui, state }: { ui: Ui; state: State }) {
  const { api, ctx, text } = ui;
  const { config } = ctx;
  const { t } = text;
  const optional = optionalCategories(config);
  const optOut = config.mode == "opt-out";
  const sale = optional.filter((name) => config.categories[name].sale);
  const decide = (act: () => void) => () => {
    act();
    api.close();
  };
  const doNotSell = optOut && sale.length > 0;
  const refuse = doNotSell
    ? decide(() => api.set(Object.fromEntries(sale.map((name) => [name, false])), { source: "banner" }))
    : decide(() => api.rejectAll({ source: "banner" }));
  const { layout, position } = config.ui;

  return (
    <div class={`cg-layer cg-${layout} cg-${position}`} ref={lift}>
      <section class="cg-banner" role="dialog" aria-labelledby="cg-bt" aria-describedby="cg-bd">
        <div class="cg-copy">
          <h2 id="cg-bt">{t("bannerTitle")}</h2>
          <p id="cg-bd">
            {t(optOut ? "bannerTextOptOut" : "bannerText", {
              purposes: text.list(optional.map(text.categoryTitle)),
            })}
            {config.policyUrl && (
              <>
                {" "}
                <a href={config.policyUrl} target="_blank" rel="noopener">
                  {t("policyLink")}
                </a>
              </>
            )}
          </p>
          {signalHonoured(state, config) && <p class="cg-signal">{t("signalHonoured")}</p>}
        </div>
        <div class="cg-actions">
          <button class="cg-btn" onClick={decide(() => api.acceptAll({ source: "banner" }))}>
            {t("acceptAll")}
          </button>
          <button class="cg-btn" onClick={refuse}>
            {t(doNotSell ? "doNotSell" : "rejectAll")}
          </button>
          <button class="cg-btn" onClick={() => api.open("preferences")}>
            {t("manageChoices")}
          </button>
        </div>
      </section>
    </div>
  );
}
