import { NOT_STORED } from "../config/problem";
import type { Report } from "../config/problem";
import type { CookieConfig } from "../types";

/** Where the decision lives; tests use an in-memory one. */
export interface ConsentStore {
  read(): string | undefined;
  /** "" forgets the decision (withdraw()) and is kept as a sign that one was there. */
  write(value: string): void;
}

/** The consent cookie's name as written: of the characters a name may have (validate.ts), only "%" is escaped. */
export const writtenName = (cookie: CookieConfig) => cookie.name.replace(/%/g, "%25");

/**
 * The first-party consent cookie (SPEC §5): SameSite=Lax, Secure on https.
 * Written and read byte for byte as js-cookie 3 does (the tests compare; a
 * nameless cookie and a value that does not decode are read more carefully),
 * without its generic converters, which cost every page view 344 B: the
 * codec's values are cookie-safe (codec.ts), and of the characters a cookie
 * name may have (validate.ts) only "%" is escaped.
 */
export function cookieStore(cookie: CookieConfig, secure: boolean, report: Report): ConsentStore {
  const name = writtenName(cookie);
  const attributes = `; path=${cookie.path}${cookie.domain ? "; domain=" + cookie.domain : ""}; sameSite=Lax${secure ? "; secure" : ""}; expires=`;
  // A sandboxed document (CSP sandbox, <iframe sandbox>) throws on any use of
  // its cookies: nothing is read, and a choice holds for the page view.
  const set = (value: string, days: number) => {
    try {
      document.cookie = name + "=" + value + attributes + new Date(Date.now() + days * 864e5).toUTCString();
    } catch {}
  };
  const pairs = () => {
    try {
      return document.cookie.split("; ");
    } catch {
      return [];
    }
  };
  return {
    read() {
      for (const pair of pairs()) {
        // A pair without "=" (and no cookies at all, which split into [""]) is
        // a nameless cookie, such as `Set-Cookie: consentgate` makes: its value
        // only looks like the name, and would hide the decision for good.
        const [key, value] = pair.split(/=(.*)/);
        // unescape, not decodeURIComponent, which throws: a value that does not
        // decode is still ours, and malformed, so it counts as a cookie found
        // (in opt-out mode the sale categories stay off) rather than as none.
        // A decision is ASCII (codec.ts), which both decode alike.
        if (value != null && unescape(key) === cookie.name) return unescape(value[0] === '"' ? value.slice(1, -1) : value);
      }
    },
    write(value) {
      // Browsers refuse a cookie over 4 KB, which would leave the decision it
      // replaces counting on the next page: no decision is stored instead (fail
      // closed), empty as after withdraw(), which in opt-out mode leaves the
      // sale categories off rather than back on by default (decide.ts's `found`).
      set((name + value).length > 4096 ? "" : value, cookie.days);
      // A refused write fails silently, and the visitor would be asked again on the next page.
      if (!pairs().includes(name + "=" + value)) {
        report(cookie.name, `domain ${cookie.domain || "host-only"}, path ${cookie.path}`, NOT_STORED);
      }
    },
  };
}
