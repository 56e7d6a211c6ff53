// Mixpanel with its real SDK (npm mixpanel-browser, dist/mixpanel.min.js: the
// build the CDN serves as mixpanel-2-latest.min.js, which starts from the
// snippet's stub), behind its verbatim snippet; and the same SDK bundled into
// a site's own script, which never loads anything and must be held by its
// requests, cookies and storage writes alone. api-js.mixpanel.com is answered
// locally and recorded with its bodies. Mixpanel batches: its first track
// request leaves about 5 s after init (batch_flush_interval_ms), so these
// tests wait for it rather than for time.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { join } from "node:path";
import { callConsentGate, describe, expect, REPO, test, type Session } from "../harness";
import {
  installVendors,
  LOADERS,
  MIXPANEL_SDK,
  MIXPANEL_TOKEN,
  mixpanelLoaded,
  openGate,
  requestsFor,
  servePage,
  snippet,
  storageKeys,
} from "./kit";

const CONFIG = { categories: { analytics: { services: ["mixpanel"] } } };
const COOKIE = `mp_${MIXPANEL_TOKEN}_mixpanel`;
const FLUSH = { timeout: 12_000 };

const PAGE = `${snippet("mixpanel")}
<script>mixpanel.track("Signed up", { plan: "pro" });</script>`;

/** Event names in the bodies of the track requests so far. */
function trackedEvents(bodies: { url: string; body: string }[]): string[] {
  return bodies
    .filter((r) => new URL(r.url).pathname === "/track/")
    .flatMap((r) => {
      // A batch is a JSON array; a single event sent at once (send_immediately) is form-encoded.
      const json = r.body.startsWith("data=") ? new URLSearchParams(r.body).get("data")! : r.body;
      try {
        return ([JSON.parse(json)].flat() as { event: string }[]).map((e) => e.event);
      } catch {
        return [`(unreadable: ${json.slice(0, 40)})`];
      }
    });
}

describe("Mixpanel's snippet with the real SDK", () => {
  test("before consent the SDK is not fetched, nothing reaches api-js.mixpanel.com, and no mp_* cookie or key exists", async ({
    session,
  }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await page.waitForLoadState("networkidle");

    expect(session.thirdParty()).toEqual([]);
    expect(vendors.mixpanel).toEqual([]);
    expect(await session.cookies()).toEqual([]);
    expect(await storageKeys(page)).toEqual([]);
    expect(await mixpanelLoaded(page)).toBe(false);
    // The site's calls wait on the snippet's stub, which queued them.
    const queued = await page.evaluate(() =>
      ((window as unknown as { mixpanel: unknown[] }).mixpanel as unknown[]).map((c) => JSON.stringify(c)),
    );
    expect(queued).toEqual(['["track","Signed up",{"plan":"pro"}]']);
    expect(session.pageErrors).toEqual([]);
  });

  test("after consent the SDK loads once, sets mp_<token>_mixpanel on the registrable domain and sends the queued track call", async ({
    session,
  }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await page.waitForLoadState("networkidle");
    await callConsentGate(page, "acceptAll");

    await expect.poll(() => mixpanelLoaded(page)).toBe(true);
    expect(requestsFor(session, LOADERS.mixpanel)).toBe(1);
    await expect.poll(async () => (await session.cookie(COOKIE))?.domain).toBe(".shop.test");
    await expect.poll(() => trackedEvents(vendors.mixpanel), FLUSH).toEqual(
      expect.arrayContaining(["$mp_web_page_view", "Signed up"]),
    );
    const signedUp = vendors.mixpanel.find((r) => r.body.includes('"Signed up"'))!;
    expect(new URL(signedUp.url).host).toBe("api-js.mixpanel.com");
    expect(signedUp.body).toContain(`"token":"${MIXPANEL_TOKEN}"`);
    expect(signedUp.body).toContain('"plan":"pro"');
    expect(session.pageErrors).toEqual([]);
  });

  test("a refusal after consent deletes the SDK's cookie and keys, and its later track calls reach nothing", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => mixpanelLoaded(page)).toBe(true);
    await expect.poll(async () => (await session.cookie(COOKIE)) !== undefined).toBe(true);

    await callConsentGate(page, "rejectAll");
    await page.evaluate(() =>
      (window as unknown as { mixpanel: { track(e: string, p: object, o: object): void } }).mixpanel.track("After refusal", {}, { send_immediately: true }),
    );
    await page.waitForLoadState("networkidle");

    expect(vendors.mixpanel.filter((r) => r.body.includes("After refusal"))).toEqual([]);
    await expect.poll(async () => (await session.cookies()).map((c) => c.name)).toEqual(["consentgate"]);
    // Nothing of Mixpanel's is stored; its opt-out record ("0": opted out), which
    // keeps the running SDK quiet, lives in the page view's memory only.
    expect((await storageKeys(page)).filter((k) => /mp_|__mp/.test(k))).toEqual([]);
    expect(await page.evaluate((t) => localStorage.getItem(`__mp_opt_in_out_${t}`), MIXPANEL_TOKEN)).toBe("0");
  });

  test("a refusal after consent reaches the running SDK's own opt-out: has_opted_out_tracking() is true", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => mixpanelLoaded(page)).toBe(true);

    await callConsentGate(page, "rejectAll");
    // mixpanel.opt_out_tracking() writes its answer to localStorage (__mp_opt_in_out_<token>),
    // which the gate keeps in the page view's memory while Mixpanel is refused. It is called
    // from consentgate-changes.js, so it follows the refusal once that file is in.
    await expect.poll(() => optedOut(page)).toBe(true);
  });

  test("a visitor who refused on one page and accepts on a later one is tracked again, also when the SDK arrives after consentgate-changes.js", async ({
    session,
  }) => {
    const vendors = installVendors(session);
    // A CDN slower than the site's own server: the SDK is not running yet when the change is applied.
    session.fake(
      (url) => url.host === "cdn.mxpnl.com",
      async () => (await new Promise((resolve) => setTimeout(resolve, 400)), { body: MIXPANEL_SDK }),
    );
    const path = servePage(session, PAGE, CONFIG);
    await refuseAfterConsent(session, path);

    const later = await session.visit(path);
    await callConsentGate(later, "acceptAll");
    await expect.poll(() => mixpanelLoaded(later)).toBe(true);
    expect(await optedOut(later)).toBe(false);
    await later.evaluate(() =>
      (window as unknown as { mixpanel: { track(e: string, p: object, o: object): void } }).mixpanel.track("Back", {}, { send_immediately: true }),
    );
    // Sent at once (send_immediately), as one event rather than a batch.
    await expect.poll(() => vendors.mixpanel.filter((r) => r.body.includes('"event":"Back"')).length, FLUSH).toBe(1);
  });

  test("a visitor who refused on one page and accepts on a later one: the calls queued before consent are sent, also when the SDK arrives before consentgate-changes.js", async ({
    session,
  }) => {
    const vendors = installVendors(session);
    const path = servePage(session, PAGE, CONFIG);
    await refuseAfterConsent(session, path);
    const before = vendors.mixpanel.length;

    // The site's server slower than Mixpanel's CDN: the SDK starts before the lazy file is in.
    const changes = readFileSync(join(REPO, "dist/consentgate-changes.js"));
    session.route("/consentgate-changes.js", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { headers: { "content-type": "text/javascript; charset=utf-8" }, body: changes };
    });
    const later = await session.visit(path);
    await callConsentGate(later, "acceptAll");
    await expect.poll(() => mixpanelLoaded(later)).toBe(true);
    expect(await optedOut(later)).toBe(false);
    await expect.poll(() => trackedEvents(vendors.mixpanel.slice(before)), FLUSH).toContain("Signed up");
  });
});

