import type { HeldKind } from "../types";
import type { Natives } from "./release";

/** What the gate answers for each route an element, a request or a write can take. */
export interface Checks {
  /** An element is entering the document (or a fragment that will). */
  element(el: Element): void;
  /** `src`/`srcset` is being set on a script, iframe or img: false keeps the native setter from running. */
  src(el: Element, url: string, attribute: string): boolean;
  /** A request from fetch, XMLHttpRequest or sendBeacon: false holds it. */
  request(url: string, kind: HeldKind): boolean;
  /** `document.cookie = assignment`: false drops the write. */
  cookie(assignment: string): boolean;
  /** `storage.setItem(key)`: false drops the write. */
  storage(key: string): boolean;
  /** A script parsed by innerHTML and its kin: it never runs, so the gate leaves it alone for good. */
  inertScript(el: Element): void;
  /** A same-origin frame's window, whose own DOM and network need the same patches. */
  frame(el: Element): void;
  /** An element parsed from markup into an inert template: true when the gate held it. */
  inert(el: Element): boolean;
  /** document.write: true when the gate inserted the markup itself rather than let it reopen a parsed page. */
  write(html: string): boolean;
}

const MEDIA = /^(SCRIPT|IFRAME|IMG)$/;
const MARKUP = /<(script|iframe|img)\b/i;
const SOURCE_ATTRIBUTES = /^(src|srcset)$/i;

type Proto = Record<string, any>;

/** Wraps `proto[name]` so the gate sees every node it is given before the browser does. */
function wrapInsertion(proto: Proto | undefined, name: string, checks: Checks) {
  const native = proto && proto[name];
  if (typeof native !== "function") return;
  proto![name] = function (this: Node, ...args: unknown[]) {
    for (const arg of args) {
      // nodeType, not instanceof: nodes made in another frame's realm must be seen too.
      const node = arg as Node | null;
      if (node && node.nodeType === 1) checks.element(node as Element);
      else if (node && node.nodeType === 11) (node as DocumentFragment).querySelectorAll("script,iframe,img").forEach(checks.element);
    }
    const result = native.apply(this, args);
    for (const arg of args) if (arg && (arg as Node).nodeName === "IFRAME") checks.frame(arg as Element);
    return result;
  };
}

function wrapSetter(proto: Proto, name: string, wrap: (set: (v: any) => void) => (this: any, v: any) => void) {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  if (!descriptor || !descriptor.set) return descriptor;
  Object.defineProperty(proto, name, { ...descriptor, set: wrap(descriptor.set) });
  return descriptor;
}

/**
 * Patches every route by which a page can make the browser fetch or run
 * something: DOM insertion, `src` setters, markup parsers, network APIs and
 * cookie and storage writes. Returns the native methods the gate itself uses,
 * so releasing never passes through the checks again.
 */
