import { defaults } from "../../../src/config/defaults";
import type { CategoryConfig, Config, Stored } from "../../../src/types";

/** A category as validate() leaves it: every field present. */
export const category = (fields: Partial<CategoryConfig> = {}): CategoryConfig => ({
  services: [],
  required: false,
  sale: false,
  ...fields,
});

/**
 * The shop of the tests: analytics (Google Analytics, Hotjar) and marketing
 * (Meta's pixel, a `sale` category), both signals honoured. `extra`
 * categories are added, `overrides` replace whole fields.
 */
export function makeConfig(overrides: Partial<Config> = {}, extra: Record<string, CategoryConfig> = {}): Config {
  const base = defaults();
  return {
    ...base,
    categories: {
      ...base.categories,
      analytics: category({ services: ["google-analytics", "hotjar"] }),
      marketing: category({ services: ["facebook-pixel"], sale: true }),
      ...extra,
    },
    signals: { gpc: true, dnt: true },
    ...overrides,
  };
}

/** A small fake catalogue: the built-in services and their default categories. */
export const catalogue: Record<string, { category: string }> = {
  "google-analytics": { category: "analytics" },
  hotjar: { category: "analytics" },
  "facebook-pixel": { category: "marketing" },
  youtube: { category: "functional" },
  stripe: { category: "necessary" },
};

/** 2025-11-22T00:00:00Z, in seconds. */
export const NOW = 1763769600;

export function makeStored(fields: Partial<Stored> = {}): Stored {
  return {
    revision: 1,
    time: NOW - 3600,
    source: "banner",
    gpc: false,
    dnt: false,
    id: "Jx8kQ2mZp4Rt7vWb",
    categories: { analytics: true, marketing: true },
    services: {},
    ...fields,
  };
}

export const NO_SIGNALS = { gpc: false, dnt: false } as const;
