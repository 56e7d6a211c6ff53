// A page whose framework keeps references to the nodes it rendered (React,
// Preact, Vue): it removes them, and inserts before them, through the parent
// it remembers, and throws (React unmounts the whole app) when a node is not
// where it left it. The framework here is a few lines doing just that, on
// server-rendered markup with a tagged YouTube frame and a tagged Hotjar snippet.
import type { Page } from "playwright-core";
import { callConsentGate, describe, expect, test } from "../harness";
import { installVendors, openGate, ran, snippet } from "./kit";

const CONFIG = {
  categories: {
    analytics: { services: ["hotjar"] },
    marketing: { services: ["youtube"], sale: true },
  },
};

const PAGE = `<main id="app"><div id="box"><iframe id="video" data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/abc" title="Intro" width="320" height="180"></iframe><p id="after">after</p></div>
${snippet("hotjar").replace("<script>", '<script id="tag" type="text/plain" data-consent="analytics">')}</main>
<script>
  // What the framework remembers once it has hydrated the markup.
  const nodes = { app: app, box: box, video: video, after: after, tag: tag };
  window.framework = {
    insertBeforeVideo() { const p = document.createElement("p"); p.id = "new"; nodes.box.insertBefore(p, nodes.video); },
    removeVideo() { nodes.box.removeChild(nodes.video); },
    moveVideo() { nodes.box.insertBefore(nodes.video, null); },
    removeTag() { nodes.app.removeChild(nodes.tag); },
  };
</script>`;

/** Runs one of the framework's operations: "ok", or what it threw. */
function commit(page: Page, operation: string): Promise<string> {
  return page.evaluate((name) => {
    try {
      (window as unknown as { framework: Record<string, () => void> }).framework[name]();
      return "ok";
    } catch (error) {
      return String(error);
    }
  }, operation);
}

const placeholders = (page: Page) => page.locator("consentgate-ui[data-embed]").count();

describe("a framework that keeps the nodes it rendered", () => {
  test("finds a held frame where it put it: it inserts before it and removes it, and the placeholder goes with it", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await expect.poll(() => placeholders(page)).toBe(1);

    expect(await commit(page, "insertBeforeVideo")).toBe("ok");
    expect(await page.evaluate(() => document.getElementById("new")!.nextElementSibling?.nodeName)).toBe("CONSENTGATE-UI");
    expect(await commit(page, "removeVideo")).toBe("ok");
    await expect.poll(() => placeholders(page)).toBe(0);

    // A frame the page took away is not brought back by a later consent.
    await callConsentGate(page, "acceptAll");
    await page.waitForLoadState("networkidle");
    expect(await page.locator("iframe").count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  test("moves a held frame, and its placeholder follows it", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await expect.poll(() => placeholders(page)).toBe(1);
    expect(await commit(page, "moveVideo")).toBe("ok");
    await expect
      .poll(() => page.evaluate(() => Array.from(document.getElementById("box")!.children, (el) => el.id || el.nodeName)))
      .toEqual(["after", "CONSENTGATE-UI", "video"]);
  });

  test("removes a tagged script released after the page loaded, which runs once", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => ran(page)).toContain("hotjar.js");
    expect(await commit(page, "removeTag")).toBe("ok");
    expect((await ran(page)).filter((name) => name == "hotjar.js")).toHaveLength(1);
    expect(session.pageErrors).toEqual([]);
  });

  test("finds, on a returning visitor's page, the script that runs in place of the tagged one it hydrated (released while the page parsed)", async ({
    session,
  }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await callConsentGate(page, "acceptAll");
    await page.reload();
    await expect.poll(() => ran(page)).toContain("hotjar.js");
    // One script in the tagged one's place, as the markup the framework hydrates had it.
    expect(await page.locator("#tag").count()).toBe(1);
    expect(await page.locator("#tag").getAttribute("type")).toBeNull();
    expect(await commit(page, "removeTag")).toBe("ok");
  });
});
