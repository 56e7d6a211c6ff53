// axe-core on the banner, the preferences and a YouTube placeholder, in real
// Chromium, light, dark and right to left (issue 4 "Tests"; SPEC §7: WCAG 2.2 AA).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, REPO, test } from "../harness";
import type { SiteConfig } from "../../../src/types";
import { accessibilityTree, bannerShown, placeholderShown, preferencesShown, SITE, uiPage, withUi } from "./pages";

const AXE = readFileSync(join(REPO, "node_modules/axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

interface AxeSummary {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
  /** Targets of the nodes that passed a check inside a <consentgate-ui> shadow root. */
  shadowPasses: string[];
  /** What axe could not decide (e.g. contrast over an image): for reading, not asserted. */
  incomplete: string[];
}

/** Runs axe on the whole document, shadow roots included. */
async function axe(page: Page): Promise<AxeSummary> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: any }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    const inShadow = (target: unknown) =>
      Array.isArray(target) && Array.isArray(target[0]) && String(target[0][0]).includes("consentgate-ui");
    return {
      violations: results.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })),
      })),
      incomplete: results.incomplete.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => JSON.stringify(n.target) + " " + (n.any[0]?.message ?? "")).join("; ")}`),
      shadowPasses: results.passes
        .flatMap((p: any) => p.nodes.map((n: any) => ({ id: p.id, target: n.target })))
        .filter((n: any) => inShadow(n.target))
        .map((n: any) => `${n.id} ${JSON.stringify(n.target)}`),
    };
  }, TAGS);
}

/** Opens every "services and cookies" disclosure so their tables and links are checked too. */
async function expandServices(page: Page) {
  await page.locator("consentgate-ui dialog .cg-svc").first().waitFor({ state: "attached" }).catch(() => {});
  await page.locator("consentgate-ui dialog summary").evaluateAll((summaries) =>
    summaries.forEach((s) => ((s.parentElement as HTMLDetailsElement).open = true)),
  );
  await page.locator("consentgate-ui dialog .cg-svc h4").first().waitFor({ state: "visible" });
}

const VARIANTS = [
  { name: "light", fixture: "video.html", config: withUi({ theme: "light" }), embed: "YouTube" },
  { name: "dark", fixture: "video.html", config: withUi({ theme: "dark" }), embed: "YouTube" },
  { name: "right-to-left (Hebrew)", fixture: "video-he.html", config: withUi({ theme: "light" }), embed: "YouTube" },
  { name: "right-to-left and dark", fixture: "video-he.html", config: withUi({ theme: "dark" }), embed: "YouTube" },
] as const;

describe.each(VARIANTS)("axe-core, $name", ({ fixture, config }) => {
  test("finds no WCAG 2.2 AA violation in the banner and the YouTube placeholder", async ({ session }) => {
    const page = await uiPage(session, fixture, config);
    await bannerShown(page);
    await placeholderShown(page);

    const result = await axe(page);
    expect(result.violations).toEqual([]);
    // axe looked inside the shadow roots: the banner's and the placeholder's buttons were checked.
    expect(result.shadowPasses.filter((t) => t.startsWith("button-name") && !t.includes("data-embed"))).toHaveLength(3);
    expect(result.shadowPasses.filter((t) => t.startsWith("button-name") && t.includes("data-embed"))).toHaveLength(2);
    expect(session.problems()).toEqual([]);
  });

  test("finds no WCAG 2.2 AA violation in the preferences, services and cookies shown", async ({ session }) => {
    const page = await uiPage(session, fixture, config);
    await bannerShown(page);
    await page.locator("consentgate-ui .cg-banner button").nth(2).click();
    await preferencesShown(page);
    await expandServices(page);

    const result = await axe(page);
    expect(result.violations).toEqual([]);
    // The switches and the services' tables inside the dialog were checked.
    // Banner 3 + close 1 + the categories' switches 2 and their services' 2 + Reject all, Accept all, Save choices 3.
    expect(result.shadowPasses.filter((t) => t.startsWith("button-name") && !t.includes("data-embed"))).toHaveLength(11);
    expect(result.shadowPasses.some((t) => t.startsWith("th-has-data-cells") || t.startsWith("td-headers-attr"))).toBe(true);
    expect(session.problems()).toEqual([]);
  });
});

test("finds no WCAG 2.2 AA violation, nor low contrast, in the opt-out notice with California's fourth button", async ({ session }) => {
  const config = {
    ...SITE,
    mode: "opt-out",
    categories: { analytics: { services: ["google-analytics"] }, marketing: { services: ["youtube"], sale: true } },
  };
  const page = await uiPage(session, "video.html", config as SiteConfig);
  await bannerShown(page);
  const buttons = page.locator("consentgate-ui .cg-banner button");
  await expect.poll(() => buttons.allTextContents()).toEqual(["Accept all", "Reject all", "Manage choices", "Do not sell or share my personal information"]);

  const result = await axe(page);
  expect(result.violations).toEqual([]);
  expect(result.shadowPasses.filter((t) => t.startsWith("button-name") && !t.includes("data-embed"))).toHaveLength(4);
  const contrast = await lowContrast(page);
  expect(contrast.low).toEqual([]);
  expect(session.problems()).toEqual([]);
});

test("tells screen readers which category each services-and-cookies disclosure belongs to", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await bannerShown(page);
  await page.locator("consentgate-ui .cg-banner button").nth(2).click();
  await preferencesShown(page);
  // Chromium's role for a <summary>.
  const names = (await accessibilityTree(page)).filter((n) => n.exposed && n.role == "DisclosureTriangle").map((n) => n.name);
  expect(names).toEqual(["Analytics Services and cookies (1)", "Marketing Services and cookies (1)"]);
});

/**
 * axe reports the banner's and the preferences' colour contrast as
 * "incomplete" (it cannot compose backgrounds in the top layer), so this
 * measures it: each text's colour against the first opaque background behind
 * it in the shadow tree, else the host's.
 */
function lowContrast(page: Page): Promise<{ checked: number; low: string[] }> {
  return page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length >= 3 && (c[3] ?? 1) >= 1) return c;
        if (el.localName == "html") break;
      }
      return [255, 255, 255];
    };
    const bad: string[] = [];
    let checked = 0;
    for (const host of document.querySelectorAll("consentgate-ui")) {
      const walker = document.createTreeWalker(host.shadowRoot!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement!;
        if (!node.textContent!.trim() || !el.checkVisibility() || el.closest(".cg-sr")) continue;
        checked++;
        const fg = rgb(getComputedStyle(el).color);
        const bg = background(el);
        const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
        const ratio = (a + 0.05) / (b + 0.05);
        if (ratio < 4.5) bad.push(`${el.localName}.${el.className} "${node.textContent!.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`);
      }
    }
    return { checked, low: bad };
  });
}

describe.each(VARIANTS)("text contrast, $name", ({ fixture, config }) => {
  test("keeps 4.5:1 for every text of the banner, the preferences and the placeholder", async ({ session }) => {
    const page = await uiPage(session, fixture, config);
    await bannerShown(page);
    await placeholderShown(page);
    const first = await lowContrast(page);
    expect(first.low).toEqual([]);
    expect(first.checked).toBeGreaterThanOrEqual(10);

    await page.locator("consentgate-ui .cg-banner button").nth(2).click();
    await preferencesShown(page);
    await expandServices(page);
    const second = await lowContrast(page);
    expect(second.low).toEqual([]);
    expect(second.checked).toBeGreaterThan(first.checked);
  });
});