/** A first page view: the visitor accepts, the SDK runs, then the visitor refuses and the SDK opts out. */
async function refuseAfterConsent(session: Session, path: string) {
  const first = await session.visit(path);
  await callConsentGate(first, "acceptAll");
  await expect.poll(() => mixpanelLoaded(first)).toBe(true);
  await callConsentGate(first, "rejectAll");
  await expect.poll(() => first.evaluate((t) => localStorage.getItem(`__mp_opt_in_out_${t}`), MIXPANEL_TOKEN)).toBe("0");
  await first.close();
}

const optedOut = (page: Page) =>
  page.evaluate(() => (window as unknown as { mixpanel: { has_opted_out_tracking(): boolean } }).mixpanel.has_opted_out_tracking());

/** A page whose own script bundles mixpanel-browser: `before` runs first, then the SDK, then `use`. */
function openBundled(session: Session, before: string, use: string) {
  session.route("/app/mixpanel.umd.js", {
    headers: { "content-type": "text/javascript; charset=utf-8" },
    body: readFileSync(join(REPO, "node_modules/mixpanel-browser/dist/mixpanel.umd.js")),
  });
  return openGate(
    session,
    `<script>${before}</script>
<script src="/app/mixpanel.umd.js"></script>
<script>
  ${use}
</script>`,
    CONFIG,
  );
}

