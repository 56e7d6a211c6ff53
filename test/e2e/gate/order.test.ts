// SPEC §3 "Tagged elements": held scripts run once, when allowed, in document
// order; a held classic external script without async finishes (load or
// error) before the next held script runs, async ones do not wait; nonce and
// the other attributes carry over (here under a nonce-only CSP sent as a
// header); a released script that calls document.write after load does not
// wipe the page.
import type { Page } from "playwright-core";
import { callConsentGate, describe, expect, test, type Session } from "../harness";
import { gatePage, installVendors, openGate } from "./kit";

const CONFIG = { categories: { analytics: { services: [] } } };
const NONCE = "n0nce";
const CSP = `script-src 'nonce-${NONCE}'; object-src 'none'; base-uri 'none'`;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** First-party held scripts: each pushes its name to __order; `ms` delays the response. */
function serveHeld(session: Session, name: string, ms = 0, status = 200) {
  session.route(`/held/${name}.js`, async () => {
    if (ms) await delay(ms);
    return {
      status,
      headers: { "content-type": "text/javascript; charset=utf-8" },
      body: status === 200 ? `__order.push(${JSON.stringify(name)});` : "",
    };
  });
}

function order(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __order: string[] }).__order);
}

/** Records securitypolicyviolation events from before the first script. */
async function watchViolations(session: Session) {
  await session.context.addInitScript({
    content: `window.__violations = []; document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.effectiveDirective + " " + e.blockedURI), true);`,
  });
}

const EXPECTED = ["slow", "inline after slow", "fast", "inline last", "async-slower"];

function serveAll(session: Session) {
  serveHeld(session, "slow", 400);
  serveHeld(session, "missing", 0, 404);
  serveHeld(session, "async-slower", 1200);
  serveHeld(session, "fast");
}

function requestsTo(session: Session, name: string): number {
  return session.requests.filter((r) => new URL(r.url).pathname === `/held/${name}.js`).length;
}

describe("held tagged scripts", () => {
  test("run in document order: a classic external one finishes (or fails) before the next, an async one does not hold the others", async ({
    session,
  }) => {
    serveAll(session);
    const page = await openGate(session, gatePage("order.html"), CONFIG);
    expect(await order(page)).toEqual([]);
    expect(session.requests.filter((r) => r.url.includes("/held/"))).toEqual([]);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => order(page), { timeout: 10_000 }).toEqual(EXPECTED);
  });

  test("each runs exactly once, through set(false) / set(true) cycles before and after they finished", async ({ session }) => {
    serveAll(session);
    const page = await openGate(session, gatePage("order.html"), CONFIG);

    await page.evaluate(() => {
      const cg = (window as unknown as { ConsentGate: { set(c: object): void; acceptAll(): void } }).ConsentGate;
      cg.acceptAll();
      cg.set({ analytics: false });
      cg.set({ analytics: true });
    });
    await expect.poll(() => order(page), { timeout: 10_000 }).toEqual(EXPECTED);
    await callConsentGate(page, "set", { analytics: false });
    await callConsentGate(page, "set", { analytics: true });
    await callConsentGate(page, "acceptAll");
    await page.waitForLoadState("networkidle");

    expect(await order(page)).toEqual(EXPECTED);
    for (const name of ["slow", "missing", "async-slower", "fast"]) expect(requestsTo(session, name), name).toBe(1);
  });

  test("keep their nonce under a nonce-only CSP sent as a header: all run, with zero violations", async ({ session }) => {
    serveAll(session);
    await watchViolations(session);
    const page = await openGate(session, gatePage("order.html"), CONFIG, { nonce: NONCE, headers: { "content-security-policy": CSP } });
    expect(await page.evaluate(() => typeof (window as unknown as { ConsentGate?: unknown }).ConsentGate)).toBe("object");

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => order(page), { timeout: 10_000 }).toEqual(EXPECTED);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    // The released scripts carry the nonce (as the property: the browser hides the attribute).
    // Released after the page loaded, the held ones stay beside them, inert (text/plain).
    const nonces = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLScriptElement>('script[src^="/held/"]:not([type="text/plain"])')).map((s) => s.nonce),
    );
    expect(nonces).toEqual(["n0nce", "n0nce", "n0nce", "n0nce"]);
  });

  test("keep their other attributes (async, defer, crossorigin, referrerpolicy, id, data-*) and their real type", async ({ session }) => {
    session.route("/held/module.js", {
      headers: { "content-type": "text/javascript; charset=utf-8" },
      body: "window.__moduleRan = import.meta.url;",
    });
    serveHeld(session, "attributes");
    const page = await openGate(
      session,
      `<script>window.__order = [];</script>
<script type="text/plain" data-consent="analytics" src="/held/attributes.js" id="tag" defer crossorigin="anonymous" referrerpolicy="no-referrer" data-site="x"></script>
<script type="text/plain" data-consent="analytics" data-type="module" src="/held/module.js"></script>`,
      CONFIG,
    );
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => page.evaluate(() => (window as unknown as { __moduleRan?: string }).__moduleRan ?? null)).toMatch(/\/held\/module\.js$/);
    await expect.poll(() => order(page)).toEqual(["attributes"]);

    const tag = await page.evaluate(() => {
      const s = document.getElementById("tag") as HTMLScriptElement;
      return { defer: s.defer, crossOrigin: s.crossOrigin, referrerPolicy: s.referrerPolicy, site: s.dataset.site, type: s.type, consent: s.getAttribute("data-consent") };
    });
    expect(tag).toEqual({ defer: true, crossOrigin: "anonymous", referrerPolicy: "no-referrer", site: "x", type: "", consent: null });
    expect(await page.evaluate(() => (document.querySelector('script[src="/held/module.js"]') as HTMLScriptElement).type)).toBe("module");
  });
});

