/**
 * What the gate tests share: vendor snippets (verbatim, from
 * test/fixtures/snippets/), fixture pages under test/fixtures/gate/, the
 * vendor fakes, the real Mixpanel SDK served as Mixpanel's CDN file, and
 * readers for what ran, what was requested and what was stored.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { Page, Request } from "playwright-core";
import type { SiteConfig } from "../../../src/types";
import { composePage, installSnippet, REPO, type PageOptions, type Session } from "../harness";

export const GATE_FIXTURES = join(REPO, "test/fixtures/gate");
const SNIPPETS = join(REPO, "test/fixtures/snippets");

/** The vendors whose snippets the tests install, by catalogue id. */
export type Vendor =
  | "google-analytics"
  | "google-tag-manager"
  | "facebook-pixel"
  | "hotjar"
  | "mixpanel"
  | "microsoft-clarity"
  | "tiktok-pixel"
  | "linkedin-insight";

/** A vendor's install snippet exactly as the vendor hands it out (test/fixtures/snippets/README.md). */
export function snippet(vendor: Vendor): string {
  return readFileSync(join(SNIPPETS, `${vendor}.html`), "utf8");
}

/**
 * The snippet tagged the way the README recommends: each `<script>` becomes
 * `<script type="text/plain" data-consent="…">`, nothing else changes.
 */
export function tagged(vendor: Vendor, consent: string = vendor): string {
  return snippet(vendor).replace(/<script\b([^>]*)>/g, (_, attributes: string) => {
    const rest = attributes.replace(/\s+type="text\/javascript"/, "");
    return `<script type="text/plain" data-consent="${consent}"${rest}>`;
  });
}

export function gateFile(name: string): string {
  return readFileSync(join(GATE_FIXTURES, name), "utf8");
}

/**
 * A page from test/fixtures/gate/: `<!-- snippet:ID -->` becomes the vendor's
 * verbatim snippet, `<!-- tagged:ID:CONSENT -->` the tagged one.
 */
export function gatePage(name: string): string {
  return expand(gateFile(name));
}

export function expand(html: string): string {
  return html
    .replace(/<!-- snippet:([\w-]+) -->/g, (_, id: Vendor) => snippet(id))
    .replace(/<!-- tagged:([\w-]+):([\w-]+) -->/g, (_, id: Vendor, consent: string) => tagged(id, consent));
}

/**
 * Serves `html` (a document or body content) with ConsentGate installed first
 * in <head> (or at `<!-- consentgate -->`), plus /gate/insert-tags.js, and
 * opens it. Returns the page once loaded.
 */
export async function openGate(
  session: Session,
  html: string,
  config: SiteConfig | string | undefined,
  options: PageOptions = {},
): Promise<Page> {
  const path = servePage(session, html, config, options);
  return session.visit(path, options);
}

export function servePage(
  session: Session,
  html: string,
  config: SiteConfig | string | undefined,
  options: PageOptions = {},
): string {
  const path = options.path ?? `/p/${randomUUID().slice(0, 8)}/page.html`;
  session.route("/gate/insert-tags.js", {
    headers: { "content-type": "text/javascript; charset=utf-8" },
    body: gateFile("insert-tags.js"),
  });
  session.route(path, {
    headers: { "content-type": "text/html; charset=utf-8", ...options.headers },
    body: composePage(html, installSnippet(config, options), "Gate"),
  });
  return path;
}

// ---------------------------------------------------------------------------
// Vendors answered locally

const FAKES = {
  gtag: gateFile("fakes/gtag.js"),
  gtm: gateFile("fakes/gtm.js"),
  fbevents: gateFile("fakes/fbevents.js"),
  hotjar: gateFile("fakes/hotjar.js"),
};

/** The real SDK's CDN build (loader-globals: init from the snippet), as cdn.mxpnl.com serves it. */
export const MIXPANEL_SDK = readFileSync(join(REPO, "node_modules/mixpanel-browser/dist/mixpanel.min.js"), "utf8");
export const MIXPANEL_TOKEN = "0123456789abcdef0123456789abcdef";

const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** One request a vendor endpoint received, with its body. */
export interface Received {
  url: string;
  method: string;
  body: string;
}

export interface Vendors {
  /** Requests to api-js.mixpanel.com, with their bodies (decoded). */
  mixpanel: Received[];
  /** Requests to *.google-analytics.com/g/collect. */
  collect: Received[];
  /** Requests to www.facebook.com/tr. */
  pixel: Received[];
  /** Requests to in.hotjar.com. */
  hotjar: Received[];
}

function received(request: Request): Received {
  let body = request.postData() ?? "";
  try {
    body = decodeURIComponent(body.replace(/\+/g, " "));
  } catch {
    // binary or not form-encoded: keep it as is
  }
  return { url: request.url(), method: request.method(), body };
}

/**
 * Answers every tracker host of the tests: a probe script by default (it
 * records its own URL in `window.__ran` when it runs), the fakes for gtag.js,
 * gtm.js, fbevents.js and Hotjar, the real Mixpanel SDK, and the vendors'
 * collect endpoints (recorded with their bodies).
 */
