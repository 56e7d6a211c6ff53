// Firebase Analytics with its real Web SDK (npm @firebase/app and
// @firebase/analytics, which the `firebase` package's `firebase/app` and
// `firebase/analytics` re-export), bundled by esbuild into the site's own
// script as a site's build would: nothing of Firebase's is a script the gate
// could hold, so it must hold the SDK by what it requests and inserts.
// getAnalytics() fetches the app's web config from firebase.googleapis.com
// (falling back to the config's measurementId when that fails), registers an
// installation with firebaseinstallations.googleapis.com (its id, the FID,
// kept in IndexedDB), then inserts gtag.js as ?l=dataLayer&id=<measurementId>
// and queues its `config` with the FID. Those two endpoints are answered
// locally with the shapes Firebase documents; gtag.js is the gate tests' fake
// (test/fixtures/gate/fakes/gtag.js), which sets _ga / _ga_<id> and sends to
// www.google-analytics.com/g/collect.
import { build } from "esbuild";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { SiteConfig } from "../../../src/types";
import { callConsentGate, describe, expect, gateMessages, REPO, test, type Session } from "../harness";
import { fakes, installVendors, servePage, siteCookies, type Received } from "./kit";

const FIREBASE_CONFIG = {
  apiKey: "AIzaSyTEST-0123456789abcdefghijklmnopq",
  authDomain: "shop-test.firebaseapp.com",
  projectId: "shop-test",
  storageBucket: "shop-test.appspot.com",
  messagingSenderId: "123456789012",
  appId: "1:123456789012:web:0123456789abcdef",
  measurementId: "G-FIREBASE01",
};
const WEB_CONFIG = `https://firebase.googleapis.com/v1alpha/projects/-/apps/${FIREBASE_CONFIG.appId}/webConfig`;
const INSTALLATIONS = "https://firebaseinstallations.googleapis.com/v1/projects/shop-test/installations";
const GTAG = "https://www.googletagmanager.com/gtag/js?l=dataLayer&id=G-FIREBASE01";
/** Google's and Firebase's hosts: none may be reached before consent. */
const GOOGLE = /(^|\.)(googleapis\.com|gstatic\.com|googletagmanager\.com|google-analytics\.com|google\.com|doubleclick\.net)$/;

const bundles = new Map<string, Promise<string>>();
/** A site script of test/fixtures/gate/firebase/ bundled with the SDK, once per file. */
function siteScript(name: string): Promise<string> {
  if (!bundles.has(name)) {
    bundles.set(
      name,
      build({
        entryPoints: [join(REPO, "test/fixtures/gate/firebase", name)],
        bundle: true,
        write: false,
        format: "iife",
        minify: true,
        target: "es2020",
        alias: { "firebase/app": "@firebase/app", "firebase/analytics": "@firebase/analytics" },
        logLevel: "silent",
      }).then((result) => result.outputFiles[0]!.text),
    );
  }
  return bundles.get(name)!;
}

interface Firebase {
  /** Requests to firebase.googleapis.com and firebaseinstallations.googleapis.com. */
  rest: Received[];
  /** Requests to *.google-analytics.com/g/collect. */
  collect: Received[];
}

/** The vendors' fakes, and Firebase's two endpoints answered as Firebase does. */
function answerFirebase(session: Session): Firebase {
  const vendors = installVendors(session);
  const rest: Received[] = [];
  session.fake(
    (url) => url.host === "firebase.googleapis.com",
    (request) => {
      rest.push({ url: request.url(), method: request.method(), body: "" });
      const { apiKey: _, ...fields } = FIREBASE_CONFIG;
      return { contentType: "application/json", body: JSON.stringify({ ...fields, locationId: "europe-west" }) };
    },
  );
  session.fake(
    (url) => url.host === "firebaseinstallations.googleapis.com",
    (request) => {
      const body = request.postData() ?? "";
      rest.push({ url: request.url(), method: request.method(), body });
      // A preflight has no body; the SDK's POST names the FID it made.
      const { fid } = JSON.parse(body || "{}") as { fid?: string };
      return {
        contentType: "application/json",
        body: JSON.stringify({
          name: `projects/123456789012/installations/${fid}`,
          fid,
          refreshToken: "3_AS3qfwLtest-refresh-token",
          authToken: { token: "eyJhbGciOiJFUzI1NiJ9.test.token", expiresIn: "604800s" },
        }),
      };
    },
  );
  return { rest, collect: vendors.collect };
}

