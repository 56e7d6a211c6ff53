// The keyboard-only flow in real Chromium (issue 4 "Tests"; SPEC §7: the banner
// is the first thing Tab reaches; the preferences are a modal that takes focus,
// keeps it, and gives it back; Escape closes them).
import { consentState, expect, test } from "../harness";
import { bannerShown, focus, preferencesShown, uiPage } from "./pages";

test("a first visitor can reach, open, use and leave every layer with the keyboard alone, then reject all", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);

  // The banner did not take focus from the page, and it is the first thing Tab reaches.
  expect((await focus(page)).host).toBe("body");
  await page.keyboard.press("Tab");
  const first = await focus(page);
  expect(first).toMatchObject({ host: "consentgate-ui", inBanner: true });
  expect(["button", "a"]).toContain(first.tag);

  // Tab reaches the three actions, in this order.
  const reached: string[] = [first.text];
  for (let i = 0; i < 5 && !reached.includes("Manage choices"); i++) {
    await page.keyboard.press("Tab");
    const now = await focus(page);
    expect(now).toMatchObject({ host: "consentgate-ui", inBanner: true });
    reached.push(now.text);
  }
  const actions = reached.filter((t) => ["Accept all", "Reject all", "Manage choices"].includes(t));
  expect(actions).toEqual(["Accept all", "Reject all", "Manage choices"]);

  // Enter on Manage choices opens the preferences, with focus inside.
  await page.keyboard.press("Enter");
  await preferencesShown(page);
  await expect.poll(() => focus(page)).toMatchObject({ host: "consentgate-ui", inDialog: true });

  // Tab stays inside the dialog, both ways, and passes every switch.
  const switches = new Map<string, string | null>();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    const now = await focus(page);
    expect(now, `Tab #${i + 1}`).toMatchObject({ host: "consentgate-ui", inDialog: true });
    if (now.role == "switch") switches.set(now.label!, now.checked);
  }
  expect(Object.fromEntries(switches)).toEqual({ Analytics: "false", Marketing: "false" });
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Shift+Tab");
    expect(await focus(page), `Shift+Tab #${i + 1}`).toMatchObject({ host: "consentgate-ui", inDialog: true });
  }

  // Space toggles the switch that has focus.
  for (let i = 0; i < 25 && (await focus(page)).role != "switch"; i++) await page.keyboard.press("Tab");
  const before = await focus(page);
  expect(before).toMatchObject({ role: "switch", checked: "false" });
  await page.keyboard.press("Space");
  await expect.poll(async () => (await focus(page)).checked).toBe("true");
  await page.keyboard.press("Space");
  await expect.poll(async () => (await focus(page)).checked).toBe("false");

  // Escape closes without deciding; focus returns to Manage choices on the banner.
  await page.keyboard.press("Escape");
  await page.locator("consentgate-ui dialog").waitFor({ state: "detached" });
  await bannerShown(page);
  await expect.poll(() => focus(page)).toMatchObject({ host: "consentgate-ui", inBanner: true, text: "Manage choices" });
  expect((await consentState(page)).decided).toBe(false);

  // Back to Reject all, and Enter decides.
  await page.keyboard.press("Shift+Tab");
  expect(await focus(page)).toMatchObject({ inBanner: true, text: "Reject all" });
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await consentState(page)).decided).toBe(true);
  expect((await consentState(page)).categories).toEqual({ necessary: true, analytics: false, marketing: false });
  await page.locator("consentgate-ui .cg-banner").waitFor({ state: "detached" });
  expect(session.problems()).toEqual([]);
});

test("the page keeps focus when the banner appears", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  // The banner is announced through a live region rather than by moving focus.
  expect((await focus(page)).host).toBe("body");
  await expect
    .poll(() => page.locator("consentgate-ui [role=status]").textContent())
    .toBe("This site uses cookies");
});
