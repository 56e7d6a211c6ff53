import { THROWN } from "./problem";
import type { Problem, Report } from "./problem";

/** What consentgate-diagnostics.js exports. */
export interface Diagnostics {
  print(...problem: Problem): void;
}

/**
 * The core's reporter of config problems. The sentences live in
 * consentgate-diagnostics.js, loaded from the core's own directory at the first
 * problem, so a correct config downloads nothing more. Problems print in the
 * order they were found; if the file cannot load, each still prints its path
 * and value.
 */
export function createReport(base: string, load = (url: string) => import(/* @vite-ignore */ url)): Report {
  let diagnostics: Promise<Diagnostics> | undefined;
  return (...problem) => {
    (diagnostics ||= load(base + "consentgate-diagnostics.js")).then(
      (d) => d.print(...problem),
      // Kinds past THROWN are the gate's warnings: they stay warnings.
      () => console[problem[2]! > THROWN ? "warn" : "error"](`[consentgate] ${problem[0]}:`, problem[1]),
    );
  };
}
