import type { Signals } from "./types";

const ON = ["1", "yes"];

/**
 * What the browser sends, read once: GPC is fixed per navigation, and DNT is
 * spread over three places across browser generations.
 */
export function readSignals(win: Window): Signals {
  const nav = win.navigator as Navigator & { globalPrivacyControl?: unknown; msDoNotTrack?: unknown };
  try {
    return {
      gpc: nav.globalPrivacyControl === true,
      dnt: [nav.doNotTrack, (win as { doNotTrack?: unknown }).doNotTrack, nav.msDoNotTrack].some((v) => ON.includes(v as string)),
    };
  } catch {
    // A read that throws (a hostile getter) must not keep the gate from
    // starting; unsure what was sent, both count as sent.
    return { gpc: true, dnt: true };
  }
}
