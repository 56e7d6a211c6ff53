import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "necessary",
  urls: ["google.com/recaptcha/", "gstatic.com/recaptcha/", "recaptcha.net"],
};

export const info: ServiceInfo = {
  title: "Google reCAPTCHA",
  purpose: "Protects forms from spam and automated abuse by telling people from bots.",
  provider: "Google",
  policyUrl: "https://policies.google.com/privacy",
  cookies: [{ name: "_GRECAPTCHA", duration: "179 days", thirdParty: true }],
  globals: ["grecaptcha", "___grecaptcha_cfg"],
};
