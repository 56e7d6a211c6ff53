// The core in real Chromium, against SPEC §1, §2, §4, §5 and §6: config,
// first-visit state, the consent cookie, signals, events and tabs.
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import type { SiteConfig } from "../../src/types";
import {
  callConsentGate,
  changeEvents,
  consentState,
  describe,
  expect,
  gateMessages,
  readFixture,
  recordChanges,
  DIST,
  REPO,
  SITE_HOST,
  test,
  type Session,
} from "./harness";

const SHOP = JSON.parse(readFixture("configs/shop.json")) as SiteConfig;
const VERSION = (JSON.parse(readFileSync(`${REPO}/package.json`, "utf8")) as { version: string }).version;
const DAY = 86_400;
const API_MEMBERS = ["get", "allows", "acceptAll", "rejectAll", "set", "withdraw", "open", "close", "on"];

function consentCookie(session: Session, name = "consentgate") {
  return session.cookie(name);
}

/** The cookies the browser would send to `host`. */
async function cookieNamesOn(session: Session, host: string): Promise<string[]> {
  return (await session.cookies(session.url("/", host))).map((c) => c.name);
}

describe("loading", () => {
  test("loads the core from dist/ and exposes the API of SPEC §4", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);

    const core = session.requests.find((r) => new URL(r.url).pathname === "/consentgate.js");
    expect(core).toMatchObject({ resourceType: "script", status: 200, thirdParty: false });
    const api = await page.evaluate(() => {
      const cg = window.ConsentGate as unknown as Record<string, unknown>;
      return { types: Object.fromEntries(Object.keys(cg).map((k) => [k, typeof cg[k]])), version: cg["version"] };
    });
    for (const member of API_MEMBERS) expect(api.types[member], member).toBe("function");
    expect(api.version).toBe(VERSION);
    expect(session.thirdParty()).toEqual([]);
    await page.waitForLoadState("networkidle"); // what the core loads later (the UI) counts too
    expect(session.problems()).toEqual([]);
  });

  test.for([
    ["with defer", '<script defer src="/consentgate.js"></script>', ""],
    ["at the end of <body>", "", '<script src="/consentgate.js"></script>'],
    ["as an ES module", "", '<script type="module">import { ConsentGate } from "/consentgate.mjs"; window.ConsentGate = ConsentGate;</script>'],
  ] as const)("started after the page was parsed (%s): tagged elements of the HTML are held as they are found, with a placeholder and held events", async ([, head, tail], { session }) => {
    const config = { categories: { analytics: { services: ["hotjar"] }, marketing: { services: ["youtube"] } } };
    session.route("/late.html", {
      headers: { "content-type": "text/html; charset=utf-8" },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
        <script type="application/json" id="consentgate-config">${JSON.stringify(config)}</script>${head}</head>
        <body><main><iframe title="Video" data-consent="youtube" data-src="https://www.youtube-nocookie.com/embed/x"></iframe></main>
        <script type="text/plain" data-consent="analytics" src="https://static.hotjar.com/c/late.js"></script>${tail}</body></html>`,
    });
    const page = await session.visit("/late.html");
    await page.waitForFunction(() => window.ConsentGate);
    await expect.poll(() => page.locator('consentgate-ui[data-embed="youtube"]').count()).toBe(1);
    const held = await page.evaluate(() => {
      const seen: string[] = [];
      window.ConsentGate.on("held", (event) => seen.push(`${event.service} ${event.kind}`));
      return seen;
    });
    expect(held).toEqual(["youtube iframe", "hotjar script"]);
    expect(session.thirdParty()).toEqual([]);
  });

  test.for([
    ["a classic script", "iife", ""],
    ["an ES module", "esm", ' type="module"'],
  ] as const)("boots from the ESM build bundled into %s of the site's, and loads the banner from beside the bundle", async ([, format, type], { session }) => {
    const { outputFiles } = await build({
      stdin: { contents: `import { ConsentGate } from "./dist/consentgate.mjs"; window.appStarted = !!ConsentGate;`, resolveDir: REPO },
      bundle: true,
      format,
      write: false,
      logLevel: "silent",
    });
    session.route("/app.js", { headers: { "content-type": "text/javascript" }, body: outputFiles[0].text });
    session.route("/bundled.html", {
      headers: { "content-type": "text/html" },
      body: `<!doctype html><html><head><script type="application/json" id="consentgate-config">${JSON.stringify(SHOP)}</script>
<script src="/app.js"${type}></script></head><body><p>site</p></body></html>`,
    });
    const page = await session.visit("/bundled.html");
    await expect.poll(() => page.evaluate(() => (window as unknown as { appStarted?: boolean }).appStarted)).toBe(true);
    await page.locator("consentgate-ui .cg-banner button").first().waitFor({ state: "visible" });
    expect(session.problems()).toEqual([]);
  });

  test("calls a ready listener at once when the core is already ready", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);

    const called = await page.evaluate(() => {
      let state: unknown = null;
      window.ConsentGate.on("ready", (s) => (state = s));
      return state;
    });
    expect(called).toMatchObject({ decided: false, source: "default" });
  });

  // The ESM build as bundlers get it, here imported as is: the same API, and
  // window.ConsentGate is the same object, alone or next to the script tag.
  const IMPORT = `import { ConsentGate } from "/consentgate.mjs"; window.imported = ConsentGate;`;
  test.for([
    ["alone", null],
    ["next to the script tag", "/consentgate.js"],
  ] as const)("dist/consentgate.mjs imported %s exposes the same working API", async ([, src], { session }) => {
    const page = await session.page("shop.html", SHOP, { src });
    await page.addScriptTag({ type: "module", content: IMPORT });
    await expect.poll(() => page.evaluate(() => "imported" in window)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { imported: unknown }).imported === window.ConsentGate)).toBe(true);
    await callConsentGate(page, "acceptAll");
    expect((await consentState(page)).decided).toBe(true);
    await page.reload();
    await page.addScriptTag({ type: "module", content: IMPORT });
    await expect.poll(() => page.evaluate(() => (window as unknown as { imported?: { get(): { decided: boolean } } }).imported?.get().decided)).toBe(true);
    expect(session.problems()).toEqual([]);
  });
});

describe("config", () => {
  test.for(["json", "global"] as const)(
    "reads the config given as %s (the JSON element or window.consentgateConfig)",
    async (configVia, { session }) => {
      const page = await session.page("shop.html", SHOP, { configVia });

      const state = await consentState(page);
      expect(Object.keys(state.categories).sort()).toEqual(["analytics", "marketing", "necessary"]);
      expect(state.services).toMatchObject({
        "google-analytics": false,
        hotjar: false,
        mixpanel: false,
        "facebook-pixel": false,
      });
    },
  );

  test("keeps the page working when the config is unreadable, and reports it once", async ({ session }) => {
    const page = await session.page("shop.html", "{ this is not json");

    expect(session.pageErrors).toEqual([]);
    expect(await page.locator("h1").textContent()).toBe("Spring sale");
    const state = await consentState(page);
    for (const [name, on] of Object.entries(state.categories)) {
      if (name !== "necessary") expect(on, name).toBe(false);
    }
    // The sentences load with consentgate-diagnostics.js, after boot.
    const errors = () => gateMessages(session, "error");
    await expect.poll(errors).toHaveLength(1);
    await page.waitForLoadState("networkidle");
    expect(errors()).toEqual([expect.stringMatching(/^\[consentgate\] #consentgate-config: is not valid JSON \(.+\); every optional category stays off$/)]);
  });

  test("reports a config that is not an object as such", async ({ session }) => {
    await session.page("shop.html", "42");
    await expect
      .poll(() => gateMessages(session, "error"))
      .toEqual(["[consentgate] config: expected an object, got 42; every optional category stays off"]);
  });

  test("words every rule of the built consentgate-diagnostics.js as the source does: no rule lost to the UI build's short names", async () => {
    const source = readFileSync(`${REPO}/src/config/diagnostics.ts`, "utf8");
    const rules = source.slice(source.indexOf("const RULES"), source.indexOf("};", source.indexOf("const RULES")));
    const paths = [...rules.matchAll(/^ {2}"?([\w.*[\]]+)"?:/gm)].map((m) => m[1].replace(/\*/g, "x").replace(/\[\]/g, "[0]"));
    expect(paths.length).toBeGreaterThan(30);
    const built = await import(`${DIST}/consentgate-diagnostics.js`);
    const src = await import("../../src/config/diagnostics");
    for (const path of paths) expect(built.message([path, 5], "shop.test"), path).toBe(src.message([path, 5], "shop.test"));
  });

  /** A page of the site's own markup around the core's script tag. */
  const servePage = (session: Session, path: string, head: string) => {
    session.route(path, {
      headers: { "content-type": "text/html; charset=utf-8" },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body><h1>Shop</h1></body></html>`,
    });
    return session.visit(path);
  };
  const json = (id: string) => `<script type="application/json" id="${id}">${JSON.stringify(SHOP)}</script>`;

  test.for([
    ["an id", `<script id="consentgateConfig" type="text/x-note"></script>`],
    ["a name", `<form name="consentgateConfig"></form>`],
  ])("is not taken from an element the browser shows as window.consentgateConfig (by %s): the JSON element is read", async ([, element], { session }) => {
    const page = await servePage(session, "/clobbered.html", `${json("consentgate-config")}${element}<script src="/consentgate.js"></script>`);
    expect(await page.evaluate(() => (window as unknown as { consentgateConfig: unknown }).consentgateConfig instanceof Element)).toBe(true);
    expect(Object.keys((await consentState(page)).categories).sort()).toEqual(["analytics", "marketing", "necessary"]);
    await page.waitForLoadState("networkidle");
    expect(session.problems()).toEqual([]);
  });

  test("a page with no config at all runs with necessary only, warns about nothing and loads nothing more", async ({ session }) => {
    const page = await servePage(session, "/no-config.html", `<script src="/consentgate.js"></script>`);
    expect(await consentState(page)).toMatchObject({ decided: true, categories: { necessary: true } });
    await page.waitForLoadState("networkidle");
    expect(session.requests.map((r) => new URL(r.url).pathname)).toEqual(["/no-config.html", "/consentgate.js"]);
    expect(gateMessages(session, "warning")).toEqual([]);
  });

  test("clamps cookie.days above 395 to 395 and reports it", async ({ session }) => {
    const page = await session.page("shop.html", { ...SHOP, cookie: { name: "consentgate", days: 400 } });
    await callConsentGate(page, "acceptAll");

    const cookie = await consentCookie(session);
    const now = Date.now() / 1000;
    expect(cookie?.expires).toBeGreaterThan(now + 394 * DAY);
    expect(cookie?.expires).toBeLessThanOrEqual(now + 395 * DAY + 60);
    const errors = () => gateMessages(session, "error");
    await expect.poll(errors).toEqual(["[consentgate] cookie.days: 400 is more than 395 days; using 395"]);
  });
});

