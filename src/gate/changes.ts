/**
 * What a change of decision does besides holding and releasing, loaded by the
 * core (as consentgate-changes.js) only when there is such a change, or a
 * refused service's cookie left from before: a returning visitor's page view
 * with nothing to clean never downloads it. In order: delete what is refused,
 * tell running vendors, hand Meta's queue over, warn about what keeps
 * running, and reload when asked to.
 */
import { STILL_RUNNING } from "../config/problem";
import type { Report } from "../config/problem";
import { consent as meta, queued, unstub } from "../services/facebook-pixel";
import { consent as intercom } from "../services/intercom";
import { consent as mixpanel } from "../services/mixpanel";
import type { ServiceGate } from "../services/service";
import { writtenName } from "../store/cookie";
import type { CookieConfig, HeldKind, State } from "../types";
import type { Kept } from "./intercept";
import type { Matcher } from "./match";
import type { Releaser } from "./release";

/** What the gate lends this file for one change. */
export interface Change {
  win: Window & typeof globalThis & Record<string, any>;
  /** The native `document.cookie` accessor: the gate's own one holds writes. */
  cookie: PropertyDescriptor;
  /** Where the consent cookie lives now (config.cookie). */
  consent: CookieConfig;
  catalogue: Record<string, ServiceGate>;
  releaser: Releaser;
  /** Services whose script entered the page, and those whose script ran. */
  inserted: Set<string>;
  ran: Set<string>;
  state(): State;
  warn: Report;
  /** The gate's `held` / `released` reporting, for what this file lets go itself (Meta's loader, held writes). */
  report(event: "released", service: string | null, name: null, kind: HeldKind, target: string): void;
  next: State;
  /** Null at boot, when only leftovers are deleted. */
  previous: State | null;
  /** Reload the page once a refusal is cleaned up (`opts.reload`). */
  reload?: boolean;
  /** The names of the page's cookies when the change was made. */
  cookies: string[];
  /** Which service a URL, cookie or storage key belongs to. */
  matcher: Matcher;
  /** What the gate held of the page's writes (intercept.ts). */
  kept: Kept;
  /** Whether a service's element may load now (the gate's answer, Consent Mode's advanced one included). */
  permits(id: string, kind: HeldKind): boolean;
}

/** Consent APIs that exist only once the vendor's script runs: nothing to tell them at boot. */
export const RUNNING_VENDORS: Record<string, (win: Window & Record<string, any>, allowed: boolean) => void> = {
  "facebook-pixel": meta,
  intercom,
  mixpanel,
};

export function applyChange(change: Change): void {
  const { win, catalogue, releaser, inserted, ran, next, previous, consent, matcher } = change;
  // Asked when the deleting runs: a quick second change may have allowed the service again.
  const off = (id: string | null) => !!id && !change.state().services[id];
  // Never the consent cookie, whatever a service's patterns would claim.
  const refusedCookie = (name: string) => name !== consent.name && off(matcher.cookie(name));
  const refusedKey = (key: string) => off(matcher.storage(key));
  deleteCookies(win.document, change.cookie, change.cookies.filter(refusedCookie));
  for (const area of ["localStorage", "sessionStorage"] as const) {
    try {
      const storage = win[area];
      // A snapshot: Chromium reorders keys as they are removed.
      for (const key of Object.keys(storage)) if (refusedKey(key)) storage.removeItem(key);
    } catch {
      // Storage can be disabled or sandboxed; then there is nothing to delete.
    }
  }
  // A page view that only cleans leftovers made no decision: the copy read, wherever it is, still counts.
  if (!previous) return;

  // A copy of the consent cookie that an older config left on another path or
  // domain, or another tool wrote under a percent-encoded name (the store reads
  // names decoded), may be listed first, and would bring a
  // replaced decision back: only the one where the config keeps it now stays.
  // There is more than the one just stored only when such a copy exists.
  // After a withdrawal one seen is enough: the empty value written may not
  // be (a page outside cookie.path), and where it is, `keep` spares it.
  const written = writtenName(consent);
  // unescape, as the store reads names (store/cookie.ts): a copy it reads as the consent cookie goes too.
  const copies = change.cookies.filter((name) => unescape(name) == consent.name);
  if (copies.length > (next.id ? 1 : 0)) {
    for (const name of new Set(copies)) {
      deleteCookies(win.document, change.cookie, [name], name == written ? `; Path=${consent.path}${consent.domain ? "; Domain=" + consent.domain : ""}` : "");
    }
  }

  // Whether the change refused anything. A category counts too: the site's
  // own tagged scripts may be all it holds (opts.reload).
  const refused = (["categories", "services"] as const).some((map) =>
    Object.keys(previous[map]).some((name) => previous[map][name] && !next[map][name]),
  );
  // A change that only allows has nothing to hold again: the page's frames and images are not looked through.
  if (refused) rehold(change);

  for (const id of Object.keys(RUNNING_VENDORS)) {
    if (previous.services[id] !== next.services[id]) RUNNING_VENDORS[id](win, next.services[id]);
  }

  for (const id of Object.keys(catalogue)) {
    const loader = catalogue[id].loader;
    if (!loader || previous.services[id] || !next.services[id]) continue;
    // Meta's base code returns early when a stub exists: once the scripts
    // just released have run, the stub's queue goes to Meta's own loader,
    // or an unused stub steps aside for base code inserted later.
    releaser.after(() => {
      if (!change.state().services[id] || inserted.has(id)) return;
      if (!queued(win)) return unstub(win);
      inserted.add(id);
      ran.add(id);
      releaser.load(loader);
      change.report("released", id, null, "script", loader);
    });
  }

  // What an allowed service wrote while it was held reaches the browser now,
  // as if written now: a bundled SDK (Mixpanel) keeps the identity it made
  // before consent instead of making a second one on the next page.
  // A cookie the service wrote again since it was allowed (this file loads
  // after the change) is newer than the held one: it stays. What goes is
  // reported \`released\`, as its hold was reported \`held\`.
  const cookies = change.kept.get(win.document);
  if (cookies) {
    try {
      const now = names(String(change.cookie.get!.call(win.document)));
      cookies.forEach((assignment, name) => {
        if (!refusedCookie(name)) {
          cookies.delete(name);
          if (!now.includes(name)) {
            change.cookie.set!.call(win.document, assignment);
            change.report("released", matcher.cookie(name), null, "cookie", name);
          }
        }
      });
    } catch {
      // A sandboxed document has no cookies to write.
    }
  }
  for (const area of ["localStorage", "sessionStorage"] as const) {
    try {
      const storage = win[area];
      // The gate's own setItem writes it and forgets the held copy. A key
      // there now is newer: another tab's SDK wrote it once allowed.
      change.kept.get(storage)?.forEach((value, key) => {
        if (refusedKey(key) || key in storage) return;
        storage.setItem(key, value);
        change.report("released", matcher.storage(key), null, "storage", key);
      });
    } catch {
      // Storage can be disabled or sandboxed; then nothing was kept for it.
    }
  }

  const running = Object.keys(next.services).filter((id) => previous.services[id] && !next.services[id] && ran.has(id));
  if (running.length) change.warn(running.join(), undefined, STILL_RUNNING);

  if (change.reload && refused) win.location.reload();
}