/** The site's page: Firebase's config (`config`), then the site's bundle (`script`). */
async function sitePage(session: Session, siteConfig: SiteConfig, config: object = FIREBASE_CONFIG, script = "site.js"): Promise<string> {
  session.route("/app/site.js", { headers: { "content-type": "text/javascript; charset=utf-8" }, body: await siteScript(script) });
  return servePage(
    session,
    `<script>
  window.__held = [];
  ConsentGate.on("held", (e) => __held.push(e.kind + " " + e.service));
  window.firebaseConfig = ${JSON.stringify(config)};
</script>
<script src="/app/site.js"></script>`,
    siteConfig,
  );
}

async function openSite(session: Session, siteConfig: SiteConfig, config?: object): Promise<Page> {
  return session.visit(await sitePage(session, siteConfig, config));
}

/** The site's own analytics call, as a click handler makes it; throws into the test if it throws. */
const logEvent = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as { site: { logEvent(n: string): void } }).site.logEvent(n), name);

/** The site opened and idle, and one more event logged by its code; Firebase's endpoints answered. */
async function openAfterEvent(session: Session, config: SiteConfig) {
  const firebase = answerFirebase(session);
  const page = await openSite(session, config);
  await page.waitForLoadState("networkidle");
  await logEvent(page, "add_to_cart");
  return { firebase, page };
}

/** Event names that reached Google Analytics, in order. */
const events = (collect: Received[]) => collect.map((r) => new URL(r.url).searchParams.get("en"));

const toGoogle = (session: Session) => session.thirdParty().filter((r) => GOOGLE.test(r.host)).map((r) => `${r.method} ${r.url}`);
const requestsTo = (session: Session, url: string) => session.thirdParty().filter((r) => r.url === url).length;

/** The names of the page's IndexedDB databases (Firebase's installation id and heartbeats live there). */
const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());

/** What the page's ConsentGate reported held so far, as `kind service`. */
const held = (page: Page) => page.evaluate(() => (window as unknown as { __held: string[] }).__held);

/**
 * The console errors of a page view where Firebase's requests were held:
 * the installations SDK logs its failed registration itself
 * (`registrationPromise.catch(console.error)`), as it does for a visitor
 * offline or behind a blocker. Anything else is a problem.
 */
function problems(session: Session): string[] {
  return session.problems().filter((p) => !/^console\.error: TypeError: Failed to fetch\n/.test(p));
}

const NAMED: SiteConfig = { categories: { analytics: { services: ["firebase-analytics", "google-analytics"] } } };
const CONFIGS: [string, SiteConfig][] = [
  ["firebase-analytics and google-analytics in analytics (the README's advice)", NAMED],
  ["firebase-analytics alone in analytics", { categories: { analytics: { services: ["firebase-analytics"] } } }],
  ["neither named (held as a catalogue service)", { categories: { analytics: { services: ["mixpanel"] } } }],
];

