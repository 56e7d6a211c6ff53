/**
 * The ESM entry for bundlers. It runs after the page's first scripts, so it
 * reads and changes consent but cannot hold trackers that loaded before it;
 * a page that has the script tag too shares that instance.
 */
import { boot } from "./boot";
import type { ConsentGateApi } from "./types";

export type * from "./types";

const win = window as Window & typeof globalThis & { ConsentGate?: ConsentGateApi };

export const ConsentGate: ConsentGateApi =
  win.ConsentGate ||
  (Object.defineProperty(win, "ConsentGate", { value: boot(win, new URL(".", import.meta.url).href), enumerable: true }),
  win.ConsentGate!);
