// SPEC §3 for the catalogue services whose install code the other gate tests
// do not load: each vendor's own snippet or embed (test/fixtures/snippets/),
// the vendor's hosts answered by fakes that request what the vendor requests.
// Named in the config, a service is held before consent and after a refusal,
// and runs once allowed, each script once; not named, it is held under its
// catalogue category with one warning naming it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { SiteConfig } from "../../../src/types";
import { callConsentGate, describe, expect, gateMessages, launchBrowser, REPO, startServer, withServer, type Session } from "../harness";
import { gateFile, installVendors, openGate, ran, snippet } from "./kit";

// YouTube's embeds written in the HTML are cross-site frames the gate stops
// mid-navigation and sends there again: see launchBrowser's siteIsolation.
const test = withServer(startServer, undefined, () => launchBrowser({ siteIsolation: false }));

/** A vendor's snippet from test/fixtures/snippets/ (the kit's `snippet` knows only the vendors it installs). */
function vendorSnippet(name: string): string {
  return readFileSync(join(REPO, "test/fixtures/snippets", `${name}.html`), "utf8");
}

/** `method resource-type url` of every request to a host `hosts` matches. */
function requestsTo(session: Session, hosts: RegExp): string[] {
  return session.thirdParty().filter((r) => hosts.test(r.host)).map((r) => `${r.method} ${r.resourceType} ${r.url}`);
}

/** Names of the cookies the browser holds for the site, the consent cookie aside. */
async function vendorCookies(session: Session): Promise<string[]> {
  return (await session.cookies()).map((c) => c.name).filter((n) => n !== "consentgate").sort();
}

/** How many times each vendor script ran (fakes by name, probes by URL). */
async function runs(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await ran(page)) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
}

const notInConfig = (id: string, category: string) =>
  new RegExp(`^\\[consentgate\\] ${id} was inserted but is not in your config; it comes under "${category}" and runs only while`);

// ---------------------------------------------------------------------------
// Google Ads

const AW = "https://www.googletagmanager.com/gtag/js?id=AW-123456789";
const GOOGLE = /(^|\.)(googletagmanager\.com|googleadservices\.com|googlesyndication\.com|doubleclick\.net|google\.com|google-analytics\.com)$/;

function googleTag(session: Session) {
  installVendors(session);
  session.fake((url) => url.host === "www.googletagmanager.com" && url.pathname === "/gtag/js", {
    body: gateFile("fakes/vendors/google-tag.js"),
  });
}

/** What Google's tag requests for the snippet's AW- config and its conversion event. */
const ADS_REQUESTS = [
  "POST fetch https://www.google.com/ccm/collect?tid=AW-123456789&en=page_view",
  "POST fetch https://pagead2.googlesyndication.com/ccm/collect?tid=AW-123456789&en=page_view",
  "POST fetch https://www.google.com/rmkt/collect/123456789/?en=page_view",
  "GET script https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?en=page_view",
  "GET image https://www.google.com/pagead/1p-user-list/123456789/?en=page_view",
  "POST fetch https://www.google.com/ccm/collect?tid=AW-123456789&en=conversion",
  "GET image https://www.googleadservices.com/pagead/conversion/123456789/?label=AbCdEfGhIjKlMnOpQr",
  "GET image https://www.google.com/pagead/1p-conversion/123456789/?label=AbCdEfGhIjKlMnOpQr",
];