describe("first visit", () => {
  test("reports no decision and every optional category off in opt-in mode", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);

    expect(await consentState(page)).toEqual({
      decided: false,
      categories: { necessary: true, analytics: false, marketing: false },
      services: expect.objectContaining({ "google-analytics": false, "facebook-pixel": false }),
      revision: 1,
      updatedAt: null,
      id: null,
      source: "default",
      signals: { gpc: false, dnt: false },
    });
    expect(await callConsentGate(page, "allows", "necessary")).toBe(true);
    expect(await callConsentGate(page, "allows", "analytics")).toBe(false);
    expect(await callConsentGate(page, "allows", "hotjar")).toBe(false);
    expect(await consentCookie(session)).toBeUndefined();
    await page.waitForLoadState("networkidle");
    expect(session.problems()).toEqual([]);
  });

  test("runs the optional categories from the start in opt-out mode", async ({ session }) => {
    const page = await session.page("shop.html", { ...SHOP, mode: "opt-out" });

    expect(await consentState(page)).toMatchObject({
      decided: false,
      categories: { necessary: true, analytics: true, marketing: true },
      source: "default",
    });
    expect(await consentCookie(session)).toBeUndefined();
  });
});

describe("the consent cookie", () => {
  test("stores acceptAll in a first-party cookie that survives a reload", async ({ session }) => {
    await session.recordCookieWrites();
    const page = await session.page("shop.html", SHOP);
    const before = Date.now();
    await callConsentGate(page, "acceptAll");

    const state = await consentState(page);
    expect(state).toMatchObject({
      decided: true,
      categories: { necessary: true, analytics: true, marketing: true },
      services: expect.objectContaining({ "google-analytics": true, "facebook-pixel": true }),
      source: "api",
    });
    expect(typeof state.id === "string" && state.id.length > 0).toBe(true);
    expect(Date.parse(state.updatedAt ?? "")).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);

    const cookie = await consentCookie(session);
    expect(cookie).toMatchObject({ path: "/", sameSite: "Lax", domain: SITE_HOST, secure: false });
    expect(cookie!.expires).toBeGreaterThan(before / 1000 + 181 * DAY);
    expect(cookie!.expires).toBeLessThan(before / 1000 + 183 * DAY);
    expect(cookie!.name.length + cookie!.value.length).toBeLessThan(300);
    // cookies() shows a cookie written without SameSite as Lax: check what was written.
    const writes = session.cookieWrites.map((w) => w.text).filter((t) => t.startsWith("consentgate="));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/;\s*samesite=lax\s*(;|$)/i);
    expect(writes[0]).toMatch(/;\s*path=\/\s*(;|$)/i);

    await page.reload();
    expect(await consentState(page)).toEqual(state);
    await page.waitForLoadState("networkidle");
    expect(session.problems()).toEqual([]);
  });

  test("stores rejectAll and keeps it after a reload", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);
    await callConsentGate(page, "rejectAll");

    const state = await consentState(page);
    expect(state).toMatchObject({
      decided: true,
      categories: { necessary: true, analytics: false, marketing: false },
      source: "api",
    });
    await page.reload();
    expect(await consentState(page)).toEqual(state);
    expect(await consentCookie(session)).toBeDefined();
  });

  test("stores a partial choice from set() with the source it was given", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);
    await callConsentGate(page, "set", { analytics: true }, { source: "preferences" });

    await page.reload();
    expect(await consentState(page)).toMatchObject({
      categories: { necessary: true, analytics: true, marketing: false },
      source: "preferences",
    });
  });

  test("uses the cookie name from the config", async ({ session }) => {
    const page = await session.page("shop.html", { ...SHOP, cookie: { name: "shop_consent" } });
    await callConsentGate(page, "acceptAll");

    expect(await consentCookie(session, "shop_consent")).toMatchObject({ path: "/", sameSite: "Lax" });
    expect(await consentCookie(session)).toBeUndefined();
  });

  test("throws a TypeError for an unknown key in set() and changes nothing", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);

    const thrown = await page.evaluate(() => {
      try {
        window.ConsentGate.set({ analytics: true, nonsense: true });
        return null;
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(thrown).toBe("TypeError");
    expect(await consentState(page)).toMatchObject({ decided: false, categories: { analytics: false } });
    expect(await consentCookie(session)).toBeUndefined();
  });

  test("forgets the decision on withdraw(), also after a reload", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);
    await callConsentGate(page, "acceptAll");
    await callConsentGate(page, "withdraw");

    const undecided = { decided: false, categories: { analytics: false, marketing: false } };
    expect(await consentState(page)).toMatchObject(undecided);
    await page.reload();
    expect(await consentState(page)).toMatchObject({ ...undecided, source: "default" });
  });

  test("in opt-out mode, a withdrawn 'Do not sell' stays on the next page view, until the visitor answers", async ({ session }) => {
    const config = { ...SHOP, mode: "opt-out" as const };
    const page = await session.page("shop.html", config);
    await callConsentGate(page, "rejectAll");
    await callConsentGate(page, "withdraw");
    // An empty value: no decision, and a sign that one was there.
    expect((await consentCookie(session))?.value).toBe("");

    await page.reload();
    expect(await consentState(page)).toMatchObject({ decided: false, categories: { analytics: true, marketing: false } });
    expect(session.pageErrors).toEqual([]);
  });

  test("asks every visitor again when the config's revision is raised", async ({ session }) => {
    const first = await session.page("shop.html", SHOP);
    await callConsentGate(first, "acceptAll");

    const next = await session.page("shop.html", { ...SHOP, revision: 2 });
    expect(await consentState(next)).toMatchObject({
      decided: false,
      revision: 2,
      categories: { analytics: false, marketing: false },
      source: "default",
    });
    expect(session.pageErrors).toEqual([]);
  });

  test("asks again only for a category added since the decision", async ({ session }) => {
    const analyticsOnly = { categories: { analytics: { services: ["google-analytics"] } } };
    const first = await session.page("shop.html", analyticsOnly);
    await callConsentGate(first, "acceptAll");

    const next = await session.page("shop.html", SHOP);
    expect(await consentState(next)).toMatchObject({
      decided: false,
      categories: { analytics: true, marketing: false },
    });
  });

  const TAMPERED: [string, string][] = [
    ["garbage", "garbage"],
    ["empty", ""],
    ["a broken percent-encoding", "%E0%A4%A"],
    ["an escape that decodes to no character", "%FF"],
    ["a refusal with a stray escaped byte at its end", "1.1.1700000000.b.0.abcdefghijklmnop.-marketing%E9"],
    ["a JSON object", encodeURIComponent('{"v":1,"categories":{"analytics":true}}')],
    ["markup", encodeURIComponent("<img src=x onerror=alert(1)>")],
    ["4 KB of text", "x".repeat(4000)],
    ["a number", "1"],
  ];

  test.for(TAMPERED)("treats a cookie holding %s as no decision, without a page error", async ([, value], { session }) => {
    await session.context.addCookies([{ name: "consentgate", value, domain: SITE_HOST, path: "/" }]);
    const page = await session.page("shop.html", SHOP);

    expect(await consentState(page)).toMatchObject({
      decided: false,
      categories: { necessary: true, analytics: false, marketing: false },
      source: "default",
      updatedAt: null,
    });
    expect(session.pageErrors).toEqual([]);
  });

  // A cookie there that no longer counts may hold a "Do not sell": the sale categories stay off.
  test.for(TAMPERED)("in opt-out mode, treats a cookie holding %s as no decision, with the sale categories off", async ([, value], { session }) => {
    await session.context.addCookies([{ name: "consentgate", value, domain: SITE_HOST, path: "/" }]);
    const page = await session.page("shop.html", { ...SHOP, mode: "opt-out" });

    expect(await consentState(page)).toMatchObject({ decided: false, categories: { analytics: true, marketing: false } });
    expect(session.pageErrors).toEqual([]);
  });

  test("a nameless cookie whose value is the consent cookie's name does not hide the decision", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);
    // What `Set-Cookie: consentgate` makes too: a cookie with no name, listed as "consentgate".
    await page.evaluate(() => (document.cookie = "consentgate; path=/"));
    await callConsentGate(page, "acceptAll");

    await page.reload();
    expect(await consentState(page)).toMatchObject({ decided: true, categories: { analytics: true, marketing: true } });
  });

  test("a decision too large for a cookie (over 4 KB) is not stored, and the older one it replaced no longer counts", async ({ session }) => {
    // 130 services of the site's own, with long ids, each refused by name.
    const ids = Array.from({ length: 130 }, (_, i) => `service-${String(i).padStart(3, "0")}-${"x".repeat(20)}`);
    const config = {
      categories: { analytics: { services: ids } },
      services: Object.fromEntries(ids.map((id) => [id, { category: "analytics", hosts: [`${id}.example`] }])),
    };
    const page = await session.page("shop.html", config);
    await callConsentGate(page, "acceptAll");
    expect((await consentCookie(session))?.value).toMatch(/analytics/);

    await page.evaluate((names) => window.ConsentGate.set(Object.fromEntries(names.map((id) => [id, false]))), ids);
    expect(await consentState(page)).toMatchObject({ categories: { analytics: true }, services: { [ids[0]]: false } });
    await expect.poll(() => session.messages("warning").join("\n")).toMatch(/did not store the consent cookie/);

    await page.reload();
    expect(await consentState(page)).toMatchObject({ decided: false, categories: { analytics: false } });
    expect(session.pageErrors).toEqual([]);
  });

  test("in opt-out mode, a decision too large for a cookie leaves the sale categories off on the next page view", async ({ session }) => {
    // The same 130 long ids, now in a sale category of a notice that runs it until the visitor objects.
    const ids = Array.from({ length: 130 }, (_, i) => `service-${String(i).padStart(3, "0")}-${"x".repeat(20)}`);
    const config = {
      mode: "opt-out",
      categories: { analytics: { services: ["google-analytics"] }, marketing: { services: ids, sale: true } },
      services: Object.fromEntries(ids.map((id) => [id, { category: "marketing", hosts: [`${id}.example`] }])),
    };
    const page = await session.page("shop.html", config);
    await page.evaluate(() => window.ConsentGate.set({ marketing: false }, { source: "banner" }));
    await page.evaluate((names) => window.ConsentGate.set(Object.fromEntries(names.map((id) => [id, false]))), ids);
    await expect.poll(() => session.messages("warning").join("\n")).toMatch(/did not store the consent cookie/);

    await page.reload();
    expect(await consentState(page)).toMatchObject({ decided: false, categories: { analytics: true, marketing: false } });
    expect(session.pageErrors).toEqual([]);
  });

  test("treats a real cookie value cut in half as no decision", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);
    await callConsentGate(page, "acceptAll");
    const cookie = (await consentCookie(session))!;
    await session.context.addCookies([{ ...cookie, value: cookie.value.slice(0, cookie.value.length >> 1) }]);

    await page.reload();
    expect(await consentState(page)).toMatchObject({ decided: false, categories: { analytics: false } });
    expect(session.pageErrors).toEqual([]);
  });
});

