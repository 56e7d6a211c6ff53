// The demo server and the demo pages' markup, without a browser: what is
// served with which type and header, and the rules every page keeps (the
// config first, no inline page code, the cookie-settings link, links that
// lead somewhere).
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startDemoServer, type DemoServer } from "../../../demo/server.mjs";

const DEMO = new URL("../../../demo/", import.meta.url);
const SITES = ["minimus", "minopio", "minta", "minimum-crm", "ministat"];
const PAGES = [
  "index.html",
  "playground.html",
  "embeds.html",
  "csp-strict.html",
  "csp-nonce.html",
  ...SITES.map((s) => `sites/${s}.html`),
];
const CATALOGUE = readdirSync(new URL("../../../src/services/", import.meta.url))
  .map((f) => f.replace(/\.ts$/, ""))
  .filter((id) => !["service", "catalogue", "infos", "queue"].includes(id));

function source(page: string): string {
  return readFileSync(new URL(page, DEMO), "utf8");
}

function headOf(html: string): string {
  return html.slice(0, html.indexOf("</head>"));
}

function scripts(html: string): { attrs: string; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({
    attrs: m[1]!,
    body: m[2]!,
  }));
}

function config(page: string): Record<string, any> {
  const m = /<script type="application\/json" id="consentgate-config">([\s\S]*?)<\/script>/.exec(source(page));
  if (!m) throw new Error(`${page} has no #consentgate-config`);
  return JSON.parse(m[1]!);
}

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer(0);
});
afterAll(() => server.close());

const get = (path: string) => fetch(new URL(path, server.url));

describe("demo server", () => {
  test("serves demo/ and dist/ at the root with the right types", async () => {
    for (const [path, type] of [
      ["/", "text/html"],
      ["/sites/minta.html", "text/html"],
      ["/demo.css", "text/css"],
      ["/js/site.js", "text/javascript"],
      ["/favicon.svg", "image/svg+xml"],
      ["/consentgate.js", "text/javascript"],
      ["/chunks/views.js", "text/javascript"],
      ["/i18n/tr-opt-in.js", "text/javascript"],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toContain(type);
    }
  });

  test("answers 404 for missing files and for paths that climb out of demo/", async () => {
    expect((await get("/nope.html")).status).toBe(404);
    expect((await get("/%2e%2e/package.json")).status).toBe(404);
    expect((await get("/js/%2e%2e/%2e%2e/package.json")).status).toBe(404);
  });

  test("sends the strict CSP header only on the CSP pages", async () => {
    expect((await get("/csp-strict.html")).headers.get("content-security-policy")).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; frame-src 'self'",
    );
    expect((await get("/sites/minta.html")).headers.get("content-security-policy")).toBeNull();
  });

  test("puts a fresh nonce in the nonce page's header and script tags", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await get("/csp-nonce.html");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
      expect(nonce).toBeTruthy();
      const html = await res.text();
      expect(html).not.toContain("{{NONCE}}");
      for (const s of scripts(html).filter((s) => !s.attrs.includes("application/json"))) {
        expect(s.attrs).toContain(`nonce="${nonce}"`);
      }
      seen.add(nonce!);
    }
    expect(seen.size).toBe(3);
  });

  test("serves a page with ?lang=xx under that <html lang>", async () => {
    expect(await (await get("/sites/minimum-crm.html")).text()).toContain('<html lang="tr">');
    expect(await (await get("/sites/minimum-crm.html?lang=en")).text()).toContain('<html lang="en">');
    expect(await (await get('/sites/minimum-crm.html?lang="><script>')).text()).toContain('<html lang="tr">');
  });
});