describe("google-ads", () => {
  test("Google's tag with an AW- id and a conversion event: held before consent and after a refusal, every request once marketing is allowed", async ({
    session,
  }) => {
    googleTag(session);
    const page = await openGate(session, vendorSnippet("google-ads"), { categories: { marketing: { services: ["google-ads"] } } });
    await settle(page);
    // Written in the HTML, gtag.js is fetched by the preload scanner (README), never run.
    expect(requestsTo(session, GOOGLE)).toEqual([`GET script ${AW}`]);
    await callConsentGate(page, "rejectAll");
    await settle(page);
    expect(requestsTo(session, GOOGLE)).toEqual([`GET script ${AW}`]);
    expect(await ran(page)).toEqual([]);
    expect(await vendorCookies(session)).toEqual([]);

    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => requestsTo(session, GOOGLE).sort()).toEqual([`GET script ${AW}`, `GET script ${AW}`, ...ADS_REQUESTS].sort());
    // The request is seen before the script it fetched has run.
    await expect.poll(() => runs(page)).toEqual({
      "google-tag.js": 1,
      "https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?en=page_view": 1,
    });
    await settle(page);
    expect(await runs(page)).toEqual({
      "google-tag.js": 1,
      "https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?en=page_view": 1,
    });
    expect(await vendorCookies(session)).toEqual(["_gcl_au"]);
    expect(session.problems()).toEqual([]);
  });

  test("not in the config: held under marketing with one warning, and runs once marketing is allowed", async ({ session }) => {
    googleTag(session);
    const page = await openGate(session, vendorSnippet("google-ads"), { categories: { marketing: { services: ["facebook-pixel"] } } });
    await settle(page);
    expect(requestsTo(session, GOOGLE)).toEqual([`GET script ${AW}`]);
    await expect.poll(() => gateMessages(session, "warning")).toEqual([expect.stringMatching(notInConfig("google-ads", "marketing"))]);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsTo(session, GOOGLE).sort()).toEqual([`GET script ${AW}`, `GET script ${AW}`, ...ADS_REQUESTS].sort());
    expect(await vendorCookies(session)).toEqual(["_gcl_au"]);
    expect(session.problems()).toEqual([]);
  });

  test("the legacy remarketing tag (conversion.js, noscript pixel): never runs before consent, runs once allowed", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, vendorSnippet("google-ads-remarketing"), { categories: { marketing: { services: ["google-ads"] } } });
    await settle(page);
    const conversionJs = "http://www.googleadservices.com/pagead/conversion.js";
    // The noscript pixel never loads while scripts run; the script tag in the HTML is preloaded, not run.
    expect(requestsTo(session, GOOGLE)).toEqual([`GET script ${conversionJs}`]);
    expect(await ran(page)).toEqual([]);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => runs(page)).toEqual({ [conversionJs]: 1 });
    expect(session.problems()).toEqual([]);
  });

  // Google's click-conversion snippet cancels the click and follows the link in
  // event_callback, which only a running gtag.js calls: while Google's tag is
  // held the link waits for it (README, "Stubs"), so the snippet needs the
  // README's fallback there.
  test("Google's click-conversion snippet follows its link once Google's tag runs, after sending the conversion", async ({ session }) => {
    googleTag(session);
    session.route("/thanks.html", { headers: { "content-type": "text/html" }, body: "<!doctype html><title>Thanks</title>" });
    const html = vendorSnippet("google-ads") + vendorSnippet("google-ads-click-conversion");
    const config = { categories: { marketing: { services: ["google-ads"] } } };
    const allowed = await openGate(session, html, config);
    await callConsentGate(allowed, "acceptAll");
    await expect.poll(() => runs(allowed)).toMatchObject({ "google-tag.js": 1 });
    await allowed.click("#buy");
    await allowed.waitForURL(/\/thanks\.html$/);
    expect(requestsTo(session, GOOGLE).some((r) => r.includes("/pagead/1p-conversion"))).toBe(true);
    expect(session.problems()).toEqual([]);
  });

  // Google's tag takes every id the page configures, whichever id loaded it.
  test("a Google tag let through for Ads sends no Analytics hit while analytics is refused", async ({ session }) => {
    googleTag(session);
    const html = vendorSnippet("google-ads").replace("gtag('config', 'AW-123456789');", "$&\n  gtag('config', 'G-TEST123456');");
    const page = await openGate(session, html, {
      categories: { analytics: { services: ["google-analytics"] }, marketing: { services: ["google-ads"] } },
    });
    await callConsentGate(page, "set", { analytics: false, marketing: true });
    await expect.poll(() => requestsTo(session, /google\.com$/).length).toBeGreaterThanOrEqual(5);
    await settle(page);
    expect(requestsTo(session, GOOGLE).filter((r) => /G-TEST123456/.test(r))).toEqual([]);
  });

  test("a Google tag let through for Analytics sends no Ads request while marketing is refused", async ({ session }) => {
    googleTag(session);
    const html = snippet("google-analytics").replace("gtag('config', 'G-TEST123456');", "$&\n  gtag('config', 'AW-123456789');");
    const page = await openGate(session, html, {
      categories: { analytics: { services: ["google-analytics"] }, marketing: { services: ["google-ads"] } },
    });
    await callConsentGate(page, "set", { analytics: true, marketing: false });
    await expect.poll(() => runs(page)).toEqual({ "google-tag.js": 1 });
    await expect.poll(() => requestsTo(session, /google-analytics\.com$/)).toEqual([
      "POST fetch https://region1.google-analytics.com/g/collect?v=2&tid=G-TEST123456&en=page_view",
    ]);
    await settle(page);
    expect(requestsTo(session, GOOGLE).filter((r) => /123456789/.test(r))).toEqual([]);
    expect(await vendorCookies(session)).toEqual(["_ga"]);
  });
});

// ---------------------------------------------------------------------------
// The other vendors: each one's fakes, then the same two pages for each.

