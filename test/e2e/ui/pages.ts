// Serving test/fixtures/ui-e2e/ to the browser, and reading the UI's shadow DOM.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import type { SiteConfig } from "../../../src/types";
import { composePage, installSnippet, REPO, type PageOptions, type Session } from "../harness";

export const UI_FIXTURES = join(REPO, "test/fixtures/ui-e2e");

export function readUiFixture(name: string): string {
  return readFileSync(join(UI_FIXTURES, name), "utf8");
}

/** A site with an analytics service and YouTube embeds held under marketing. */
export const SITE: SiteConfig = {
  categories: {
    analytics: { services: ["google-analytics"] },
    marketing: { services: ["youtube"] },
  },
  policyUrl: "/privacy",
} as SiteConfig;

export function withUi(ui: Record<string, unknown>, config: SiteConfig = SITE): SiteConfig {
  return { ...config, ui: { ...(config as { ui?: object }).ui, ...ui } } as SiteConfig;
}

const TYPES: Record<string, string> = { css: "text/css; charset=utf-8", js: "text/javascript; charset=utf-8" };

/**
 * Serves a fixture of test/fixtures/ui-e2e with the install snippet and opens
 * it; the other fixture files answer at /ui-e2e/<name>.
 */
export async function uiPage(
  session: Session,
  fixture: string,
  config: SiteConfig | string | undefined = SITE,
  options: PageOptions = {},
): Promise<Page> {
  for (const file of ["hostile.css", "csp-watch.js"]) {
    session.route(`/ui-e2e/${file}`, {
      headers: { "content-type": TYPES[file.split(".").pop()!] },
      body: readUiFixture(file),
    });
  }
  const path = options.path ?? `/p/${randomUUID().slice(0, 8)}/${fixture}`;
  session.route(path, {
    headers: { "content-type": "text/html; charset=utf-8", ...options.headers },
    body: composePage(readUiFixture(fixture), installSnippet(config, options), fixture),
  });
  return session.visit(path, options);
}

/** Waits until the banner's buttons are rendered and shown. */
export async function bannerShown(page: Page): Promise<void> {
  await page.locator("consentgate-ui .cg-banner button").first().waitFor({ state: "visible" });
}

/** Waits until the preferences dialog is open. */
export async function preferencesShown(page: Page): Promise<void> {
  await page.locator("consentgate-ui dialog[open]").waitFor({ state: "visible" });
}

/** Waits until the placeholder of a held embed shows its buttons. */
export async function placeholderShown(page: Page, service = "youtube"): Promise<void> {
  await page.locator(`consentgate-ui[data-embed="${service}"] button`).first().waitFor({ state: "visible" });
}

export interface Focus {
  /** The light-DOM element with focus (the host when focus is in a shadow root). */
  host: string | null;
  tag: string | null;
  text: string;
  role: string | null;
  /** Its name when an attribute gives it: aria-label, or title on an icon-only button. */
  label: string | null;
  checked: string | null;
  inBanner: boolean;
  inDialog: boolean;
  /** On the reopen button's own host. */
  inReopen: boolean;
}

/** Where focus is, looking into the UI's open shadow root. */
export function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const outer = document.activeElement;
    const inner = outer?.shadowRoot?.activeElement ?? null;
    const el = inner ?? outer;
    return {
      host: outer ? outer.localName : null,
      tag: inner ? inner.localName : null,
      text: (el?.textContent ?? "").trim(),
      role: el?.getAttribute("role") ?? null,
      label: el?.getAttribute("aria-label") ?? el?.getAttribute("title") ?? null,
      checked: el?.getAttribute("aria-checked") ?? null,
      inBanner: !!inner?.closest(".cg-banner"),
      inDialog: !!inner?.closest("dialog"),
      inReopen: !!outer?.hasAttribute("data-reopen"),
    };
  });
}

export interface AxNode {
  role: string;
  name: string;
  /** In the tree a screen reader reads: not ignored, not hidden by `inert` or an `aria-modal` dialog. */
  exposed: boolean;
  modal: boolean;
}

/** Chromium's accessibility tree, as a screen reader gets it, flattened. */
export async function accessibilityTree(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] }[];
    };
    return nodes.map((n) => ({
      role: String(n.role?.value ?? ""),
      name: String(n.name?.value ?? ""),
      exposed: !n.ignored,
      modal: !!n.properties?.some((p) => p.name == "modal" && p.value.value === true),
    }));
  } finally {
    await cdp.detach();
  }
}
