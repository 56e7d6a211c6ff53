import { UNREADABLE } from "./defaults";
import { NOT_JSON } from "./problem";
import type { Report } from "./problem";

/**
 * The site's raw config: `window.consentgateConfig` when set before the
 * script, else the JSON element, else an empty config (necessary only).
 */
export function readConfig(win: Window & { consentgateConfig?: unknown }, report: Report): unknown {
  if (win.consentgateConfig !== undefined) return win.consentgateConfig;
  const element = win.document.getElementById("consentgate-config");
  if (!element) return {};
  try {
    return JSON.parse(element.textContent || "");
  } catch (error) {
    report("#consentgate-config", error, NOT_JSON);
    return UNREADABLE;
  }
}
