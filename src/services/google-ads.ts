import { gtagStub } from "./google-analytics";
import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "marketing",
  urls: [
    "googletagmanager.com/gtag/*?id=AW-",
    "googletagmanager.com/gtag/*?id=DC-",
    "googleadservices.com",
    // Google's tag sends an AW- id's page views there too. Not the rest of
    // the host: AdSense's ads are the site's to place.
    "googlesyndication.com/ccm/",
    "doubleclick.net",
    "google.com/ads/",
    "google.com/pagead/",
    // Google's tag sends an AW- id's page views and conversions there too.
    "google.com/rmkt/",
    "google.com/ccm/",
  ],
  cookies: ["_gcl_*", "_gac_*", "FPGCL*", "FPAU"],
  storage: ["_gcl_*"],
  stub: gtagStub,
};

export const info: ServiceInfo = {
  title: "Google Ads",
  purpose: "Measures which ads led to a visit or a purchase and shows the visitor Google ads later.",
  provider: "Google",
  policyUrl: "https://policies.google.com/privacy",
  cookies: [
    { name: "_gcl_au", duration: "90 days" },
    { name: "_gcl_aw", duration: "90 days" },
    { name: "_gcl_dc", duration: "90 days" },
    { name: "_gcl_gb", duration: "90 days" },
    { name: "_gac_*", duration: "90 days" },
    // Server-side tagging's copies of the click ids.
    { name: "FPGCL*", duration: "90 days" },
    { name: "FPAU", duration: "90 days" },
    { name: "IDE", duration: "2 years", thirdParty: true },
  ],
  globals: ["dataLayer", "gtag"],
};
