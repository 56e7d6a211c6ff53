import type { CookieConfig } from "../types";

/**
 * Tells the page when another tab may have changed the decision: at once for
 * tabs of this origin (BroadcastChannel), and on becoming visible for tabs on
 * other subdomains that share the cookie but no channel. The message carries
 * the cookie's new value ("" once cleared): a write in one tab can reach
 * another tab's reads of the cookie a moment after the message does.
 */
export function watchOtherTabs(win: Window, cookie: CookieConfig, recheck: (value?: string) => void): (value: string) => void {
  let channel: BroadcastChannel | null = null;
  try {
    // Some browsers refuse a channel to an opaque origin (a sandboxed frame):
    // this must not keep the gate from starting. One channel per cookie: two
    // sites on one origin may keep theirs on different paths.
    channel = new BroadcastChannel("consentgate:" + [cookie.name, cookie.path, cookie.domain]);
    channel.onmessage = (event) => recheck(event.data);
  } catch {}
  win.document.addEventListener("visibilitychange", () => {
    if (win.document.visibilityState === "visible") recheck();
  });
  return (value) => channel?.postMessage(value);
}
