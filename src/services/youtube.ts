import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "marketing",
  urls: ["youtube.com", "youtube-nocookie.com"],
};

export const info: ServiceInfo = {
  title: "YouTube",
  purpose: "Plays embedded videos; Google learns what is watched and uses it for ads and recommendations.",
  provider: "Google",
  policyUrl: "https://policies.google.com/privacy",
  cookies: [
    { name: "VISITOR_INFO1_LIVE", duration: "179 days", thirdParty: true },
    { name: "VISITOR_PRIVACY_METADATA", duration: "180 days", thirdParty: true },
    { name: "YSC", duration: "session", thirdParty: true },
    { name: "PREF", duration: "10 years", thirdParty: true },
  ],
  globals: ["YT", "onYouTubeIframeAPIReady"],
};
