import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "marketing",
  urls: ["snap.licdn.com", "ads.linkedin.com", "adsymptotic.com", "linkedin.oribi.io"],
  cookies: ["li_fat_id", "li_giant", "ln_or", "li_sugr"],
  storage: ["li_adsId"],
  stub(w) {
    if (w.lintrk) return;
    w.lintrk = function (a: unknown, b: unknown) {
      w.lintrk.q.push([a, b]);
    };
    w.lintrk.q = [];
  },
};

export const info: ServiceInfo = {
  title: "LinkedIn Insight Tag",
  purpose: "Measures conversions from LinkedIn ads and builds audiences to show them to.",
  provider: "LinkedIn Ireland Unlimited Company",
  policyUrl: "https://www.linkedin.com/legal/privacy-policy",
  cookies: [
    { name: "li_fat_id", duration: "30 days" },
    { name: "li_giant", duration: "7 days" },
    { name: "ln_or", duration: "1 day" },
    { name: "li_sugr", duration: "90 days" },
    { name: "bcookie", duration: "1 year", thirdParty: true },
    { name: "lidc", duration: "1 day", thirdParty: true },
  ],
  globals: ["lintrk", "_linkedin_partner_id", "_linkedin_data_partner_ids"],
};
