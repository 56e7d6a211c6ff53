// The embeds page: a YouTube video (catalogue service) and a Google map
// (declared by the site) wait behind placeholders.
import {
  describe,
  expect,
  settle,
  state,
  test,
  thirdPartyUrls,
  visitDemo,
  waitForBanner,
} from "./demo-test";

const YOUTUBE = "https://www.youtube-nocookie.com/embed/XXXXXXXXXXX";
const MAP = "https://www.google.com/maps/embed?pb=PLACEHOLDER_MAP_ID";

describe("embeds", () => {
  test("before consent: placeholders naming each service, and no request to either", async ({ session }) => {
    const page = await visitDemo(session, "/embeds.html");
    await waitForBanner(page);
    await page.getByRole("button", { name: /YouTube/ }).first().waitFor({ state: "visible", timeout: 10_000 });
    await page.getByRole("button", { name: /Google Maps/ }).first().waitFor({ state: "visible", timeout: 10_000 });
    await settle(page);
    expect(thirdPartyUrls(session)).toEqual([]);
  });

  test("the placeholder's allow button allows YouTube and loads the video", async ({ session }) => {
    const page = await visitDemo(session, "/embeds.html");
    const allow = page.getByRole("button", { name: /Allow YouTube/ }).first();
    await allow.waitFor({ state: "visible", timeout: 10_000 });
    await allow.click();
    await page.waitForFunction((src) => !!document.querySelector(`iframe[src="${src}"]`), YOUTUBE, {
      timeout: 10_000,
    });
    await settle(page);
    expect(thirdPartyUrls(session)).toContain(YOUTUBE);
    const s = await state(page);
    expect(s.services.youtube).toBe(true);
    expect(s.services["google-maps"]).toBe(false);
    expect(thirdPartyUrls(session)).not.toContain(MAP);
  });

  test('"only this time" loads the map for this page view and stores nothing', async ({ session }) => {
    const page = await visitDemo(session, "/embeds.html");
    await page.getByRole("button", { name: /Google Maps/ }).first().waitFor({ state: "visible", timeout: 10_000 });
    // The map's placeholder: the smallest element holding both its allow
    // button and an "only this time" button, and not YouTube's.
    const placeholder = page
      .locator("*")
      .filter({ has: page.getByRole("button", { name: /Allow Google Maps/ }) })
      .filter({ has: page.getByRole("button", { name: /only this time/i }) })
      .filter({ hasNot: page.getByRole("button", { name: /YouTube/ }) })
      .last();
    await placeholder.getByRole("button", { name: /only this time/i }).click();
    await page.waitForFunction((src) => !!document.querySelector(`iframe[src="${src}"]`), MAP, {
      timeout: 10_000,
    });
    const s = await state(page);
    expect(s.services["google-maps"]).toBe(false);
    expect(s.decided).toBe(false);
    expect(await session.cookie("cg_embeds")).toBeUndefined();
    await page.reload();
    await settle(page);
    expect(await page.evaluate((src) => !!document.querySelector(`iframe[src="${src}"]`), MAP)).toBe(false);
  });
});
