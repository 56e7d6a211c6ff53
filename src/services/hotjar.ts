import { queueFunction } from "./queue";
import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "analytics",
  urls: ["hotjar.com", "hotjar.io"],
  cookies: ["_hj*"],
  storage: ["_hj*", "hjViewportId", "hjActiveViewportIds"],
  stub: (w) => queueFunction(w, "hj"),
};

export const info: ServiceInfo = {
  title: "Hotjar",
  purpose: "Records how visitors scroll, click and move on pages, as heatmaps, recordings and surveys.",
  provider: "Hotjar Ltd.",
  policyUrl: "https://www.hotjar.com/legal/policies/privacy/",
  cookies: [
    { name: "_hjSessionUser_*", duration: "1 year" },
    { name: "_hjSession_*", duration: "30 minutes" },
    { name: "_hjIncludedInSessionSample_*", duration: "30 minutes" },
    { name: "_hjAbsoluteSessionInProgress", duration: "30 minutes" },
    { name: "_hjFirstSeen", duration: "30 minutes" },
    { name: "_hjTLDTest", duration: "session" },
  ],
  globals: ["hj", "_hjSettings"],
};
