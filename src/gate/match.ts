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
  /**
   * The service id whose rules claim this URL. Relative URLs stay on the
   * page's own origin and never match, nor do data:, blob: or javascript:, so
   * the document's base URI never changes the answer and is not needed.
   */
  url(href: string): string | null;
  /** The service id whose cookie patterns claim this name. */
  cookie(name: string): string | null;
  /** The service id whose storage patterns claim this key. */
  storage(key: string): string | null;
}

type Name = [pattern: string, id: string];
/** A path rule as a pattern (see `pathPattern`), its service, and its length (specificity). */
type PathRule = [pattern: RegExp, id: string, length: number];

/**
 * Builds the lookups once, from one or more maps of entries. On an exact tie
 * the entry listed later wins, so a site's own services passed after the
 * catalogue take precedence. An id in two maps keeps the rules of both: a
 * site's entry for a built-in service adds to the catalogue's.
 *
 * @example
 * const match = createMatcher(catalogue, siteServices);
 * match.url("//static.hotjar.com/c/hotjar-1.js"); // "hotjar"
 * match.cookie("_ga_ABC123"); // "google-analytics"
 */
export function createMatcher(...maps: Record<string, MatchEntry>[]): Matcher {
  const hosts = new Map<string, PathRule[]>();
  const cookies: Name[] = [];
  const storage: Name[] = [];
  for (const entries of maps) {
    for (const id of Object.keys(entries)) {
      const entry = entries[id];
      for (let rule of [...(entry.urls || []), ...(entry.hosts || [])]) {
        // A site's host may be written as a URL or with a port (validate.ts): the plain host is meant.
        rule = rule.replace(/^(https?:)?\/\//i, "");
        const slash = (rule + "/").indexOf("/");
        const host = rule.slice(0, slash).toLowerCase().replace(/^\*?\.|\.$|:\d+$/g, "");
        const path = rule.slice(slash);
        if (host) hosts.set(host, [[pathPattern(path), id, path.length], ...(hosts.get(host) || [])]);
      }
      cookies.unshift(...(entry.cookies || []).map((p): Name => [p, id]));
      storage.unshift(...(entry.storage || []).map((p): Name => [p, id]));
    }
  }
  // Longer paths are more specific; the bare host rule comes last. The sort is
  // stable and later entries were put first, so they win ties.
  for (const rules of hosts.values()) rules.sort((a, b) => b[2] - a[2]);
  return {
    /**
     * Host and path+query of an absolute or protocol-relative http(s)/ws(s)
     * URL, then the rules of the host and its parent domains. Anything past
     * the plain form (escapes, dot segments, credentials, backslashes, IPv6,
     * IDN, fragments) goes through the browser's own parser, so the gate sees
     * what the browser would fetch. Parsed here, not in a helper of its own:
     * the minifier made a single-use helper a closure built on every call,
     * and the garbage it left cost a page inserting thousands of elements a
     * collection.
     */
    url(href) {
      // A path from the page's root, the commonest relative URL, costs one look at two characters.
      if ((href = String(href))[0] == "/" && !"/\\\t\n\r".includes(href[1])) return null;
      let host: string;
      let path: string;
      const m = PLAIN.exec(href);
      if (m && !/\/(\.|%2e)/i.test(m[2])) {
        host = m[1].toLowerCase().replace(/\.$/, "");
        path = m[2][0] == "/" ? m[2] : "/" + m[2];
      } else {
        // What the browser strips first: spaces and control characters at either
        // end (not all of trim()'s), and tabs and newlines anywhere.
        const url = href.replace(/^[\0- ]+|[\0- ]+$|[\t\n\r]/g, "");
        if (!ABSOLUTE.test(url)) return null;
        try {
          const u = new URL(/^[a-z]/i.test(url) ? url : "https:" + url);
          host = u.hostname.replace(/\.$/, "");
          path = u.pathname + u.search;
        } catch {
          return null;
        }
      }
      // Google answers on its country domains too (GA's signals at
      // www.google.de/ads/ga-audiences): what their own rules do not claim,
      // google.com's may.
      let google = /(^|\.)google\.(com?\.)?[a-z]{2,3}$/.test(host);
      // A path rule says what a URL is more surely than a whole host does: a
      // site's "www.google.com" (its Maps embed) must not take google.com/pagead/
      // from Google Ads. So the most specific host's whole-host claim waits
      // until no parent domain has a path rule for the URL.
      let whole: string | null = null;
      while (host) {
        const rules = hosts.get(host);
        if (rules) for (const rule of rules) if (rule[0].test(path)) if (rule[2] > 1) return rule[1]; else whole ||= rule[1];
        host = host.slice(host.indexOf(".") + 1 || host.length) || (google ? ((google = false), "google.com") : "");
      }
      return whole;
    },
    cookie: (name) => findName(cookies, name),
    storage: (key) => findName(storage, key),
  };
}

/** Exact names win over prefixes ("name*"), and longer prefixes over shorter ones. */
function findName(names: Name[], name: string): string | null {
  let best: Name | null = null;
  for (const n of names) {
    const p = n[0];
    if (p == name) return n[1];
    if (p.endsWith("*") && name.startsWith(p.slice(0, -1)) && (!best || p.length > best[0].length)) best = n;
  }
  return best && best[1];
}

// The common clean form, read without allocating a URL: scheme-less or
// http(s)/ws(s), a plain host, a path and query the URL parser keeps as is.
const PLAIN = /^(?:(?:https?|wss?):)?\/\/([\w.-]+)(?::\d*)?((?:[/?][\w!$%&()*+,./:;=?@~-]*)?)$/i;
/** With its scheme, an http(s) URL is absolute even without its slashes ("https:/host", "https:\\host"), on any other scheme's page. */
const ABSOLUTE = /^((https?|wss?):|[\\/]{2})/i;

/**
 * A path rule as a pattern of the path and query it claims, from their start.
 * Each `*` is any run of characters, or none, within one path segment,
 * never a "/", "?" or "#": a whole segment (Meta's "/en_US/"), or part of one ("/*.js",
 * "/track*"), as a site writing its own hosts expects. A rule ending in a
 * letter or digit stops at a word boundary: "/tr" matches "/tr?id=1" and
 * "/tr/", not "/trends".
 */
function pathPattern(path: string): RegExp {
  const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp("^" + path.split("*").map(literal).join("[^/?#]*") + (/\w$/.test(path) ? "\\b" : ""));
}
