import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "analytics",
  urls: ["googletagmanager.com"],
};

export const info: ServiceInfo = {
  title: "Google Tag Manager",
  purpose: "Loads the site's other measurement and advertising tags; sets no cookies of its own.",
  provider: "Google",
  policyUrl: "https://policies.google.com/privacy",
  cookies: [],
  globals: ["dataLayer", "google_tag_manager", "google_tag_data"],
};
