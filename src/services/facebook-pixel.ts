import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "marketing",
  urls: ["connect.facebook.net/*/fbevents", "connect.facebook.net/signals/", "facebook.com/tr"],
  cookies: ["_fbp", "_fbc"],
  // Meta's own stub, so fbevents.js adopts its queue; Meta's base code then
  // returns early, which is why the core inserts `loader` on release.
  stub(w, used) {
    if (w.fbq) return;
    const n: any = (w.fbq = function () {
      n.callMethod ? n.callMethod.apply(n, arguments) : n.queue.push(arguments) == 1 && used();
    });
    if (!w._fbq) w._fbq = n;
    n.push = n;
    n.loaded = true;
    n.version = "2.0";
    n.queue = [];
  },
  loader: "https://connect.facebook.net/en_US/fbevents.js",
};

type Win = Window & Record<string, any>;

/** Whether site code used the stub, so that inserting `loader` serves a purpose (src/gate/changes.ts). */
export const queued = (w: Win) => !!(w.fbq && !w.fbq.callMethod && w.fbq.queue && w.fbq.queue.length);

/** Removes an unused stub once allowed, so base code inserted later loads fbevents.js itself. */
export function unstub(w: Win): void {
  const n = w.fbq;
  if (n && !n.callMethod && n.queue && !n.queue.length) {
    delete w.fbq;
    if (w._fbq === n) delete w._fbq;
  }
}

/** Whether this page view's Pixel was told to revoke: only then does an allow need a grant. */
let revoked = false;

/**
 * Meta's consent API, for a Pixel already running when the decision changes
 * (src/gate/changes.ts). A Pixel starts granted: one the core loaded for this
 * very allow (its queue's first use) needs no grant.
 */
export function consent(w: Win, allowed: boolean): void {
  try {
    if (w.fbq && w.fbq.callMethod && (revoked || !allowed)) {
      w.fbq("consent", allowed ? "grant" : "revoke");
      revoked = !allowed;
    }
  } catch {}
}

export const info: ServiceInfo = {
  title: "Meta Pixel",
  purpose: "Measures visits and purchases that follow Facebook and Instagram ads, and targets ads to visitors.",
  provider: "Meta Platforms Ireland Ltd.",
  policyUrl: "https://www.facebook.com/privacy/policy/",
  cookies: [
    { name: "_fbp", duration: "90 days" },
    { name: "_fbc", duration: "90 days" },
    { name: "fr", duration: "90 days", thirdParty: true },
  ],
  globals: ["fbq", "_fbq"],
};
