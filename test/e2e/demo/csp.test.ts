// The strict-CSP demo pages, served with their CSP headers by the demo
// server: ConsentGate's banner, preferences, placeholder and released scripts
// cause no violation, and tagged scripts released under a nonce policy run.
import type { Page } from "playwright-core";
import type { Session } from "../harness";
import {
  describe,
  expect,
  settle,
  state,
  test,
  ui,
  uiButton,
  visitDemo,
  waitForBanner,
  waitForVendor,
} from "./demo-test";

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** Records every `securitypolicyviolation` from before the page's first script. */
async function watchViolations(session: Session): Promise<void> {
  await session.context.addInitScript({
    content: `(() => {
      const seen = (window.__violations = []);
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }), true);
    })();`,
  });
}

function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __violations?: Violation[] }).__violations ?? []);
}

function cspConsole(session: Session): string[] {
  return session.console.filter((c) => /Content.Security.Policy/i.test(c.text)).map((c) => c.text);
}

function ran(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspDemoRan?: string[] }).cspDemoRan ?? []);
}

describe("strict CSP: script-src 'self'; style-src 'self', no unsafe-inline", () => {
  test("is served with the policy header", async ({ session }) => {
    const response = await fetch(session.server.url("/csp-strict.html", "127.0.0.1"));
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; frame-src 'self'",
    );
  });

  test("banner, preferences and placeholder cause zero violations", async ({ session }) => {
    await watchViolations(session);
    const page = await visitDemo(session, "/csp-strict.html");
    await waitForBanner(page);
    await uiButton(page, "Manage choices").click();
    await ui(page).getByRole("switch").first().waitFor({ state: "visible", timeout: 10_000 });
    await page.keyboard.press("Escape");
    // The held iframe's placeholder (wherever the UI puts it: role queries pierce shadow roots).
    await page
      .getByRole("button", { name: /Demo widget/ })
      .first()
      .waitFor({ state: "visible", timeout: 10_000 });
    await settle(page);
    expect(await violations(page)).toEqual([]);
    expect(cspConsole(session)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: unknown[] }).cspViolations)).toEqual([]);
  });

  test("the banner is styled under style-src 'self' (its buttons have a visible size)", async ({ session }) => {
    const page = await visitDemo(session, "/csp-strict.html");
    const accept = await waitForBanner(page);
    const box = await accept.boundingBox();
    expect(box && box.width >= 24 && box.height >= 24).toBe(true);
  });

  test("Accept all runs the tagged scripts and loads the held iframe, with zero violations", async ({
    session,
  }) => {
    await watchViolations(session);
    const page = await visitDemo(session, "/csp-strict.html");
    await (await waitForBanner(page)).click();
    await page.waitForFunction(
      () => ((window as unknown as { cspDemoRan?: string[] }).cspDemoRan ?? []).length === 2,
      null,
      { timeout: 10_000 },
    );
    expect((await ran(page)).sort()).toEqual(["analytics", "marketing"]);
    await page.waitForFunction(() => !!document.querySelector('iframe[src="/embed-frame.html"]'), null, {
      timeout: 10_000,
    });
    await settle(page);
    expect(await violations(page)).toEqual([]);
    expect(cspConsole(session)).toEqual([]);
  });
});

describe("nonce CSP with 'strict-dynamic'", () => {
  test("each response has a fresh nonce, in the header and in every script tag", async ({ session }) => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(session.server.url("/csp-nonce.html", "127.0.0.1"));
      const header = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(header)?.[1];
      expect(nonce).toBeTruthy();
      expect(header).toBe(
        `script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'`,
      );
      const html = await response.text();
      expect(html).not.toContain("{{NONCE}}");
      const attrs = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]*)"/g)].map((m) => m[1]);
      expect(attrs.length).toBeGreaterThan(4);
      expect(new Set(attrs)).toEqual(new Set([nonce]));
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("before consent nothing tagged runs and no tracker is requested", async ({ session }) => {
    await watchViolations(session);
    const page = await visitDemo(session, "/csp-nonce.html");
    await waitForBanner(page);
    await settle(page);
    expect(await ran(page)).toEqual([]);
    expect(session.thirdParty().map((r) => r.url)).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });

  test("Accept all releases the tagged vendor scripts with their nonce, and they run", async ({ session }) => {
    await watchViolations(session);
    const page = await visitDemo(session, "/csp-nonce.html");
    await (await waitForBanner(page)).click();
    await waitForVendor(page, "www.googletagmanager.com/gtag/js?id=G-XXXXXXXXXX");
    await page.waitForFunction(
      () => ((window as unknown as { cspDemoRan?: string[] }).cspDemoRan ?? []).length === 2,
      null,
      { timeout: 10_000 },
    );
    // The released inline GA snippet ran: its config call is in the dataLayer.
    const configured = await page.evaluate(() =>
      ((window as unknown as { dataLayer?: ArrayLike<unknown>[] }).dataLayer ?? []).some(
        (entry) => entry && entry[0] === "config" && entry[1] === "G-XXXXXXXXXX",
      ),
    );
    expect(configured).toBe(true);
    expect((await state(page)).categories).toEqual({ necessary: true, analytics: true, marketing: true });
    // Inserted on Meta's behalf once its released snippet has queued its calls
    // (the snippet itself steps aside for the existing fbq): trusted through
    // 'strict-dynamic', as a script inserted by a trusted script.
    await waitForVendor(page, "connect.facebook.net/en_US/fbevents.js");
    await settle(page);
    expect(await violations(page)).toEqual([]);
    expect(cspConsole(session)).toEqual([]);
  });

  test("preferences open with zero violations", async ({ session }) => {
    await watchViolations(session);
    const page = await visitDemo(session, "/csp-nonce.html");
    await waitForBanner(page);
    await uiButton(page, "Manage choices").click();
    await ui(page).getByRole("switch").first().waitFor({ state: "visible", timeout: 10_000 });
    await settle(page);
    expect(await violations(page)).toEqual([]);
  });
});
