import type { ServiceGate, ServiceInfo } from "./service";

// No stub: Intercom's snippet skips loading its widget when `Intercom` is already a function.
export const gate: ServiceGate = {
  category: "functional",
  urls: ["intercom.io", "intercomcdn.com", "intercomassets.com"],
  cookies: ["intercom-*"],
  // Its messenger's state per app, "intercom.intercom-state-<app id>".
  storage: ["intercom.*"],
};

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
