import type { Config } from "../types";

/** Google Consent Mode's types, and which categories grant them by default. */
export const CONSENT_TYPES = [
  "ad_storage",
  "ad_user_data",
  "ad_personalization",
  "analytics_storage",
  "functionality_storage",
  "personalization_storage",
  "security_storage",
] as const;

export const DEFAULT_CONSENT_MAP: Record<string, string[]> = {
  analytics: ["analytics_storage"],
  marketing: ["ad_storage", "ad_user_data", "ad_personalization"],
  functional: ["functionality_storage", "personalization_storage"],
};

/** The choices for each `ui` key; the first is the default. */
export const UI_CHOICES = {
  layout: ["bar", "box"],
  position: ["bottom", "top", "center"],
  theme: ["auto", "light", "dark"],
} as const;

/** The value that means "the config could not be read": everything stays closed. */
export const UNREADABLE = Symbol();

/** Browsers cap cookies at 400 days; 395 leaves room for clock skew. */
export const MAX_COOKIE_DAYS = 395;

export function defaults(): Config {
  return {
    categories: { necessary: { services: [], required: true, sale: false } },
    services: {},
    mode: "opt-in",
    signals: { gpc: true, dnt: false },
    revision: 1,
    cookie: { name: "consentgate", path: "/", days: 182 },
    googleConsentMode: false,
    language: "auto",
    text: {},
    ui: { layout: "bar", position: "bottom", theme: "auto", reopenButton: false },
    unreadable: false,
  };
}
