import { allowedIn, categoryOf, decide, own, ownValue } from "../decide";
import type { Decision } from "../decide";
import { isObject } from "../config/validate";
import { decode, encode, SOURCES } from "../store/codec";
import type { ConsentStore } from "../store/cookie";
import type { Config, ConsentGateApi, SetOptions, Signals, State, Stored, View } from "../types";
import { fail } from "./events";
import type { Events } from "./events";

declare const __VERSION__: string;

export interface CoreDeps {
  config: Config;
  catalogue: Record<string, { category: string }>;
  store: ConsentStore;
  signals: Signals;
  events: Events;
  /** Seconds since the epoch. */
  now(): number;
  newId(): string;
  /**
   * The gate follows every state: releases what is now allowed, cleans up
   * what is not, and with `reload` reloads the page once a refusal is cleaned up.
   */
  apply(state: State, previous: State | null, reload?: boolean): void;
  /** The UI shows a view, or nothing. */
  show(view: View | null): void;
  /** Tells the other tabs the cookie's new value ("" once cleared). */
  announce(value: string): void;
  /** Broadcasts `consentgate:change` on the document. */
  dispatch(state: State): void;
}


const copy = (state: State): State => ({
  ...state,
  categories: { ...state.categories },
  services: { ...state.services },
  signals: { ...state.signals },
});

/**
 * The consent controller behind `window.ConsentGate`: holds the decision,
 * turns API calls into stored decisions and tells the gate, the UI, the
 * page and the other tabs.
 */