function answerVendors(session: Session) {
  installVendors(session);
  const fake = (test: (url: URL) => boolean, name: string) => session.fake(test, { body: gateFile(`fakes/vendors/${name}`) });
  fake((u) => u.host === "www.googletagmanager.com" && u.pathname === "/gtag/js", "google-tag.js");
  fake((u) => u.host === "www.gstatic.com" && /^\/firebasejs\/[\d.]+\/firebase-app\.js$/.test(u.pathname), "firebase-app.mjs");
  fake((u) => u.host === "www.gstatic.com" && /^\/firebasejs\/[\d.]+\/firebase-analytics\.js$/.test(u.pathname), "firebase-analytics.mjs");
  fake((u) => u.host === "www.gstatic.com" && /^\/firebasejs\/[\d.]+\/firebase-(app|analytics)-compat\.js$/.test(u.pathname), "firebase-compat.js");
  fake((u) => u.host === "websdk.appsflyer.com", "appsflyer.js");
  fake((u) => u.host === "onelinksmartscript.appsflyer.com", "appsflyer-smart-script.js");
  fake((u) => u.host === "www.google.com" && u.pathname === "/recaptcha/api.js", "recaptcha.js");
  fake((u) => u.host === "js.stripe.com" && u.pathname === "/v3/", "stripe.js");
  fake((u) => u.host === "chimpstatic.com" || u.pathname === "/downloads.mailchimp.com/js/mc-validate.js", "mailchimp.js");
  fake((u) => /(^|\.)pardot\.com$/.test(u.host) && /^\/(pd\.js|analytics)$/.test(u.pathname), "pardot.js");
  fake((u) => u.host === "connect.facebook.net" && /^\/\w+\/sdk\/xfbml\.customerchat\.js$/.test(u.pathname), "facebook-sdk.js");
  fake((u) => (u.host === "www.youtube.com" && u.pathname === "/iframe_api") || /\/lite-yt-embed\.js$/.test(u.pathname), "youtube.js");
  fake((u) => u.host === "static.hj.contentsquare.net" && /^\/c\/csq-\d+\.js$/.test(u.pathname), "hotjar-contentsquare.js");
}

/** The same snippet tagged as the README asks: each `<script>` held for `consent`, its own type kept as `data-type`. */
function taggedSnippet(name: string, consent: string): string {
  return vendorSnippet(name).replace(/<script\b([^>]*)>/g, (_, attributes: string) => {
    const type = /\stype="module"/.test(attributes) ? ' data-type="module"' : "";
    return `<script type="text/plain" data-consent="${consent}"${type}${attributes.replace(/\s+type="[^"]*"/, "")}>`;
  });
}

interface VendorCase {
  /** The catalogue id. */
  id: string;
  /** Which of the vendor's install codes, where it has several. */
  form?: string;
  category: string;
  /** The page's markup. */
  html: () => string;
  /** The vendor's hosts. */
  hosts: RegExp;
  /** Other services the config names with it (Google Analytics for Firebase's hits, as the README asks). */
  with?: string[];
  /** Requests (`method type url`) once allowed, in any order. */
  requests: string[];
  /** How many times each script ran once allowed. */
  runs: Record<string, number>;
  /** The site's cookies once allowed. */
  cookies: string[];
  /** What the visitor does once the vendor runs (a click). */
  act?: (page: Page) => Promise<void>;
  /** Tagged by category, the vendor is known only once its code runs: the warning comes then. */
  knownOnceRun?: boolean;
}

/** Every other optional catalogue category, named with a service of its own, for the "not in the config" page. */
const OTHERS: SiteConfig = {
  categories: {
    analytics: { services: ["google-analytics"] },
    marketing: { services: ["facebook-pixel"] },
    functional: { services: ["intercom"] },
  },
};

async function expectHeld(page: Page, session: Session, vendor: VendorCase) {
  await settle(page);
  expect(requestsTo(session, vendor.hosts)).toEqual([]);
  expect(await ran(page)).toEqual([]);
  expect(await vendorCookies(session)).toEqual([]);
  expect(session.problems()).toEqual([]);
}

async function expectRan(page: Page, session: Session, vendor: VendorCase) {
  await vendor.act?.(page);
  await expect.poll(() => requestsTo(session, vendor.hosts).sort()).toEqual([...vendor.requests].sort());
  await expect.poll(() => runs(page)).toEqual(vendor.runs);
  // Not networkidle: with Messenger's frame it now and then never comes (test/e2e/README.md).
  await Promise.all(page.frames().map((frame) => frame.waitForLoadState("load")));
  expect(await runs(page)).toEqual(vendor.runs);
  expect(await vendorCookies(session)).toEqual(vendor.cookies);
  expect(session.problems()).toEqual([]);
}

