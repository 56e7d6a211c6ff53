import type { Page } from "playwright-core";
import type { ConsentGateApi, State } from "../../../src/types";
import type { Session } from "./session";

const MISSING = "window.ConsentGate is missing: /consentgate.js did not load or threw (see session.problems())";

/** `ConsentGate.get()` in the page. */
export function consentState(page: Page): Promise<State> {
  return page.evaluate((missing) => {
    if (!window.ConsentGate) throw new Error(missing);
    return window.ConsentGate.get();
  }, MISSING);
}

type Method = "acceptAll" | "rejectAll" | "set" | "withdraw" | "open" | "close" | "allows";

/**
 * Calls one API method in the page and returns its (serialisable) result.
 * A method that throws rejects with the page's error message.
 *
 * @example await callConsentGate(page, "set", { analytics: true });
 */
export function callConsentGate<M extends Method>(
  page: Page,
  method: M,
  ...args: Parameters<ConsentGateApi[M]>
): Promise<ReturnType<ConsentGateApi[M]>> {
  return page.evaluate(
    ([name, list, missing]) => {
      if (!window.ConsentGate) throw new Error(missing);
      return (window.ConsentGate[name] as (...a: unknown[]) => ReturnType<ConsentGateApi[M]>)(...list);
    },
    [method, args, MISSING] as const,
  );
}

/** One `consentgate:change` event as a page saw it. */
export interface ChangeEvent {
  state: State;
  /** `Date.now()` in the page when it arrived: comparable across tabs. */
  at: number;
}

/**
 * Starts recording the `consentgate:change` events of a page; read them with
 * `changeEvents`. Installed in the page, so it sees changes that come from
 * other tabs too.
 */
export async function recordChanges(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: ChangeEvent[] = [];
    (window as unknown as { __cgChanges: ChangeEvent[] }).__cgChanges = seen;
    document.addEventListener("consentgate:change", (event) => {
      seen.push({ state: (event as CustomEvent<State>).detail, at: Date.now() });
    });
  });
}

export function changeEvents(page: Page): Promise<ChangeEvent[]> {
  return page.evaluate(() => (window as unknown as { __cgChanges?: ChangeEvent[] }).__cgChanges ?? []);
}

/**
 * ConsentGate's own console messages of one type. Their words come with the
 * lazy consentgate-diagnostics.js, which may still be running at networkidle
 * on a slow machine: poll for the ones expected.
 */
export function gateMessages(session: Session, type: string): string[] {
  return session.messages(type).filter((m) => m.startsWith("[consentgate]"));
}
