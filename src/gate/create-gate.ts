import { allowedIn, own } from "../decide";
import type { ServiceGate } from "../services/service";
import type { Config, GateEvent, HeldKind, State } from "../types";
import { deleteCookies, deleteStorage } from "./cookies";
import { intercept } from "./intercept";
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
  warn(message: string): void;
  /** A held iframe wants its placeholder, which the UI draws. */
  placeholder(): void;
}

/** Google's tags in Consent Mode's advanced implementation load before consent, by the site's choice. */
const GOOGLE_TAGS = ["google-analytics", "google-tag-manager", "google-ads"];
const EXECUTABLE = /^(|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript)$/i;

/**
 * Holds every catalogue and configured service until the consent state
 * allows it, whatever route brought it in, and lets held things go, exactly
 * once and in document order, as soon as it does.
 */
export function createGate(deps: GateDeps) {
  const { win, config, catalogue, matcher } = deps;
  const doc = win.document;
  const seen = new WeakSet<Element>();
  const done = new WeakSet<Element>();
  const holding = new WeakSet<Element>();
  const released = new WeakSet<Element>();
  const pending: Element[] = [];
  const warned = new Set<string>();
  /** Services whose script entered the page (held or not), and those whose script ran. */
  const inserted = new Set<string>();
  const ran = new Set<string>();
  const advanced = config.googleConsentMode && config.googleConsentMode.advanced;
  const configured = new Set(Object.values(config.categories).flatMap((category) => category.services));

  /** `data-consent` names a category or a service; anything else never runs. */
  const allows = (name: string) => allowedIn(deps.state(), name);
  const permits = (id: string, kind: HeldKind) =>
    allows(id) || (!!advanced && GOOGLE_TAGS.includes(id) && kind !== "cookie" && kind !== "storage");

  function report(event: "held" | "released", service: string | null, name: string | null, kind: HeldKind, target: Element | string) {
    const category = service ? deps.categoryOf(service) || null : name && own(config.categories, name) ? name : null;
    if (event === "held" && service && !configured.has(service) && !warned.has(service)) {
      warned.add(service);
      const home = deps.categoryOf(service);
      deps.warn(`${service} is not in your config; held under "${home}"${config.categories[home] ? "" : ", a category it lacks"}`);
    }
    deps.emit(event, { service, category, kind, target });
  }

  const kindOf = (el: Element) => el.nodeName.toLowerCase() as HeldKind;
  const serviceOf = (el: Element) => {
    const name = el.getAttribute("data-consent")!;
    if (own(deps.state().services, name)) return name;
    const url = el.getAttribute("data-src") || el.getAttribute("src");
    return url ? matcher.url(url, doc.baseURI) : null;
  };

  /** Makes an element inert and marks it as held, the same way a site tags one by hand. */
  function neutralize(el: Element, service: string) {
    if (el.nodeName === "SCRIPT") {
      const type = el.getAttribute("type");
      if (type !== "text/plain") {
        if (type) el.setAttribute("data-type", type);
        el.setAttribute("type", "text/plain");
      }
    } else {
      for (const attribute of ["src", "srcset"]) {
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
    pending.push(el);
    report("held", service, name, kindOf(el), el);
    if (el.nodeName === "IFRAME") deps.placeholder();
    if (name && !service && !own(config.categories, name) && !warned.has(name)) {
      warned.add(name);
      deps.warn(`data-consent="${name}" is not a category or service; held`);
    }
  }

  function release(el: Element) {
    if (done.has(el)) return;
    done.add(el);
    const service = serviceOf(el);
    if (service && el.nodeName === "SCRIPT") ran.add(service);
    if (el.nodeName === "SCRIPT") releaser.script(el as HTMLScriptElement);
    else releaser.media(el as HTMLIFrameElement);
    report("released", service, el.getAttribute("data-consent"), kindOf(el), el);
  }

  /** Sees an element once, as it enters the page by any route. */
  function element(el: Element) {
    const tag = el.nodeName;
    if ((tag !== "SCRIPT" && tag !== "IFRAME" && tag !== "IMG") || seen.has(el) || released.has(el) || done.has(el)) return;
    seen.add(el);
    const name = el.getAttribute("data-consent");
    if (name !== null) {
      if (allows(name)) {
        if (tag === "SCRIPT" && el.getAttribute("type") !== "text/plain") return;
        release(el);
      } else {
        if (tag === "SCRIPT") neutralize(el, name);
        hold(el);
      }
      return;
    }
    const url = el.getAttribute("src");
    const service = url && matcher.url(url, doc.baseURI);
    if (!service) return;
    if (tag === "SCRIPT") {
      if (!EXECUTABLE.test(el.getAttribute("type") || "")) return;
      inserted.add(service);
    }
    if (permits(service, kindOf(el))) {
      if (tag === "SCRIPT") ran.add(service);
      return;
    }
    neutralize(el, service);
    hold(el);
  }

  const realms = new WeakSet<Window>([win]);
  const checks: Checks = {
    element,

    inertScript: (el) => seen.add(el),

    frame(el) {
      try {
        const realm = (el as HTMLIFrameElement).contentWindow as typeof win | null;
        if (realm && !realms.has(realm) && realm.document) {
          realms.add(realm);
          intercept(realm, checks);
        }
      } catch {
        // A cross-origin frame is not ours to patch, nor can the page reach into it.
      }
    },

    src(el, url, attribute) {
      if (released.has(el) || done.has(el)) return true;
      const service = matcher.url(url, doc.baseURI);
      if (!service) return true;
      const script = el.nodeName === "SCRIPT";
      if (script) inserted.add(service);
      if (permits(service, kindOf(el))) {
        if (script) ran.add(service);
        return true;
      }
      if (script) {
        neutralize(el, service);
        natives.setAttribute.call(el, "src", url);
      } else {
        natives.setAttribute.call(el, "data-" + attribute, url);
        el.setAttribute("data-consent", service);
      }
      seen.add(el);
      hold(el);
      return false;
    },

    request(url, kind) {
      const service = matcher.url(url, doc.baseURI);
      if (!service || permits(service, kind)) return true;
      report("held", service, null, kind, url);
      return false;
    },

    cookie(assignment) {
      const name = assignment.split("=")[0].trim();
      const service = name !== config.cookie.name && matcher.cookie(name);
      // Deleting is always let through: vendors clean up after themselves too.
      if (!service || permits(service, "cookie") || /max-age=(0|-)|expires=thu, 01 jan 1970/i.test(assignment)) return true;
      report("held", service, null, "cookie", name);
      return false;
    },

    storage(key) {
      const service = matcher.storage(key);
      if (!service || permits(service, "storage")) return true;
      report("held", service, null, "storage", key);
      return false;
    },

    inert(el) {
      const url = el.getAttribute("src");
      const service = !el.hasAttribute("data-consent") && url && matcher.url(url, doc.baseURI);
      if (!service || permits(service, kindOf(el))) return false;
      neutralize(el, service);
      return true;
    },

    write(html) {
      const current = doc.currentScript;
      const after = current && released.has(current) ? current : null;
      if (!after && doc.readyState === "loading") return false;
      // After parsing, document.write would reopen (and wipe) the page: the
      // markup goes after the released script that wrote it, or at the end.
      const fragment = doc.createRange().createContextualFragment(html);
      fragment.querySelectorAll("script,iframe,img").forEach(element);
      const parent = (after && after.parentNode) || doc.body || doc.documentElement;
      natives.insertBefore.call(parent, fragment, after && after.parentNode ? after.nextSibling : null);
      return true;
    },
  };
  const { natives, cookie } = intercept(win, checks);

  const releaser = createReleaser(doc, natives, released);

  // Vendor queues exist before consent so site code never throws. Meta's
  // snippet skips loading when its queue exists, so an allowed Meta gets none.
  for (const id of Object.keys(catalogue)) {
    if (!allows(id) || !catalogue[id].loader) {
      try {
        catalogue[id].stub?.(win);
      } catch {
        // A page that froze a vendor global keeps it; our stub is then not needed.
      }
    }
  }

  /** The gate follows the state: releases what is allowed now, tells vendors, deletes what is refused. */
  function apply(state: State, previous: State | null) {
    const candidates = [
      ...Array.from(doc.querySelectorAll("script[data-consent],iframe[data-consent],img[data-consent]")),
      ...pending.filter((el) => !el.isConnected),
    ];
    for (const el of candidates) {
      if (!done.has(el) && allows(el.getAttribute("data-consent")!)) release(el);
    }

    for (const id of Object.keys(catalogue)) {
      const service = catalogue[id];
      const now = state.services[id];
      if (previous && previous.services[id] === now) continue;
      try {
        // At boot too: a returning visitor's vendor (Clarity) must hear the consent it was given.
        service.consent?.(win, now, state);
        // The vendor's snippet may be among the scripts just released: look at its queue once they ran.
        if (now && service.loader) {
          releaser.after(() => {
            if (!deps.state().services[id] || inserted.has(id)) return;
            if (!service.queued?.(win)) return service.unstub?.(win);
            inserted.add(id);
            ran.add(id);
            const script = doc.createElement("script");
            released.add(script);
            script.async = true;
            natives.setAttribute.call(script, "src", service.loader!);
            natives.insertBefore.call(doc.head || doc.documentElement, script, null);
          });
        }
      } catch {
        // A vendor's own API failing must not stop the gate.
      }
    }

    const refused = (id: string | null) => !!id && !state.services[id];
    deleteCookies(doc, cookie, (name) => name !== config.cookie.name && refused(matcher.cookie(name)));
    deleteStorage(win, (key) => refused(matcher.storage(key)));

    if (previous) {
      const running = Object.keys(state.services).filter((id) => previous.services[id] && !state.services[id] && ran.has(id));
      if (running.length) {
        deps.warn(`${running} already ran; it stops at the next page load, or pass { reload: true }`);
      }
    }
  }

  return {
    apply,
    /** Loads one held element for this page view only. */
    releaseOnce(el: Element) {
      if (pending.includes(el)) release(el);
    },
  };
}