function testVendor(vendor: VendorCase) {
  describe(vendor.form ? `${vendor.id}, ${vendor.form}` : vendor.id, () => {
    test(`in the config under ${vendor.category}: nothing before consent nor after a refusal, each request and script once ${vendor.category} is allowed`, async ({
      session,
    }) => {
      answerVendors(session);
      const config = { categories: { [vendor.category]: { services: [vendor.id, ...(vendor.with ?? [])] } } };
      const page = await openGate(session, vendor.html(), config);
      await expectHeld(page, session, vendor);
      await callConsentGate(page, "rejectAll");
      await expectHeld(page, session, vendor);
      await callConsentGate(page, "set", { [vendor.category]: true });
      await expectRan(page, session, vendor);
    });

    test(`not in the config: held under ${vendor.category} with one warning naming it, and runs once allowed`, async ({ session }) => {
      answerVendors(session);
      const page = await openGate(session, vendor.html(), OTHERS);
      const warning = [expect.stringMatching(notInConfig(vendor.id, vendor.category))];
      await expectHeld(page, session, vendor);
      if (!vendor.knownOnceRun) await expect.poll(() => gateMessages(session, "warning")).toEqual(warning);
      await callConsentGate(page, "acceptAll");
      await expectRan(page, session, vendor);
      await expect.poll(() => gateMessages(session, "warning")).toEqual(warning);
    });
  });
}

const FIREBASE_HOSTS = /(^|\.)(gstatic\.com|googleapis\.com|googletagmanager\.com|google-analytics\.com|google\.com)$/;
const FIREBASE_REQUESTS = [
  "GET fetch https://firebase.googleapis.com/v1alpha/projects/-/apps/1:123456789012:web:0123456789abcdef/webConfig",
  "POST fetch https://firebaseinstallations.googleapis.com/v1/projects/shop-test/installations",
  "GET script https://www.googletagmanager.com/gtag/js?l=dataLayer&id=G-FIREBASE01",
  "POST fetch https://region1.google-analytics.com/g/collect?v=2&tid=G-FIREBASE01&en=page_view",
];

testVendor({
  id: "firebase-analytics",
  form: "the console's module snippet, tagged as the README asks (no page script can hold a static import)",
  category: "analytics",
  html: () => taggedSnippet("firebase-analytics", "analytics"),
  hosts: FIREBASE_HOSTS,
  with: ["google-analytics"],
  requests: [
    "GET script https://www.gstatic.com/firebasejs/10.12.0/firebase-app.js",
    "GET script https://www.gstatic.com/firebasejs/10.12.0/firebase-analytics.js",
    ...FIREBASE_REQUESTS,
  ],
  runs: { "firebase-app.js": 1, "firebase-analytics.js": 1, "google-tag.js": 1 },
  cookies: ["_ga"],
  knownOnceRun: true,
});

testVendor({
  id: "firebase-analytics",
  form: "the compat scripts, tagged as the README asks (firebase.analytics() exists only once its script ran)",
  category: "analytics",
  html: () => taggedSnippet("firebase-analytics-compat", "analytics"),
  hosts: FIREBASE_HOSTS,
  with: ["google-analytics"],
  requests: [
    "GET script https://www.gstatic.com/firebasejs/10.12.0/firebase-app-compat.js",
    "GET script https://www.gstatic.com/firebasejs/10.12.0/firebase-analytics-compat.js",
    ...FIREBASE_REQUESTS,
  ],
  runs: { "firebase-app-compat.js": 1, "firebase-analytics-compat.js": 1, "google-tag.js": 1 },
  cookies: ["_ga"],
});

describe("firebase-analytics, the console's module snippet untagged (README: tag it)", () => {
  test("its static imports load (no page script can hold them), but what getAnalytics() sends and stores is held until analytics is allowed", async ({
    session,
  }) => {
    answerVendors(session);
    const page = await openGate(session, vendorSnippet("firebase-analytics"), {
      categories: { analytics: { services: ["firebase-analytics", "google-analytics"] } },
    });
    await settle(page);
    expect(requestsTo(session, FIREBASE_HOSTS)).toEqual([
      "GET script https://www.gstatic.com/firebasejs/10.12.0/firebase-app.js",
      "GET script https://www.gstatic.com/firebasejs/10.12.0/firebase-analytics.js",
    ]);
    expect(await vendorCookies(session)).toEqual([]);
    expect(session.problems()).toEqual([]);

    // Held requests are not replayed; gtag.js, held, runs once allowed.
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => runs(page)).toEqual({ "firebase-app.js": 1, "firebase-analytics.js": 1, "google-tag.js": 1 });
    await expect.poll(() => vendorCookies(session)).toEqual(["_ga"]);
    expect(session.problems()).toEqual([]);
  });
});

testVendor({
  id: "appsflyer",
  category: "marketing",
  html: () => vendorSnippet("appsflyer"),
  hosts: /(^|\.)appsflyer(sdk)?\.com$/,
  requests: [
    "GET script https://websdk.appsflyer.com/?st=pba&",
    "POST fetch https://wa.appsflyer.com/events?site-id=01234567-89ab-cdef-0123-456789abcdef",
  ],
  runs: { "appsflyer.js": 1 },
  cookies: ["AF_DEFAULT_MEASUREMENT_STATUS", "AF_SYNC", "afUserId"],
});

