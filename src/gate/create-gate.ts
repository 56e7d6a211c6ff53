import { NOT_CONFIGURED, UNKNOWN_CONSENT } from "../config/problem";
import type { Report } from "../config/problem";
import { allowedIn, own } from "../decide";
import type { ServiceGate } from "../services/service";
import type { Config, GateEvent, HeldKind, State } from "../types";
import type { Change } from "./changes";
import { GOOGLE_TAGS } from "./consent-mode";
import { EXECUTABLE, intercept, MEDIA, TAGGED, TRACKED, watchFrames } from "./intercept";
import type { Checks } from "./intercept";
import type { Matcher } from "./match";
import { createReleaser } from "./release";

export interface GateDeps {
  win: Window & typeof globalThis & Record<string, any>;
  config: Config;
  catalogue: Record<string, ServiceGate>;
  matcher: Matcher;
  state(): State;
  categoryOf(id: string): string;
  emit(event: "held" | "released", payload: GateEvent): void;
  /** Warnings go where config problems go: their wording loads only when there is one. */
  warn: Report;
  /** A held iframe wants its placeholder, which the UI draws. */
  placeholder(): void;
  /** Hands a change to consentgate-changes.js (src/gate/changes.ts), loading it the first time. */
  changes(change: Change): void;
}

/**
 * Holds every catalogue and configured service until the consent state
 * allows it, whatever route brought it in, and lets held things go, exactly
 * once and in document order, as soon as it does.
 */