describe("signals", () => {
  test("reports GPC and turns a sale category off with source signal, writing no cookie", async ({ session }) => {
    await session.signals({ gpc: true });
    const page = await session.page("shop.html", SHOP);

    expect(await consentState(page)).toMatchObject({
      decided: false,
      categories: { necessary: true, analytics: false, marketing: false },
      services: expect.objectContaining({ "facebook-pixel": false }),
      source: "signal",
      signals: { gpc: true, dnt: false },
    });
    expect(await consentCookie(session)).toBeUndefined();
    expect(session.pageErrors).toEqual([]);
  });

  test("honours GPC in opt-out mode: sale categories off, the others on", async ({ session }) => {
    await session.signals({ gpc: true });
    const page = await session.page("shop.html", { ...SHOP, mode: "opt-out" });

    expect(await consentState(page)).toMatchObject({
      categories: { necessary: true, analytics: true, marketing: false },
      source: "signal",
      signals: { gpc: true },
    });
    expect(await consentCookie(session)).toBeUndefined();
  });

  test("counts an honoured GPC as the decision in opt-out mode, so no banner is needed", async ({ session }) => {
    await session.signals({ gpc: true });
    const page = await session.page("shop.html", { ...SHOP, mode: "opt-out" });

    expect(await consentState(page)).toMatchObject({ decided: true, source: "signal" });
    expect(await consentCookie(session)).toBeUndefined();
  });

  test("says 'Opt-out request honoured' on the reopen button in opt-out mode, also where the site links to the preferences instead", async ({
    session,
  }) => {
    await session.signals({ gpc: true });
    const page = await session.page("shop.html", { ...SHOP, mode: "opt-out" });
    await expect.poll(() => page.locator("consentgate-ui[data-reopen] button").textContent({ timeout: 5000 })).toBe("Opt-out request honoured");
    await page.locator("consentgate-ui[data-reopen] button").click();
    await page.locator("consentgate-ui dialog[open]").waitFor({ state: "visible" });
    expect(session.problems()).toEqual([]);
  });

  test("keeps a sale category off under GPC when the stored decision was made without it", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);
    await callConsentGate(page, "acceptAll");

    await session.signals({ gpc: true });
    await page.reload();
    expect(await consentState(page)).toMatchObject({
      decided: true,
      categories: { analytics: true, marketing: false },
      signals: { gpc: true },
    });
  });

  test("lets a visitor turn a sale category on deliberately while GPC is on", async ({ session }) => {
    await session.signals({ gpc: true });
    const page = await session.page("shop.html", SHOP);
    // In the preferences, as the visitor saves a choice there.
    await callConsentGate(page, "set", { analytics: false, marketing: true }, { source: "preferences" });

    await page.reload();
    expect(await consentState(page)).toMatchObject({
      decided: true,
      categories: { analytics: false, marketing: true },
      signals: { gpc: true },
    });
  });

  test("does not let page code turn a sale category on over GPC (a site syncing its own profile)", async ({ session }) => {
    await session.signals({ gpc: true });
    const page = await session.page("shop.html", SHOP);
    await callConsentGate(page, "set", { analytics: true, marketing: true });
    expect(await consentState(page)).toMatchObject({ source: "signal", categories: { analytics: true, marketing: false } });

    await page.reload();
    expect(await consentState(page)).toMatchObject({
      decided: true,
      source: "signal",
      categories: { analytics: true, marketing: false },
      signals: { gpc: true },
    });
  });

  test("reports GPC even when the config does not honour it", async ({ session }) => {
    await session.signals({ gpc: true });
    const page = await session.page("shop.html", { ...SHOP, mode: "opt-out", signals: { gpc: false, dnt: false } });

    expect(await consentState(page)).toMatchObject({
      categories: { analytics: true, marketing: true },
      source: "default",
      signals: { gpc: true, dnt: false },
    });
  });

  test.for(["1", "yes"])("reports DNT %s without acting on it by default", async (dnt, { session }) => {
    await session.signals({ dnt });
    const page = await session.page("shop.html", { ...SHOP, mode: "opt-out" });

    expect(await consentState(page)).toMatchObject({
      categories: { analytics: true, marketing: true },
      source: "default",
      signals: { gpc: false, dnt: true },
    });
  });

  test("turns every optional category off for DNT when signals.dnt is on", async ({ session }) => {
    await session.signals({ dnt: true });
    const page = await session.page("shop.html", { ...SHOP, mode: "opt-out", signals: { gpc: true, dnt: true } });

    expect(await consentState(page)).toMatchObject({
      categories: { necessary: true, analytics: false, marketing: false },
      source: "signal",
      signals: { dnt: true },
    });
    expect(await consentCookie(session)).toBeUndefined();
  });
});

