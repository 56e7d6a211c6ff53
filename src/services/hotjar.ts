import { queueFunction } from "./queue";
import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "analytics",
  // Hotjar's tracking code now loads the Contentsquare tag from
  // static.hj.contentsquare.net, which sends on contentsquare.net and writes _cs_*.
  urls: ["hotjar.com", "hotjar.io", "contentsquare.net"],
  cookies: ["_hj*", "_cs_*"],
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
    // The Contentsquare tag that Hotjar's current tracking code loads.
    { name: "_cs_id", duration: "13 months" },
    { name: "_cs_s", duration: "30 minutes" },
  ],
  globals: ["hj", "_hjSettings"],
};
