// The harness itself: what later browser tests rely on, checked without the core.
import { get } from "node:http";
import {
  composePage,
  describe,
  expect,
  installSnippet,
  matches,
  MARKER,
  readFixture,
  test,
  type FixtureServer,
} from "./harness";

/** A raw GET to the fixture server, path sent exactly as given. */
function fetchRaw(server: FixtureServer, path: string): Promise<{ status: number; type: string }> {
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port: server.port, path }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]) }));
    }).on("error", reject);
  });
}

describe("composing a page", () => {
  const snippet = installSnippet({ categories: {} });

  test("puts the config and the script tag first in a fragment's head", () => {
    const html = composePage(readFixture("shop.html"), snippet);
    const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
    expect(head.indexOf('id="consentgate-config"')).toBeLessThan(head.indexOf('src="/consentgate.js"'));
    expect(head.match(/<script/g)).toHaveLength(2);
    expect(html).toContain("<h1>Spring sale</h1>");
  });

  test("puts the snippet at a document's marker, else first in its head", () => {
    const marked = composePage(`<head><script src="/first.js"></script>${MARKER}</head>`, snippet);
    expect(marked.indexOf("/first.js")).toBeLessThan(marked.indexOf("/consentgate.js"));
    const plain = composePage('<html><head lang="x"><script src="/site.js"></script></head></html>', snippet);
    expect(plain.indexOf("/consentgate.js")).toBeLessThan(plain.indexOf("/site.js"));
  });

  test("writes a config that cannot close its script element", () => {
    const html = installSnippet({ text: { en: { title: "</script><script>alert(1)</script>" } } });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const json = /<script type="application\/json"[^>]*>(.*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(json).text.en.title).toBe("</script><script>alert(1)</script>");
  });

  test("writes window.consentgateConfig with a nonce, or no config at all", () => {
    expect(installSnippet({ mode: "opt-out" }, { configVia: "global", nonce: "n1" })).toBe(
      '<script nonce="n1">window.consentgateConfig = {"mode":"opt-out"};</script>\n' +
        '<script src="/consentgate.js" nonce="n1"></script>',
    );
    expect(installSnippet(undefined)).toBe('<script src="/consentgate.js"></script>');
  });

  test("matches URL patterns with wildcards, ignoring the query unless the pattern has one", () => {
    const url = new URL("https://connect.facebook.net/en_US/fbevents.js?v=2");
    expect(matches("https://connect.facebook.net/*/fbevents.js", url)).toBe(true);
    expect(matches("https://connect.facebook.net/en_US/fbevents.js?v=*", url)).toBe(true);
    expect(matches("https://connect.facebook.net/*/sdk.js", url)).toBe(false);
    expect(matches(/fbevents/, url)).toBe(true);
    expect(matches((u) => u.hostname.endsWith("facebook.net"), url)).toBe(true);
  });
});

describe("the fixture server", () => {
  test("serves dist/ at the site root and fixtures under /fixtures with their types", async ({ server }) => {
    expect(await fetchRaw(server, "/consentgate.js")).toEqual({ status: 200, type: "text/javascript; charset=utf-8" });
    expect(await fetchRaw(server, "/fixtures/shop.html")).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
    expect(await fetchRaw(server, "/fixtures/configs/shop.json")).toMatchObject({
      status: 200,
      type: "application/json; charset=utf-8",
    });
    expect((await fetchRaw(server, "/nothing-here.js")).status).toBe(404);
  });

  test("serves nothing outside its folders", async ({ server }) => {
    for (const path of ["/fixtures/../../package.json", "/fixtures/%2e%2e/%2e%2e/package.json", "/../package.json"]) {
      expect((await fetchRaw(server, path)).status, path).toBe(404);
    }
  });

  test("answers a registered route until the route is removed", async ({ server }) => {
    const remove = server.route("/api/hello", { headers: { "content-type": "application/json" }, body: "{}" });
    expect(await fetchRaw(server, "/api/hello?x=1")).toEqual({ status: 200, type: "application/json" });
    remove();
    expect((await fetchRaw(server, "/api/hello")).status).toBe(404);
  });
});

describe("a browser session", () => {
  test("answers every third-party request locally and records it", async ({ session }) => {
    const page = await session.page("harness/third-parties.html", undefined, { src: null });

    expect(await page.evaluate(() => (window as unknown as { fetched: Promise<unknown> }).fetched)).toBe(204);
    await expect
      .poll(() => session.thirdParty().map((r) => `${r.resourceType} ${r.host}`).sort())
      .toEqual([
        "document www.youtube.com",
        "fetch api-js.mixpanel.com",
        "image www.facebook.com",
        "ping region1.google-analytics.com",
        "script www.googletagmanager.com",
      ]);
    expect(session.requests.filter((r) => !r.thirdParty).map((r) => r.resourceType)).toEqual(["document", "script"]);
    expect(session.problems()).toEqual([]);
  });

  test("serves a registered fake, which can set a cookie on the registrable domain", async ({ session }) => {
    session.fake("https://www.googletagmanager.com/gtag/js", {
      body: 'document.cookie = "_ga=GA1.1.42.1; domain=shop.test; path=/"; window.fakeRan = true;',
    });
    const page = await session.page("harness/third-parties.html", undefined, { src: null });

    expect(await page.evaluate(() => (window as unknown as { fakeRan?: boolean }).fakeRan)).toBe(true);
    expect(await session.cookie("_ga", ".shop.test")).toMatchObject({ value: "GA1.1.42.1", path: "/" });
  });

  test("sends a page's own headers, so a page can carry a CSP", async ({ session }) => {
    const page = await session.page(
      "harness/inline-script.html",
      { mode: "opt-out" },
      { src: null, configVia: "global", nonce: "abc123", headers: { "content-security-policy": "script-src 'self' 'nonce-abc123'" } },
    );

    expect(await page.evaluate(() => "consentgateConfig" in window)).toBe(true);
    expect(await page.evaluate(() => "inlineRan" in window)).toBe(false);
    expect(session.messages("error").join("\n")).toContain("Content Security Policy");
  });

  test("sets GPC and DNT before the page's first script runs", async ({ session }) => {
    await session.signals({ gpc: true, dnt: "yes" });
    const page = await session.page("harness/read-signals.html", undefined, { src: null });

    expect(await page.evaluate(() => (window as unknown as { seenSignals: unknown }).seenSignals)).toEqual({
      gpc: true,
      dnt: "yes",
    });
  });

  test("records each document.cookie write with its attributes", async ({ session }) => {
    await session.recordCookieWrites();
    session.fake("https://www.googletagmanager.com/gtag/js", {
      body: 'document.cookie = "_ga=1; path=/; SameSite=Lax";',
    });
    await session.page("harness/third-parties.html", undefined, { src: null });

    await expect.poll(() => session.cookieWrites.map((w) => w.text)).toEqual(["_ga=1; path=/; SameSite=Lax"]);
    expect(await session.cookie("_ga")).toMatchObject({ value: "1" });
  });

  test("gives each test a fresh visitor without cookies", async ({ session }) => {
    expect(await session.cookies()).toEqual([]);
  });
});