describe("a service's own choice over the category a tag names", () => {
  const config = { categories: { analytics: { services: ["hotjar"] }, marketing: { services: ["youtube"] } } };
  const HOTJAR = "https://static.hotjar.com/c/hotjar-1.js";
  const VIDEO = "https://www.youtube-nocookie.com/embed/x";
  const page = (session: Session) =>
    openGate(
      session,
      `<script type="text/plain" data-consent="analytics" src="${HOTJAR}"></script>
<iframe data-consent="marketing" data-src="${VIDEO}" title="video"></iframe>`,
      config,
    );

  test("a script and a frame tagged with their category stay held while their service is refused", async ({ session }) => {
    installVendors(session);
    const tab = await page(session);
    await callConsentGate(tab, "set", { analytics: true, hotjar: false, marketing: true, youtube: false });
    await tab.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);

    await callConsentGate(tab, "set", { hotjar: true, youtube: true });
    // Hotjar's fake then sends its own visit data too.
    await expect.poll(() => session.thirdParty().map((r) => r.url)).toEqual(expect.arrayContaining([HOTJAR, VIDEO]));
  });

  test("a frame tagged with its category loads once its service alone is allowed, as its placeholder's Allow does", async ({ session }) => {
    installVendors(session);
    const tab = await page(session);
    await callConsentGate(tab, "set", { youtube: true });
    await expect.poll(() => session.thirdParty().map((r) => r.url)).toEqual([VIDEO]);
  });
});

describe("released scripts run once, without waiting for what never loads", () => {
  test("an onload or onerror attribute fires once, and a nomodule script does not keep the next waiting", async ({ session }) => {
    serveHeld(session, "ok");
    serveHeld(session, "missing", 0, 404);
    const tab = await openGate(
      session,
      `<script>window.__order = []; window.loads = 0; window.errors = 0;</script>
<script type="text/plain" data-consent="analytics" src="/held/ok.js" onload="loads++"></script>
<script type="text/plain" data-consent="analytics" src="/held/missing.js" onerror="errors++"></script>
<script type="text/plain" data-consent="analytics" nomodule src="/held/legacy.js"></script>
<script type="text/plain" data-consent="analytics">__order.push("after legacy");</script>`,
      CONFIG,
    );
    // A browser that knows modules never fetches a nomodule script: no load, no error, and no
    // 5 s wait, which would put "after legacy" behind a timer the page starts just before.
    await tab.evaluate(() => setTimeout(() => (window as unknown as { __order: string[] }).__order.push("4.9 s"), 4900));
    await callConsentGate(tab, "acceptAll");
    await expect.poll(() => order(tab), { timeout: 10_000 }).toEqual(["ok", "after legacy", "4.9 s"]);
    await tab.waitForLoadState("networkidle");
    expect(await tab.evaluate(() => [(window as unknown as { loads: number }).loads, (window as unknown as { errors: number }).errors])).toEqual([1, 1]);
  });
});

