import type { ServiceGate, ServiceInfo } from "./service";

// No stub: Intercom's snippet skips loading its widget when `Intercom` is already a function.
export const gate: ServiceGate = {
  category: "functional",
  urls: ["intercom.io", "intercomcdn.com", "intercomassets.com"],
  cookies: ["intercom-*"],
  // Its messenger's state per app, "intercom.intercom-state-<app id>".
  storage: ["intercom.*"],
};

/**
 * Intercom's own end of a session, for a messenger already running when it is
 * refused (src/gate/changes.ts): `shutdown` takes the messenger off the page
 * and clears its session. Only the real messenger is told: the snippet's
 * queue (`Intercom.q`) would replay it right after a later boot. Allowed
 * again, the messenger returns on the next page view.
 */
export function consent(w: Window & Record<string, any>, allowed: boolean): void {
  try {
    const intercom = w.Intercom;
    if (!allowed && typeof intercom == "function" && !intercom.q) intercom("shutdown");
  } catch {}
}

export const info: ServiceInfo = {
  title: "Intercom",
  purpose: "Runs the support chat and remembers the conversation between visits.",
  provider: "Intercom R&D Unlimited Company",
  policyUrl: "https://www.intercom.com/legal/privacy",
  cookies: [
    { name: "intercom-id-*", duration: "9 months" },
    { name: "intercom-session-*", duration: "1 week" },
    { name: "intercom-device-id-*", duration: "9 months" },
  ],
  globals: ["Intercom", "intercomSettings"],
};
