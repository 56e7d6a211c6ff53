import { boot } from "./boot";
import type { ConsentGateApi } from "./types";

type Win = Window & typeof globalThis & { ConsentGate?: ConsentGateApi };

/**
 * Boots once per page (a second copy, or the ESM build next to the script
 * tag, shares the first instance) and never throws into the page.
 */
export function start(base: string): ConsentGateApi | undefined {
  const win = window as Win;
  try {
    // A page's own placeholder (a queue array, an empty object) is not an
    // instance, and must not switch the gate off: it is replaced.
    if (win.ConsentGate?.allows) return win.ConsentGate;
    const api = boot(win, base);
    Object.defineProperty(win, "ConsentGate", { value: api, enumerable: true });
    return api;
  } catch (error) {
    console.error(`[consentgate] could not start (${(error as Error).message}); nothing optional runs`);
    return undefined;
  }
}
