import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "marketing",
  // The Smart Script's impression pixel, also sent by a site's own copy of the script.
  urls: ["appsflyer.com", "appsflyersdk.com", "impressions.onelink.me"],
  // AF_SYNC, AF_DEFAULT_MEASUREMENT_STATUS and the like.
  cookies: ["afUserId", "AF_*"],
};

export const info: ServiceInfo = {
  title: "AppsFlyer",
  purpose: "Attributes visits, sign-ups and app installs to the campaigns that brought them.",
  provider: "AppsFlyer Ltd.",
  policyUrl: "https://www.appsflyer.com/privacy-policy/",
  cookies: [
    { name: "afUserId", duration: "13 months" },
    { name: "AF_SYNC", duration: "1 week" },
    { name: "AF_DEFAULT_MEASUREMENT_STATUS", duration: "13 months" },
  ],
  globals: ["AF", "AppsFlyerSdkObject"],
};