describe("a held script whose server never answers", () => {
  test("keeps the next held scripts waiting only until its timeout: then they run, external and module alike, in order", async ({
    session,
  }) => {
    serveHeld(session, "hung", 20_000);
    serveHeld(session, "after");
    serveHeld(session, "module");
    const tab = await openGate(
      session,
      `<script>window.__order = [];</script>
<script type="text/plain" data-consent="analytics" src="/held/hung.js"></script>
<script type="text/plain" data-consent="analytics" src="/held/after.js"></script>
<script type="text/plain" data-consent="analytics" data-type="module" src="/held/module.js"></script>`,
      CONFIG,
    );
    await callConsentGate(tab, "acceptAll");
    // Left to the browser's own in-order list, neither ever ran.
    await expect.poll(() => order(tab), { timeout: 10_000 }).toEqual(["after", "module"]);
  });
});

describe("a refusal while released scripts wait their turn", () => {
  test("the ones that had not started do not run, nor is the vendor's file requested; allowed again, each runs once", async ({ session }) => {
    installVendors(session);
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    session.route("/held/slow.js", async () => {
      await answered;
      return { headers: { "content-type": "text/javascript; charset=utf-8" }, body: `__order.push("slow");` };
    });
    const hotjar = "https://static.hotjar.com/c/hotjar-1.js?sv=6";
    const tab = await openGate(
      session,
      `<script>window.__order = [];</script>
<script type="text/plain" data-consent="analytics" src="/held/slow.js"></script>
<script type="text/plain" data-consent="analytics">__order.push("inline after slow");</script>
<script type="text/plain" data-consent="hotjar" src="${hotjar}"></script>`,
      { categories: { analytics: { services: ["hotjar"] } } },
    );
    const hotjarRequests = () => session.requests.filter((r) => r.url === hotjar).length;
    await callConsentGate(tab, "acceptAll");
    await expect.poll(() => requestsTo(session, "slow")).toBe(1);
    await callConsentGate(tab, "rejectAll");
    answer();
    await expect.poll(() => order(tab)).toEqual(["slow"]);
    await tab.waitForLoadState("networkidle");
    expect(await order(tab)).toEqual(["slow"]);
    expect(hotjarRequests()).toBe(0);

    await callConsentGate(tab, "acceptAll");
    await expect.poll(() => order(tab)).toEqual(["slow", "inline after slow"]);
    await expect.poll(hotjarRequests).toBe(1);
  });
});

describe("document.write from a released script", () => {
  test("after the page loaded, it adds its markup after the script instead of wiping the page", async ({ session }) => {
    session.route("/held/writer.js", {
      headers: { "content-type": "text/javascript; charset=utf-8" },
      body: `document.write('<p id="written">written by an external script</p>');`,
    });
    const page = await openGate(
      session,
      `<h1>Spring sale</h1>
<script type="text/plain" data-consent="analytics" src="/held/writer.js"></script>
<script type="text/plain" data-consent="analytics">document.write('<p id="inline-written">written inline</p>');</script>
<p id="end">End of the page.</p>`,
      CONFIG,
    );
    await page.waitForLoadState("load");
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => page.locator("#written, #inline-written").count()).toBe(2);

    expect(await page.locator("h1").textContent()).toBe("Spring sale");
    expect(await page.locator("#end").count()).toBe(1);
    expect(await page.evaluate(() => typeof (window as unknown as { ConsentGate?: unknown }).ConsentGate)).toBe("object");
    // Each written paragraph sits right after the script that wrote it.
    const order = await page.evaluate(() =>
      Array.from(document.body.children)
        .filter((e) => e.id || e.tagName === "H1")
        .map((e) => e.id || e.tagName),
    );
    expect(order).toEqual(["H1", "written", "inline-written", "end"]);
  });
});
