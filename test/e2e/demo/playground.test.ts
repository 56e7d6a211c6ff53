// The playground: API buttons, the held/released table, untagged insertions,
// the config editor with inline errors, and simulated signals.
import type { Page } from "playwright-core";
import {
  describe,
  expect,
  ready,
  settle,
  state,
  test,
  thirdPartyUrls,
  visitDemo,
  waitForBanner,
  waitForVendor,
} from "./demo-test";

function rows(page: Page, event: "held" | "released", service: string) {
  return page.locator(`#gate-log tr[data-event="${event}"][data-service="${service}"]`);
}

async function reloaded(page: Page, action: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent("load"), action()]);
  await ready(page);
}

describe("playground", () => {
  test("shows the live state, the ready event and the tagged scripts held", async ({ session }) => {
    const page = await visitDemo(session, "/playground.html");
    await waitForBanner(page);
    await page.locator('#event-log li[data-event="ready"]').first().waitFor({ timeout: 10_000 });
    await expect(page.locator('#live-state [data-category="analytics"]').isVisible()).resolves.toBe(true);
    await rows(page, "held", "google-analytics").first().waitFor({ state: "attached", timeout: 10_000 });
    await settle(page);
    expect(thirdPartyUrls(session)).toEqual([]);
    expect(await page.locator("#config-messages li.ok").count()).toBe(1);
  });

  test("an untagged Hotjar snippet inserted from script is held, then released on acceptAll()", async ({
    session,
  }) => {
    const page = await visitDemo(session, "/playground.html");
    await page.locator('[data-insert="hotjar"]').click();
    await rows(page, "held", "hotjar").first().waitFor({ state: "attached", timeout: 10_000 });
    await settle(page);
    expect(thirdPartyUrls(session).filter((u) => u.includes("hotjar"))).toEqual([]);

    await page.locator('[data-call="acceptAll"]').click();
    await rows(page, "released", "hotjar").first().waitFor({ state: "attached", timeout: 10_000 });
    await waitForVendor(page, "static.hotjar.com/c/hotjar-1234567.js");
    await page.locator('#event-log li[data-event="change"]').first().waitFor({ timeout: 10_000 });
    expect((await state(page)).source).toBe("api");
  });

  test("set() with an unknown key shows the TypeError inline", async ({ session }) => {
    const page = await visitDemo(session, "/playground.html");
    await page.locator("#set-key").fill("hotjr");
    await page.locator("#set-form button[type=submit]").click();
    await expect(page.locator("#api-result").textContent()).resolves.toMatch(/threw TypeError/);
  });

  test("allows() shows its answer", async ({ session }) => {
    const page = await visitDemo(session, "/playground.html");
    await page.locator("#allows-name").fill("necessary");
    await page.locator("#allows-form button[type=submit]").click();
    await expect(page.locator("#api-result").textContent()).resolves.toBe('allows("necessary") → true');
  });

  test("the config editor shows a JSON parse error inline and applies nothing", async ({ session }) => {
    const page = await visitDemo(session, "/playground.html");
    await page.locator("#config-editor").fill('{\n  "mode": "opt-out",\n}');
    await page.locator("#config-apply").click();
    const error = page.locator("#config-messages li.error");
    await expect(error.first().textContent()).resolves.toMatch(/JSON parse error at line 3/);
    expect(await page.evaluate(() => localStorage.getItem("consentgate-demo:playground-config"))).toBeNull();
  });

  test("an applied config is used after the reload, and ConsentGate's errors show inline", async ({
    session,
  }) => {
    const page = await visitDemo(session, "/playground.html");
    const config = {
      categories: { analytics: { services: ["google-analytics", "hotjr"] } },
      cookie: { name: "cg_playground" },
    };
    await page.locator("#config-editor").fill(JSON.stringify(config, null, 2));
    await reloaded(page, () => page.locator("#config-apply").click());
    expect(Object.keys((await state(page)).categories).sort()).toEqual(["analytics", "necessary"]);
    const messages = await page.locator("#config-messages li").allTextContents();
    expect(messages.some((m) => m.startsWith("[consentgate]") && m.includes("hotjr"))).toBe(true);
    await reloaded(page, () => page.locator("#config-reset").click());
    expect(Object.keys((await state(page)).categories)).toContain("marketing");
  });

  test("simulated GPC is seen by ConsentGate and turns the sale category off", async ({ session }) => {
    const page = await visitDemo(session, "/playground.html");
    expect((await state(page)).signals.gpc).toBe(false);
    await page.locator("#sim-gpc").check();
    await reloaded(page, () => page.locator("#apply-signals").click());
    const s = await state(page);
    expect(s.signals.gpc).toBe(true);
    expect(s.categories.marketing).toBe(false);
    expect(await page.locator("#sim-gpc").isChecked()).toBe(true);
  });

  test("simulated DNT is reported (the default config does not honour it)", async ({ session }) => {
    const page = await visitDemo(session, "/playground.html");
    await page.locator("#sim-dnt").check();
    await reloaded(page, () => page.locator("#apply-signals").click());
    const s = await state(page);
    expect(s.signals.dnt).toBe(true);
    expect(s.source).toBe("default");
  });
});
