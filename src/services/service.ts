import type { State } from "../types";

/**
 * The shape of a catalogue entry. Each built-in service lives in its own file
 * named after its id and exports `gate` (what the core needs to hold it, and so
 * ships to every visitor) and `info` (what the UI shows, loaded only with the UI).
 */

export interface ServiceGate {
  /** Default category when a site names the service without placing it. */
  category: string;
  /**
   * URL rules: `host` matches that host and its subdomains; `host/path` also
   * requires the URL's path and query to start with `/path`, where `*` stands
   * for a run of characters within one path segment (a whole one, or its end:
   * "plugins/customer*") and a rule ending in a letter or digit stops at a word
   * boundary ("/tr" matches "/tr?id=1", not "/trends"). Most specific wins: the
   * longest host, then the longest path (src/gate/match.ts).
   * @example ["hotjar.com", "hotjar.io"]
   * @example ["www.googletagmanager.com/gtag/*?id=AW-"]
   */
  urls: string[];
  /** First-party cookie names; a trailing `*` matches a prefix. */
  cookies?: string[];
  /** localStorage / sessionStorage keys; a trailing `*` matches a prefix. */
  storage?: string[];
  /** Globals the vendor's code defines (for the record and the tests). */
  globals?: string[];
  /**
   * Installs the vendor's own queue shape before consent, so site code never
   * throws and the vendor's snippet and script adopt the queue later. A vendor
   * whose snippet steps aside for the stub (Meta's) calls `used` on the first
   * call it queues: then the gate reports the service held, as it would its script.
   */
  stub?: (win: Window & Record<string, any>, used: () => void) => void;
  /**
   * The vendor's loader, inserted on release when the vendor's snippet stepped
   * aside because the stub already existed (Meta's `if(f.fbq)return;`); the
   * hand-over itself is in src/gate/changes.ts.
   */
  loader?: string;
  /**
   * Tells the vendor the consent through its queue (Clarity, TikTok), which
   * its script reads whenever it loads: at boot and on every change. Never
   * throws. `state` (optional) lets a vendor with several consent types, such
   * as Clarity's `ad_Storage`, grant the advertising one only when the
   * `marketing` category is allowed too; without it that type stays denied.
   * `previous` is the state before a change, null at boot (TikTok holds
   * rather than revokes before a first decision).
   * Vendors whose consent API exists only once their script runs (Meta,
   * Mixpanel) hear of changes from src/gate/changes.ts instead.
   */
  consent?: (win: Window & Record<string, any>, allowed: boolean, state?: State, previous?: State | null) => void;
}

export interface CookieInfo {
  name: string;
  /** Human duration in English, e.g. "2 years", "session". */
  duration: string;
  /** Set on the vendor's own domain: the site cannot read or delete it. */
  thirdParty?: boolean;
}

export interface ServiceInfo {
  title: string;
  /** One line in English; translations live in the UI's language files. */
  purpose: string;
  provider: string;
  policyUrl: string;
  cookies: CookieInfo[];
  /**
   * Globals the vendor's code defines, for the record and the tests; kept here
   * rather than in `ServiceGate.globals` because the core never reads them.
   */
  globals?: string[];
}
