import type { EventMap } from "../types";

type Listener<K extends keyof EventMap> = (payload: EventMap[K]) => void;

const EVENTS = ["change", "ready", "open", "close", "held", "released"] as const;

/** Misuse of the API throws at once, naming where, the value given and what is wrong with it. */
export function fail(where: string, value: unknown, problem: string): never {
  // An object is named by its kind: its own text may be empty ([]) or missing (a null prototype).
  const shown =
    typeof value == "string" ? `"${value}"` : Object(value) === value ? Object.prototype.toString.call(value) : String(value);
  throw new TypeError(`[consentgate] ${where}: ${shown} ${problem}`);
}

/**
 * Enough to explain a page's tags, which the first events do; a page that
 * beacons forever must not grow without end.
 */
const KEEP = 1000;

/**
 * Subscriptions for `ConsentGate.on`. `held`/`released` subscribers first get
 * what happened before they subscribed, and `ready` answers at once once
 * ready, with the state as `current` gives it then (a copy of its own, not
 * the page load's), so a late subscriber never misses what it asked about.
 */
export function createEvents(current: () => unknown) {
  const listeners = Object.fromEntries(EVENTS.map((event) => [event, new Set<Listener<any>>()]));
  /** What a late subscriber is handed first: `ready` happens once, the gate's events keep happening. */
  const past: Record<string, unknown[]> = { held: [], released: [], ready: [] };

  const call = (fn: Listener<any>, payload: unknown) => {
    try {
      fn(payload);
    } catch (error) {
      // A broken listener must not stop the others, nor the gate; it still shows in the console.
      setTimeout(() => {
        throw error;
      });
    }
  };

  return {
    on<K extends keyof EventMap>(event: K, fn: Listener<K>): () => void {
      if (!EVENTS.includes(event)) fail("on()", event, "is not one of " + EVENTS);
      if (typeof fn !== "function") fail(`on("${event}")`, fn, "is not a function");
      const set = listeners[event];
      // Subscribed after the replay, which goes on to events that happen
      // during it (a listener inserting a tracker): the order stays as it happened.
      for (const p of past[event] || []) call(fn, event == "ready" ? current() : p);
      set.add(fn);
      return () => {
        set.delete(fn);
      };
    },

    /** Without a payload, each listener gets `current()` as it is when called. */
    emit<K extends keyof EventMap>(event: K, payload?: EventMap[K]) {
      const log = past[event];
      if (log && log.length < KEEP) log.push(payload);
      // A copy: a listener subscribed during this emit was already handed the
      // payload by on(). One unsubscribed during it is not called, as with removeEventListener.
      const subscribed = listeners[event];
      for (const fn of [...subscribed]) if (subscribed.has(fn)) call(fn, payload ?? current());
    },
  };
}

export type Events = ReturnType<typeof createEvents>;
