import { queueArray } from "./queue";
import type { ServiceGate, ServiceInfo } from "./service";

export const gate: ServiceGate = {
  category: "marketing",
  urls: ["analytics.tiktok.com", "analytics-ipv6.tiktokw.us", "mon.tiktokv.com"],
  cookies: ["_ttp", "_tt_enable_cookie", "ttcsid*"],
  // TikTok's array shape; its snippet reuses `w.ttq || []`.
  stub(w) {
    if (w.ttq) return;
    const ttq: any = (w.ttq = []);
    // In the order brotli packs best (mixpanel.ts says why).
    queueArray(
      ttq,
      "page instances off track identify debug on once revokeConsent ready alias group enableCookie disableCookie holdConsent grantConsent",
    );
    // One pixel's calls go on the main queue: the snippet's load() would
    // replace a queue of its own, and a site with one pixel means that pixel.
    ttq.instance = () => ttq;
  },
  // At boot, refused or undecided, TikTok holds what the page queued (a
  // PageView) until a grant on this page; revoked, it would drop it. Its file
  // stays held meanwhile, so the queue reaches no one. A refusal or a
  // withdrawal after a boot revokes.
  consent(w, allowed, _, previous) {
    // Told only when TikTok itself changes: a second revoke after a first
    // visit's hold would drop the PageView the hold keeps for a later grant.
    if (previous?.services["tiktok-pixel"] === allowed) return;
    try {
      w.ttq[allowed ? "grantConsent" : previous ? "revokeConsent" : "holdConsent"]();
    } catch {}
  },
};

export const info: ServiceInfo = {
  title: "TikTok Pixel",
  purpose: "Measures visits and purchases that follow TikTok ads, and targets ads to visitors.",
  provider: "TikTok Technology Limited",
  policyUrl: "https://www.tiktok.com/legal/page/eea/privacy-policy/en",
  cookies: [
    { name: "_ttp", duration: "389 days" },
    { name: "_tt_enable_cookie", duration: "389 days" },
    { name: "ttcsid*", duration: "1 year" },
    { name: "ttwid", duration: "1 year", thirdParty: true },
  ],
  globals: ["ttq", "TiktokAnalyticsObject"],
};
