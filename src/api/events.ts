import type { EventMap } from "../types";

type Listener<K extends keyof EventMap> = (payload: EventMap[K]) => void;

const EVENTS = ["change", "ready", "open", "close", "held", "released"] as const;

/** Misuse of the API throws at once, naming what was wrong. */
export const fail = (message: string): never => {
  throw new TypeError("[consentgate] " + message);
};

/** Enough to explain a page's tags; a page that beacons forever must not grow without end. */
const KEEP = 1000;

/**
 * Subscriptions for `ConsentGate.on`. `held`/`released` subscribers first get
 * what happened before they subscribed, and `ready` answers at once once
 * ready, so a late subscriber never misses what it asked about.
 */
export function createEvents() {
  const listeners = new Map<string, Set<Listener<any>>>();
  const past: Record<string, unknown[]> = { held: [], released: [] };
  let ready: unknown;
  let isReady = false;

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
      if (!EVENTS.includes(event)) fail(`on(): "${String(event)}" is not one of ${EVENTS}`);
      if (typeof fn !== "function") fail(`on("${event}"): the listener is not a function`);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(fn);
      if (event === "held" || event === "released") past[event].forEach((p) => call(fn, p));
      if (event === "ready" && isReady) call(fn, ready);
      return () => {
        set.delete(fn);
      };
    },

    emit<K extends keyof EventMap>(event: K, payload: EventMap[K]) {
      if (event === "held" || event === "released") {
        const log = past[event];
        if (log.push(payload) > KEEP) log.shift();
      }
      if (event === "ready") [ready, isReady] = [payload, true];
      // A copy: a listener subscribed during this emit was already handed the payload by on().
      [...(listeners.get(event) || [])].forEach((fn) => call(fn, payload));
    },
  };
}

export type Events = ReturnType<typeof createEvents>;