export function createGate(deps: GateDeps) {
  const { win, config, catalogue, matcher, state, categoryOf, emit, warn } = deps;
  const doc = win.document;
  const seen = new WeakSet<Element>();
  const holding = new WeakSet<Element>();
  /** Elements the gate let go, and the scripts it made to run them: never held again. */
  const released = new WeakSet<Element>();
  /** Held elements, in the order they came, also those taken out of the page since (`new Image()`'s load all the same). */
  const pending = new Set<Element>();
  const warned = new Set<string>();
  /** Services whose script file entered the page (held or not), and those whose script ran. */
  const inserted = new Set<string>();
  const ran = new Set<string>();
  const advanced = config.googleConsentMode && config.googleConsentMode.advanced;
  const configured = new Set(Object.values(config.categories).flatMap((category) => category.services));

  /** `data-consent` names a category or a service; anything else never runs. */
  const allows = (name: string) => allowedIn(state(), name);
  // Google's tags in Consent Mode's advanced implementation load before consent, by the site's choice.
  const permits = (id: string, kind: HeldKind) =>
    allows(id) || (!!advanced && GOOGLE_TAGS.includes(id) && kind !== "cookie" && kind !== "storage");

  /** One warning for a catalogue service the config does not name, held or let through under its category. */
  function unnamed(service: string) {
    if (configured.has(service) || warned.has(service)) return;
    warned.add(service);
    const home = categoryOf(service);
    // No category at all: a config error (validate.ts's place()) left it
    // there, and was reported as such.
    if (home) warn(service, home, NOT_CONFIGURED, !own(config.categories, home));
  }

  function report(event: "held" | "released", service: string | null, name: string | null, kind: HeldKind, target: Element | string) {
    const category = service ? categoryOf(service) || null : name && own(config.categories, name) ? name : null;
    if (event === "held" && service) unnamed(service);
    emit(event, { service, category, kind, target });
  }

  /** Whether a request, or a cookie or storage write, may go: a held service's is reported and stopped. */
  const passes = (service: string | null | false, kind: "request" | "cookie" | "storage", target: string) =>
    !service || permits(service, kind) || (report("held", service, null, kind, target), false);

  const kindOf = (el: Element) => el.nodeName.toLowerCase() as HeldKind;
  /** The service at a URL, or at any candidate of a srcset (the browser may pick any). */
  const serviceAt = (url: string | null, srcset?: unknown): string | null =>
    (url && (srcset ? (url.match(/[^\s,]+/g) || []).map(matcher.url).find(Boolean) : matcher.url(url))) || null;
  /**
   * The service an untagged element would load: by its addresses, or for a
   * frame by the markup of its srcdoc, which runs its scripts. A frame that
   * would bring in a held service is held whole.
   */
  const serviceIn = (el: Element) => {
    const srcdoc = el.nodeName === "IFRAME" && el.getAttribute("srcdoc");
    return serviceAt(el.getAttribute("src")) || serviceAt(el.getAttribute("srcset"), 1) || (srcdoc && markup(srcdoc, true)[1]) || null;
  };
  /** The service at a tagged element's address, or at any candidate of its srcset, held or not. */
  const addressed = (el: Element) =>
    serviceAt(el.getAttribute("data-src") || el.getAttribute("src")) || serviceAt(el.getAttribute("data-srcset"), 1);
  const serviceOf = (el: Element) => {
    const name = el.getAttribute("data-consent")!;
    return own(state().services, name) ? name : addressed(el);
  };
  /** A service still held that a tagged frame's markup would bring in: the frame waits for it too. */
  const heldInside = (el: Element) => markup(el.getAttribute("data-srcdoc"), true)[1];

  /**
   * A tagged element runs when its tag allows it, and one of a known service
   * when that service is allowed too: a service's own choice overrides the
   * category it is held under, both ways ("Allow YouTube" on a frame tagged "marketing").
   * Tagged with one service's id, an element at another's address needs both.
   */
  const releasable = (el: Element) => {
    const name = el.getAttribute("data-consent")!;
    const service = serviceOf(el);
    return (
      [service, addressed(el), heldInside(el)].every((id) => !id || allows(id)) &&
      (allows(name) || (!!service && categoryOf(service) == name))
    );
  };

  /** Notes a service's element entering the page untagged; true when it may load as it is. */
  function admits(el: Element, service: string) {
    unnamed(service);
    const script = el.nodeName === "SCRIPT";
    if (script) inserted.add(service);
    const allowed = permits(service, kindOf(el));
    if (allowed && script) ran.add(service);
    return allowed;
  }

  /** Makes an element inert and marks it as held, the same way a site tags one by hand. */
  function neutralize(el: Element, service: string) {
    if (el.nodeName === "SCRIPT") {
      const type = el.getAttribute("type");
      if (type !== "text/plain") {
        if (type) el.setAttribute("data-type", type);
        el.setAttribute("type", "text/plain");
      }
    } else {
      for (const attribute of ["src", "srcset", "srcdoc"]) {
        const value = el.getAttribute(attribute);
        if (value !== null) {
          el.setAttribute("data-" + attribute, value);
          el.removeAttribute(attribute);
        }
      }
    }
    if (!el.hasAttribute("data-consent")) el.setAttribute("data-consent", service);
  }

  function hold(el: Element) {
    if (holding.has(el)) return;
    holding.add(el);
    const service = serviceOf(el);
    const name = el.getAttribute("data-consent");
    if (el.nodeName === "SCRIPT" && !EXECUTABLE.test(el.getAttribute("data-type") || "")) return;
    pending.add(el);
    report("held", service, name, kindOf(el), el);
    if (el.nodeName === "IFRAME") deps.placeholder();
    if (name && name !== service && !own(config.categories, name) && !warned.has(name)) {
      warned.add(name);
      warn(name, undefined, UNKNOWN_CONSENT);
    }
  }

  function release(el: Element) {
    if (released.has(el)) return;
    released.add(el);
    // Held again only if the page points it at a refused address later, as a new hold.
    holding.delete(el);
    const service = serviceOf(el);
    if (el.nodeName === "SCRIPT") {
      if (service) {
        ran.add(service);
        // The vendor's own file (a tagged fbevents.js), not a base code (inline or
        // a file of the site's): Meta's loader is not needed again.
        if (addressed(el) == service) inserted.add(service);
      }
      releaser.script(el as HTMLScriptElement);
    } else releaser.media(el as HTMLIFrameElement);
    report("released", service, el.getAttribute("data-consent"), kindOf(el), el);
  }

  /** Sees an element once, as it enters the page by any route. */
  function element(el: Element) {
    const tag = el.nodeName;
    if (!MEDIA.test(tag)) return;
    const name = el.getAttribute("data-consent");
    // What the element is held under: its tag (a category or a service), or
    // the service its address names. An element of no service, as most are,
    // is told apart first, before the sets of those already handled, and is
    // looked at again if it comes back: remembering every image of a page
    // would cost its garbage collections more.
    const service = name ?? serviceIn(el);
    if (service === null || released.has(el)) return;
    if (seen.has(el)) {
      // A held script whose type the page set again after its src (Object.assign,
      // JSX's attribute order) is made inert again before it can run.
      if (holding.has(el)) return void (tag === "SCRIPT" && neutralize(el, service));
      // A tagged script seen as one innerHTML made (React makes scripts so) is
      // looked at again: its tag came after.
      if (name === null) return;
    }
    if (name !== null) {
      seen.add(el);
      if (releasable(el)) {
        if (tag === "SCRIPT" && el.getAttribute("type") !== "text/plain") return;
        release(el);
      } else {
        // A copy of a frame or image released before (Turbo's cache) comes with
        // its address: a service's, or the one it was released with. Another
        // (a lazy loader's placeholder image beside the data-src) stays.
        if (tag === "SCRIPT" || serviceIn(el) || el.getAttribute("src") == el.getAttribute("data-src")) neutralize(el, name);
        hold(el);
      }
      return;
    }
    // A script that is not JavaScript (JSON, a template) loads as it is; not
    // remembered, since the page may change its type and insert it again.
    if (tag === "SCRIPT" && !EXECUTABLE.test(el.getAttribute("type") || "")) return;
    seen.add(el);
    if (admits(el, service)) return;
    neutralize(el, service);
    hold(el);
  }

  // Known by a global of each: a frame's WindowProxy stays the same object when
  // it navigates, and every document after its first comes with a new global,
  // unpatched (only the first one from about:blank keeps the blank's).
  const realms = new WeakSet<object>([win.Node]);
  const documents = new WeakSet<Document>([doc]);
  const checks: Checks = {
    element,

    inertScript: (el) => seen.add(el),

    frame(el) {
      try {
        const realm = (el as HTMLIFrameElement).contentWindow as typeof win | null;
        const page = realm?.document;
        if (page && !documents.has(page)) {
          documents.add(page);
          // A global is patched once; a document that keeps its window's
          // (the first after about:blank) needs only the watch for the frames it holds.
          if (realms.has(realm!.Node)) watchFrames(page, checks);
          else {
            realms.add(realm!.Node);
            // A page of the site with its own ConsentGate (a global it made
            // read-only, as a stub would not) gated its realm itself: a second
            // gate would release twice.
            if (Object.getOwnPropertyDescriptor(realm, "ConsentGate")?.writable !== false) intercept(realm!, checks);
          }
        }
      } catch {
        // A cross-origin frame is not ours to patch, nor can the page reach into it.
      }
    },

    src(el, value, attribute) {
      const url = String(value);
      const script = el.nodeName === "SCRIPT";
      const service =
        (attribute !== "srcdoc" ? serviceAt(url, attribute == "srcset") : el.nodeName === "IFRAME" && markup(url, true)[1]) ||
        // A held frame or image stays held at any address the page gives it
        // (a lazy loader copying its data-src): the address waits with it.
        (!script && holding.has(el) && el.getAttribute("data-consent"));
      // A script runs once, whatever its src becomes; a released image or
      // frame pointed elsewhere while its service is refused is held again.
      if (!service || (released.has(el) && script) || admits(el, service)) return true;
      released.delete(el);
      // A released image or frame keeps no address of its own while held: the
      // page may move it, or the placeholder put it back, and it would load that.
      neutralize(el, service);
      // The page's own value: a Trusted Types page takes no plain string for a script's src.
      natives.setAttribute.call(el, script ? "src" : "data-" + attribute, value as string);
      if (!script) el.setAttribute("data-consent", service);
      seen.add(el);
      hold(el);
      return false;
    },

    request: (url) => passes(serviceAt(url), "request", url),

    cookie(assignment) {
      const name = assignment.split("=")[0].trim();
      const service = name !== config.cookie.name && matcher.cookie(name);
      // A refused service's deletions are held too: telling one from a write
      // takes the browser's own attribute rules, and the gate deletes its cookies itself.
      return passes(service, "cookie", name);
    },

    storage: (key) => passes(matcher.storage(key), "storage", key),

    // Tagged or not: a `src` in markup loads as soon as it is parsed.
    inert(el) {
      const service = serviceIn(el);
      if (!service || permits(service, kindOf(el))) return null;
      neutralize(el, service);
      return service;
    },

    write(html, page) {
      const current = page.currentScript;
      const after = current && released.has(current) ? current : null;
      if (!after && page.readyState === "loading") return false;
      // After parsing, document.write would reopen (and wipe) the page: the
      // markup goes after the released script that wrote it, or at the end.
      const fragment = page.createRange().createContextualFragment(html);
      fragment.querySelectorAll(TRACKED).forEach(element);
      const parent = after?.parentNode || page.body || page.documentElement;
      natives.insertBefore.call(parent, fragment, after?.parentNode ? after.nextSibling : null);
      return true;
    },
  };
  const [natives, cookie, markup, kept] = intercept(win, checks);

  const releaser = createReleaser(doc, natives, released, releasable);

  // Vendor queues exist before consent so site code never throws, allowed or
  // not: a returning visitor's tagged base code may run after the site's own
  // fbq() calls. Meta's snippet skips loading when its queue exists, so the
  // first use of Meta's queue either reports it held or, allowed, has the core
  // insert Meta's loader, as the snippet would have, once the calling script
  // is done: a tag manager's Meta tag inserts fbevents.js itself after its
  // first fbq() call, a page may refuse in the same script, and a tagged
  // fbevents.js may have come first.
  for (const id of Object.keys(catalogue)) {
    const loader = catalogue[id].loader;
    try {
      catalogue[id].stub?.(win, () => {
        if (!allows(id)) return report("held", id, null, "script", loader!);
        queueMicrotask(() => {
          if (!allows(id) || inserted.has(id)) return;
          inserted.add(id);
          ran.add(id);
          releaser.load(loader!);
          report("released", id, null, "script", loader!);
        });
      });
    } catch {
      // A page that froze a vendor global keeps it; our stub is then not needed.
    }
  }

  /**
   * The gate follows the state: releases what is allowed now and tells the
   * vendors that take consent through their queue. The rest of a change
   * (deleting, the other vendors' consent APIs, Meta's hand-over, reloading)
   * loads with changes.ts, only when there is a change or something to delete.
   */
  function apply(next: State, previous: State | null, reload?: boolean) {
    // Document order first; held elements taken out of the page follow.
    for (const el of [...doc.querySelectorAll(TAGGED), ...pending]) {
      if (releasable(el)) release(el);
    }
    // A released listener may have decided again, and that change is applied
    // by now: what follows tells the vendors the newest state, not this one.
    next = state();

    // On every change, not only the service's own: what a vendor is told may
    // depend on another category (Clarity's ad_Storage on marketing), and a
    // vendor that minds only its own (TikTok) skips the rest. At boot too: a
    // returning visitor's vendor must hear the consent it was given.
    for (const id of Object.keys(catalogue)) {
      try {
        catalogue[id].consent?.(win, next.services[id], next, previous);
      } catch {
        // A vendor's own API failing must not stop the gate.
      }
    }

    // Asked when the deleting runs: a quick second change may have allowed the service again.
    const refused = (id: string | null) => !!id && !state().services[id];
    const refusedCookie = (name: string) => name !== config.cookie.name && refused(matcher.cookie(name));
    // Leftover cookies are checked on every page view (a server may set them);
    // storage is looked through with the rest of a change.
    let cookies: string[] = [];
    try {
      cookies = String(cookie.get!.call(doc)).split(";").map((pair) => pair.split("=")[0].trim());
    } catch {
      // A sandboxed document has no cookies to read, nor to delete.
    }
    if (previous || cookies.some(refusedCookie)) {
      deps.changes({ win, cookie, consent: config.cookie, catalogue, releaser, inserted, ran, state, warn, report, next, previous, reload, cookies, matcher, kept, permits });
    }
  }

  // Started after the page was parsed (defer, an ES module, the end of
  // <body>), the gate finds the tagged elements of the HTML already there:
  // held like the ones the parser hands it, with their placeholders and events.
  doc.querySelectorAll(TAGGED).forEach(element);

  return {
    apply,
    /** Loads one held element for this page view only. */
    releaseOnce(el: Element) {
      if (pending.has(el) && !heldInside(el)) release(el);
    },
  };
}
