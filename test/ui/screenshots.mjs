// Renders the banner and the preferences in real Chromium — light, dark,
// right-to-left and at phone width — into demo/screenshots/*.png for the
// README. Needs a build: `npm run build && node test/ui/screenshots.mjs`.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../chromium.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "dist");
const out = join(root, "demo/screenshots");

const CATEGORIES = {
  functional: { services: ["intercom"] },
  analytics: { services: ["google-analytics", "hotjar"] },
  marketing: { services: ["facebook-pixel", "youtube"], sale: true },
};

/** name → what to render: the page's language, the UI config, the viewport, what to open. */
const SHOTS = {
  "banner-light": { ui: { theme: "light" } },
  "banner-dark": { ui: { theme: "dark" } },
  "banner-box": { ui: { theme: "light", layout: "box" } },
  "banner-rtl": { lang: "he", ui: { theme: "light" } },
  "banner-mobile": { ui: { theme: "light" }, width: 375, height: 740 },
  "preferences-light": { ui: { theme: "light" }, open: true },
  "preferences-dark": { ui: { theme: "dark" }, open: true },
  "preferences-rtl": { lang: "he", ui: { theme: "light" }, open: true },
  "preferences-mobile": { ui: { theme: "light" }, open: true, width: 375, height: 740 },
  "placeholder-light": { ui: { theme: "light" }, embed: true },
};

/** Checked by eye, not shown in the README: the smallest width, and 1280×800 at 200 % zoom. */
const CHECKS = {
  "check-320": { ui: { theme: "light" }, width: 320, height: 568 },
  "check-320-preferences": { ui: { theme: "light" }, open: true, width: 320, height: 568 },
  "check-zoom-200": { ui: { theme: "dark" }, width: 640, height: 400, scale: 2 },
  "check-zoom-200-preferences": { ui: { theme: "dark" }, open: true, width: 640, height: 400, scale: 2 },
  "check-center": { ui: { theme: "auto", position: "center" }, dark: true },
  "check-opt-out": { mode: "opt-out", ui: { theme: "light" } },
  "check-opt-out-box": { mode: "opt-out", ui: { theme: "light", layout: "box" } },
  "check-opt-out-320": { mode: "opt-out", ui: { theme: "light" }, width: 320, height: 568 },
  // A phone held sideways: the bar keeps half the window for the page (WCAG 2.4.11) and scrolls.
  "check-landscape": { ui: { theme: "light" }, width: 568, height: 320 },
};

const page = ({ lang = "en", mode, ui }) => `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Northwind Coffee</title>
<script type="application/json" id="consentgate-config">${JSON.stringify({
  categories: CATEGORIES,
  mode,
  policyUrl: "/privacy",
  ui,
})}</script>
<script src="/consentgate.js"></script>
<link rel="stylesheet" href="/site.css">
</head>
<body>
<header><strong>Northwind Coffee</strong><nav><a href="#">Shop</a><a href="#">Subscriptions</a><a href="#">Journal</a></nav></header>
<main>
<h1>Small-batch coffee, roasted every Monday</h1>
<p>We buy green coffee directly from twelve farms in Ethiopia, Colombia and Guatemala, roast it in Rotterdam and ship it the same week. Every bag says when it was roasted and who grew it.</p>
<p>Our subscription sends you a fresh bag every two or four weeks. Pause, skip or cancel whenever you like.</p>
<iframe data-consent="youtube" data-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" width="560" height="315" title="How we roast"></iframe>
<p>Visit the roastery on Saturdays from 10 to 4 for a free tasting.</p>
</main>
</body>
</html>`;

const SITE_CSS = `body{margin:0;font:17px/1.6 Georgia,serif;color:#2b2118;background:#faf6f0}
header{display:flex;justify-content:space-between;align-items:center;padding:18px 32px;background:#2b2118;color:#faf6f0}
header nav a{color:#faf6f0;margin-inline-start:24px;text-decoration:none;font-family:system-ui,sans-serif;font-size:15px}
main{max-width:720px;margin:0 auto;padding:32px 24px 240px}h1{font-size:36px;line-height:1.2}
iframe{display:block;max-width:100%;border:0;background:#ddd}`;

const types = { ".js": "text/javascript", ".css": "text/css", ".html": "text/html" };

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  try {
    if (url.pathname.startsWith("/page/")) {
      const shot = SHOTS[url.pathname.slice(6)] || CHECKS[url.pathname.slice(6)];
      res.writeHead(shot ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      return res.end(shot ? page(shot) : "");
    }
    if (url.pathname == "/site.css") {
      res.writeHead(200, { "content-type": "text/css" });
      return res.end(SITE_CSS);
    }
    const file = normalize(join(dist, url.pathname));
    if (!file.startsWith(dist)) throw new Error("outside dist");
    const body = await readFile(file);
    res.writeHead(200, { "content-type": `${types[extname(file)] || "application/octet-stream"}; charset=utf-8` });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

await mkdir(out, { recursive: true });
// `node test/ui/screenshots.mjs check-320 …` renders only those, checks included, into /tmp.
const only = process.argv.slice(2);
try {
  for (const [name, shot] of Object.entries({ ...SHOTS, ...CHECKS })) {
    if (only.length ? !only.includes(name) : name in CHECKS) continue;
    const context = await browser.newContext({
      viewport: { width: shot.width ?? 1280, height: shot.height ?? 800 },
      deviceScaleFactor: shot.scale ?? (shot.width ? 2 : 1),
      colorScheme: shot.dark ? "dark" : "light",
      reducedMotion: "reduce",
    });
    const tab = await context.newPage();
    const problems = [];
    tab.on("pageerror", (error) => problems.push(error.message));
    // Failed requests are reported below, with their URL; the favicon's 404 is no problem.
    tab.on("console", (m) => m.type() == "error" && !/^Failed to load resource/.test(m.text()) && problems.push(m.text()));
    tab.on("response", (response) => response.status() >= 400 && !response.url().endsWith("/favicon.ico") && problems.push(`${response.status()} ${response.url()}`));
    await tab.goto(`${origin}/page/${name}`);
    const ui = tab.locator("consentgate-ui").first();
    await ui.locator(".cg-banner").waitFor();
    if (shot.open) {
      await tab.evaluate(() => window.ConsentGate.open("preferences"));
      await ui.locator(".cg-prefs").waitFor();
      // Unfold one category so the picture shows services and cookies.
      await ui.locator(".cg-cat summary").nth(1).click();
      await ui.locator(".cg-svc").first().waitFor({ state: "attached" });
      await tab.evaluate(() => document.activeElement?.blur());
    }
    let target = tab;
    if (shot.embed) {
      await tab.evaluate(() => window.ConsentGate.close());
      target = tab.locator("consentgate-ui[data-embed]");
      await target.locator(".cg-ph").waitFor();
    }
    await target.screenshot({ path: join(name in CHECKS ? "/tmp" : out, `${name}.png`) });
    console.log(`${name}.png${problems.length ? `  (page reported: ${problems.join(" | ")})` : ""}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
