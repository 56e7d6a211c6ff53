import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "analytics",
  // Firebase loads gtag.js as "?l=<dataLayer>&id=…"; Google's snippet and
  // Tag Manager put the id first.
  urls: [
    "firebase.googleapis.com",
    "firebaseinstallations.googleapis.com",
    "firebaselogging-pa.googleapis.com",
    "googletagmanager.com/gtag/js?l=",
    "gstatic.com/firebasejs/*/firebase-analytics",
  ],
};

export const info: ServiceInfo = {
  title: "Firebase Analytics",
  purpose: "Measures how visitors use the site and app through Google Analytics, and registers the browser with Firebase.",
  provider: "Google",
  policyUrl: "https://firebase.google.com/support/privacy",
  cookies: [
    { name: "_ga", duration: "2 years" },
    { name: "_ga_*", duration: "2 years" },
  ],
  globals: ["dataLayer", "gtag"],
};
