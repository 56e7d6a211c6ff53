/**
 * The script tag's entry. `currentScript` is read here, at boot, because it
 * is only set while this file runs: it tells where the UI files live.
 */
import { start } from "./start";

const script = document.currentScript as HTMLScriptElement | null;
start(script?.src ? script.src.replace(/[^/]*([?#].*)?$/, "") : "/");
