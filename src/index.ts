/**
 * The script tag's entry. `currentScript` is read here, at boot, because it
 * is only set while this file runs: it tells where the UI files live.
 */
import { boot } from "./boot";
import type { ConsentGateApi } from "./types";

const win = window as Window & typeof globalThis & { ConsentGate?: ConsentGateApi };
if (!win.ConsentGate) {
  const script = document.currentScript as HTMLScriptElement | null;
  const base = script && script.src ? script.src.replace(/[^/]*([?#].*)?$/, "") : "/";
  const api = boot(win, base);
  Object.defineProperty(win, "ConsentGate", { value: api, enumerable: true });
}
