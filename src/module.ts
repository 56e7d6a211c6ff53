/**
 * The ESM entry for bundlers. It runs after the page's first scripts, so it
 * reads and changes consent but cannot hold trackers that loaded before it;
 * a page that has the script tag too shares that instance.
 */
import { start } from "./start";
import type { ConsentGateApi } from "./types";

export type * from "./types";

/**
 * Where the UI files are: beside this module, or beside the classic script a
 * bundler made of it (where import.meta has no url).
 */
function base(): string {
  try {
    // String(): a bundler that rewrites `new URL("…", import.meta.url)` as an
    // asset (Vite) would look for a file named "." and warn.
    return new URL(".", String(import.meta.url)).href;
  } catch {
    const script = document.currentScript as HTMLScriptElement | null;
    return script?.src ? new URL(".", script.src).href : "/";
  }
}

// Rendered on a server (no window), it does nothing: the page's own copy boots in the browser.
export const ConsentGate = (typeof window == "object" ? start(base()) : undefined) as ConsentGateApi;