describe("the Firebase Web SDK bundled into the site's own script", () => {
  describe.for(CONFIGS)("%s", ([, config]) => {
    test("before consent nothing reaches Google or Firebase, no _ga cookie is set, the site's logEvent calls do not throw, and what the SDK tried is reported held", async ({
      session,
    }) => {
      const { firebase, page } = await openAfterEvent(session, config);

      await expect
        .poll(() => held(page))
        .toEqual(expect.arrayContaining(["request firebase-analytics", "script firebase-analytics"]));
      expect(toGoogle(session)).toEqual([]);
      expect(firebase.rest).toEqual([]);
      expect(firebase.collect).toEqual([]);
      expect(await siteCookies(session)).toEqual([]);
      expect(session.pageErrors).toEqual([]);
      expect(problems(session)).toEqual([]);
      // The SDK ran: its config, the landing page's event and the later one wait in dataLayer for gtag.js.
      const queued = await page.evaluate(() =>
        (window as unknown as { dataLayer: IArguments[] }).dataLayer.map((a) => String(Array.from(a).slice(0, 2))),
      );
      expect(queued).toEqual(expect.arrayContaining(["config,G-FIREBASE01", "event,sign_up", "event,add_to_cart"]));
      expect((await fakes(page)).gtag).toBeUndefined();
      // Not held (README): getAnalytics() keeps its installation id and heartbeats in IndexedDB.
      expect(await databases(page)).toEqual(["firebase-heartbeat-database", "firebase-installations-database"]);
    });

    test("once accepted gtag.js loads once and the queued page_view and events reach Google Analytics, with _ga and _ga_<id> set; later events follow", async ({
      session,
    }) => {
      const { firebase, page } = await openAfterEvent(session, config);
      const heldBefore = (await held(page)).length;
      await callConsentGate(page, "acceptAll");

      await expect.poll(() => events(firebase.collect)).toEqual(["page_view", "sign_up", "add_to_cart"]);
      expect(requestsTo(session, GTAG)).toBe(1);
      // The FID the SDK made before consent goes with the page view.
      const fid = (await fakes(page)).gtag!.commands.find((c) => c[0] === "config")![2] as { firebase_id?: string };
      expect(fid.firebase_id).toMatch(/^[cdef][\w-]{21}$/);
      expect(await siteCookies(session)).toEqual(["_ga@.shop.test", "_ga_FIREBASE01@.shop.test", "consentgate@www.shop.test"]);

      await logEvent(page, "purchase");
      await expect.poll(() => events(firebase.collect)).toEqual(["page_view", "sign_up", "add_to_cart", "purchase"]);
      expect((await held(page)).slice(heldBefore)).toEqual([]);
      expect(session.pageErrors).toEqual([]);
      expect(problems(session)).toEqual([]);
    });

    test("a refusal after consent deletes _ga and _ga_<id> on the host and on shop.test, the SDK's later events reach nothing, and a withdrawal then sends nothing either", async ({
      session,
    }) => {
      const firebase = answerFirebase(session);
      const page = await openSite(session, config);
      await callConsentGate(page, "acceptAll");
      await expect.poll(() => events(firebase.collect)).toEqual(["page_view", "sign_up"]);
      // gtag.js with a cookie_domain of the host sets them there too.
      await session.context.addCookies([
        { name: "_ga", value: "GA1.1.1.1", url: session.url("/") },
        { name: "_ga_FIREBASE01", value: "GS1.1.1", url: session.url("/") },
      ]);
      const sent = session.thirdParty().length;

      await callConsentGate(page, "rejectAll");
      await logEvent(page, "after_refusal");
      await expect.poll(() => siteCookies(session)).toEqual(["consentgate@www.shop.test"]);
      await callConsentGate(page, "withdraw");
      await logEvent(page, "after_withdrawal");
      await page.waitForLoadState("networkidle");

      expect(session.thirdParty().length).toBe(sent);
      expect(events(firebase.collect)).toEqual(["page_view", "sign_up"]);
      // The consent cookie stays, empty (no decision): no tracker cookie came back.
      await expect.poll(() => siteCookies(session)).toEqual(["consentgate@www.shop.test"]);
      expect((await session.cookies()).find((c) => c.name == "consentgate")!.value).toBe("");
      expect(session.pageErrors).toEqual([]);
    });

    test("a returning visitor who allowed analytics is measured from the start: web config, installation, gtag.js and events", async ({
      session,
    }) => {
      const firebase = answerFirebase(session);
      const path = await sitePage(session, config);
      const first = await session.visit(path);
      await first.waitForLoadState("networkidle");
      await callConsentGate(first, "acceptAll");
      await expect.poll(() => events(firebase.collect)).toEqual(["page_view", "sign_up"]);
      await first.close();
      // The first page's held registration was logged there (see problems()); this page logs nothing.
      const logged = session.problems().length;
      firebase.rest.length = 0;
      firebase.collect.length = 0;

      const next = await session.visit(path);
      await expect.poll(() => events(firebase.collect)).toEqual(["page_view", "sign_up"]);
      // The installation held on the first page registers now, with the FID the page view carried there.
      await expect
        .poll(() => firebase.rest.filter((r) => r.body || r.method == "GET").map((r) => `${r.method} ${r.url}`))
        .toEqual([`GET ${WEB_CONFIG}`, `POST ${INSTALLATIONS}`]);
      expect(requestsTo(session, GTAG)).toBe(2);
      await logEvent(next, "purchase");
      await expect.poll(() => events(firebase.collect)).toEqual(["page_view", "sign_up", "purchase"]);
      expect(session.problems().slice(logged)).toEqual([]);
    });
  });

  test("not named, Firebase is reported with one warning naming it, under analytics", async ({ session }) => {
    answerFirebase(session);
    await openSite(session, CONFIGS[2]![1]);
    await expect
      .poll(() => gateMessages(session, "warning"))
      .toEqual([expect.stringMatching(/^\[consentgate\] firebase-analytics was inserted but is not in your config; it comes under "analytics" and runs only while/)]);
  });

  test("allowed on its own, without google-analytics, Firebase loads gtag.js but its hits and _ga cookies stay held (README)", async ({
    session,
  }) => {
    const firebase = answerFirebase(session);
    const page = await openSite(session, {
      categories: { firebase: { services: ["firebase-analytics"] }, analytics: { services: ["google-analytics"] } },
    });
    await page.waitForLoadState("networkidle");
    await callConsentGate(page, "set", { firebase: true });

    await expect.poll(async () => (await fakes(page)).gtag?.hits.map((h) => h.event)).toEqual(["page_view", "sign_up"]);
    expect(requestsTo(session, GTAG)).toBe(1);
    expect(await held(page)).toEqual(expect.arrayContaining(["request google-analytics", "cookie google-analytics"]));
    expect(firebase.collect).toEqual([]);
    expect(await siteCookies(session)).toEqual(["consentgate@www.shop.test"]);
  });

  test("with Google Consent Mode (as the demo's Minimum CRM page has it), gtag.js reads the default before Firebase's config and the hits leave with analytics_storage granted once accepted", async ({
    session,
  }) => {
    const firebase = answerFirebase(session);
    const page = await openSite(session, { ...NAMED, googleConsentMode: true });
    await page.waitForLoadState("networkidle");
    expect(toGoogle(session)).toEqual([]);
    await callConsentGate(page, "acceptAll");

    await expect.poll(() => events(firebase.collect)).toEqual(["page_view", "sign_up"]);
    const gtag = (await fakes(page)).gtag!;
    expect(gtag.commands.map((c) => c.slice(0, 2).join(" "))).toEqual([
      "consent default",
      "js",
      "config G-FIREBASE01",
      "event sign_up",
      "consent update",
    ]);
    expect(gtag.hits.map((h) => h.gcs)).toEqual(["G101", "G101"]);
    expect(await siteCookies(session)).toEqual(["_ga@.shop.test", "_ga_FIREBASE01@.shop.test", "consentgate@www.shop.test"]);
  });

  test("in Consent Mode's advanced setting Firebase's gtag.js is still held until Firebase is allowed: it is not one of the Google tags that setting lets through (README)", async ({
    session,
  }) => {
    const firebase = answerFirebase(session);
    const page = await openSite(session, { ...NAMED, googleConsentMode: { advanced: true } });
    await page.waitForLoadState("networkidle");
    expect(await held(page)).toEqual(expect.arrayContaining(["script firebase-analytics"]));
    expect(toGoogle(session)).toEqual([]);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => events(firebase.collect)).toEqual(["page_view", "sign_up"]);
  });

  test("a config without measurementId: the page view where the visitor accepts sends nothing, since getAnalytics() needs the held web config; the next one does", async ({
    session,
  }) => {
    const firebase = answerFirebase(session);
    const { measurementId: _, ...config } = FIREBASE_CONFIG;
    const path = await sitePage(session, NAMED, config);
    const page = await session.visit(path);
    await page.waitForLoadState("networkidle");
    await callConsentGate(page, "acceptAll");
    await logEvent(page, "add_to_cart");
    await page.waitForLoadState("networkidle");

    // The SDK gave up when the web config's request was held, and says so; the held request is not made again.
    expect(session.messages("error")).toEqual(expect.arrayContaining([expect.stringContaining("@firebase/analytics: TypeError: Failed to fetch")]));
    expect(toGoogle(session)).toEqual([]);

    await session.visit(path);
    await expect.poll(() => events(firebase.collect)).toEqual(["page_view", "sign_up"]);
  });
  test.for([
    ["with measurementId", FIREBASE_CONFIG],
    ["without measurementId", { ...FIREBASE_CONFIG, measurementId: undefined }],
  ] as const)(
    "a site that calls getAnalytics() only once ConsentGate allows firebase-analytics (%s): nothing stored or held before consent, measured from the acceptance on",
    async ([, config], { session }) => {
      const firebase = answerFirebase(session);
      const page = await session.visit(await sitePage(session, NAMED, config, "site-once-allowed.js"));
      await page.waitForLoadState("networkidle");
      await logEvent(page, "add_to_cart");
      expect(toGoogle(session)).toEqual([]);
      expect(await held(page)).toEqual([]);
      expect(await databases(page)).toEqual([]);

      await callConsentGate(page, "acceptAll");
      await expect.poll(() => events(firebase.collect)).toEqual(["page_view"]);
      await logEvent(page, "purchase");
      await expect.poll(() => events(firebase.collect)).toEqual(["page_view", "purchase"]);
      expect(firebase.rest.filter((r) => r.body || r.method == "GET").map((r) => `${r.method} ${r.url}`).sort()).toEqual(
        [`GET ${WEB_CONFIG}`, `POST ${INSTALLATIONS}`].sort(),
      );
      expect(session.problems()).toEqual([]);
    },
  );
});
