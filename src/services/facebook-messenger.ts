import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "functional",
  urls: [
    "connect.facebook.net/*/sdk/xfbml.customerchat",
    // The plugin (customerchat.php, versioned or not) and the chat's own
    // endpoints (customer_chat/SDK/, its facade and its gating).
    "facebook.com/*/plugins/customer*",
    "facebook.com/plugins/customer*",
  ],
};

export const info: ServiceInfo = {
  title: "Facebook Messenger",
  purpose: "Shows the Messenger chat window so visitors can write to the site from their Facebook account.",
  provider: "Meta Platforms Ireland Ltd.",
  policyUrl: "https://www.facebook.com/privacy/policy/",
  cookies: [
    { name: "datr", duration: "2 years", thirdParty: true },
    { name: "fr", duration: "90 days", thirdParty: true },
  ],
  globals: ["FB", "fbAsyncInit"],
};
