// The page lifecycle in real Chromium (SPEC §4, §5): a page the visitor leaves
// and comes back to (the back/forward cache, a hidden tab) follows the consent
// cookie as it is when the page is shown again.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import type { Page } from "playwright-core";
import { CHROMIUM_ARGS } from "../../chromium.mjs";
import type { SiteConfig } from "../../../src/types";
import {
  callConsentGate,
  composePage,
  consentState,
  expect,
  installSnippet,
  CHROMIUM,
  launchBrowser,
  readFixture,
  startServer,
  withServer,
  type FixtureServer,
  type Session,
} from "../harness";
import { HOST_RESOLVER_RULES } from "../harness/hosts";

// Playwright turns the back/forward cache off; a visitor's Chromium has it.
const test = withServer(startServer, undefined, () => launchBrowser({ bfcache: true }));

const SHOP = JSON.parse(readFixture("configs/shop.json")) as SiteConfig;
const SHARED: SiteConfig = { ...SHOP, cookie: { name: "consentgate", domain: "shop.test" } };
// no-store would keep a page whose cookies changed out of the back/forward cache.
const CACHEABLE = { headers: { "cache-control": "no-cache" } };

const ran = (page: Page) => page.evaluate(() => (window as unknown as { __ran?: number }).__ran ?? 0);

/** Records each `pageshow` of the page from now on: `true` when it came back from the back/forward cache. */
async function recordShows(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __shows: boolean[] };
    w.__shows = [];
    addEventListener("pageshow", (event) => w.__shows.push(event.persisted));
  });
}

/** Goes back in the tab and resolves once the page is shown from the back/forward cache. */
async function backFromCache(page: Page): Promise<void> {
  // A page restored from the cache fires no load event to wait for.
  await page.goBack({ waitUntil: "commit" });
  await page.waitForFunction(() => (window as unknown as { __shows?: boolean[] }).__shows?.includes(true));
}

/** The server deletes the domain cookie on a fetch, as a logout or a server-side withdrawal does. */
function serverClearsCookie(session: Session): string {
  session.route("/account/forget", {
    headers: { "set-cookie": "consentgate=; Domain=shop.test; Path=/; Max-Age=0", "content-type": "text/plain" },
    body: "ok",
  });
  return "/account/forget";
}

test("a page restored from the back/forward cache follows a withdrawal made on another subdomain", async ({ session }) => {
  const www = session.serve("lifecycle/held-counter.html", SHARED, CACHEABLE);
  const blog = session.serve("lifecycle/held-counter.html", SHARED, CACHEABLE);
  const page = await session.visit(www);
  await recordShows(page);
  await callConsentGate(page, "acceptAll");
  expect(await ran(page)).toBe(1);

  await page.goto(session.url(blog, "blog.shop.test"));
  await callConsentGate(page, "withdraw");
  await backFromCache(page);

  await expect.poll(() => consentState(page)).toMatchObject({ decided: false, categories: { analytics: false, marketing: false } });
  await page.locator("consentgate-ui .cg-banner button").first().waitFor({ state: "visible" });
});

test("a page restored from the back/forward cache follows a refusal made on another subdomain, and runs nothing again", async ({
  session,
}) => {
  const www = session.serve("lifecycle/held-counter.html", SHARED, CACHEABLE);
  const blog = session.serve("lifecycle/held-counter.html", SHARED, CACHEABLE);
  const page = await session.visit(www);
  await recordShows(page);
  await callConsentGate(page, "acceptAll");

  await page.goto(session.url(blog, "blog.shop.test"));
  await callConsentGate(page, "rejectAll");
  await backFromCache(page);

  await expect.poll(() => consentState(page)).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } });
  expect(await ran(page)).toBe(1);
});

test("a page restored from the back/forward cache releases what was accepted on another subdomain, once", async ({ session }) => {
  const www = session.serve("lifecycle/held-counter.html", SHARED, CACHEABLE);
  const blog = session.serve("lifecycle/held-counter.html", SHARED, CACHEABLE);
  const page = await session.visit(www);
  await recordShows(page);
  expect(await ran(page)).toBe(0);

  await page.goto(session.url(blog, "blog.shop.test"));
  await callConsentGate(page, "acceptAll");
  await backFromCache(page);

  await expect.poll(() => ran(page)).toBe(1);
  expect(await consentState(page)).toMatchObject({ decided: true, categories: { analytics: true, marketing: true } });
  await expect.poll(() => page.locator("consentgate-ui .cg-banner").isVisible()).toBe(false);
});

test("a tab that decided follows a withdrawal made in a tab on another subdomain when it becomes visible", async ({ session }) => {
  const path = session.serve("lifecycle/held-counter.html", SHARED);
  const www = await session.visit(path);
  const blog = await session.visit(path, { host: "blog.shop.test" });
  await callConsentGate(www, "acceptAll");
  await expect.poll(() => session.cookie("consentgate")).toBeDefined();

  await callConsentGate(blog, "withdraw");
  // Headless tabs are all visible: what the core listens to is the event.
  await www.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));

  await expect.poll(() => consentState(www)).toMatchObject({ decided: false, categories: { analytics: false } });
});

test("a page that decided follows the server's deletion of the consent cookie when it becomes visible", async ({ session }) => {
  const forget = serverClearsCookie(session);
  const page = await session.page("lifecycle/held-counter.html", SHARED);
  await callConsentGate(page, "acceptAll");

  await page.evaluate((url) => fetch(url), forget);
  expect(await session.cookie("consentgate")).toBeUndefined();
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));

  await expect.poll(() => consentState(page)).toMatchObject({ decided: false, categories: { analytics: false } });
});