/**
 * A frame or image the gate let go, or let in, at a service's address this
 * change refuses would still load: lazy and not loaded yet, once scrolled to,
 * or a loaded frame, once the page moves it. Given its own address again, the
 * gate's setter holds it where it is, as it holds a released one pointed
 * elsewhere (the same element: a framework that rendered it still finds it),
 * and a loaded frame's page goes. The next consent lets it go again.
 */
function rehold({ win, matcher, permits, previous }: Change): void {
  for (const el of Array.from(win.document.querySelectorAll("iframe,img"))) {
    for (const name of ["src", "srcset"]) {
      const value = el.getAttribute(name);
      const id = value && (name == "src" ? matcher.url(value) : (value.match(/[^\s,]+/g) || []).map(matcher.url).find(Boolean));
      // Only what this change refused: one let go for this page view only (a
      // placeholder's "Only this time") was never allowed, and stays.
      if (!id || !previous!.services[id] || permits(id, el.nodeName.toLowerCase() as HeldKind)) continue;
      // An image loaded already loads nothing more where the page moves it; with a srcset it may pick another candidate.
      if ((el as HTMLImageElement).complete && !el.hasAttribute("srcset")) break;
      el.setAttribute(name, value!);
      (el as HTMLIFrameElement).contentWindow?.location.replace("about:blank");
      break;
    }
  }
}

/** The names in a `document.cookie` string; a pair without "=" is a nameless cookie's value (store/cookie.ts). */
const names = (cookies: string) =>
  cookies
    .split(";")
    .filter((pair) => pair.includes("="))
    .map((pair) => pair.split("=")[0].trim());

/**
 * A page script cannot know on which domain and path a cookie was set, so it
 * writes an expired copy for every candidate: host-only, every parent domain
 * (the browser refuses the public suffixes by itself), and every path prefix,
 * except the one place given as `keep` ("; Path=/; Domain=example.com").
 */
function deleteCookies(doc: Document, cookie: PropertyDescriptor, names: string[], keep?: string): void {
  const { hostname, pathname, protocol } = doc.location;
  const labels = hostname.split(".");
  const domains = [""];
  // An IP address has no parent domains, and Chromium reads Domain=<the address>
  // as the host-only cookie itself, which `keep` must spare.
  if (!/^[\d.]+$|:/.test(hostname)) {
    for (let i = 0; i < labels.length - 1; i++) domains.push("; Domain=" + labels.slice(i).join("."));
  }
  const paths = ["/"];
  let prefix = "";
  for (const part of pathname.split("/")) {
    if (!part) continue;
    prefix += "/" + part;
    paths.push(prefix, prefix + "/");
  }
  const secure = protocol === "https:" ? "; Secure" : "";

  for (const name of names) {
    for (const domain of domains) {
      for (const path of paths) {
        const where = `; Path=${path}${domain}`;
        if (where !== keep) cookie.set!.call(doc, `${name}=; Max-Age=0${where}${secure}`);
      }
    }
  }
}
