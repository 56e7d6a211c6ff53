import { boot } from "./boot";
import type { ConsentGateApi } from "./types";

type Win = Window & typeof globalThis & { ConsentGate?: ConsentGateApi };

/**
 * Boots once per page (a second copy, or the ESM build next to the script
 * tag, shares the first instance) and never throws into the page.
 */
export function start(base: string): ConsentGateApi | undefined {
  const win = window as Win;
  if (win.ConsentGate) return win.ConsentGate;
  try {
    const api = boot(win, base);
    Object.defineProperty(win, "ConsentGate", { value: api, enumerable: true });
    return api;
  } catch (error) {
    console.error(`[consentgate] could not start (${(error as Error).message}); nothing optional runs`);
    return undefined;
  }
}
