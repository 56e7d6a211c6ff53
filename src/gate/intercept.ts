import { own } from "../decide";
import type { Natives } from "./release";

/** What the gate answers for each route an element, a request or a write can take. */
export interface Checks {
  /** An element is entering the document (or a fragment that will). */
  element(el: Element): void;
  /**
   * `src`, `srcset` or `srcdoc` is being set on a script, iframe or img: false
   * keeps the native setter from running. `value` is as the page gave it: on a
   * page that enforces Trusted Types, an object only the native setters take.
   */
  src(el: Element, value: unknown, attribute: string): boolean;
  /** A request from fetch, XMLHttpRequest or sendBeacon: false holds it. */
  request(url: string): boolean;
  /** `document.cookie = assignment`: false drops the write. */
  cookie(assignment: string): boolean;
  /** `storage.setItem(key)`: false drops the write. */
  storage(key: string): boolean;
  /** A script parsed by innerHTML and its kin: it never runs, so the gate leaves it alone for good. */
  inertScript(el: Element): void;
  /**
   * Any element, which may be a same-origin frame: its window's own DOM and
   * network need the same patches. Anything without a window is passed over,
   * so a caller that sees every node need not test for frames first.
   */
  frame(el: Element): void;
  /** An element parsed from markup into an inert template: the service the gate held it for, if it did. */
  inert(el: Element): string | null | undefined;
  /** `doc.write`: true when the gate inserted the markup itself rather than let it reopen a parsed page. */
  write(html: string, doc: Document): boolean;
}

export const MEDIA = /^(SCRIPT|IFRAME|IMG)$/;
/** The parser makes `<image>` an img. */
const MARKUP = /<(script|iframe|img|image)\b/i;
const WATCH = { childList: true, subtree: true };
/** What makes a script, iframe or img load something; only an iframe has a srcdoc, whose markup it runs. */
const SOURCE_ATTRIBUTES = /^(src|srcset|srcdoc)$/i;
/** Elements the gate looks at, and those already tagged for it. */
export const TRACKED = "script,iframe,img";
export const TAGGED = "script[data-consent],iframe[data-consent],img[data-consent]";
/**
 * Types a browser runs: none, "module", and the JavaScript MIME types, old
 * ones included (x-javascript, jscript, livescript), with spaces around.
 * Anything that names a script counts: holding a non-script harms nothing.
 */
export const EXECUTABLE = /^\s*$|script|module/i;

type Proto = Record<string, any>;
/**
 * Markup with the trackers it would bring in held, as an inert copy shows
 * them, and the service of the first one held (null when none was).
 */
export type Markup = (html: unknown, scripts?: boolean) => [html: unknown, held: string | null];
type Fn = (this: any, ...args: any[]) => any;

/**
 * Replaces `proto[name]` with what `make` builds around the native one, if
 * there is one: a method, or the setter of an accessor `proto` holds itself
 * (its getter stays as it is).
 */
function patch(proto: Proto | undefined, name: string, make: (native: Fn) => Fn) {
  const descriptor = proto && Object.getOwnPropertyDescriptor(proto, name);
  // Reflect's, which does not throw: an accessor the page made non-configurable
  // before us stays as it is, rather than stopping the gate halfway through its
  // patches, where those in place would throw into the page's own calls.
  if (descriptor?.set) return Reflect.defineProperty(proto!, name, { ...descriptor, set: make(descriptor.set) });
  const native = proto && proto[name];
  if (typeof native == "function") proto![name] = make(native);
}

/** The object on `obj`'s prototype chain that holds `name` itself, if any. */
function owner(obj: object | null, name: string): Proto | undefined {
  while (obj && !own(obj, name)) obj = Object.getPrototypeOf(obj);
  return obj as Proto | undefined;
}

/** Held writes by where they go (a document's cookies, a Storage): key or cookie name to value or assignment. */
export type Kept = WeakMap<object, Map<string, string>>;

/**
 * The URL each XMLHttpRequest was opened with, for its send(). One map for
 * every realm: a request opened in the page may be sent by a frame's send().
 */
const urls = new WeakMap<XMLHttpRequest, string>();
/** Copies of nodes (cloneNode, importNode; adopted ones too), in every realm: looked through when inserted. */
const copies = new WeakSet<object>();

/**
 * A same-origin iframe has its window once it is in the page: one inserted,
 * or one inside what was inserted (a widget's wrapper), whose srcdoc runs its
 * scripts before the frame's load. Only a subtree now in the page is looked through.
 */
