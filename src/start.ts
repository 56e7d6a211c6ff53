import { boot } from "./boot";
import type { ConsentGateApi } from "./types";

/** What the page may have put at window.ConsentGate before us: an instance, or its own placeholder. */
type Win = Window & typeof globalThis & { ConsentGate?: unknown };

/**
 * Boots once per page (a second copy, or the ESM build next to the script
 * tag, shares the first instance) and never throws into the page.
 */
export function start(base: string): ConsentGateApi | undefined {
  const win = window as Win;
  try {
    // An instance is defined read-only, below. A page's own placeholder (a
    // queue array, an object shaped like the API) is writable: it is replaced,
    // and must not switch the gate off.
    if (Object.getOwnPropertyDescriptor(win, "ConsentGate")?.writable === false) return win.ConsentGate as ConsentGateApi;
    const api = boot(win, base);
    // Read-only also where the page declared `var ConsentGate`, which left a writable property.
    Object.defineProperty(win, "ConsentGate", { value: api, enumerable: true, writable: false });
    return api;
  } catch (error) {
    // Where it failed decides whether the gate was in place: say what is sure.
    console.error(`[consentgate] could not start (${(error as Error).message}); trackers may not be held`);
    return undefined;
  }
}