export function createApi(deps: CoreDeps) {
  const { config, catalogue, store, signals, events } = deps;
  // These three are set by adopt(), below, before anything reads them.
  let stored: Stored | null;
  let lastValue: string | undefined;
  let decision: Decision;
  let view: View | null = null;
  /** A consent cookie was there in this page view, an empty one after a withdrawal included (decide.ts's `found`). */
  let found = false;

  /** Takes the cookie's value (undefined: none) and what it holds as the decision. */
  const adopt = (value: string | undefined, next = decode(value)) => {
    lastValue = value;
    stored = next;
    found ||= value !== undefined;
    decision = decide(config, catalogue, next, signals, deps.now(), found);
  };
  // What the cookie held when this tab last looked: a choice the browser
  // refused to store holds for the page view, so only a cookie that changed
  // since (another subdomain's tab) is followed when the page becomes visible.
  let seen = store.read();
  adopt(seen);
  // A stored value that no longer counts (expired, older revision) is kept
  // only until the next decision overwrites it; reading it is harmless.

  const optional = Object.keys(config.categories).filter((name) => !config.categories[name].required);

  function show(next: View | null) {
    const was = view;
    view = next;
    deps.show(next);
    if (was === next) return;
    if (was) events.emit("close", was);
    // A close listener may have shown another view, or none: that one was told.
    if (next && view == next) events.emit("open", next);
  }

  /** Takes the cookie's value (and what it holds) as the decision, and tells the gate, the UI and the page. */
  function follow(value: string | undefined, next?: Stored | null, reload?: boolean) {
    const previous = decision.state;
    adopt(value, next);
    // Read back after this tab's own writes too: else a cookie deleted since
    // (by another subdomain's withdraw(), by the server) looks unchanged.
    seen = store.read();
    deps.apply(decision.state, previous, reload);
    // Each listener gets the state as it is when called (a copy of its own):
    // one that decides again inside its call must not leave the listeners
    // after it, nor the page's event, with the state it replaced.
    events.emit("change");
    deps.dispatch(copy(decision.state));
    if (view === "banner" && !decision.ask) show(null);
    if (!view && decision.ask) show("banner");
  }

  function save(categories: Record<string, boolean>, services: Record<string, boolean>, opts: SetOptions = {}) {
    if (opts === null || typeof opts !== "object") fail("options", opts, "is not an object");
    // Both read before anything is stored: a getter that throws changes nothing.
    const { source = "api", reload } = opts;
    if (!(SOURCES as readonly string[]).includes(source)) fail("options.source", source, "is not one of " + SOURCES);
    if (config.unreadable) return;
    const next: Stored = {
      revision: config.revision,
      time: deps.now(),
      source,
      // What the visitor saves on the banner or in the preferences with a
      // signal on stands over it (SPEC §6). Page code's own call keeps the
      // standing of the decision it amends: it cannot make a choice stand
      // over a signal the visitor never answered (a site syncing its profile
      // on every page would cancel every GPC opt-out), nor undo one that does.
      gpc: signals.gpc && (stored?.gpc || source != "api"),
      dnt: signals.dnt && (stored?.dnt || source != "api"),
      id: stored?.id || deps.newId(),
      categories: { ...keptCategories(source), ...categories },
      services,
    };
    const value = encode(next);
    store.write(value);
    // The other tabs hear of it once this one's task is over: told first or last, the same.
    deps.announce(value);
    follow(value, next, reload);
  }

  /**
   * The categories a decision stores besides those it is given, each as it is
   * shown now (a signal's effect is kept as shown): all of them once nothing
   * is asked, or when the choice is made on the banner, which answers it (the
   * opt-out notice's "Do not sell" names the sale categories only). Else only
   * those a stored decision has, so a partial set() while the banner asks
   * (a placeholder's Allow) leaves it asking about the rest (SPEC §5).
   */
  const keptCategories = (source: string) =>
    Object.fromEntries(
      optional
        // An id in the state means the stored decision counts.
        .filter((name) => !decision.ask || source == "banner" || (decision.state.id && own(stored!.categories, name)))
        .map((name) => [name, decision.state.categories[name]]),
    );
  const all = (on: boolean) => Object.fromEntries(optional.map((name) => [name, on]));
  // Only the choices still in effect: one a signal overrides since it was made
  // must not come back with the next save, now stamped as made under the signal.
  // A choice that turns a category to the other state takes its services
  // along, as its switch does (a service named beside it is set after); one
  // that states it again unchanged (a site syncing its own profile) leaves them.
  const keptServices = (choices: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(decision.state.id ? stored!.services : {}).filter(
        ([id, on]) =>
          decision.state.services[id] === on &&
          ownValue(choices, categoryOf(config, catalogue, id)) !== !decision.state.categories[categoryOf(config, catalogue, id)],
      ),
    );

  const api: ConsentGateApi = {
    version: __VERSION__,

    get: () => copy(decision.state),

    allows: (name: string) => allowedIn(decision.state, name),

    acceptAll: (opts) => save(all(true), {}, opts),

    rejectAll: (opts) => save(all(false), {}, opts),

    set(choices, opts) {
      if (!isObject(choices)) fail("set()", choices, "is not an object");
      const categories: Record<string, boolean> = {};
      const services = keptServices(choices);
      for (const [key, value] of Object.entries(choices)) {
        if (typeof value !== "boolean") fail("set(): " + key, value, "is not true or false");
        const category = own(config.categories, key);
        if (!category && !own(config.services, key) && !own(catalogue, key)) fail("set()", key, "is not a category or service");
        // A required category, and a service in one, cannot be refused: a
        // refusal that is never honoured must not be recorded as the visitor's choice.
        const required = config.categories[category ? key : categoryOf(config, catalogue, key)]?.required;
        if (required && !value) fail("set()", key, "is required");
        if (!category) services[key] = value;
        else if (!required) categories[key] = value;
      }
      save(categories, services, opts);
    },

    withdraw() {
      // Not deleted: the empty value is how the next page view and the other
      // tabs learn that a decision was withdrawn (decide.ts's `found`).
      store.write("");
      deps.announce("");
      follow("");
      if (!view && optional.length) show("banner");
    },

    open(next: View = "preferences") {
      if (next !== "banner" && next !== "preferences") fail("open()", next, "is not banner or preferences");
      // With nothing to accept or reject, the preferences still list what the site uses.
      show(optional.length ? next : "preferences");
    },

    // Closing the preferences is not an answer: an undecided visitor gets the banner back.
    close: () => show(view === "preferences" && decision.ask ? "banner" : null),

    on: events.on,
  };

  return {
    api,
    /** The state itself, not a copy: for the gate, which asks on every inserted node. */
    current: () => decision.state,
    /** Whether the banner must show now. */
    asks: () => decision.ask,
    /**
     * Another tab may have written the cookie (`value`, when it said so): follow
     * it if it did. Unsent, the cookie counts only if it changed since this tab
     * last read it; else this tab's own decision stands, stored or not.
     */
    recheck(value = seen === (seen = store.read()) ? lastValue : seen) {
      if (value !== lastValue) follow(value);
    },
  };
}
