import { CONSENT_TYPES } from "../config/defaults";
import type { Report } from "../config/problem";
import type { ConsentModeConfig, State } from "../types";

type ConsentValues = Record<string, "granted" | "denied">;

/** The tags that read Consent Mode. */
export const GOOGLE_TAGS = ["google-analytics", "google-tag-manager", "google-ads"];

/**
 * Google Consent Mode v2. The `default` goes into dataLayer before any Google
 * tag can read it, because a tag that starts without one assumes consent.
 * `categoryOf` tells where a Google tag is held.
 */
export function startConsentMode(
  win: Window & { dataLayer?: unknown[] },
  mode: ConsentModeConfig,
  state: State,
  categoryOf: (id: string) => string,
  report: Report,
) {
  /** The default, then the latest update: what a data layer must start with. */
  const told: IArguments[] = [];
  // gtag.js only honours `arguments` objects, never arrays. A page whose
  // dataLayer is no array (an object, a frozen list) cannot tell Google's tags
  // anything, nor can Google's own snippet: said once, at boot, and the
  // consent state goes on without it.
  function gtag(..._: unknown[]) {
    try {
      (win.dataLayer = win.dataLayer || []).push(arguments);
      told[told.length && 1] = arguments;
    } catch {
      return true;
    }
  }
  // A page may put its own array in place after ConsentGate (Google's GTM
  // guide declares `dataLayer = [...]` above the container): it gets the
  // consent Google's tags must read first. A data layer the page declared
  // before ConsentGate with `var` cannot be redefined, nor needs to be.
  let layer = win.dataLayer;
  try {
    Object.defineProperty(win, "dataLayer", {
      configurable: true,
      get: () => layer,
      set(value) {
        if (Array.isArray(value) && !value.includes(told[0])) value.unshift(...told);
        layer = value;
      },
    });
  } catch {
    // Already there for good: pushed into as it is.
  }

  const values = (next: State | null): ConsentValues => {
    // A category's types follow the Google tags held under it, each allowed or
    // refused on its own or with the category: what Google is told matches
    // what its tags may do. A category with none follows its own choice. The
    // default (no state) grants none.
    const granted = Object.entries(mode.map).flatMap(([category, types]) => {
      const tags = GOOGLE_TAGS.filter((id) => categoryOf(id) == category);
      return next && (tags.length ? tags.some((id) => next.services[id]) : next.categories[category]) ? types : [];
    });
    return Object.fromEntries(
      CONSENT_TYPES.map((type) => [
        type,
        type === "security_storage" || granted.includes(type) ? "granted" : "denied",
      ]),
    );
  };

  const initial = values(null);
  const failed = gtag("consent", "default", { ...initial, wait_for_update: 500 });
  if (failed) report("dataLayer", win.dataLayer);

  const update = (next: State) => gtag("consent", "update", values(next));
  // A returning visitor's choice follows at once, before any tag reads the default.
  if (JSON.stringify(values(state)) !== JSON.stringify(initial)) update(state);
  return update;
}
