import type { ServiceGate, ServiceInfo } from "./service";

// Most accounts track through their own first-party domain (go.example.com):
// a site adds it as `services["salesforce-pardot"].hosts`.
export const gate: ServiceGate = {
  category: "marketing",
  urls: ["pardot.com"],
  cookies: ["visitor_id*", "pi_opt_in*", "lpv*"],
};

export const info: ServiceInfo = {
  title: "Salesforce Marketing Cloud Account Engagement (Pardot)",
  purpose: "Links visits to leads and contacts for marketing e-mails and sales follow-up.",
  provider: "Salesforce, Inc.",
  policyUrl: "https://www.salesforce.com/company/privacy/",
  cookies: [
    { name: "visitor_id*", duration: "1 year" },
    { name: "pi_opt_in*", duration: "1 year" },
    { name: "lpv*", duration: "30 minutes" },
    { name: "pardot", duration: "session", thirdParty: true },
  ],
  globals: ["piAId", "piCId", "piHostname", "piTracker", "pdt"],
};
