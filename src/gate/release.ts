/**
 * Lets held elements go. Scripts are re-created rather than re-typed: a
 * script element that the browser has prepared once never runs again, and a
 * fresh one carries every attribute and the nonce over.
 */

/**
 * Attributes that only mean "held", event handlers, which stay on the held
 * element (its load and error are forwarded to it), and `src`, set once on
 * its own (a page that enforces Trusted Types would refuse it twice, with two
 * violations); everything else carries over.
 */
const HOLD_ATTRIBUTES = /^(src|type|data-consent|data-src|data-srcset|on.*)$/;
/** How long a held classic script may keep the next one waiting. */
const SCRIPT_TIMEOUT = 5000;

export interface Natives {
  setAttribute: (this: Element, name: string, value: string) => void;
  insertBefore: <T extends Node>(this: Node, node: T, child: Node | null) => T;
  removeChild: <T extends Node>(this: Node, child: T) => T;
}

export type Releaser = ReturnType<typeof createReleaser>;

/**
 * `still` is asked again when a script's turn comes: a refusal may have come
 * while it waited behind a slow one. Refused, it is held again (no longer in
 * `released`), for the next consent to release.
 */
export function createReleaser(doc: Document, natives: Natives, released: WeakSet<Element>, still: (el: Element) => boolean) {
  // A prerendered page runs before the visitor opens it, who may refuse on
  // the page before: what it releases waits until it is shown, and is asked again then.
  let queue: Promise<unknown> = new Promise((go) =>
    (doc as { prerendering?: boolean }).prerendering ? doc.addEventListener("prerenderingchange", go) : go(0),
  );
  // A step that throws (a page enforcing Trusted Types refuses a script's
  // text or address) must not stop the ones after it; its error shows in the
  // console, not as an error of the page's own.
  const then = (step: () => unknown) => {
    queue = queue.then(step).catch((error) => console.error("[consentgate]", error));
  };

  /** A script made by the gate: never held, and async, a released one as a vendor's loader. */
  function fresh() {
    const script = doc.createElement("script");
    // The queue keeps the order written, timeout included. Left to the
    // browser (async = false), its own in-order list would keep every later
    // script waiting on one whose server never answers.
    script.async = true;
    released.add(script);
    return script;
  }

  function runScript(held: HTMLScriptElement): Promise<unknown> | undefined {
    // One the page took out of every tree (or a loader replaced with its
    // copy, as Turbo does) is not run: the page left it.
    const parent = held.parentNode;
    if (!parent) return;
    const script = fresh();
    const carry = () => {
      for (const { name, value } of Array.from(held.attributes)) {
        // `data-type` is the real type. A name the parser let through but
        // setAttribute refuses (a stray quote, in WebKit) is left out: thrown,
        // it would stop every release after this one.
        try {
          if (!HOLD_ATTRIBUTES.test(name)) natives.setAttribute.call(script, name == "data-type" ? "type" : name, value);
        } catch {}
      }
    };
    carry();
    // The browser hides a nonce from getAttribute once the page has loaded; the property keeps it.
    if (held.nonce) script.nonce = held.nonce;
    const src = held.getAttribute("data-src") || held.getAttribute("src");
    // A browser that knows modules never fetches a nomodule script: nothing to wait for.
    const waits = !!src && !held.hasAttribute("async") && !held.hasAttribute("nomodule");
    if (src) natives.setAttribute.call(script, "src", src);
    else script.text = held.text;

    const ran = new Promise<void>((done) => {
      for (const type of ["load", "error"]) {
        script.addEventListener(type, () => {
          // Site code may be listening on the element it inserted (loadStripe
          // does), and mark it there for its next look (Segment's loadScript
          // sets status="loaded" and later finds the script in the page).
          held.dispatchEvent(new Event(type));
          carry();
          done();
        });
      }
      if (waits) setTimeout(done, SCRIPT_TIMEOUT);
    });

    natives.insertBefore.call(parent, script, held);
    // While the page parses, the new script takes the held one's place, so
    // the markup a framework hydrates is the markup it rendered. Later the
    // held one stays where it is, inert: a framework that rendered it
    // (React) removes or inserts before it, and throws if it is gone. Its
    // tag goes, so a copy of the page (Turbo's cache) does not run it twice.
    if (doc.readyState == "loading") natives.removeChild.call(parent, held);
    else held.removeAttribute("data-consent");
    // In a tree out of the page (a body swapped away), it runs only if that comes back: nothing waits for it.
    return waits && script.isConnected ? ran : undefined;
  }

  return {
    /** Scripts run one after another, in the order they are released, each only if `still` allowed. */
    script(held: HTMLScriptElement) {
      then(() => (still(held) ? runScript(held) : released.delete(held)));
    },

    /** Inserts a vendor's loader script. */
    load(src: string) {
      const script = fresh();
      natives.setAttribute.call(script, "src", src);
      natives.insertBefore.call(doc.head || doc.documentElement, script, null);
    },

    /** Runs after every script released so far has run (or timed out). */
    after: then,

    /** An iframe or image gets its address (or a frame its markup) back; a detached one loads when reinserted. */
    media(held: HTMLIFrameElement | HTMLImageElement) {
      for (const name of ["srcset", "srcdoc", "src"]) {
        const value = held.getAttribute("data-" + name);
        // A copy of one released before (Turbo's cache) loads its address as it comes in: set again, it would load twice.
        if (value === null || value == held.getAttribute(name)) continue;
        const restore = () => natives.setAttribute.call(held, name, value);
        // Chromium ignores a src given to an iframe the parser is still inserting
        // (the observer's microtask); a task later it navigates.
        if (held.nodeName === "IFRAME") setTimeout(restore);
        else restore();
      }
    },
  };
}