test("appsflyer: a refusal after the Web SDK ran deletes every cookie it wrote", async ({ session }) => {
  answerVendors(session);
  const page = await openGate(session, vendorSnippet("appsflyer"), { categories: { marketing: { services: ["appsflyer"] } } });
  await callConsentGate(page, "acceptAll");
  await expect.poll(() => vendorCookies(session)).toEqual(["AF_DEFAULT_MEASUREMENT_STATUS", "AF_SYNC", "afUserId"]);
  await callConsentGate(page, "rejectAll");
  await expect.poll(() => vendorCookies(session)).toEqual([]);
  expect(session.problems()).toEqual([]);
});

const ONELINK_IMPRESSION = "GET image https://impressions.onelink.me/A1b3?af_js_web=true&af_ss_ver=2_9_2&pid=my_media_default_source";

testVendor({
  id: "appsflyer",
  form: "the OneLink Smart Script from AppsFlyer's CDN, tagged as the README asks (its page code calls AF_SMART_SCRIPT)",
  category: "marketing",
  html: () => taggedSnippet("appsflyer-smart-script", "marketing"),
  hosts: /(^|\.)(appsflyer(sdk)?\.com|onelink\.me)$/,
  requests: ["GET script https://onelinksmartscript.appsflyer.com/onelink-smart-script-latest.js", ONELINK_IMPRESSION],
  runs: { "onelink-smart-script.js": 1 },
  cookies: [],
});

describe("appsflyer, the OneLink Smart Script served from the site (AppsFlyer's guide: download the script)", () => {
  test("its impression pixel waits for marketing, and is sent once allowed", async ({ session }) => {
    answerVendors(session);
    session.route("/js/onelink-smart-script-latest.js", {
      headers: { "content-type": "text/javascript" },
      body: gateFile("fakes/vendors/appsflyer-smart-script.js"),
    });
    const html = vendorSnippet("appsflyer-smart-script").replace("https://onelinksmartscript.appsflyer.com/", "/js/");
    const page = await openGate(session, html, { categories: { marketing: { services: ["appsflyer"] } } });
    await expect.poll(() => session.messages("log")).toContain("Impression fired");
    await settle(page);
    expect(requestsTo(session, /(^|\.)onelink\.me$/)).toEqual([]);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsTo(session, /(^|\.)onelink\.me$/)).toEqual([ONELINK_IMPRESSION]);
    expect(session.problems()).toEqual([]);
  });
});

testVendor({
  id: "mailchimp",
  form: "the connected-site script",
  category: "marketing",
  html: () => vendorSnippet("mailchimp"),
  hosts: /(^|\.)(chimpstatic\.com|mailchimp\.com|amazonaws\.com)$/,
  requests: [
    "GET script https://chimpstatic.com/mcjs-connected/js/users/0123abcd4567ef0123abcd45/6789abcdef0123abcdef0123.js",
    "GET script https://downloads.mailchimp.com/js/signup-forms/popup/unique-methods/embed.js",
  ],
  runs: { "mcjs-connected.js": 1, "https://downloads.mailchimp.com/js/signup-forms/popup/unique-methods/embed.js": 1 },
  cookies: ["_mcid"],
});

testVendor({
  id: "salesforce-pardot",
  category: "marketing",
  html: () => vendorSnippet("salesforce-pardot"),
  hosts: /(^|\.)pardot\.com$/,
  // The page is on http:, so the snippet picks cdn.pardot.com.
  requests: ["GET script http://cdn.pardot.com/pd.js", "GET script http://pi.pardot.com/analytics?ver=3&pi_opt_in=&campaign_id=1234&account_id=123456&title=Gate"],
  runs: { "pd.js": 1, "pardot-analytics": 1 },
  cookies: ["visitor_id123456", "visitor_id123456-hash"],
});

testVendor({
  id: "facebook-messenger",
  category: "functional",
  html: () => vendorSnippet("facebook-messenger"),
  hosts: /(^|\.)facebook\.(com|net)$/,
  requests: [
    "GET script https://connect.facebook.net/en_US/sdk/xfbml.customerchat.js",
    "GET fetch https://www.facebook.com/plugins/customer_chat/facade_gating/?page_id=123456789012345&suppress_http_code=1",
    "GET document https://www.facebook.com/v14.0/plugins/customerchat.php?page_id=123456789012345&attribution=biz_inbox",
  ],
  runs: { "xfbml.customerchat.js": 1 },
  cookies: [],
});

