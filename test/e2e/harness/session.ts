import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Cookie, Page, Request, Route } from "playwright-core";
import type { SiteConfig } from "../../../src/types";
import { isSiteHost, SITE_HOST } from "./hosts";
import { composePage, installSnippet, type InstallOptions } from "./install";
import { FIXTURES, type FixtureServer, type Handler, type Reply } from "./server";

/** One request the browser made, in the order it made them. */
export interface RecordedRequest {
  url: string;
  host: string;
  method: string;
  /** Playwright's: "document", "script", "image", "fetch", "xhr", "ping", … */
  resourceType: string;
  /** Not on the test site: answered by the session, never by the network. */
  thirdParty: boolean;
  /** Set when the response arrives. */
  status?: number;
}

export interface ConsoleEntry {
  /** "error", "warning", "log", … */
  type: string;
  text: string;
  /** The URL of the page that logged it. */
  page: string;
  /** Where it comes from: the script, or the resource that failed to load. */
  source: string;
}

export interface PageError {
  message: string;
  page: string;
}

/** One `document.cookie = text` a page made, as written (attributes included). */
export interface CookieWrite {
  text: string;
  page: string;
}

/** A whole URL with `*` wildcards (query ignored unless the pattern has one), a RegExp, or a test. */
export type UrlPattern = string | RegExp | ((url: URL) => boolean);

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** Defaults to text/javascript. */
  contentType?: string;
  body?: string | Buffer;
}

export type Fake = FakeReply | ((request: Request) => FakeReply | Promise<FakeReply>);

/** What the browser sends, set before any page script runs. */
export interface BrowserSignals {
  /** `navigator.globalPrivacyControl`. */
  gpc?: boolean;
  /** `navigator.doNotTrack`: true → "1", false → null, or an exact value such as "yes". */
  dnt?: boolean | string;
}

export interface PageOptions extends InstallOptions {
  /** Response headers for the page, e.g. `{ "content-security-policy": "…" }`. */
  headers?: Record<string, string>;
  /** Where the page is served; default a fresh `/p/<random>/<fixture>`. */
  path?: string;
  /** Host the page is opened on; default www.shop.test. */
  host?: string;
}

/**
 * One visitor: a fresh browser context (no cookies, no storage) whose every
 * third-party request is answered locally — by a fake a test registered, or
 * by an empty default — and whose every request, console message and page
 * error is recorded.
 */
export interface Session {
  readonly context: BrowserContext;
  readonly server: FixtureServer;
  /** Every request of every page of this session, first to last. */
  readonly requests: RecordedRequest[];
  readonly console: ConsoleEntry[];
  readonly pageErrors: PageError[];
  /** Filled once `recordCookieWrites()` was called. */
  readonly cookieWrites: CookieWrite[];

  /** The requests to hosts other than the test site: trackers, CDNs, embeds. */
  thirdParty(): RecordedRequest[];
  /** Console errors and uncaught page errors, one line each: `[]` on a clean run. */
  problems(): string[];
  /** Console messages of one type ("error", "warning", …), text only. */
  messages(type: string): string[];

  /** Answers third-party URLs matching `pattern` with `reply`; the latest registration wins. */
  fake(pattern: UrlPattern, reply: Fake): void;
  /** Sets GPC / DNT for every page opened or reloaded from now on. */
  signals(signals: BrowserSignals): Promise<void>;
  /**
   * Records every `document.cookie` write of pages opened or reloaded from now
   * on, with its attributes, which `cookies()` cannot show: Chromium reports
   * a cookie written without SameSite as Lax.
   */
  recordCookieWrites(): Promise<void>;

  /** Answers `path` on the test site for this test only (any host; query ignored). */
  route(path: string, reply: Reply | Handler): void;
  /** Serves a fixture with the install snippet (see install.ts); returns its path. */
  serve(fixture: string, config?: SiteConfig | string, options?: PageOptions): string;
  /** `serve` and `visit` in one: a new tab on the fixture, loaded. */
  page(fixture: string, config?: SiteConfig | string, options?: PageOptions): Promise<Page>;
  /** A new tab on `path` of the test site, after its `load` event. */
  visit(path: string, options?: { host?: string }): Promise<Page>;
  url(path: string, host?: string): string;

  /** The context's cookies, for the given URLs or all. */
  cookies(urls?: string | string[]): Promise<Cookie[]>;
  /** One cookie by name (and domain, as Playwright reports it: ".shop.test" for a domain cookie). */
  cookie(name: string, domain?: string): Promise<Cookie | undefined>;

  close(): Promise<void>;
}

const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

