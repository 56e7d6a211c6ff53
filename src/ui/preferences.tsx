import { describeService, servicesOf } from "./service-info";
import { modal, trapFocus } from "./modal";
import type { Text } from "./text";
import type { Ui } from "./ui";

export interface PreferencesProps {
  ui: Ui;
  /** Each optional category's switch, as the visitor has set it so far. */
  draft: Record<string, boolean>;
  toggle(category: string): void;
  /** Whether a service of a category is on, as its own switch shows it. */
  serviceOn(id: string, category: string): boolean;
  /** Flips a service's own switch. */
  pick(id: string, category: string): void;
  /** Categories to show opened: one of their services has a choice unlike theirs. */
  mixed: Set<string>;
  save(): void;
  /** Catalogue services the gate met on this page. */
  seen: Set<string>;
  /** Opened from the banner, which is still there under them. */
  fromBanner: boolean;
}

/**
 * The second layer, a modal dialog: one switch per optional category with its
 * services and cookies, then Reject all / Accept all / Save choices. Escape
 * and the close button leave without deciding anything.
 */
export function Preferences({ ui, draft, toggle, serviceOn, pick, mixed, save, seen, fromBanner }: PreferencesProps) {
  const { api, ctx, text } = ui;
  const { t } = text;
  const { optional } = ui;
  // Leaving without a decision goes back where the visitor came from: to the
  // banner they opened them from (focus back on Manage choices), also once
  // they have decided and the site opened the banner for them again.
  const close = () => (fromBanner ? api.open("banner") : api.close());
  const decide = (act: () => void) => () => {
    act();
    api.close();
  };

  return (
    <dialog
      class="cg-prefs"
      ref={modal}
      aria-labelledby="cg-pt"
      onKeyDown={(event) => {
        if (event.key == "Escape") {
          event.preventDefault();
          close();
        } else if (event.key == "Tab") trapFocus(event);
      }}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <div class="cg-head">
        <h2 id="cg-pt">{t("preferencesTitle")}</h2>
        <button class="cg-x" aria-label={t("close")} onClick={close}>
          ×
        </button>
      </div>
      <div class="cg-scroll">
        <p>{t("preferencesText")}</p>
        {/* Not once the visitor's own saved choice stands over the signal. */}
        {ui.honoured() && <p class="cg-signal">{t("signalHonoured")}</p>}
        {Object.keys(ctx.config.categories).map((name, i) => (
          <Category
            key={name}
            ui={ui}
            name={name}
            index={i}
            optional={optional.includes(name)}
            on={draft[name]}
            toggle={toggle}
            serviceOn={serviceOn}
            pick={pick}
            opened={mixed.has(name)}
            services={servicesOf(name, ui, seen)}
          />
        ))}
      </div>
      <div class="cg-foot">
        {optional.length ? (
          <>
            <button class="cg-btn" onClick={decide(() => api.rejectAll({ source: "preferences" }))}>
              {t("rejectAll")}
            </button>
            <button class="cg-btn" onClick={decide(() => api.acceptAll({ source: "preferences" }))}>
              {t("acceptAll")}
            </button>
            <button class="cg-btn" onClick={decide(save)}>
              {t("saveChoices")}
            </button>
          </>
        ) : (
          <button class="cg-btn" onClick={close}>
            {t("close")}
          </button>
        )}
      </div>
    </dialog>
  );
}

interface CategoryProps {
  ui: Ui;
  name: string;
  index: number;
  /** False for every category of an unreadable config: nothing may be offered. */
  optional: boolean;
  on: boolean | undefined;
  toggle(category: string): void;
  serviceOn(id: string, category: string): boolean;
  pick(id: string, category: string): void;
  opened: boolean;
  services: string[];
}

function Category({ ui, name, index, optional, on, toggle, serviceOn, pick, opened, services }: CategoryProps) {
  const { ctx, text } = ui;
  const { t } = text;
  const title = text.categoryTitle(name);
  const description = ctx.config.categories[name]?.description || text.lookup(name + "Description");
  const id = `cg-${index}`;
  const switchable = optional && !ctx.config.categories[name].required;
  return (
    <section class="cg-cat">
      <div class="cg-row">
        <h3 id={id + "t"}>{title}</h3>
        {ctx.config.categories[name].required ? (
          <span class="cg-always">{t("alwaysOn")}</span>
        ) : (
          optional && (
            <button
              role="switch"
              class="cg-switch"
              aria-checked={on ? "true" : "false"}
              aria-label={title}
              aria-describedby={description ? id + "d" : undefined}
              onClick={() => toggle(name)}
            />
          )
        )}
      </div>
      {description && <p id={id + "d"}>{description}</p>}
      {services.length > 0 && (
        // Fixed while the dialog is open, so that Preact never closes it under the visitor's focus.
        <details open={opened}>
          {/* Named after the category too: every category has one, with the same words. */}
          <summary id={id + "s"} aria-labelledby={`${id}t ${id}s`}>
            {t("servicesAndCookies", { count: String(services.length) })}
          </summary>
          {ui.catalogue.ready &&
            services.map((service) => (
              <Service
                key={service}
                ui={ui}
                id={service}
                on={switchable ? serviceOn(service, name) : undefined}
                flip={() => pick(service, name)}
              />
            ))}
        </details>
      )}
    </section>
  );
}

interface ServiceProps {
  ui: Ui;
  id: string;
  /** Its own switch's state; none in a required category, or when nothing may be offered. */
  on: boolean | undefined;
  flip(): void;
}

function Service({ ui, id, on, flip }: ServiceProps) {
  const { t } = ui.text;
  const service = describeService(id, ui);
  return (
    <div class="cg-svc">
      <div class="cg-row">
        <h4>{service.title}</h4>
        {on != undefined && (
          <button role="switch" class="cg-switch" aria-checked={on ? "true" : "false"} aria-label={service.title} onClick={flip} />
        )}
      </div>
      {service.purpose && <p>{service.purpose}</p>}
      {(service.provider || service.policyUrl) && (
        <p class="cg-meta">
          {service.provider && t("provider", { provider: service.provider })}
          {service.provider && service.policyUrl && " · "}
          {service.policyUrl && (
            <a href={service.policyUrl} target="_blank" rel="noopener">
              {t("servicePolicy")}
            </a>
          )}
        </p>
      )}
      {service.cookies.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("cookieName")}</th>
              <th scope="col">{t("cookieDuration")}</th>
            </tr>
          </thead>
          <tbody>
            {service.cookies.map((cookie) => (
              <tr key={cookie.name}>
                <td>
                  {/* A cookie name is code: left to right even in Hebrew ("_ga_*", not "*_ga_"). */}
                  <bdi dir="ltr">{cookie.name}</bdi>
                  {cookie.thirdParty && service.provider && (
                    <span class="cg-3p">{t("setBy", { provider: service.provider })}</span>
                  )}
                </td>
                <td>{cookie.duration && duration(cookie.duration, ui.text)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const UNITS = /^(\d+) (second|minute|hour|day|week|month|year)s?$/;

/** "2 years" in the catalogue becomes "2 Jahre"; anything else is shown as written. */
function duration(written: string, { t, language }: Text) {
  if (written == "session") return t("session");
  const match = UNITS.exec(written);
  try {
    return match
      ? new Intl.NumberFormat(language, { style: "unit", unit: match[2], unitDisplay: "long" }).format(+match[1])
      : written;
  } catch {
    return written; // Safari 14.0 has no unit formatting.
  }
}
