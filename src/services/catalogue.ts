/**
 * Every built-in service's gate, by id: what the core needs to hold it. Only
 * `gate` is imported, so each file's `info` stays out of the core bundle.
 */
import { gate as googleAnalytics } from "./google-analytics";
import { gate as googleTagManager } from "./google-tag-manager";
import { gate as googleAds } from "./google-ads";
import { gate as hotjar } from "./hotjar";
import { gate as facebookPixel } from "./facebook-pixel";
import { gate as mixpanel } from "./mixpanel";
import { gate as firebaseAnalytics } from "./firebase-analytics";
import { gate as appsflyer } from "./appsflyer";
import { gate as intercom } from "./intercom";
import { gate as googleRecaptcha } from "./google-recaptcha";
import { gate as stripe } from "./stripe";
import { gate as mailchimp } from "./mailchimp";
import { gate as salesforcePardot } from "./salesforce-pardot";
import { gate as facebookMessenger } from "./facebook-messenger";
import { gate as microsoftClarity } from "./microsoft-clarity";
import { gate as linkedinInsight } from "./linkedin-insight";
import { gate as tiktokPixel } from "./tiktok-pixel";
import { gate as youtube } from "./youtube";
import type { ServiceGate } from "./service";

export const catalogue: Record<string, ServiceGate> = {
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