describe("demo pages", () => {
  test.each(PAGES.filter((p) => p !== "index.html" && p !== "playground.html"))(
    "%s: the config element, then consentgate.js as the first script, synchronous",
    (page) => {
      const head = scripts(headOf(source(page)));
      expect(head[0]!.attrs).toContain('type="application/json" id="consentgate-config"');
      expect(head[1]!.attrs).toMatch(/^ src="\/consentgate\.js"( nonce="\{\{NONCE\}\}")?$/);
      config(page);
    },
  );

  test("the playground runs only its pre-script before consentgate.js", () => {
    const head = scripts(headOf(source("playground.html")));
    expect(head[0]!.attrs).toBe(' src="/js/playground-config.js"');
    expect(head[1]!.attrs).toBe(' src="/consentgate.js"');
  });

  test.each(PAGES)("%s: no style attribute and no inline page script", (page) => {
    const html = source(page).replace(/<noscript>[\s\S]*?<\/noscript>/g, "");
    expect(html).not.toMatch(/<[a-z][^>]*\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+="/i);
    for (const s of scripts(html)) {
      const tagged = /type="text\/plain" data-consent=/.test(s.attrs);
      const data = s.attrs.includes("application/json");
      const vendor = SITES.some((site) => page === `sites/${site}.html`) && !/src=/.test(s.attrs);
      // Inline code is only ever a vendor's snippet on a seed page or a tagged one.
      if (s.body.trim() && !data && !tagged) expect(vendor, `${page}: ${s.body.slice(0, 60)}`).toBe(true);
    }
  });

  test("the strict-CSP page has no inline script that would need 'unsafe-inline' once released", () => {
    for (const s of scripts(source("csp-strict.html"))) {
      if (!s.attrs.includes("application/json")) expect(s.body.trim()).toBe("");
    }
  });

  test.each([...SITES.map((s) => `sites/${s}.html`), "playground.html", "embeds.html", "csp-strict.html", "csp-nonce.html"])(
    "%s: a footer link with data-consentgate-open",
    (page) => {
      const footer = source(page).split("<footer")[1] ?? "";
      expect(footer).toMatch(/<a [^>]*data-consentgate-open/);
    },
  );

  test.each(PAGES)("%s: every link and the banner's policy link lead to a page, and to an element there", async (page) => {
    const html = source(page);
    const hrefs = [...html.matchAll(/<a\b([^>]*)>/g)]
      .map((m) => m[1]!)
      // These open the preferences instead of following their href (SPEC §3).
      .filter((attrs) => !/\sdata-consentgate-open\b/.test(attrs))
      .map((attrs) => /\shref="([^"]*)"/.exec(attrs)?.[1])
      .filter((href): href is string => href !== undefined);
    const policyUrl = /id="consentgate-config"/.test(html) ? (config(page).policyUrl as string | undefined) : undefined;
    if (policyUrl) hrefs.push(policyUrl);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of new Set(hrefs)) {
      const url = new URL(href, new URL(page, server.url));
      if (url.origin !== new URL(server.url).origin) continue;
      const res = await get(url.pathname + url.search);
      expect(res.status, href).toBe(200);
      const target = await res.text();
      if (url.hash) expect(target, `${page}: ${href}`).toContain(`id="${decodeURIComponent(url.hash.slice(1))}"`);
    }
  });

  test.each(SITES)("%s: the config names only catalogue services or its own", (site) => {
    const c = config(`sites/${site}.html`);
    const own = Object.keys(c.services ?? {});
    for (const [name, category] of Object.entries<any>(c.categories)) {
      for (const id of category.services ?? []) {
        expect([...CATALOGUE, ...own], `${name}: ${id}`).toContain(id);
      }
    }
  });

  test("the configs say what the policies say", () => {
    const minimus = config("sites/minimus.html");
    expect(minimus.signals).toEqual({ gpc: true, dnt: false });
    expect(minimus.categories.analytics.services).toEqual(["google-analytics"]);

    const minta = config("sites/minta.html");
    expect(minta.signals).toEqual({ gpc: true, dnt: true });
    expect(minta.categories.marketing.sale).toBe(true);

    for (const site of ["minopio", "ministat"]) {
      expect(Object.keys(config(`sites/${site}.html`).categories)).toEqual(["necessary"]);
    }
    expect(config("sites/ministat.html").categories.necessary.services).toEqual(
      expect.arrayContaining(["google-recaptcha", "stripe"]),
    );

    const crm = config("sites/minimum-crm.html");
    expect(crm.language).toBe("auto");
    expect(source("sites/minimum-crm.html")).toContain('<html lang="tr">');

    for (const site of SITES) {
      const c = config(`sites/${site}.html`);
      expect(c.mode ?? "opt-in").toBe("opt-in");
      expect(c.policyUrl).toBe(`/sites/${site}.html#policy`);
    }
  });
});