describe("facebook-messenger, refused while its chat runs", () => {
  // The plugin's endpoints, as sites' CSPs and proxies list them: /plugins/customer_chat/SDK/, /facade/, /facade_gating/.
  test("the running chat plugin reaches none of its endpoints after the refusal", async ({ session }) => {
    answerVendors(session);
    const page = await openGate(session, vendorSnippet("facebook-messenger"), { categories: { functional: { services: ["facebook-messenger"] } } });
    await callConsentGate(page, "set", { functional: true });
    await expect.poll(() => requestsTo(session, /(^|\.)facebook\.com$/)).toHaveLength(2);
    await callConsentGate(page, "rejectAll");
    // The visitor opens the chat the page still shows.
    await page.evaluate(() => (window as unknown as { FB: { CustomerChat: { show(): void } } }).FB.CustomerChat.show());
    await settle(page);
    expect(requestsTo(session, /(^|\.)facebook\.com$/).filter((r) => /customer_chat\/SDK/.test(r))).toEqual([]);
    expect(session.problems()).toEqual([]);
  });
});

describe("mailchimp, the embedded sign-up form", () => {
  // Not claimed on purpose (README): the form's own script, which posts to list-manage.com when the visitor subscribes.
  test("mc-validate.js loads and runs before consent, and the form's inline code never throws", async ({ session }) => {
    answerVendors(session);
    const page = await openGate(session, vendorSnippet("mailchimp-embedded-form"), { categories: { marketing: { services: ["mailchimp"] } } });
    await settle(page);
    expect(requestsTo(session, /(^|\.)(chimpstatic\.com|mailchimp\.com|amazonaws\.com|list-manage\.com)$/)).toEqual([
      "GET stylesheet http://cdn-images.mailchimp.com/embedcode/classic-10_7.css",
      "GET script http://s3.amazonaws.com/downloads.mailchimp.com/js/mc-validate.js",
    ]);
    expect(await runs(page)).toEqual({ "mc-validate.js": 1 });
    expect(await vendorCookies(session)).toEqual([]);
    expect(session.problems()).toEqual([]);
  });
});

// Hotjar's tracking code as Hotjar hands it out since its merger into
// Contentsquare: the same `hj` queue and `_hjSettings`, but the script comes
// from static.hj.contentsquare.net and is the Contentsquare tag, with its
// _cs_* cookies (test/fixtures/snippets/README.md).
const HOTJAR_CS = /(^|\.)(contentsquare\.net|hotjar\.com|hotjar\.io)$/;

testVendor({
  id: "hotjar",
  form: "the current tracking code (static.hj.contentsquare.net/c/csq-<id>.js)",
  category: "analytics",
  html: () => vendorSnippet("hotjar-contentsquare"),
  hosts: HOTJAR_CS,
  requests: ["GET script https://static.hj.contentsquare.net/c/csq-1234567.js", "POST fetch https://in.hj.contentsquare.net/pageview?site=1234567"],
  runs: { "hotjar-contentsquare.js": 1 },
  cookies: ["_cs_id", "_cs_s"],
});

