/**
 * The real-browser test harness. A test file imports `test` from here and gets
 * `session`: a fresh visitor (its own cookies and storage) in the file's
 * Chromium, whose third-party requests are answered locally and recorded.
 *
 * @example
 * test("reports no decision on a first visit", async ({ session }) => {
 *   const page = await session.page("shop.html", { categories: { analytics: {} } });
 *   expect((await consentState(page)).decided).toBe(false);
 *   expect(session.thirdParty()).toEqual([]);
 * });
 */
import { test as base } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";
import { startServer, type FixtureServer } from "./server";
import { createSession, type Session } from "./session";

/**
 * A test file's fixtures: `server`, started once per file by `start`; the
 * file's Chromium, from `launch`; and for each test a fresh `session` on that server, which
 * `prepare` may set up first (the demo's tests answer every vendor).
 */
export function withServer(
  start: () => Promise<FixtureServer>,
  prepare?: (session: Session) => void,
  launch: () => Promise<Browser> = launchBrowser,
) {
  return base
    .extend("server", { scope: "file" }, async ({}, { onCleanup }) => {
      const server = await start();
      onCleanup(() => server.close());
      return server;
    })
    .extend("browser", { scope: "file" }, async ({}, { onCleanup }) => {
      const browser = await launch();
      onCleanup(() => browser.close());
      return browser;
    })
    .extend("session", async ({ browser, server }, { onCleanup }) => {
      const session = await createSession(browser, server);
      prepare?.(session);
      onCleanup(() => session.close());
      return session;
    });
}

export const test = withServer(startServer);

export { expect, describe } from "vitest";
export {
  consentState,
  callConsentGate,
  recordChanges,
  changeEvents,
  gateMessages,
  type ChangeEvent,
} from "./api";
export { launchBrowser, CHROMIUM } from "./browser";
export { SITE, SITE_HOST, isSiteHost } from "./hosts";
export { composePage, installSnippet, MARKER, type InstallOptions } from "./install";
export { startServer, DIST, FIXTURES, REPO, type FixtureServer, type Reply, type Handler } from "./server";
export {
  createSession,
  readFixture,
  matches,
  type Session,
  type PageOptions,
  type BrowserSignals,
  type Fake,
  type FakeReply,
  type UrlPattern,
  type RecordedRequest,
  type ConsoleEntry,
  type PageError,
  type CookieWrite,
} from "./session";