describe("cookie domain", () => {
  test("keeps the cookie to the page's host by default", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);
    await callConsentGate(page, "acceptAll");

    expect(await cookieNamesOn(session, SITE_HOST)).toContain("consentgate");
    expect(await cookieNamesOn(session, "shop.test")).not.toContain("consentgate");
  });

  test("says so when the browser refuses the cookie (a domain the browser treats as public)", async ({ session }) => {
    // "test" is a valid parent of www.shop.test for the config, but Chromium sets no cookie on a top-level domain.
    const page = await session.page("shop.html", { ...SHOP, cookie: { name: "consentgate", domain: "test" } });
    await callConsentGate(page, "acceptAll");
    expect(await consentCookie(session)).toBeUndefined();
    await expect
      .poll(() => session.messages("warning"))
      .toEqual([expect.stringMatching(/^\[consentgate\] the browser did not store the consent cookie "consentgate" \(domain test, path \/\)/)]);
    // Refused alike at every decision: said once.
    await callConsentGate(page, "rejectAll");
    await page.waitForTimeout(300);
    expect(session.messages("warning")).toHaveLength(1);
  });

  test("keeps a refused cookie's choice for the page view when the tab is shown again", async ({ session }) => {
    // Opt-out mode: undoing "Do not sell" on the next tab switch would run the sale trackers again.
    const page = await session.page("shop.html", { ...SHOP, mode: "opt-out", cookie: { name: "consentgate", domain: "test" } });
    await callConsentGate(page, "set", { marketing: false }, { source: "banner" });
    expect(await consentCookie(session)).toBeUndefined();
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));

    expect(await consentState(page)).toMatchObject({ decided: true, source: "banner", categories: { analytics: true, marketing: false } });
  });

  test("shares the decision with shop.test and its subdomains when cookie.domain is shop.test", async ({ session }) => {
    const config = { ...SHOP, cookie: { name: "consentgate", domain: "shop.test" } };
    const path = session.serve("shop.html", config);
    const www = await session.visit(path);
    await callConsentGate(www, "acceptAll");

    expect(await consentCookie(session)).toMatchObject({ domain: ".shop.test", path: "/" });
    for (const host of ["shop.test", "blog.shop.test"]) {
      const other = await session.visit(path, { host });
      expect(await consentState(other), host).toMatchObject({
        decided: true,
        categories: { analytics: true, marketing: true },
      });
    }
  });
});

