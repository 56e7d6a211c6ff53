import type { ServiceGate, ServiceInfo } from "./service";

/** Google's own snippet: `gtag` pushes `arguments` objects, the only shape gtag.js reads. */
export function gtagStub(w: Window & Record<string, any>): void {
  w.dataLayer = w.dataLayer || [];
  w.gtag =
    w.gtag ||
    function () {
      w.dataLayer.push(arguments);
    };
}

export const gate: ServiceGate = {
  category: "analytics",
  // google.com/g/collect: where Google's tag sends a hit again when google-analytics.com fails.
  urls: ["google-analytics.com", "analytics.google.com", "stats.g.doubleclick.net", "googletagmanager.com/gtag/", "google.com/g/collect"],
  cookies: ["_ga", "_ga_*", "_gid", "_gat*", "_dc_gtm_*", "__utm*", "FPLC"],
  stub: gtagStub,
};

export const info: ServiceInfo = {
  title: "Google Analytics",
  purpose: "Measures how visitors use the site: pages viewed, time spent and where they came from.",
  provider: "Google",
  policyUrl: "https://policies.google.com/privacy",
  cookies: [
    { name: "_ga", duration: "2 years" },
    { name: "_ga_*", duration: "2 years" },
    { name: "_gid", duration: "24 hours" },
    { name: "_gat*", duration: "1 minute" },
    { name: "_dc_gtm_*", duration: "1 minute" },
    // ga.js, Universal Analytics' predecessor, still on some sites: its longest-lived cookie.
    { name: "__utm*", duration: "2 years" },
    // Server-side tagging's linker cookie; its FPID is HttpOnly, beyond a page's reach.
    { name: "FPLC", duration: "20 hours" },
  ],
  globals: ["dataLayer", "gtag", "google_tag_manager", "google_tag_data"],
};