test("another open tab of the same origin releases its held script once, whatever the decisions that follow", async ({ session }) => {
  const path = session.serve("lifecycle/held-counter.html", SHOP);
  const first = await session.visit(path);
  const second = await session.visit(path);

  await callConsentGate(first, "acceptAll");
  await expect.poll(() => ran(second)).toBe(1);
  await callConsentGate(first, "set", { analytics: false });
  await expect.poll(() => second.evaluate(() => window.ConsentGate.allows("analytics"))).toBe(false);
  await callConsentGate(first, "set", { hotjar: true });
  await expect.poll(() => second.evaluate(() => window.ConsentGate.allows("hotjar"))).toBe(true);
  await callConsentGate(first, "set", { analytics: true });
  await expect.poll(() => second.evaluate(() => window.ConsentGate.allows("analytics"))).toBe(true);
  expect(await ran(second)).toBe(1);
  expect(session.problems()).toEqual([]);
});

/**
 * A Chromium that DevTools does not watch until asked: Chromium prerenders
 * nothing in a tab DevTools is attached to ("PrerenderingDisabledByDevTools"),
 * and Playwright attaches to every tab. Driven over --remote-debugging-pipe.
 */
function unwatchedChromium() {
  const profile = mkdtempSync(join(tmpdir(), "cg-prerender-"));
  const chromium = spawn(CHROMIUM, [...CHROMIUM_ARGS, `--host-resolver-rules=${HOST_RESOLVER_RULES}`, "--remote-debugging-pipe", `--user-data-dir=${profile}`], {
    stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"],
    // Its own process group: closing it ends its helper processes too, which
    // would otherwise still be writing to the profile as it is deleted.
    detached: true,
  });
  const [, , , input, output] = chromium.stdio as [null, null, null, Writable, Readable];
  const waiting = new Map<number, (reply: { result?: any; error?: { message: string } }) => void>();
  let id = 0;
  let buffered = "";
  output.on("data", (chunk: Buffer) => {
    buffered += chunk;
    for (let end; (end = buffered.indexOf("\0")) >= 0; buffered = buffered.slice(end + 1)) {
      const message = JSON.parse(buffered.slice(0, end));
      waiting.get(message.id)?.(message);
    }
  });
  const send = (method: string, params = {}, sessionId?: string) =>
    new Promise<any>((resolve, reject) => {
      waiting.set(++id, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result)));
      input.write(JSON.stringify({ id, method, params, sessionId }) + "\0");
    });
  return {
    send,
    /** Opens a tab on `url` that nothing watches; `inspect` attaches to it later and evaluates there. */
    async open(url: string) {
      const { targetId } = await send("Target.createTarget", { url });
      return {
        url: async () => (await send("Target.getTargetInfo", { targetId })).targetInfo.url as string,
        async inspect<T>(expression: string): Promise<T> {
          const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
          const { result } = await send("Runtime.evaluate", { expression, returnByValue: true }, sessionId);
          return result.value;
        },
      };
    },
    async close() {
      const exited = new Promise((resolve) => chromium.once("exit", resolve));
      process.kill(-chromium.pid!);
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}

/**
 * Opens page A, where the visitor allowed everything before (a cookie from
 * the server); A prerenders B, then the visitor (after refusing everything,
 * with `refuse`) follows the link to B. Resolves with what B did, once shown.
 */
async function prerenderThenOpen(server: FixtureServer, refuse: boolean) {
  const tag = randomUUID().slice(0, 8);
  const [a, b] = [`/p/${tag}/a.html`, `/p/${tag}/b.html`];
  const allowed = `1.1.${Math.floor(Date.now() / 1000)}.b.0.abcdefghijklmnop.analytics~marketing`;
  server.route(a, {
    headers: { "content-type": "text/html; charset=utf-8", "set-cookie": `consentgate=${allowed}; Path=/; SameSite=Lax` },
    body: composePage(readFixture("lifecycle/prerender-next.html").replaceAll("B_URL", b), installSnippet(SHOP), "A"),
  });
  server.route(b, {
    headers: { "content-type": "text/html; charset=utf-8" },
    body: composePage(readFixture("lifecycle/prerendered.html"), installSnippet(SHOP), "B"),
  });
  const chromium = unwatchedChromium();
  try {
    const tab = await chromium.open(server.url(a + (refuse ? "?refuse" : "")));
    await expect.poll(() => tab.url(), { timeout: 15_000 }).toBe(server.url(b));
    return await tab.inspect<{ prerendered: boolean; ran: number; ranPrerendering?: boolean; analytics: boolean }>(
      `({
        prerendered: performance.getEntriesByType("navigation")[0].activationStart > 0,
        ran: window.__ran ?? 0,
        ranPrerendering: window.__ranPrerendering,
        analytics: ConsentGate.allows("analytics"),
      })`,
    );
  } finally {
    await chromium.close();
  }
}

test("a prerendered page runs nothing the visitor refused on the page before, though it was allowed when prerendered", async ({
  server,
}) => {
  expect(await prerenderThenOpen(server, true)).toEqual({ prerendered: true, ran: 0, analytics: false });
});

test("a prerendered page runs what is allowed once the visitor opens it", async ({ server }) => {
  expect(await prerenderThenOpen(server, false)).toEqual({ prerendered: true, ran: 1, ranPrerendering: false, analytics: true });
});