function frameOf(node: Node | null, checks: Checks) {
  if (node?.nodeName === "IFRAME") checks.frame(node as Element);
  else if ((node as Element)?.childElementCount && node!.isConnected) (node as Element).querySelectorAll("iframe").forEach(checks.frame);
}

/**
 * An about:blank frame loads inside the native insertion, before its wrapper
 * returns, and one inside a wrapper or a fragment is not the node inserted:
 * its load, seen first on the way down, is when its window gets patched (the
 * target is the frame itself, so nothing is looked through). Each document a
 * window loads needs this listener of its own.
 */
export function watchFrames(doc: Document, checks: Checks): void {
  doc.addEventListener("load", (event) => checks.frame(event.target as Element), true);
}

/**
 * Patches every route by which a page can make the browser fetch or run
 * something: DOM insertion, `src` setters, markup parsers, network APIs and
 * cookie and storage writes. Returns the native methods the gate itself uses,
 * so releasing never passes through the checks again, with the native cookie
 * accessor and the markup cleaner: a tuple, as its one caller takes it apart.
 */
export function intercept(
  win: Window & typeof globalThis,
  checks: Checks,
): [natives: Natives, cookie: PropertyDescriptor, markup: Markup, kept: Kept] {
  const doc = win.document;
  const element = win.Element.prototype as Proto;
  const node = win.Node.prototype as Proto;
  const natives: Natives = {
    setAttribute: element.setAttribute,
    insertBefore: node.insertBefore,
    removeChild: node.removeChild,
  };

  // The gate sees every node it is given before the browser does. nodeName,
  // not instanceof: nodes made in another frame's realm must be seen too.
  const see = (node: Node | null) => {
    const tag = node?.nodeName;
    if (tag === "SCRIPT" || tag === "IFRAME" || tag === "IMG") checks.element(node as Element);
    if (tag === "#document-fragment") (node as DocumentFragment).querySelectorAll(TRACKED).forEach(checks.element);
    // A subtree built elsewhere (DOMParser, a template, another frame) met
    // none of this page's setters: its images and iframes load once adopted,
    // and its scripts may run (a template's do). Nor did a copy (Turbo's
    // cache, a carousel's loop): its held elements, tagged as they were
    // copied, are new to the gate. A subtree built here is not looked
    // through again on every insertion: that would cost a page building its
    // DOM a third more time.
    // childElementCount, not firstElementChild: a child the parser made has no
    // wrapper yet, and asking for it would make one for every node inserted.
    else if ((node as Element)?.childElementCount && (node!.ownerDocument !== win.document || copies.has(node!))) {
      (node as Element).querySelectorAll(TRACKED).forEach(checks.element);
    }
  };
  // Every insertion of the page passes here: no allocation, one test per node for most.
  const insertion = (native: Fn) =>
    function (this: Node) {
      for (let i = 0; i < arguments.length; i++) see(arguments[i]);
      const result = native.apply(this, arguments as unknown as unknown[]);
      for (let i = 0; i < arguments.length; i++) frameOf(arguments[i], checks);
      // What importNode and cloneNode return is a copy. adoptNode's and
      // insertAdjacentElement's results are marked too, which costs a second
      // look only if they move again: a wrapper of their own would cost more bytes.
      if (result) copies.add(result);
      return result;
    };
  // appendChild, insertBefore and replaceChild carry nearly every insertion:
  // fixed-arity wrappers keep them as cheap as a plain call. Any mention of
  // `arguments` makes the interpreter build that object on every call, so
  // appendChild, the busiest, has a wrapper of its own without it.
  patch(node, "appendChild", (native) =>
    function (this: Node, a: Node) {
      see(a);
      const result = native.call(this, a);
      frameOf(a, checks);
      return result;
    },
  );
  const pair = (native: Fn) =>
    function (this: Node, a: Node, b?: Node | null) {
      see(a);
      // Called with one argument, insertBefore must still throw as it natively does.
      const result = arguments.length < 2 ? native.call(this, a) : native.call(this, a, b);
      frameOf(a, checks);
      return result;
    };
  for (const name of "insertBefore replaceChild".split(" ")) patch(node, name, pair);
  // A shadow root is a DocumentFragment: its append and replaceChildren insert
  // into the page. An image imported (or adopted) into the page loads without
  // being inserted; the frame check after the call is harmless there, as it
  // only patches a same-origin window that is not patched yet. Names in the
  // order brotli packs best: each is patched on its own.
  for (const [proto, names] of [
    [win.Document.prototype, "importNode adoptNode"],
    [node, "cloneNode"],
    [element, "insertAdjacentElement before after append prepend replaceChildren replaceWith"],
    [win.CharacterData.prototype, "before after replaceWith"],
    [win.DocumentFragment.prototype, "append prepend replaceChildren"],
    [win.Range.prototype, "insertNode surroundContents"],
  ] as const) {
    for (const name of names.split(" ")) patch(proto, name, insertion);
  }

  for (const proto of [win.HTMLScriptElement.prototype, win.HTMLIFrameElement.prototype, win.HTMLImageElement.prototype]) {
    // Only images have a srcset and only iframes a srcdoc; patch skips what a prototype lacks.
    for (const attribute of ["src", "srcset", "srcdoc"]) {
      patch(proto, attribute, (set) =>
        function (this: Element, value: unknown) {
          if (checks.src(this, value, attribute)) set.call(this, value);
        },
      );
    }
  }
  /** Whether setting attribute `name` to `value` on `el` is held (the native setter must not run). */
  const held = (el: Element, name: string, value: unknown) =>
    SOURCE_ATTRIBUTES.test(name) && MEDIA.test(el.nodeName) && !checks.src(el, value, name.toLowerCase());
  patch(element, "setAttribute", (native) =>
    function (this: Element, name: string, value: string) {
      if (!held(this, name, value)) return native.call(this, name, value);
    },
  );
  for (const name of "setAttributeNode setAttributeNodeNS".split(" ")) {
    patch(element, name, (native) =>
      function (this: Element, attr: Attr) {
        return held(this, attr.name, attr.value) ? null : native.call(this, attr);
      },
    );
  }
  patch(element, "setAttributeNS", (native) =>
    function (this: Element, ns: string | null, name: string, value: string) {
      if (ns || !held(this, name, value)) return native.call(this, ns, name, value);
    },
  );

  // Markup: trackers are held in an inert copy before the real parse; the
  // elements the parse makes then carry the hold and are registered.
  // Only markup that names a script, iframe or img can bring one in: the rest costs one regex test.
  // Markup may come as TrustedHTML, read as its text like any other value.
  const register = (html: unknown, root: ParentNode | null | undefined) => {
    if (!root || !MARKUP.test(String(html))) return;
    root.querySelectorAll("script:not([data-consent])").forEach(checks.inertScript);
    // What declarative shadow roots (setHTMLUnsafe) hold is out of reach here: it
    // stays held for this page view, and loads on the next one once allowed.
    root.querySelectorAll(TAGGED).forEach(checks.element);
  };
  const innerHTML = Object.getOwnPropertyDescriptor(element, "innerHTML")!;
  // Scripts parsed by innerHTML and its kin never run, so only those of
  // document.write and srcdoc are held.
  const markup: Markup = (html, scripts) => {
    const text = String(html);
    if (!MARKUP.test(text)) return [html, null];
    // win.document, not doc: a frame's srcdoc document replaces the one this window started with.
    const template = win.document.createElement("template");
    // Parsed as the page gave it: TrustedHTML stays trusted, where a copy as
    // a plain string would raise a violation of ours on a page that enforces
    // (or only reports) Trusted Types. One such page refuses a plain string
    // it did not make trusted: then the markup goes on unread.
    try {
      innerHTML.set!.call(template, html);
    } catch {
      return [html, null];
    }
    let first: string | null = null;
    // A template's markup, and a declarative shadow root's, lives in a content of its own.
    const visit = (root: ParentNode) =>
      root.querySelectorAll((scripts ? TRACKED : "iframe,img") + ",template").forEach((el) => {
        if (el.nodeName === "TEMPLATE") return visit((el as HTMLTemplateElement).content);
        const held = checks.inert(el);
        if (held && !first) first = held;
      });
    visit(template.content);
    // Markup with a tracker held is a plain string: a page that enforces
    // Trusted Types without a default policy refuses it, as it would any
    // plain string, and that markup is not inserted (fails closed). Checking
    // first would cost every page view 23 B.
    return [first ? innerHTML.get!.call(template) : html, first];
  };
  const clean = (html: unknown, scripts?: boolean) => markup(html, scripts)[0];

  // For the innerHTML setters and the setHTML methods alike (a setter ignores
  // `options`). Markup without a script, iframe or img goes straight through.
  const setMarkup = (set: Fn) =>
    function (this: Element | ShadowRoot, html: unknown, options?: unknown) {
      if (!MARKUP.test(html as string)) return set.call(this, html, options);
      set.call(this, clean(html), options);
      register(html, this);
    };
  // A shadow root has an innerHTML of its own, and both have setHTMLUnsafe (and setHTML, where there is one).
  for (const proto of [element, win.ShadowRoot?.prototype]) {
    for (const name of "innerHTML setHTML setHTMLUnsafe".split(" ")) patch(proto, name, setMarkup);
  }
  // A contextual fragment's images load as soon as it exists, and its scripts
  // run once inserted: trackers are held in the markup it is made from.
  patch(win.Range.prototype, "createContextualFragment", (native) =>
    function (this: Range, html: unknown) {
      return native.call(this, clean(html, true));
    },
  );
  patch(element, "outerHTML", (set) =>
    function (this: Element, html: unknown) {
      // parentNode: a shadow root's own child has no parent element.
      const parent = this.parentNode;
      set.call(this, clean(html));
      register(html, parent);
    },
  );
  patch(element, "insertAdjacentHTML", (native) =>
    function (this: Element, position: InsertPosition, html: string) {
      native.call(this, position, clean(html));
      register(html, this.parentNode || this);
    },
  );
  // A document parsed apart (DOMParser, Document.parseHTMLUnsafe) never runs
  // its JavaScript, wherever it is moved. Left alone, as innerHTML's is, it is
  // not held to run once allowed beside the live copy a loader (htmx, Turbo)
  // makes of each script. Tagged scripts are the site's, released as ever; one
  // of another type may have its type changed and run.
  const apart = (native: Fn) =>
    function (this: unknown) {
      const parsed: Document = native.apply(this, arguments as unknown as unknown[]);
      parsed.querySelectorAll("script:not([data-consent])").forEach((el) => {
        if (EXECUTABLE.test(el.getAttribute("type") || "")) checks.inertScript(el);
      });
      return parsed;
    };
  patch(win.DOMParser?.prototype, "parseFromString", apart);
  patch(win.Document, "parseHTMLUnsafe", apart);
  // On the prototype, not this document: a frame's srcdoc document comes
  // later, in the same window, and writes through the same methods.
  for (const name of ["write", "writeln"]) {
    patch(owner(doc, name), name, (native) =>
      function (this: Document, ...parts: unknown[]) {
        const html = parts.join("") + (name === "writeln" ? "\n" : "");
        if (checks.write(html, this)) return;
        const cleaned = clean(html, true);
        // Markup with nothing held goes as it came (TrustedHTML stays trusted, writeln adds one newline).
        native.apply(this, cleaned === html ? parts : [cleaned]);
        // In a frame's document no observer sees the parse: what it held is registered here.
        register(html, this);
      },
    );
  }

  // Network: a held request fails the way a blocked one does in the browser.
  const requestUrl = Object.getOwnPropertyDescriptor(win.Request?.prototype || {}, "url")?.get;
  // fetchLater, the deferred beacon, is held the same way; its result says it will not be sent.
  for (const [name, refusal] of [
    ["fetch", () => Promise.reject(new TypeError("Failed to fetch"))],
    ["fetchLater", () => ({ activated: false })],
  ] as const) {
    patch(win, name, (native) => (input: RequestInfo | URL, init?: RequestInit) => {
      let url = input as string;
      if (typeof input != "string") {
        try {
          // A Request of any realm (another frame's too) goes to its url...
          url = requestUrl!.call(input);
        } catch {
          // ...anything else to its text, read once, as fetch would read it.
          input = url = String(input);
        }
      }
      return checks.request(url) ? native.call(win, input, init) : refusal();
    });
  }
  const xhr = win.XMLHttpRequest?.prototype;
  patch(xhr, "open", (native) =>
    function (this: XMLHttpRequest, ...args: unknown[]) {
      // Noted once open() succeeded: an open() that throws leaves the request as it was.
      const result = native.apply(this, args);
      urls.set(this, String(args[1]));
      // A held request's readyState goes with it when the object is opened again
      // (Reflect's, which does not throw where the page made its own non-configurable).
      Reflect.deleteProperty(this, "readyState");
      return result;
    },
  );
  patch(xhr, "send", (native) =>
    function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const url = urls.get(this);
      if (url && !checks.request(url)) {
        // Ended as the browser ends a request it refuses: DONE (status 0), then
        // readystatechange, error and loadend. Code that waits for
        // readyState 4 (mixpanel-browser's batcher) otherwise waits for good. Not
        // once the page has opened it again for another address: that is another request.
        setTimeout(() => {
          if (urls.get(this) != url) return;
          Reflect.defineProperty(this, "readyState", { value: 4, configurable: true });
          for (const type of ["readystatechange", "error", "loadend"]) this.dispatchEvent(new ProgressEvent(type));
        });
        return;
      }
      return native.call(this, body);
    },
  );
  // Reporting the beacon as queued keeps vendors from retrying it by other
  // means. On the prototype: Navigator.prototype.sendBeacon.call() reaches it too.
  patch(owner(win.navigator, "sendBeacon"), "sendBeacon", (native) =>
    function (this: Navigator, url: string | URL, data?: BodyInit | null) {
      return checks.request(String(url)) ? native.call(this, url, data) : true;
    },
  );

  // Cookies and storage: what a bundled SDK writes without ever loading a script.
  // A held write is kept in memory for this page view, the last of each cookie
  // name and storage key, and written once its service is allowed (changes.ts).
  const kept: Kept = new WeakMap();
  const keep = (owner: object, key: string, value: string) => (kept.get(owner) || kept.set(owner, new Map()).get(owner)!).set(key, value);
  // The accessor sits on Document.prototype in browsers, further up in some
  // DOM implementations; replacing it there covers a frame's later documents too.
  // A page's own cookie guard, defined on the document before us, stays in
  // place where it is non-configurable (defineProperty's default), and a plain
  // value in its place writes no cookies at all: the rest of the gate holds.
  const proto = owner(doc, "cookie");
  const cookie = (proto && Object.getOwnPropertyDescriptor(proto, "cookie"))!;
  patch(proto, "cookie", (set) =>
    function (this: Document, value: unknown) {
      // Read once: a value whose text changes from one reading to the next
      // must not pass the check as one cookie and be written as another.
      if (checks.cookie((value = String(value)) as string)) set.call(this, value);
      else keep(this, (value as string).split("=")[0].trim(), value as string);
    },
  );
  // The Cookie Store API writes without document.cookie; a held write resolves as if done.
  const cookieStore = (win as { CookieStore?: { prototype: Proto } }).CookieStore;
  patch(cookieStore?.prototype, "set", (native) =>
    function (this: unknown, name: string | { name: string }) {
      // As the browser tells the overloads apart: by the number of arguments.
      return checks.cookie((arguments.length < 2 ? Object(name).name : name) + "=")
        ? native.apply(this, arguments as unknown as unknown[])
        : Promise.resolve();
    },
  );
  // A held storage write is where getItem finds it: an SDK that reads back
  // what it wrote goes on working (Mixpanel's lock spun thousands of times a
  // second on a write that vanished), and nothing reaches the disk.
  const storage = win.Storage.prototype;
  patch(storage, "setItem", (native) =>
    function (this: Storage, key: string, value: string) {
      if (checks.storage((key = String(key)))) {
        kept.get(this)?.delete(key);
        native.call(this, key, value);
      } else keep(this, key, String(value));
    },
  );
  patch(storage, "getItem", (native) =>
    function (this: Storage, key: string) {
      const held = kept.get(this);
      return held?.has((key = String(key))) ? held.get(key) : native.call(this, key);
    },
  );
  patch(storage, "removeItem", (native) =>
    function (this: Storage, key: string) {
      kept.get(this)?.delete(String(key));
      native.call(this, key);
    },
  );
  patch(storage, "clear", (native) =>
    function (this: Storage) {
      kept.delete(this);
      native.call(this);
    },
  );

  // Parser-inserted elements reach no patched method; the observer sees each
  // one before the parser runs it. Once parsing is over every route is
  // patched, and an observer of the whole tree would only slow the page down.
  const seeAdded = (records: MutationRecord[], observer: MutationObserver) => {
    records.forEach((record) => {
      record.addedNodes.forEach((node) => {
        see(node);
        // The parser reports every frame it adds in a record of its own: the
        // node alone is checked, not its subtree as an inserted wrapper's is.
        checks.frame(node as Element);
        // A declarative shadow root (<template shadowrootmode> in the HTML) is
        // filled by the parser outside the document's subtree: watched too.
        const root = (node as Element).shadowRoot;
        if (root) {
          // A shadow root is a fragment: see() looks through it.
          see(root);
          observer.observe(root, WATCH);
        }
      });
    });
  };
  watchFrames(doc, checks);
  if (doc.readyState === "loading") {
    const observer = new win.MutationObserver(seeAdded);
    observer.observe(doc.documentElement, WATCH);
    doc.addEventListener("DOMContentLoaded", () => {
      seeAdded(observer.takeRecords(), observer);
      observer.disconnect();
    });
  }

  return [natives, cookie, markup, kept];
}