describe("an older copy of the consent cookie", () => {
  // A config that moved its cookie (another path, or a domain) leaves the old copy
  // behind, and the browser lists it first: a new decision must not lose to it.
  test.for([
    ["on a longer path", { name: "consentgate", path: "/shop" }, { name: "consentgate" }],
    ["host-only, when the cookie now has a domain", { name: "consentgate" }, { name: "consentgate", domain: "shop.test" }],
  ] as const)("%s is deleted by the next decision, which then stands after a reload", async ([, before, after], { session }) => {
    const old = await session.visit(session.serve("shop.html", { ...SHOP, cookie: before }, { path: "/shop/old.html" }));
    await callConsentGate(old, "acceptAll");
    // A tab still open on the old config would keep its own copy (README).
    await old.close();

    const page = await session.visit(session.serve("shop.html", { ...SHOP, cookie: after }, { path: "/shop/new.html" }));
    expect(await consentState(page)).toMatchObject({ decided: true, categories: { analytics: true } });
    await callConsentGate(page, "rejectAll");
    await expect.poll(async () => (await session.cookies()).filter((c) => c.name === "consentgate").length).toBe(1);

    await page.reload();
    expect(await consentState(page)).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } });
    await callConsentGate(page, "withdraw");
    // One copy is left, empty: where the config keeps it now.
    await expect.poll(async () => (await session.cookies()).filter((c) => c.name === "consentgate").map((c) => [c.value, c.domain, c.path])).toEqual([
      ["", "domain" in after ? "." + after.domain : "www.shop.test", "/"],
    ]);
  });
});

