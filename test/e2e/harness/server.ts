import { createServer, type IncomingMessage } from "node:http";
import { readFile, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { SITE_HOST } from "./hosts";

/** An answer the server gives for one path. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export type Handler = (req: IncomingMessage) => Reply | Promise<Reply>;

/**
 * The site under test, on 127.0.0.1 at an ephemeral port, reached by the
 * browser as http://www.shop.test:<port>/ (see hosts.ts). It answers, in order:
 * routes a test registered, `/fixtures/<file>` from test/fixtures/e2e/, then
 * every file of dist/ at the site root, the way a site deploys ConsentGate.
 */
export interface FixtureServer {
  readonly port: number;
  /** `url("/a.html")` → "http://www.shop.test:<port>/a.html"; another host for subdomain tests. */
  url(path?: string, host?: string): string;
  /** Answers `path` (query ignored) until the returned function is called. */
  route(path: string, reply: Reply | Handler): () => void;
  close(): Promise<void>;
}

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
export const FIXTURES = join(REPO, "test/fixtures/e2e");
/** CONSENTGATE_DIST points the server at another build, e.g. to try the harness without the core. */
export const DIST = process.env.CONSENTGATE_DIST ?? join(REPO, "dist");

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
};

export function contentType(file: string): string {
  return TYPES[extname(file)] ?? "application/octet-stream";
}

export async function startServer(dist = DIST, fixtures = FIXTURES): Promise<FixtureServer> {
  const routes = new Map<string, Reply | Handler>();

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let reply: Reply;
    try {
      reply = await answer(req, path);
    } catch (error) {
      reply = { status: 500, body: String(error) };
    }
    const body = reply.body ?? "";
    res.writeHead(reply.status ?? 200, {
      "cache-control": "no-store",
      "content-length": String(Buffer.byteLength(body)),
      ...reply.headers,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });

  async function answer(req: IncomingMessage, path: string): Promise<Reply> {
    const route = routes.get(path);
    if (route) return typeof route === "function" ? route(req) : route;
    const file = path.startsWith("/fixtures/")
      ? inside(fixtures, path.slice("/fixtures/".length))
      : inside(dist, path.slice(1));
    if (file && (await isFile(file))) {
      return { headers: { "content-type": contentType(file) }, body: await readFile(file) };
    }
    // Browsers ask for it on their own; a 404 would be a console error in every test.
    if (path === "/favicon.ico") return { status: 204 };
    return { status: 404, headers: { "content-type": TYPES[".txt"]! }, body: `not found: ${path}` };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url: (path = "/", host = SITE_HOST) => `http://${host}:${port}${path}`,
    route(path, reply) {
      routes.set(path, reply);
      return () => {
        if (routes.get(path) === reply) routes.delete(path);
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** `root/relative`, or null when `relative` climbs out of `root`. */
function inside(root: string, relative: string): string | null {
  const file = normalize(join(root, relative));
  return file.startsWith(normalize(root + sep)) ? file : null;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
