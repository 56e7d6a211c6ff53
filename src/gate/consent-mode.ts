import { CONSENT_TYPES } from "../config/defaults";
import type { ConsentModeConfig, State } from "../types";

type ConsentValues = Record<string, "granted" | "denied">;

/**
 * Google Consent Mode v2. The `default` goes into dataLayer before any Google
 * tag can read it, because a tag that starts without one assumes consent.
 */
export function startConsentMode(win: Window & { dataLayer?: unknown[] }, mode: ConsentModeConfig, state: State) {
  // gtag.js only honours `arguments` objects, never arrays.
  function gtag(..._: unknown[]) {
    (win.dataLayer = win.dataLayer || []).push(arguments);
  }

  const values = (granted: (category: string) => boolean): ConsentValues =>
    Object.fromEntries(
      CONSENT_TYPES.map((type) => [
        type,
        type === "security_storage" ||
        Object.keys(mode.map).some((category) => mode.map[category].includes(type) && granted(category))
          ? "granted"
          : "denied",
      ]),
    );

  const initial = values(() => false);
  gtag("consent", "default", { ...initial, wait_for_update: 500 });

  const update = (next: State) => gtag("consent", "update", values((category) => next.categories[category] === true));
  // A returning visitor's choice follows at once, before any tag reads the default.
  if (JSON.stringify(values((category) => state.categories[category] === true)) !== JSON.stringify(initial)) update(state);
  return update;
}