export function intercept(win: Window & typeof globalThis, checks: Checks): { natives: Natives; cookie: PropertyDescriptor } {
  const doc = win.document;
  const natives: Natives = {
    setAttribute: win.Element.prototype.setAttribute,
    insertBefore: win.Node.prototype.insertBefore,
    removeChild: win.Node.prototype.removeChild,
    appendChild: win.Node.prototype.appendChild,
  };

  for (const name of ["appendChild", "insertBefore", "replaceChild"]) wrapInsertion(win.Node.prototype, name, checks);
  for (const name of ["append", "prepend", "before", "after", "replaceWith", "insertAdjacentElement"]) {
    wrapInsertion(win.Element.prototype, name, checks);
  }
  for (const name of ["before", "after", "replaceWith"]) wrapInsertion(win.CharacterData.prototype, name, checks);

  for (const proto of [win.HTMLScriptElement.prototype, win.HTMLIFrameElement.prototype, win.HTMLImageElement.prototype]) {
    for (const attribute of proto === win.HTMLImageElement.prototype ? ["src", "srcset"] : ["src"]) {
      wrapSetter(proto, attribute, (set) =>
        function (this: Element, value: unknown) {
          if (checks.src(this, String(value), attribute)) set.call(this, value);
        },
      );
    }
  }
  win.Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (SOURCE_ATTRIBUTES.test(name) && MEDIA.test(this.nodeName) && !checks.src(this, String(value), name.toLowerCase())) return;
    return natives.setAttribute.call(this, name, value);
  };
  const setAttributeNode = win.Element.prototype.setAttributeNode;
  win.Element.prototype.setAttributeNode = function (this: Element, attr: Attr) {
    if (SOURCE_ATTRIBUTES.test(attr.name) && MEDIA.test(this.nodeName) && !checks.src(this, attr.value, attr.name.toLowerCase())) return null;
    return setAttributeNode.call(this, attr);
  };
  const setAttributeNS = win.Element.prototype.setAttributeNS;
  win.Element.prototype.setAttributeNS = function (this: Element, ns: string | null, name: string, value: string) {
    if (!ns && SOURCE_ATTRIBUTES.test(name) && MEDIA.test(this.nodeName) && !checks.src(this, String(value), name.toLowerCase())) return;
    return setAttributeNS.call(this, ns, name, value);
  };

  // Markup: trackers are held in an inert copy before the real parse; the
  // elements the parse makes then carry the hold and are registered.
  const register = (root: ParentNode | null) => {
    root?.querySelectorAll("script:not([data-consent])").forEach(checks.inertScript);
    root?.querySelectorAll("script[data-consent],iframe[data-consent],img[data-consent]").forEach(checks.element);
  };
  const innerHTML = Object.getOwnPropertyDescriptor(win.Element.prototype, "innerHTML")!;
  // Scripts parsed by innerHTML and its kin never run, so only document.write's are held.
  const clean = (html: unknown, scripts?: boolean) => {
    if (typeof html !== "string" || !MARKUP.test(html)) return html;
    const template = doc.createElement("template");
    innerHTML.set!.call(template, html);
    let changed = false;
    template.content.querySelectorAll(scripts ? "script,iframe,img" : "iframe,img").forEach((el) => {
      if (checks.inert(el)) changed = true;
    });
    return changed ? innerHTML.get!.call(template) : html;
  };

  wrapSetter(win.Element.prototype, "innerHTML", (set) =>
    function (this: Element, html: unknown) {
      set.call(this, clean(html));
      register(this);
    },
  );
  wrapSetter(win.Element.prototype, "outerHTML", (set) =>
    function (this: Element, html: unknown) {
      const parent = this.parentElement;
      set.call(this, clean(html));
      register(parent);
    },
  );
  const insertAdjacentHTML = win.Element.prototype.insertAdjacentHTML;
  win.Element.prototype.insertAdjacentHTML = function (this: Element, position: InsertPosition, html: string) {
    insertAdjacentHTML.call(this, position, clean(html) as string);
    register(this.parentElement || this);
  };
  for (const name of ["write", "writeln"] as const) {
    const write = doc[name];
    doc[name] = function (this: Document, ...parts: string[]) {
      const html = parts.join("") + (name === "writeln" ? "\n" : "");
      if (!checks.write(html)) write.call(this, clean(html, true) as string);
    };
  }

  // Network: a held request fails the way a blocked one does in the browser.
  const fetch = win.fetch;
  if (fetch) {
    win.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      const url = input instanceof win.Request ? input.url : String(input);
      if (!checks.request(url, "request")) return Promise.reject(new TypeError("Failed to fetch"));
      return fetch.call(win, input, init);
    };
  }
  const xhr = win.XMLHttpRequest && win.XMLHttpRequest.prototype;
  if (xhr) {
    const urls = new WeakMap<XMLHttpRequest, string>();
    const { open, send } = xhr;
    xhr.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      urls.set(this, String(args[1]));
      return (open as (...a: unknown[]) => void).apply(this, args);
    };
    xhr.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const url = urls.get(this);
      if (url && !checks.request(url, "request")) {
        setTimeout(() => this.dispatchEvent(new ProgressEvent("error")));
        return;
      }
      return send.call(this, body);
    };
  }
  const nav = win.navigator;
  const sendBeacon = nav.sendBeacon;
  if (sendBeacon) {
    // Reporting the beacon as queued keeps vendors from retrying it by other means.
    nav.sendBeacon = (url: string | URL, data?: BodyInit | null) =>
      checks.request(String(url), "request") ? sendBeacon.call(nav, url, data) : true;
  }

  // Cookies and storage: what a bundled SDK writes without ever loading a script.
  // The accessor sits on Document.prototype in browsers, further up in some DOM implementations.
  let proto: object | null = doc;
  let cookie: PropertyDescriptor | undefined;
  while (proto && !(cookie = Object.getOwnPropertyDescriptor(proto, "cookie"))) proto = Object.getPrototypeOf(proto);
  if (!cookie || !cookie.get || !cookie.set) throw new Error("document.cookie has no accessor");
  Object.defineProperty(doc, "cookie", {
    configurable: true,
    get: () => cookie!.get!.call(doc),
    set: (value: unknown) => {
      if (checks.cookie(String(value))) cookie!.set!.call(doc, value);
    },
  });
  const setItem = win.Storage.prototype.setItem;
  win.Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    if (checks.storage(String(key))) setItem.call(this, key, value);
  };

  // Parser-inserted elements reach no patched method; the observer sees each
  // one before the parser runs it.
  new win.MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => {
        if (node.nodeType === 1 && MEDIA.test(node.nodeName)) checks.element(node as Element);
      });
    }
  }).observe(doc.documentElement, { childList: true, subtree: true });

  return { natives, cookie };
}