export function installVendors(session: Session): Vendors {
  const vendors: Vendors = { mixpanel: [], collect: [], pixel: [], hotjar: [] };
  const script = (body: string) => ({ body });

  session.fake(
    () => true,
    (request) => {
      switch (request.resourceType()) {
        case "script":
          return script(`(window.__ran = window.__ran || []).push(${JSON.stringify(request.url())});`);
        case "image":
          return { contentType: "image/gif", body: GIF };
        case "document":
          return { contentType: "text/html", body: "<!doctype html><title>embed</title>" };
        default:
          return { status: 204, contentType: "text/plain" };
      }
    },
  );
  session.fake((url) => url.host === "www.googletagmanager.com" && url.pathname === "/gtag/js", script(FAKES.gtag));
  session.fake((url) => url.host === "www.googletagmanager.com" && url.pathname === "/gtm.js", script(FAKES.gtm));
  session.fake((url) => url.host === "connect.facebook.net" && /^\/[\w-]+\/fbevents\.js$/.test(url.pathname), script(FAKES.fbevents));
  session.fake((url) => url.host === "static.hotjar.com" && /^\/c\/hotjar-\d+\.js$/.test(url.pathname), script(FAKES.hotjar));
  session.fake((url) => url.host === "cdn.mxpnl.com" && url.pathname === "/libs/mixpanel-2-latest.min.js", script(MIXPANEL_SDK));

  const recordTo = (list: Received[], reply: (request: Request) => { status?: number; contentType?: string; body?: string | Buffer }) =>
    (request: Request) => {
      list.push(received(request));
      return reply(request);
    };
  session.fake(
    (url) => url.host === "api-js.mixpanel.com",
    recordTo(vendors.mixpanel, () => ({ contentType: "text/plain", body: "1" })),
  );
  session.fake(
    (url) => url.host.endsWith("google-analytics.com") && url.pathname === "/g/collect",
    recordTo(vendors.collect, () => ({ status: 204, contentType: "text/plain" })),
  );
  session.fake(
    (url) => url.host === "www.facebook.com" && /^\/tr\/?$/.test(url.pathname),
    recordTo(vendors.pixel, () => ({ contentType: "image/gif", body: GIF })),
  );
  session.fake(
    (url) => url.host === "in.hotjar.com",
    recordTo(vendors.hotjar, () => ({ status: 204, contentType: "text/plain" })),
  );
  return vendors;
}

// ---------------------------------------------------------------------------
// Reading the page

/** What the fakes recorded in the page (`window.__fake`). */
export interface FakeRecords {
  gtag?: {
    runs: number;
    commands: unknown[][];
    skipped: number;
    consent: Record<string, string>;
    consentLog: string[];
    consentAtConfig?: Record<string, string>;
    configs: string[];
    hits: { id: string; event: string; gcs: string; cookies: boolean }[];
  };
  gtm?: { runs: number; events: string[]; injected?: string };
  fbq?: { runs: number; received: unknown[][]; pixels: string[]; sent: string[] };
  hotjar?: { runs: number; received: unknown[][]; site?: number; posted?: boolean };
}

export function fakes(page: Page): Promise<FakeRecords> {
  return page.evaluate(() => (window as unknown as { __fake?: FakeRecords }).__fake ?? {});
}

/** Every vendor script that executed, in order: fakes by file name, probes by URL. */
export function ran(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran ?? []);
}

/** Whether the real Mixpanel SDK replaced the snippet's stub. */
export function mixpanelLoaded(page: Page): Promise<boolean> {
  return page.evaluate(() => !!(window as unknown as { mixpanel?: { __loaded?: boolean } }).mixpanel?.__loaded);
}

/** Names of the cookies the browser holds for the site, with the domain they were set on. */
export async function siteCookies(session: Session): Promise<string[]> {
  return (await session.cookies()).map((c) => `${c.name}@${c.domain}`).sort();
}

/** Every key in localStorage and sessionStorage, as `local:key` / `session:key`. */
export function storageKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...Object.keys(localStorage).map((k) => `local:${k}`),
    ...Object.keys(sessionStorage).map((k) => `session:${k}`),
  ].sort());
}

// ---------------------------------------------------------------------------
// Configs

/** Every vendor the tests install, each in its catalogue category. */
export const ALL_VENDORS: SiteConfig = {
  categories: {
    analytics: { services: ["google-analytics", "google-tag-manager", "hotjar", "mixpanel", "microsoft-clarity"] },
    marketing: { services: ["facebook-pixel", "tiktok-pixel", "linkedin-insight"], sale: true },
  },
};

/** The vendors with a snippet in test/fixtures/snippets/ the tests install. */
export const VENDORS: Vendor[] = [
  "google-analytics",
  "google-tag-manager",
  "facebook-pixel",
  "hotjar",
  "mixpanel",
  "microsoft-clarity",
  "tiktok-pixel",
  "linkedin-insight",
];

/** The URLs each vendor's snippet loads (the scripts the tests expect after consent). */
export const LOADERS: Record<Vendor, string> = {
  "google-analytics": "https://www.googletagmanager.com/gtag/js?id=G-TEST123456",
  "google-tag-manager": "https://www.googletagmanager.com/gtm.js?id=GTM-TEST123",
  "facebook-pixel": "https://connect.facebook.net/en_US/fbevents.js",
  hotjar: "https://static.hotjar.com/c/hotjar-1234567.js?sv=6",
  mixpanel: "http://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js",
  "microsoft-clarity": "https://www.clarity.ms/tag/abcdefghij",
  "tiktok-pixel": "https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C0TEST0PIXEL0ID0&lib=ttq",
  "linkedin-insight": "https://snap.licdn.com/li.lms-analytics/insight.min.js",
};

/** Requests for one URL so far. */
export function requestsFor(session: Session, url: string): number {
  return session.requests.filter((r) => r.url === url).length;
}