test("withdraw() on a page outside cookie.path deletes the older copy it sees, so the next page view has no decision", async ({ session }) => {
  const old = await session.visit(session.serve("shop.html", SHOP, { path: "/blog/post.html" }));
  await callConsentGate(old, "acceptAll");
  // The site moved its cookie to /shop; this page is outside it and reads the copy on /.
  const moved = { ...SHOP, cookie: { name: "consentgate", path: "/shop" } };
  const path = session.serve("shop.html", moved, { path: "/blog/other.html" });
  const page = await session.visit(path);
  expect(await consentState(page)).toMatchObject({ decided: true });
  await callConsentGate(page, "withdraw");
  await expect.poll(async () => (await session.cookies()).filter((c) => c.name === "consentgate").map((c) => [c.value, c.path])).toEqual([["", "/shop"]]);
  const next = await session.visit(path);
  expect(await consentState(next)).toMatchObject({ decided: false, categories: { analytics: false, marketing: false } });
});

describe("two copies of the consent cookie and a refused tracker's leftover cookie", () => {
  // The leftover brings consentgate-changes.js in at boot to delete it: that
  // page view made no decision, so the copy that counts must stay.
  test("the page view deletes the leftover but keeps both copies: the refusal on the longer path still counts after a reload", async ({ session }) => {
    const now = Math.floor(Date.now() / 1000);
    const value = (choices: string) => `1.1.${now}.b.0.abcdefghijklmnop.${choices}`;
    await session.context.addCookies([
      { name: "consentgate", value: value("-analytics~-marketing"), domain: SITE_HOST, path: "/shop" },
      { name: "consentgate", value: value("analytics~marketing"), domain: SITE_HOST, path: "/" },
      { name: "_fbp", value: "fb.1.1.1", domain: SITE_HOST, path: "/" },
    ]);
    const page = await session.visit(session.serve("shop.html", SHOP, { path: "/shop/page.html" }));
    expect(await consentState(page)).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } });
    await expect.poll(async () => (await session.cookies()).map((c) => c.name)).not.toContain("_fbp");
    await page.waitForLoadState("networkidle");
    expect((await session.cookies()).filter((c) => c.name === "consentgate")).toHaveLength(2);

    await page.reload();
    expect(await consentState(page)).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } });
  });
});

