import { queueFunction } from "./queue";
import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "analytics",
  urls: ["clarity.ms"],
  cookies: ["_clck", "_clsk"],
  stub: (w) => queueFunction(w, "clarity"),
  consent(w, allowed, state) {
    try {
      const v = (on: unknown) => (on ? "granted" : "denied");
      w.clarity("consentv2", {
        ad_Storage: v(allowed && state?.categories.marketing),
        analytics_Storage: v(allowed),
      });
    } catch {}
  },
};

export const info: ServiceInfo = {
  title: "Microsoft Clarity",
  purpose: "Records how visitors scroll, click and move on pages, as heatmaps and session recordings.",
  provider: "Microsoft Corporation",
  policyUrl: "https://www.microsoft.com/privacy/privacystatement",
  cookies: [
    { name: "_clck", duration: "1 year" },
    { name: "_clsk", duration: "1 day" },
    { name: "CLID", duration: "1 year", thirdParty: true },
    { name: "MUID", duration: "1 year", thirdParty: true },
  ],
  globals: ["clarity"],
};
