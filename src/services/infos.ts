/** What the UI shows about each built-in service; loaded with the UI only. */
import { info as googleAnalytics } from "./google-analytics";
import { info as googleTagManager } from "./google-tag-manager";
import { info as googleAds } from "./google-ads";
import { info as hotjar } from "./hotjar";
import { info as facebookPixel } from "./facebook-pixel";
import { info as mixpanel } from "./mixpanel";
import { info as firebaseAnalytics } from "./firebase-analytics";
import { info as appsflyer } from "./appsflyer";
import { info as intercom } from "./intercom";
import { info as googleRecaptcha } from "./google-recaptcha";
import { info as stripe } from "./stripe";
import { info as mailchimp } from "./mailchimp";
import { info as salesforcePardot } from "./salesforce-pardot";
import { info as facebookMessenger } from "./facebook-messenger";
import { info as microsoftClarity } from "./microsoft-clarity";
import { info as linkedinInsight } from "./linkedin-insight";
import { info as tiktokPixel } from "./tiktok-pixel";
import { info as youtube } from "./youtube";
import type { ServiceInfo } from "./service";

export const infos: Record<string, ServiceInfo> = {
  "google-analytics": googleAnalytics,
  "google-tag-manager": googleTagManager,
  "google-ads": googleAds,
  hotjar,
  "facebook-pixel": facebookPixel,
  mixpanel,
  "firebase-analytics": firebaseAnalytics,
  appsflyer,
  intercom,
  "google-recaptcha": googleRecaptcha,
  stripe,
  mailchimp,
  "salesforce-pardot": salesforcePardot,
  "facebook-messenger": facebookMessenger,
  "microsoft-clarity": microsoftClarity,
  "linkedin-insight": linkedinInsight,
  "tiktok-pixel": tiktokPixel,
  youtube,
};
