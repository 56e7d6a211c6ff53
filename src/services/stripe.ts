import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "necessary",
  urls: ["stripe.com", "stripe.network", "stripecdn.com"],
  cookies: ["__stripe_*"],
};

export const info: ServiceInfo = {
  title: "Stripe",
  purpose: "Processes payments and detects fraudulent ones.",
  provider: "Stripe Payments Europe, Ltd.",
  policyUrl: "https://stripe.com/privacy",
  cookies: [
    { name: "__stripe_mid", duration: "1 year" },
    { name: "__stripe_sid", duration: "30 minutes" },
    { name: "m", duration: "10 years", thirdParty: true },
  ],
  globals: ["Stripe"],
};
