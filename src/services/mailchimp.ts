import type { ServiceGate, ServiceInfo } from "./service";

// Not list-manage.com: embedded sign-up forms post there when a visitor asks to subscribe.
export const gate: ServiceGate = {
  category: "marketing",
  urls: [
    "chimpstatic.com",
    "downloads.mailchimp.com/js/signup-forms/",
    "s3.amazonaws.com/downloads.mailchimp.com/js/signup-forms/",
  ],
  cookies: ["mc_cid", "mc_eid", "mc_landing_site", "_mcid", "MCPopup*"],
};

export const info: ServiceInfo = {
  title: "Mailchimp",
  purpose: "Connects visits to newsletter campaigns and shows sign-up pop-ups.",
  provider: "Intuit Mailchimp",
  policyUrl: "https://mailchimp.com/legal/",
  cookies: [
    { name: "mc_cid", duration: "14 days" },
    { name: "mc_eid", duration: "14 days" },
    { name: "mc_landing_site", duration: "14 days" },
    { name: "_mcid", duration: "1 year" },
    { name: "MCPopup*", duration: "1 year" },
  ],
};
