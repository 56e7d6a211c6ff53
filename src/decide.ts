import type { Config, Signals, State, Stored } from "./types";

export interface Decision {
  state: State;
  /** The visitor has to be asked: show the banner. */
  ask: boolean;
}

const DAY = 86400;

/** Own keys only: inherited ones like "constructor" name nothing. */
export const own = (map: object, key: string) => Object.prototype.hasOwnProperty.call(map, key);

/** `map[key]` when the key is the map's own, else undefined. */
export const ownValue = <T>(map: Record<string, T>, key: string): T | undefined => (own(map, key) ? map[key] : undefined);

/** `allows(name)`: `name` is a category or a service; anything else is never allowed. */
export function allowedIn({ categories, services }: State, name: string): boolean {
  // A state holds booleans: `??` goes on only where the name is not there.
  return ownValue(categories, name) ?? ownValue(services, name) ?? false;
}

/**
 * The category a service is held under; "" when the config leaves it nowhere.
 * The category that lists it comes first: a site may file a built-in service
 * under another category than the catalogue's without declaring it again.
 */
export const categoryOf = (config: Config, catalogue: Record<string, { category: string }>, id: string): string => {
  const listed = Object.keys(config.categories).find((name) => config.categories[name].services.includes(id));
  const site = ownValue(config.services, id);
  return listed ?? (site ? site.category : catalogue[id]?.category ?? "");
};

/** A stored decision counts only if it is current and speaks of things this config has. */
export function usable(config: Config, catalogue: Record<string, unknown>, stored: Stored | null, now: number): Stored | null {
  if (!stored || stored.revision !== config.revision) return null;
  if (stored.time > now + DAY || now - stored.time > config.cookie.days * DAY) return null;
  if (!Object.keys(stored.categories).every((name) => own(config.categories, name))) return null;
  if (!Object.keys(stored.services).every((id) => own(config.services, id) || own(catalogue, id))) return null;
  return stored;
}

/**
 * Every category's and service's on/off, from the stored decision, the config
 * and the browser's signals. Pure: the same inputs always give the same state.
 * `found`: a consent cookie was there (even one that could not be read) or was
 * withdrawn in this page view.
 */
export function decide(
  config: Config,
  catalogue: Record<string, { category: string }>,
  raw: Stored | null,
  signals: Signals,
  now: number,
  found = raw !== null,
): Decision {
  const stored = config.unreadable ? null : usable(config, catalogue, raw, now);
  // A choice made with a signal on stands over it; anything it did not decide
  // (a category added since) still follows the signal.
  const overrides = (sale: boolean, chosen: boolean) =>
    (config.signals.dnt && signals.dnt && !(chosen && stored!.dnt)) ||
    (config.signals.gpc && signals.gpc && sale && !(chosen && stored!.gpc));
  const optIn = config.mode === "opt-in";

  const categories: Record<string, boolean> = {};
  let missing = false;
  let signalled = false;
  for (const [name, category] of Object.entries(config.categories)) {
    if (category.required) {
      categories[name] = true;
      continue;
    }
    // Own keys: a page that pollutes Object.prototype later must not decide.
    const chosen = stored ? ownValue(stored.categories, name) : undefined;
    if (chosen === undefined) missing = true;
    const overridden = overrides(category.sale, chosen !== undefined);
    if (overridden) signalled = true;
    // Opt-out mode runs what the visitor has not objected to (SPEC §2). Where a
    // cookie was found, an objection to selling may be behind what no counted
    // choice covers (an older revision, an expired or malformed value, a
    // category added since): a sale category then waits for the answer (SPEC §5).
    categories[name] = !overridden && !config.unreadable && (chosen ?? (!optIn && !(found && category.sale)));
  }

  const services: Record<string, boolean> = {};
  for (const id of Object.keys({ ...catalogue, ...config.services })) {
    const name = categoryOf(config, catalogue, id);
    const category = ownValue(config.categories, name);
    const chosen = stored ? ownValue(stored.services, id) : undefined;
    services[id] = !category
      ? false
      : category.required || (chosen === undefined || overrides(category.sale, true) ? categories[name] : chosen);
  }

  // Decided when no optional category lacks a choice (none stored: there is
  // none to ask about). In opt-out mode an honoured signal answers the notice;
  // a category added since a stored decision is still asked about.
  const decided = !missing || config.unreadable || (!stored && !optIn && signalled);
  return {
    state: {
      decided,
      categories,
      services,
      revision: config.revision,
      updatedAt: stored ? new Date(stored.time * 1000).toISOString() : null,
      id: stored?.id ?? null,
      source: signalled ? "signal" : stored?.source ?? "default",
      signals: { ...signals },
    },
    ask: !decided,
  };
}