describe("a copy of the consent cookie under a percent-encoded name", () => {
  // Read as the consent cookie, as js-cookie reads it, so it must go as one too.
  test("(consent%67ate, written by another tool) is deleted by the next decision, which then stands after a reload", async ({ session }) => {
    const now = Math.floor(Date.now() / 1000);
    await session.context.addCookies([
      { name: "consent%67ate", value: `1.1.${now}.b.0.abcdefghijklmnop.analytics~marketing`, domain: SITE_HOST, path: "/" },
    ]);
    const page = await session.page("shop.html", SHOP);
    expect(await consentState(page)).toMatchObject({ decided: true, categories: { analytics: true, marketing: true } });

    await callConsentGate(page, "rejectAll");
    await expect.poll(async () => (await session.cookies()).map((c) => c.name)).toEqual(["consentgate"]);
    await page.reload();
    expect(await consentState(page)).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } });
  });
});

describe("a site reached by its IP address", () => {
  test("keeps the decision: deleting older copies spares the cookie just written", async ({ session }) => {
    const page = await session.visit(session.serve("shop.html", SHOP), { host: "127.0.0.1" });
    await callConsentGate(page, "acceptAll");
    // consentgate-changes.js, which deletes older copies, has loaded and run.
    await page.waitForLoadState("networkidle");
    await page.reload();
    expect(await consentState(page)).toMatchObject({ decided: true, categories: { analytics: true } });
  });
});