export async function createSession(browser: Browser, server: FixtureServer): Promise<Session> {
  const context = await browser.newContext();
  const requests: RecordedRequest[] = [];
  const consoleEntries: ConsoleEntry[] = [];
  const pageErrors: PageError[] = [];
  const cookieWrites: CookieWrite[] = [];
  const fakes: { pattern: UrlPattern; reply: Fake }[] = [];
  const unroutes: (() => void)[] = [];

  const recorded = new Map<Request, RecordedRequest>();
  context.on("request", (request) => {
    const url = new URL(request.url());
    const entry: RecordedRequest = {
      url: request.url(),
      host: url.hostname,
      method: request.method(),
      resourceType: request.resourceType(),
      thirdParty: /^https?:$/.test(url.protocol) && !isSiteHost(url.hostname),
    };
    recorded.set(request, entry);
    requests.push(entry);
  });
  context.on("response", (response) => {
    const entry = recorded.get(response.request());
    if (entry) entry.status = response.status();
  });
  context.on("page", (page) => {
    page.on("console", (message) =>
      consoleEntries.push({
        type: message.type(),
        text: message.text(),
        page: page.url(),
        source: message.location().url,
      }),
    );
    page.on("pageerror", (error) => pageErrors.push({ message: String(error), page: page.url() }));
  });

  await context.route(
    (url) => /^https?:$/.test(url.protocol) && !isSiteHost(url.hostname),
    async (route: Route) => {
      const request = route.request();
      const url = new URL(request.url());
      const fake = [...fakes].reverse().find((f) => matches(f.pattern, url));
      let reply: FakeReply;
      try {
        reply = !fake
          ? defaultReply(request.resourceType(), url)
          : typeof fake.reply === "function"
            ? await fake.reply(request)
            : fake.reply;
      } catch (error) {
        pageErrors.push({ message: `the fake for ${url.href} threw: ${String(error)}`, page: "(harness)" });
        reply = { status: 500, contentType: "text/plain" };
      }
      const origin = request.headers()["origin"];
      await route
        .fulfill({
          status: reply.status ?? 200,
          contentType: reply.contentType ?? "text/javascript; charset=utf-8",
          headers: {
            "access-control-allow-origin": origin ?? "*",
            ...(origin ? { "access-control-allow-credentials": "true" } : {}),
            ...reply.headers,
          },
          body: reply.body ?? "",
        })
        // The page may have gone (closed, navigated) while the fake was prepared.
        .catch(() => {});
    },
  );

  const session: Session = {
    context,
    server,
    requests,
    console: consoleEntries,
    pageErrors,
    cookieWrites,
    thirdParty: () => requests.filter((r) => r.thirdParty),
    problems: () => [
      ...consoleEntries
        .filter((c) => c.type === "error")
        .map((c) => `console.error: ${c.text} (${c.source || c.page})`),
      ...pageErrors.map((e) => `page error: ${e.message} (${e.page})`),
    ],
    messages: (type) => consoleEntries.filter((c) => c.type === type).map((c) => c.text),

    fake(pattern, reply) {
      fakes.push({ pattern, reply });
    },
    async signals(signals) {
      await context.addInitScript({ content: signalsScript(signals) });
    },
    async recordCookieWrites() {
      await context.exposeBinding(COOKIE_BINDING, ({ page }, text: string) => {
        cookieWrites.push({ text, page: page.url() });
      });
      await context.addInitScript({ content: COOKIE_WRITES_SCRIPT });
    },

    route(path, reply) {
      unroutes.push(server.route(path, reply));
    },
    serve(fixture, config, options = {}) {
      const path = options.path ?? `/p/${randomUUID().slice(0, 8)}/${fixture}`;
      const html = composePage(readFixture(fixture), installSnippet(config, options), fixture);
      session.route(path, {
        headers: { "content-type": "text/html; charset=utf-8", ...options.headers },
        body: html,
      });
      return path;
    },
    async page(fixture, config, options = {}) {
      return session.visit(session.serve(fixture, config, options), options);
    },
    async visit(path, { host } = {}) {
      const page = await context.newPage();
      // A slow machine on demand: races that CI's busy runners meet now and then show every time.
      const slower = Number(process.env.CG_THROTTLE);
      if (slower > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: slower });
      await page.goto(session.url(path, host));
      return page;
    },
    url: (path, host = SITE_HOST) => server.url(path, host),

    cookies: (urls) => context.cookies(urls),
    async cookie(name, domain) {
      const all = await context.cookies();
      return all.find((c) => c.name === name && (domain === undefined || c.domain === domain));
    },

    async close() {
      for (const unroute of unroutes) unroute();
      await context.close();
    },
  };
  return session;
}

function defaultReply(resourceType: string, url: URL): FakeReply {
  switch (resourceType) {
    case "script":
      return { body: "" };
    case "stylesheet":
      return { contentType: "text/css", body: "" };
    case "image":
      return { contentType: "image/gif", body: GIF };
    case "document":
      return { contentType: "text/html", body: `<!doctype html><title>${url.hostname}</title>` };
    default:
      return { status: 204, contentType: "text/plain" };
  }
}

export function matches(pattern: UrlPattern, url: URL): boolean {
  if (typeof pattern === "function") return pattern(url);
  if (pattern instanceof RegExp) return pattern.test(url.href);
  const target = pattern.includes("?") ? url.href : url.origin + url.pathname;
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`).test(target);
}

const COOKIE_BINDING = "__harnessCookieWrite";

// Wraps the setter the page (and ConsentGate) will find on Document.prototype.
const COOKIE_WRITES_SCRIPT = `(() => {
  const native = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  const report = window.${COOKIE_BINDING};
  Object.defineProperty(Document.prototype, "cookie", {
    configurable: true,
    enumerable: native.enumerable,
    get() { return native.get.call(this); },
    set(value) { report(String(value)); native.set.call(this, value); },
  });
})();`;

/** An init script: it runs in every frame before any of the page's scripts. */
function signalsScript({ gpc, dnt }: BrowserSignals): string {
  const lines: string[] = [];
  const define = (name: string, value: unknown) =>
    lines.push(
      `Object.defineProperty(Navigator.prototype, ${JSON.stringify(name)}, ` +
        `{ get: () => ${JSON.stringify(value)}, configurable: true });`,
    );
  if (gpc !== undefined) define("globalPrivacyControl", gpc);
  if (dnt !== undefined) define("doNotTrack", dnt === true ? "1" : dnt === false ? null : dnt);
  return lines.join("\n");
}
