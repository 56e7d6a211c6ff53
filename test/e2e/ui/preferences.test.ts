// The preferences with the real core behind them: what each switch shows is
// what Save stores, also for a service that has a choice of its own (SPEC §7:
// "the services and cookies inside each"; README "Preferences").
import type { Page } from "playwright-core";
import { callConsentGate, consentState, expect, test } from "../harness";
import type { SiteConfig } from "../../../src/types";
import { preferencesShown, uiPage } from "./pages";

const CONFIG = {
  categories: {
    analytics: { services: ["google-analytics"] },
    marketing: { services: ["youtube"], sale: true },
  },
} as SiteConfig;

/** Opens the preferences, runs `act` in them, and saves; returns what each service's switch showed before Save. */
async function saveFromPreferences(page: Page, act: (dialog: ReturnType<Page["locator"]>) => Promise<void>) {
  await callConsentGate(page, "open", "preferences");
  await preferencesShown(page);
  const dialog = page.locator("consentgate-ui dialog");
  // The services' switches come with their texts.
  await dialog.getByRole("switch", { name: "YouTube", includeHidden: true }).waitFor({ state: "attached" });
  await act(dialog);
  const shown = await dialog.locator(".cg-svc [role=switch]").evaluateAll((els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute("aria-label"), el.getAttribute("aria-checked") == "true"])),
  );
  await dialog.getByRole("button", { name: "Save choices" }).click();
  return shown;
}

test("a category switched off after an embed was allowed on its own takes the embed along, as its switch showed", async ({ session }) => {
  const page = await uiPage(session, "shop.html", CONFIG);
  // A placeholder's Allow, then Marketing switched on in the preferences.
  await page.evaluate(() => window.ConsentGate.set({ youtube: true }));
  await saveFromPreferences(page, (dialog) => dialog.getByRole("switch", { name: "Marketing" }).click());
  expect((await consentState(page)).services.youtube).toBe(true);

  const shown = await saveFromPreferences(page, (dialog) => dialog.getByRole("switch", { name: "Marketing" }).click());
  expect(shown.YouTube).toBe(false);
  expect(await consentState(page)).toMatchObject({ categories: { marketing: false }, services: { youtube: false } });
  await page.reload();
  expect((await consentState(page)).services.youtube).toBe(false);
});

test("a service switched off on its own, then its category switched on, runs with the category, as its switch showed", async ({ session }) => {
  const page = await uiPage(session, "shop.html", CONFIG);
  await page.evaluate(() => window.ConsentGate.set({ analytics: false, marketing: false, youtube: true }));
  const first = await saveFromPreferences(page, (dialog) => dialog.getByRole("switch", { name: "YouTube" }).click());
  expect(first.YouTube).toBe(false);
  expect((await consentState(page)).services.youtube).toBe(false);

  const shown = await saveFromPreferences(page, (dialog) => dialog.getByRole("switch", { name: "Marketing" }).click());
  expect(shown.YouTube).toBe(true);
  expect(await consentState(page)).toMatchObject({ categories: { marketing: true }, services: { youtube: true } });
});

test("a service allowed on its own while its category stays off is stored, shown on, and refused again from its switch", async ({ session }) => {
  const page = await uiPage(session, "shop.html", CONFIG);
  await page.evaluate(() => window.ConsentGate.rejectAll());
  await saveFromPreferences(page, async (dialog) => {
    await dialog.locator("summary").nth(1).click();
    await dialog.getByRole("switch", { name: "YouTube" }).click();
  });
  expect(await consentState(page)).toMatchObject({ categories: { marketing: false }, services: { youtube: true } });
  const shown = await saveFromPreferences(page, async (dialog) => {
    // Opened to show it: its category's switch reads off while it runs.
    expect(await dialog.getByRole("switch", { name: "YouTube" }).isVisible()).toBe(true);
    await dialog.getByRole("switch", { name: "YouTube" }).click();
  });
  expect(shown.YouTube).toBe(false);
  expect((await consentState(page)).services.youtube).toBe(false);
});

test("what Save stores leaves no service choice behind for a later refusal of its category to miss: the opt-out notice's Do not sell, a site's own control", async ({ session }) => {
  const page = await uiPage(session, "shop.html", { ...CONFIG, mode: "opt-out" });
  await saveFromPreferences(page, async () => {});
  expect(await consentState(page)).toMatchObject({ categories: { analytics: true, marketing: true }, services: { youtube: true } });
  // Asked again (a revision, a category added since): Do not sell turns the sale category off, its services with it.
  await page.evaluate(() => window.ConsentGate.withdraw());
  await page.locator("consentgate-ui").getByRole("button", { name: /Do not sell/ }).click();
  expect(await consentState(page)).toMatchObject({ categories: { marketing: false }, services: { youtube: false } });

  await saveFromPreferences(page, (dialog) => dialog.getByRole("switch", { name: "Marketing" }).click());
  await page.evaluate(() => window.ConsentGate.set({ analytics: false, marketing: false }));
  expect(await consentState(page)).toMatchObject({ services: { "google-analytics": false, youtube: false } });
});