describe("events and tabs", () => {
  test("dispatches consentgate:change on document and calls on('change') with the state", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);
    await recordChanges(page);
    await page.evaluate(() => {
      const w = window as unknown as { __cgOn: unknown[] };
      w.__cgOn = [];
      window.ConsentGate.on("change", (state) => w.__cgOn.push(state));
    });

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => changeEvents(page)).toHaveLength(1);
    const [{ state: detail }] = await changeEvents(page);
    expect(detail).toMatchObject({ decided: true, categories: { analytics: true, marketing: true } });
    expect(await page.evaluate(() => (window as unknown as { __cgOn: unknown[] }).__cgOn)).toEqual([detail]);
  });

  test("stops calling a change listener once it unsubscribes", async ({ session }) => {
    const page = await session.page("shop.html", SHOP);

    const calls = await page.evaluate(() => {
      let count = 0;
      const off = window.ConsentGate.on("change", () => count++);
      off();
      window.ConsentGate.acceptAll();
      return count;
    });
    expect(calls).toBe(0);
  });

  test("brings another open tab of the same origin up to date at once", async ({ session }) => {
    const path = session.serve("shop.html", SHOP);
    const first = await session.visit(path);
    const second = await session.visit(path);
    await recordChanges(second);

    const sentAt = await first.evaluate(() => {
      const at = Date.now();
      window.ConsentGate.rejectAll();
      return at;
    });
    // Headless tabs never turn visible again: only a message between tabs can do this.
    await expect.poll(() => changeEvents(second), { timeout: 5000, interval: 20 }).toHaveLength(1);
    const [{ state, at }] = await changeEvents(second);
    expect(state).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } });
    expect(await consentState(second)).toEqual(state);
    expect(at - sentAt).toBeLessThan(1000);
  });

  test("leaves alone a tab of the same origin whose config keeps the cookie on another path: two sites, two decisions", async ({
    session,
  }) => {
    const a = await session.visit(session.serve("shop.html", { ...SHOP, cookie: { name: "consentgate", path: "/a" } }, { path: "/a/page.html" }));
    const b = await session.visit(session.serve("shop.html", { ...SHOP, cookie: { name: "consentgate", path: "/b" } }, { path: "/b/page.html" }));
    await callConsentGate(b, "rejectAll");
    await recordChanges(b);
    await callConsentGate(a, "acceptAll");
    // What a message would have brought comes at once; give it time to show.
    await a.waitForTimeout(500);
    expect(await changeEvents(b)).toEqual([]);
    expect(await consentState(b)).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } });
  });

  test("brings a tab on another subdomain up to date when it becomes visible", async ({ session }) => {
    const path = session.serve("shop.html", { ...SHOP, cookie: { name: "consentgate", domain: "shop.test" } });
    const www = await session.visit(path);
    const apex = await session.visit(path, { host: "shop.test" });

    await callConsentGate(www, "acceptAll");
    await apex.bringToFront();
    // Headless tabs are all visible: what the core listens to is the event.
    await apex.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await expect
      .poll(() => consentState(apex), { timeout: 1000, interval: 20 })
      .toMatchObject({ decided: true, categories: { analytics: true, marketing: true } });
  });
});
