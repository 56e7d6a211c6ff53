import { UNREADABLE } from "./defaults";
import type { Report } from "./validate";

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
    report("#consentgate-config", `is not valid JSON (${(error as Error).message}); every optional category stays off`);
    return UNREADABLE;
  }
}
