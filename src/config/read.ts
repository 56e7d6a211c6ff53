import { ownValue } from "../decide";
import { UNREADABLE } from "./defaults";
import { NOT_JSON, THROWN } from "./problem";
import type { Report } from "./problem";

/**
 * The site's raw config: `window.consentgateConfig` when set before the
 * script, else the JSON element, else an empty config (necessary only). A
 * getter that throws is as unreadable as bad JSON: the gate still starts.
 */
export function readConfig(win: Window & { consentgateConfig?: unknown }, report: Report): unknown {
  let path = "window.consentgateConfig";
  let kind = THROWN;
  try {
    // The window's own property: an element with that id or name shows there
    // too (the browser's named access), from the prototype chain.
    const global = ownValue(win as unknown as Record<string, unknown>, "consentgateConfig");
    if (global !== undefined) return global;
    const element = win.document.getElementById("consentgate-config");
    if (!element) return {};
    path = "#consentgate-config";
    kind = NOT_JSON;
    return JSON.parse(element.textContent || "");
  } catch (error) {
    report(path, error, kind);
    return UNREADABLE;
  }
}
