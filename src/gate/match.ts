/**
 * Tells which service a URL, a cookie or a storage key belongs to. The gate asks
 * on every inserted element, so a lookup is a few `Map.get` calls: one per
 * suffix of the URL's host, then the path rules kept on that host.
 */

/** What the matcher needs from a service: the catalogue's `gate` or a site's own entry. */
export interface MatchEntry {
  /** `host` or `host/path` rules (see `ServiceGate.urls`). */
  urls?: string[];
  /** Plain hosts, as a site declares them in `services.<id>.hosts`. */
  hosts?: string[];
  cookies?: string[];
  storage?: string[];
}

export interface Matcher {
  /** The service id whose rules claim this URL; null for relative and non-http URLs. */
  url(href: string, base?: string): string | null;
  /** The service id whose cookie patterns claim this name. */
  cookie(name: string): string | null;
  /** The service id whose storage patterns claim this key. */
  storage(key: string): string | null;
}

type Rule = [pattern: string, id: string];

/**
 * Builds the lookups once. On an exact tie the entry listed later wins, so a
 * site's own services passed after the catalogue take precedence.
 *
 * @example
 * const match = createMatcher({ ...catalogue, ...siteServices });
 * match.url("//static.hotjar.com/c/hotjar-1.js"); // "hotjar"
 * match.cookie("_ga_ABC123"); // "google-analytics"
 */
export function createMatcher(entries: Record<string, MatchEntry>): Matcher {
  const hosts = new Map<string, Rule[]>();
  const cookies: Rule[] = [];
  const storage: Rule[] = [];
  for (const id in entries) {
    const entry = entries[id];
    for (const rule of [...(entry.urls || []), ...(entry.hosts || [])]) {
      const slash = (rule + "/").indexOf("/");
      const host = rule.slice(0, slash).toLowerCase().replace(/^\*?\.|\.$/g, "");
      const path = rule.slice(slash);
      if (host) hosts.set(host, [[path, id], ...(hosts.get(host) || []).filter((r) => r[0] != path)]);
    }
    for (const p of entry.cookies || []) cookies.unshift([p, id]);
    for (const p of entry.storage || []) storage.unshift([p, id]);
  }
  // Longer paths are more specific; the bare host rule ("") comes last.
  for (const rules of hosts.values()) rules.sort((a, b) => b[0].length - a[0].length);
  return {
    url(href, base) {
      const parsed = parseUrl(href, base);
      let host = parsed && parsed[0];
      while (host) {
        for (const rule of hosts.get(host) || []) if (pathMatches(rule[0], parsed![1])) return rule[1];
        host = host.slice(host.indexOf(".") + 1 || host.length);
      }
      return null;
    },
    cookie: (name) => findName(cookies, name),
    storage: (key) => findName(storage, key),
  };
}

/** Exact names win over prefixes ("name*"), and longer prefixes over shorter ones. */
function findName(rules: Rule[], name: string): string | null {
  let best: Rule | null = null;
  for (const r of rules) {
    const p = r[0];
    if (p == name) return r[1];
    if (p.endsWith("*") && name.startsWith(p.slice(0, -1)) && (!best || p.length > best[0].length)) best = r;
  }
  return best && best[1];
}

const ABSOLUTE = /^(?:(?:https?|wss?):)?[\\/]{2}/i;

/**
 * Host and path+query of an absolute or protocol-relative http(s)/ws(s) URL.
 * The browser's own parser reads it, so the gate sees what the browser would
 * fetch (case, ports, credentials, dot segments, escapes, IDN); relative URLs
 * stay on the page's own origin and never reach it.
 */
function parseUrl(href: string, base?: string): [host: string, path: string] | null {
  const url = String(href).replace(/[\t\n\r]/g, "").trim();
  if (!ABSOLUTE.test(url)) return null;
  try {
    const u = new URL(url, base || "https://localhost/");
    return [u.hostname.replace(/\.$/, ""), u.pathname + u.search];
  } catch {
    return null;
  }
}

/**
 * `path` is a prefix of `actual`, where `*` stands for one path segment
 * (Meta's locale, "/en_US/"). A rule ending in a letter or digit stops at a
 * word boundary: "/tr" matches "/tr?id=1" and "/tr/", not "/trends".
 */
function pathMatches(path: string, actual: string): boolean {
  let at = 0;
  const parts = path.split("*");
  for (let i = 0; i < parts.length; i++) {
    if (i) {
      const end = actual.slice(at).search(/[/?#]|$/) + at;
      if (end == at) return false;
      at = end;
    }
    if (!actual.startsWith(parts[i], at)) return false;
    at += parts[i].length;
  }
  return !/\w$/.test(path) || !/\w/.test(actual.charAt(at));
}
