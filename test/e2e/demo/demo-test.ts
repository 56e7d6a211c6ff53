/**
 * The demo pages as real-Chromium fixtures. The harness's browser and
 * sessions are reused as they are; only the server differs: the demo's own
 * (demo/server.mjs, with its CSP headers and nonces), reached as
 * www.shop.test:<port> like every other e2e page. Every third-party request
 * is answered locally by a fake that records that the vendor's script ran.
 *
 * @example
 * test("shows no banner", async ({ session }) => {
 *   const page = await visitDemo(session, "/sites/minopio.html");
 *   expect(await bannerShown(page)).toBe(false);
 * });
 */
import type { Locator, Page, Request } from "playwright-core";
import { startDemoServer } from "../../../demo/server.mjs";
import {
  SITE_HOST,
  withServer,
  type FakeReply,
  type FixtureServer,
  type Session,
} from "../harness";
import type { State } from "../../../src/types";

export { expect, describe } from "vitest";

/** The demo server, shaped as the harness's FixtureServer so sessions can use it. */
async function demoServer(): Promise<FixtureServer> {
  const demo = await startDemoServer(0, "127.0.0.1");
  return {
    port: demo.port,
    url: (path = "/", host = SITE_HOST) => `http://${host}:${demo.port}${path}`,
    route() {
      throw new Error("the demo server serves demo/ and dist/ only; it takes no routes");
    },
    close: () => demo.close(),
  };
}

export const test = withServer(demoServer, fakeVendors);

const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/**
 * Every third-party script answers with a line that records its own URL in
 * `window.__vendorRan`, so a test can tell "requested" from "ran".
 */
function fakeVendors(session: Session): void {
  session.fake(
    () => true,
    (request: Request): FakeReply => {
      const url = request.url();
      switch (request.resourceType()) {
        case "script":
          return { body: `(window.__vendorRan = window.__vendorRan || []).push(${JSON.stringify(url)});` };
        case "image":
          return { contentType: "image/gif", body: GIF };
        case "document":
          return {
            contentType: "text/html; charset=utf-8",
            body: `<!doctype html><title>${new URL(url).hostname}</title><p>embedded</p>`,
          };
        case "stylesheet":
          return { contentType: "text/css", body: "" };
        default:
          return { status: 204, contentType: "text/plain" };
      }
    },
  );
}

/** Opens a demo page and waits until ConsentGate says it is ready. */
export async function visitDemo(session: Session, path: string): Promise<Page> {
  const page = await session.visit(path);
  await ready(page);
  return page;
}

export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof window.ConsentGate?.get === "function", null, {
    timeout: 10_000,
  });
  await page.evaluate(
    () => new Promise<void>((resolve) => window.ConsentGate.on("ready", () => resolve())),
  );
}

export function state(page: Page): Promise<State> {
  return page.evaluate(() => window.ConsentGate.get());
}

/** The scripts of third parties that actually ran in the page, by URL. */
export function vendorRan(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __vendorRan?: string[] }).__vendorRan ?? []);
}

/** Inside ConsentGate's shadow root (role queries pierce open shadow roots). */
export function ui(page: Page): Locator {
  return page.locator("consentgate-ui");
}

export function uiButton(page: Page, name: string | RegExp): Locator {
  return ui(page).getByRole("button", { name, exact: typeof name === "string" }).first();
}

/** Waits for the first layer to be visible, by its "Accept all" button (or a translation). */
export async function waitForBanner(page: Page, acceptAll = "Accept all"): Promise<Locator> {
  const button = uiButton(page, acceptAll);
  await button.waitFor({ state: "visible", timeout: 10_000 });
  return button;
}

/**
 * Whether a banner is showing once the page has settled: the UI is loaded
 * only when something must be shown, so give it time to arrive first.
 */
export async function bannerShown(page: Page, acceptAll = "Accept all"): Promise<boolean> {
  await page.waitForLoadState("load");
  await page.waitForTimeout(700);
  return uiButton(page, acceptAll).isVisible();
}

/** Opens every collapsed "Services and cookies" list of the preferences. */
export async function expandServiceLists(page: Page): Promise<void> {
  const closed = ui(page).locator("details:not([open]) > summary");
  for (let n = await closed.count(); n > 0; n = await closed.count()) await closed.first().click();
}

/** Lets pending script loads and timers run. */
export async function settle(page: Page, ms = 500): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForTimeout(ms);
}

/** Waits until a vendor script whose URL contains `part` has run. */
export async function waitForVendor(page: Page, part: string): Promise<void> {
  await page.waitForFunction(
    (p) => ((window as unknown as { __vendorRan?: string[] }).__vendorRan ?? []).some((u) => u.includes(p)),
    part,
    { timeout: 10_000 },
  );
}

/** Whether a file of the UI (a language's banner, the views) was requested at all in this session. */
export function uiRequested(session: Session): boolean {
  return session.requests.some((r) => UI_FILE.test(r.url));
}

/** The UI's files as the build names them: `i18n/<language>-<mode>.js`, `chunks/<name>.js`. */
export const UI_FILE = /\/(i18n|chunks)\/[\w-]+\.js(\?|$)/;

/** The hosts of third-party requests, for readable failure messages. */
export function thirdPartyUrls(session: Session): string[] {
  return session.thirdParty().map((r) => r.url);
}
