/**
 * Tells the page when another tab may have changed the decision: at once for
 * tabs of this origin (BroadcastChannel), and on becoming visible for tabs on
 * other subdomains that share the cookie but no channel.
 */
export function watchOtherTabs(win: Window, name: string, recheck: () => void): () => void {
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("consentgate:" + name) : null;
  if (channel) channel.onmessage = recheck;
  win.document.addEventListener("visibilitychange", () => {
    if (win.document.visibilityState === "visible") recheck();
  });
  return () => channel?.postMessage(1);
}