describe("mixpanel-browser bundled into the site's own script", () => {
  test("before consent its track requests, its mp_* cookie and its storage writes are all held (and reported)", async ({
    session,
  }) => {
    const vendors = installVendors(session);
    const page = await openBundled(
      session,
      `window.__held = []; ConsentGate.on("held", (e) => __held.push(e.kind + " " + e.service));`,
      `mixpanel.init("${MIXPANEL_TOKEN}", { autocapture: true });
  mixpanel.track("Signed up", { plan: "pro" }, { send_immediately: true });`,
    );
    // The SDK tried: its request and its writes were held, not sent or stored.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __held: string[] }).__held))
      .toEqual(expect.arrayContaining(["request mixpanel", "cookie mixpanel", "storage mixpanel"]));
    await page.waitForLoadState("networkidle");

    expect(vendors.mixpanel).toEqual([]);
    expect(session.thirdParty()).toEqual([]);
    expect(await session.cookies()).toEqual([]);
    expect((await storageKeys(page)).filter((k) => /mp_|__mp/.test(k))).toEqual([]);
  });

  test("before consent its batch queue's lock works in memory: the SDK does not spin on held writes, and sends once allowed", async ({
    session,
  }) => {
    const vendors = installVendors(session);
    const page = await openBundled(
      session,
      `window.__writes = 0; ConsentGate.on("held", (e) => { if (e.kind == "storage") __writes++; });`,
      `mixpanel.init("${MIXPANEL_TOKEN}");
  mixpanel.track("Signed up", { plan: "pro" });`,
    );
    // Mixpanel's lock writes a key and reads it back; a write that vanished
    // made it retry, time out and retry again, thousands of times a second.
    await page.waitForTimeout(3000);
    expect(await page.evaluate(() => (window as unknown as { __writes: number }).__writes)).toBeLessThan(50);
    expect((await storageKeys(page)).filter((k) => /mp_|__mp/.test(k))).toEqual([]);
    expect(vendors.mixpanel).toEqual([]);
    expect(session.pageErrors).toEqual([]);

    await callConsentGate(page, "acceptAll");
    await page.evaluate(() => (window as unknown as { mixpanel: { track(e: string): void } }).mixpanel.track("Allowed"));
    await expect.poll(() => trackedEvents(vendors.mixpanel), FLUSH).toEqual(expect.arrayContaining(["Allowed"]));
  });

  test("a visitor who decides after the SDK's first batch was held is tracked once allowed: the held request ends as a blocked one does", async ({
    session,
  }) => {
    const vendors = installVendors(session);
    const page = await openBundled(
      session,
      `window.__requests = 0; ConsentGate.on("held", (e) => { if (e.kind == "request") __requests++; });`,
      `mixpanel.init("${MIXPANEL_TOKEN}");
  mixpanel.track("Signed up", { plan: "pro" });`,
    );
    // The batcher's first flush (batch_flush_interval_ms after init) happens while the visitor
    // reads the banner. Its XMLHttpRequest is held; Mixpanel waits for readyState 4 before it
    // flushes again, and without it never sends anything on this page view, consent or not.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __requests: number }).__requests), FLUSH).toBeGreaterThan(0);
    expect(vendors.mixpanel).toEqual([]);

    await callConsentGate(page, "acceptAll");
    await page.evaluate(() => (window as unknown as { mixpanel: { track(e: string): void } }).mixpanel.track("Allowed"));
    await expect.poll(() => trackedEvents(vendors.mixpanel), FLUSH).toContain("Allowed");
    expect(session.pageErrors).toEqual([]);
  });

  // Mixpanel keeps its identity in a cookie by default, in localStorage as its docs recommend.
  test.for(["cookie", "localStorage"])(
    "a visitor who accepts on the landing page stays one Mixpanel user (%s persistence): the identity the SDK made there is kept for the next page view",
    async (persistence, { session }) => {
      const vendors = installVendors(session);
      const page = await openBundled(
        session,
        "",
        `mixpanel.init("${MIXPANEL_TOKEN}", { persistence: "${persistence}" });
    mixpanel.track("Landed");`,
      );
      const distinctId = (p: Page) =>
        p.evaluate(() => (window as unknown as { mixpanel: { get_distinct_id(): string } }).mixpanel.get_distinct_id());
      const landing = await distinctId(page);
      await callConsentGate(page, "acceptAll");
      // Once allowed, the landing page's event leaves under the identity the SDK made before consent...
      await expect
        .poll(() => vendors.mixpanel.some((r) => r.body.includes('"Landed"') && r.body.includes(landing)), FLUSH)
        .toBe(true);

      // ...and the visitor, who consented, is the same user on the next page, not a second one.
      const next = await session.visit(new URL(page.url()).pathname);
      expect(await distinctId(next)).toBe(landing);
  },
  );

  test("a first acceptance tells an SDK that was never opted out nothing: no extra $opt_in event", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openBundled(session, "", `mixpanel.init("${MIXPANEL_TOKEN}");`);
    await page.waitForLoadState("networkidle");
    await callConsentGate(page, "acceptAll");
    // consentgate-changes.js, which tells the vendors, loads on the change.
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => (window as unknown as { mixpanel: { track(e: string): void } }).mixpanel.track("Allowed"));
    await expect.poll(() => trackedEvents(vendors.mixpanel), FLUSH).toEqual(expect.arrayContaining(["Allowed"]));
    expect(trackedEvents(vendors.mixpanel)).not.toContain("$opt_in");
  });
});
