// The page lifecycle in real Chromium (SPEC §4, §5): a page the visitor leaves
// and comes back to (the back/forward cache, a hidden tab) follows the consent
// cookie as it is when the page is shown again.
import type { Page } from "playwright-core";
import type { SiteConfig } from "../../../src/types";
import {
  callConsentGate,
  consentState,
  expect,
  launchBrowser,
  readFixture,
  startServer,
  withServer,
  type Session,
} from "../harness";

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
  const www = session.serve("held-counter.html", SHARED, CACHEABLE);
  const blog = session.serve("held-counter.html", SHARED, CACHEABLE);
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
  const www = session.serve("held-counter.html", SHARED, CACHEABLE);
  const blog = session.serve("held-counter.html", SHARED, CACHEABLE);
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
  const www = session.serve("held-counter.html", SHARED, CACHEABLE);
  const blog = session.serve("held-counter.html", SHARED, CACHEABLE);
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
  const path = session.serve("held-counter.html", SHARED);
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
  const page = await session.page("held-counter.html", SHARED);
  await callConsentGate(page, "acceptAll");

  await page.evaluate((url) => fetch(url), forget);
  expect(await session.cookie("consentgate")).toBeUndefined();
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));

  await expect.poll(() => consentState(page)).toMatchObject({ decided: false, categories: { analytics: false } });
});
