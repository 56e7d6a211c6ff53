/**
 * The ESM entry for bundlers. It runs after the page's first scripts, so it
 * reads and changes consent but cannot hold trackers that loaded before it;
 * a page that has the script tag too shares that instance.
 */
import { start } from "./start";
import type { ConsentGateApi } from "./types";

export type * from "./types";

export const ConsentGate = start(new URL(".", import.meta.url).href) as ConsentGateApi;
