// The demo server: demo/ at "/", and the built dist/ files at "/" too, so the
// pages load "/consentgate.js" exactly as a site would. No dependencies.
//
//   npm run demo              → http://localhost:8080/
//   PORT=3000 npm run demo    → http://localhost:3000/
//
// Two pages are served with a Content-Security-Policy header, because a CSP
// given in a <meta> tag cannot show that ConsentGate works under a policy a
// site sets on its server (and <meta> cannot carry every directive).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const demoDir = fileURLToPath(new URL(".", import.meta.url));
/** CONSENTGATE_DIST serves another build (the e2e harness reads the same variable). */
const distDir = resolve(process.env.CONSENTGATE_DIST || resolve(demoDir, "../dist"));

/** Looked up in this order: the demo's own files, then the build. */
const roots = [demoDir, distDir];

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/**
 * The CSP header of each strict page. The nonce page gets a fresh nonce on
 * every response: a nonce that repeats is no protection at all.
 */
const policies = {
  "/csp-strict.html": () =>
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; frame-src 'self'",
  "/csp-nonce.html": (nonce) =>
    `script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'`,
};

/** Resolves a URL path to a file inside one of the roots, or null. */
async function findFile(pathname) {
  let rel;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (rel.includes("\0")) return null;
  if (rel.endsWith("/")) rel += "index.html";
  for (const root of roots) {
    const file = normalize(join(root, rel));
    // A path that climbs out of its root ("/../package.json") is not served.
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) continue;
    try {
      const info = await stat(file);
      if (info.isFile()) return file;
      if (info.isDirectory()) return { redirect: pathname + "/" };
    } catch {
      // not in this root; try the next
    }
  }
  return null;
}

/**
 * A page's `<html lang>` can be chosen with `?lang=xx`, as a multilingual site
 * serves each language with its own lang attribute; ConsentGate's
 * `"language": "auto"` then follows it.
 */
function applyLang(html, lang) {
  if (!lang || !/^[a-z]{2}(-[A-Za-z]{2})?$/.test(lang)) return html;
  return html.replace(/<html([^>]*?)\slang="[^"]*"/, `<html$1 lang="${lang}"`);
}

async function handle(req, res) {
  const url = new URL(req.url || "/", "http://demo.invalid");
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
    res.end("Method not allowed\n");
    return;
  }
  const found = await findFile(url.pathname);
  if (found && typeof found === "object") {
    res.writeHead(301, { Location: found.redirect + url.search });
    res.end();
    return;
  }
  if (!found) {
    const hint = /^\/(consentgate|i18n\/)/.test(url.pathname) && !existsSync(join(distDir, "consentgate.js"))
      ? "\ndist/ does not exist: run `npm run build` (or `npm run demo`, which builds first).\n"
      : "";
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : `Not found: ${url.pathname}\n${hint}`);
    return;
  }

  const ext = extname(found);
  const headers = {
    "Content-Type": types[ext] || "application/octet-stream",
    // The demo is for trying things: never serve yesterday's build.
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  let body = await readFile(found);

  if (ext === ".html") {
    let html = body.toString("utf8");
    const policy = policies[url.pathname];
    if (policy) {
      const nonce = randomBytes(18).toString("base64");
      headers["Content-Security-Policy"] = policy(nonce);
      html = html.replaceAll("{{NONCE}}", nonce);
    }
    html = applyLang(html, url.searchParams.get("lang"));
    body = Buffer.from(html, "utf8");
  }

  headers["Content-Length"] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Starts the demo server. Port 0 picks a free port (what tests want).
 *
 * @example
 * const { url, close } = await startDemoServer(0);
 * await page.goto(url + "sites/minta.html");
 * await close();
 */
export function startDemoServer(port = 0, host = "127.0.0.1") {
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`Server error: ${err && err.message}\n`);
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const shown = !host || host === "0.0.0.0" || host === "::" ? "localhost" : host;
      resolvePromise({
        url: `http://${shown}:${address.port}/`,
        port: address.port,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

const runDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly) {
  const port = Number(process.env.PORT || 8080);
  if (!existsSync(join(distDir, "consentgate.js"))) {
    console.warn("dist/consentgate.js is missing: run `npm run build` first (`npm run demo` does both).");
  }
  startDemoServer(port, process.env.HOST || "localhost").then(
    ({ url }) => console.log(`ConsentGate demo: ${url.replace("//127.0.0.1", "//localhost")}`),
    (err) => {
      console.error(
        err.code === "EADDRINUSE"
          ? `Port ${port} is in use. Try another: PORT=8081 npm run demo`
          : `Could not start the demo server: ${err.message}`,
      );
      process.exit(1);
    },
  );
}