describe("hotjar, the current tracking code, refused once it ran", () => {
  test("the Contentsquare tag's _cs_id and _cs_s go with the refusal", async ({ session }) => {
    answerVendors(session);
    const page = await openGate(session, vendorSnippet("hotjar-contentsquare"), { categories: { analytics: { services: ["hotjar"] } } });
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => vendorCookies(session)).toEqual(["_cs_id", "_cs_s"]);
    await callConsentGate(page, "rejectAll");
    await expect.poll(() => vendorCookies(session)).toEqual([]);
    expect(session.problems()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// reCAPTCHA and Stripe: strictly necessary in the catalogue

const RECAPTCHA = /(^|\.)(google\.com|gstatic\.com|recaptcha\.net)$/;
const RECAPTCHA_V2 = [
  "GET script https://www.google.com/recaptcha/api.js",
  "GET script https://www.gstatic.com/recaptcha/releases/TESTrelease/recaptcha__en.js",
  "GET document https://www.google.com/recaptcha/api2/anchor?ar=1&k=6LcTESTAAAAAAAsample-sitekey-v2&size=normal",
  "GET document https://www.google.com/recaptcha/api2/bframe?k=6LcTESTAAAAAAAsample-sitekey-v2",
];
const RECAPTCHA_V3 = [
  "GET script https://www.google.com/recaptcha/api.js?render=6LcTESTAAAAAAAsample-sitekey-v3",
  "GET script https://www.gstatic.com/recaptcha/releases/TESTrelease/recaptcha__en.js",
  "GET document https://www.google.com/recaptcha/api2/anchor?ar=1&k=6LcTESTAAAAAAAsample-sitekey-v3&size=invisible",
];
const RECAPTCHA_EXECUTE = "POST fetch https://www.google.com/recaptcha/api2/reload?k=6LcTESTAAAAAAAsample-sitekey-v3";
const submitV3 = (page: Page) => page.evaluate(() => (window as unknown as { onClick(e: Event): void }).onClick(new Event("click")));

describe("google-recaptcha", () => {
  test("under necessary: the v2 widget renders and v3's execute() runs before any decision, and a refusal changes nothing", async ({ session }) => {
    answerVendors(session);
    const config = { categories: { necessary: { services: ["google-recaptcha"] }, marketing: { services: ["facebook-pixel"] } } };
    const v2 = await openGate(session, vendorSnippet("google-recaptcha-v2"), config);
    await expect.poll(() => requestsTo(session, RECAPTCHA).sort()).toEqual([...RECAPTCHA_V2].sort());
    await v2.close();

    const v3 = await openGate(session, vendorSnippet("google-recaptcha-v3"), config);
    await submitV3(v3);
    await expect.poll(() => requestsTo(session, RECAPTCHA).slice(RECAPTCHA_V2.length).sort()).toEqual([...RECAPTCHA_V3, RECAPTCHA_EXECUTE].sort());
    await callConsentGate(v3, "rejectAll");
    await submitV3(v3);
    await expect.poll(() => requestsTo(session, RECAPTCHA).filter((r) => r === RECAPTCHA_EXECUTE)).toHaveLength(2);
    expect(await runs(v3)).toEqual({ "recaptcha-api.js": 1, "https://www.gstatic.com/recaptcha/releases/TESTrelease/recaptcha__en.js": 1 });
    expect(gateMessages(session, "warning")).toEqual([]);
    expect(session.problems()).toEqual([]);
  });

  test("moved to functional: the v2 widget waits for functional, then renders once", async ({ session }) => {
    answerVendors(session);
    const page = await openGate(session, vendorSnippet("google-recaptcha-v2"), { categories: { functional: { services: ["google-recaptcha"] } } });
    await settle(page);
    // Written in the HTML, api.js is fetched by the preload scanner (README), never run.
    expect(requestsTo(session, RECAPTCHA)).toEqual([RECAPTCHA_V2[0]]);
    expect(await ran(page)).toEqual([]);
    await callConsentGate(page, "set", { functional: true });
    await expect.poll(() => requestsTo(session, RECAPTCHA).sort()).toEqual([RECAPTCHA_V2[0], ...RECAPTCHA_V2].sort());
    await expect.poll(() => runs(page)).toEqual({ "recaptcha-api.js": 1, "https://www.gstatic.com/recaptcha/releases/TESTrelease/recaptcha__en.js": 1 });
    expect(session.problems()).toEqual([]);
  });

  test("not in the config: runs as strictly necessary, with one warning naming it", async ({ session }) => {
    answerVendors(session);
    const page = await openGate(session, vendorSnippet("google-recaptcha-v3"), OTHERS);
    await submitV3(page);
    await expect.poll(() => requestsTo(session, RECAPTCHA).sort()).toEqual([...RECAPTCHA_V3, RECAPTCHA_EXECUTE].sort());
    await expect.poll(() => gateMessages(session, "warning")).toEqual([`[consentgate] google-recaptcha was inserted but is not in your config; it runs under "necessary", always on`]);
    expect(session.problems()).toEqual([]);
  });
});

const STRIPE = /(^|\.)(stripe\.com|stripe\.network|stripecdn\.com)$/;
const STRIPE_REQUESTS = [
  "GET script https://js.stripe.com/v3/",
  "GET document https://js.stripe.com/v3/m-outer-TEST.html",
  "GET document https://js.stripe.com/v3/elements-inner-card-TEST.html",
  "POST ping https://r.stripe.com/b",
];

describe("stripe", () => {
  test("under necessary (a shop's payment): Stripe.js, its frames and fraud cookies before any decision, and a refusal changes nothing", async ({ session }) => {
    answerVendors(session);
    const page = await openGate(session, vendorSnippet("stripe"), { categories: { necessary: { services: ["stripe"] }, marketing: { services: ["facebook-pixel"] } } });
    await expect.poll(() => requestsTo(session, STRIPE).sort()).toEqual([...STRIPE_REQUESTS].sort());
    await callConsentGate(page, "rejectAll");
    await settle(page);
    expect(requestsTo(session, STRIPE)).toHaveLength(STRIPE_REQUESTS.length);
    expect(await runs(page)).toEqual({ "stripe.js": 1 });
    expect(await vendorCookies(session)).toEqual(["__stripe_mid", "__stripe_sid"]);
    expect(await page.locator("#card-element iframe").count()).toBe(1);
    expect(gateMessages(session, "warning")).toEqual([]);
    expect(session.problems()).toEqual([]);
  });

  test("moved to functional and tagged as the README asks: nothing before consent nor after a refusal, then once", async ({ session }) => {
    answerVendors(session);
    const page = await openGate(session, taggedSnippet("stripe", "functional"), { categories: { functional: { services: ["stripe"] } } });
    await settle(page);
    expect(requestsTo(session, STRIPE)).toEqual([]);
    await callConsentGate(page, "rejectAll");
    await settle(page);
    expect(requestsTo(session, STRIPE)).toEqual([]);
    expect(await vendorCookies(session)).toEqual([]);
    await callConsentGate(page, "set", { functional: true });
    await expect.poll(() => requestsTo(session, STRIPE).sort()).toEqual([...STRIPE_REQUESTS].sort());
    await expect.poll(() => runs(page)).toEqual({ "stripe.js": 1 });
    expect(await vendorCookies(session)).toEqual(["__stripe_mid", "__stripe_sid"]);
    expect(session.problems()).toEqual([]);
  });

  test("not in the config: runs as strictly necessary, with one warning naming it", async ({ session }) => {
    answerVendors(session);
    await openGate(session, vendorSnippet("stripe"), OTHERS);
    await expect.poll(() => requestsTo(session, STRIPE).sort()).toEqual([...STRIPE_REQUESTS].sort());
    await expect.poll(() => gateMessages(session, "warning")).toEqual([`[consentgate] stripe was inserted but is not in your config; it runs under "necessary", always on`]);
    expect(session.problems()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// YouTube

const YOUTUBE = /(^|\.)(youtube\.com|youtube-nocookie\.com)$/;
const EMBEDS = [
  "GET document https://www.youtube.com/embed/dQw4w9WgXcQ?si=TESTsiTESTsi",
  "GET document https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=TESTsiTESTsi",
];
const LITE = "GET document https://www.youtube-nocookie.com/embed/ogfYd705cRs?autoplay=1";

describe("youtube", () => {
  test("Share > Embed frames (youtube.com and youtube-nocookie.com) written in the HTML: requested once by the parser (README), held until marketing is allowed, then loaded", async ({
    session,
  }) => {
    answerVendors(session);
    const page = await openGate(session, vendorSnippet("youtube"), { categories: { marketing: { services: ["youtube"] } } });
    await settle(page);
    expect(requestsTo(session, YOUTUBE).sort()).toEqual([...EMBEDS].sort());
    await callConsentGate(page, "rejectAll");
    await settle(page);
    expect(requestsTo(session, YOUTUBE)).toHaveLength(2);
    expect(await page.locator("iframe:visible").count()).toBe(0);
    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => requestsTo(session, YOUTUBE).sort()).toEqual([...EMBEDS, ...EMBEDS].sort());
    await expect.poll(() => page.locator("iframe:visible").count()).toBe(2);
    expect(session.problems()).toEqual([]);
  });

  test("the IFrame Player API: iframe_api held, then runs once and its player plays", async ({ session }) => {
    answerVendors(session);
    const page = await openGate(session, vendorSnippet("youtube-iframe-api"), { categories: { marketing: { services: ["youtube"] } } });
    await settle(page);
    expect(requestsTo(session, YOUTUBE)).toEqual([]);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => page.evaluate(() => (window as unknown as { __played?: number }).__played)).toBe(1);
    expect(requestsTo(session, YOUTUBE)).toEqual([
      "GET script https://www.youtube.com/iframe_api",
      `GET document https://www.youtube.com/embed/M7lc1UVf-VE?enablejsapi=1&origin=${encodeURIComponent(new URL(page.url()).origin)}`,
    ]);
    expect(await runs(page)).toEqual({ iframe_api: 1 });
    expect(session.problems()).toEqual([]);
  });

  test("lite-youtube-embed: the click's frame is held with a placeholder, and loads once marketing is allowed", async ({ session }) => {
    answerVendors(session);
    const page = await openGate(session, vendorSnippet("youtube-lite"), { categories: { marketing: { services: ["youtube"] } } });
    await settle(page);
    await page.locator("lite-youtube").click();
    await expect.poll(() => page.locator('lite-youtube consentgate-ui[data-embed="youtube"]').count()).toBe(1);
    await settle(page);
    expect(requestsTo(session, YOUTUBE)).toEqual([]);
    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => requestsTo(session, YOUTUBE)).toEqual([LITE]);
    await expect.poll(() => page.locator("lite-youtube iframe:visible").count()).toBe(1);
    expect(await page.locator("consentgate-ui[data-embed]").count()).toBe(0);
    expect(session.problems()).toEqual([]);
  });

  test("not in the config: held under marketing with one warning naming it, and loads once allowed", async ({ session }) => {
    answerVendors(session);
    const page = await openGate(session, vendorSnippet("youtube-lite"), OTHERS);
    await page.locator("lite-youtube").click();
    await settle(page);
    expect(requestsTo(session, YOUTUBE)).toEqual([]);
    await expect.poll(() => gateMessages(session, "warning")).toEqual([expect.stringMatching(notInConfig("youtube", "marketing"))]);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsTo(session, YOUTUBE)).toEqual([LITE]);
    expect(session.problems()).toEqual([]);
  });
});
