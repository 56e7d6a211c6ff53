import { afterEach, describe, expect, it, vi } from "vitest";
import { createReleaser, type Natives } from "../../../src/gate/release";

afterEach(() => {
  vi.useRealTimers();
  document.head.innerHTML = "";
  document.body.innerHTML = "";
});

/** The browser's own methods, except a setAttribute that refuses `refused` as WebKit refuses a stray quote. */
function natives(refused: string): Natives {
  const setAttribute = Element.prototype.setAttribute;
  return {
    setAttribute(this: Element, name: string, value: string) {
      if (name == refused) throw new DOMException(`"${name}" is not a valid attribute name`, "InvalidCharacterError");
      setAttribute.call(this, name, value);
    },
    insertBefore: Node.prototype.insertBefore,
    removeChild: Node.prototype.removeChild,
  };
}

/** A held inline script, tagged as a site tags one by hand. */
function held(text: string, attributes: Record<string, string> = {}): HTMLScriptElement {
  const script = document.createElement("script");
  script.setAttribute("type", "text/plain");
  script.setAttribute("data-consent", "analytics");
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.text = text;
  document.body.append(script);
  return script;
}

/** The scripts that run, with their type; those still held (text/plain) are left out. */
const ran = () =>
  Array.from(document.querySelectorAll("script"), (s) => [s.getAttribute("type"), s.text]).filter(([type]) => type !== "text/plain");
const stillHeld = () => Array.from(document.querySelectorAll<HTMLScriptElement>("script[type='text/plain']"), (s) => s.text);

describe("releasing held scripts", () => {
  it("gives a released script its real type from data-type, and none of the holding attributes", async () => {
    const releaser = createReleaser(document, natives(""), new WeakSet(), () => true);
    releaser.script(held("a()", { "data-type": "module", id: "tag" }));
    await new Promise((resolve) => releaser.after(resolve as () => void));
    const script = document.querySelector("script")!;
    expect(script.getAttribute("type")).toBe("module");
    expect(script.id).toBe("tag");
    expect(script.hasAttribute("data-consent")).toBe(false);
    expect(script.hasAttribute("data-type")).toBe(false);
  });

  it("sets a released script's src once (a page that enforces Trusted Types refuses each setting)", async () => {
    const sets: string[] = [];
    const counting = natives("");
    const setAttribute = counting.setAttribute;
    counting.setAttribute = function (name, value) {
      if (name == "src") sets.push(value);
      setAttribute.call(this, name, value);
    };
    const releaser = createReleaser(document, counting, new WeakSet(), () => true);
    releaser.script(held("", { src: "/a.js", async: "" }));
    releaser.script(held("", { "data-src": "/b.js", async: "" }));
    await new Promise((resolve) => releaser.after(resolve as () => void));
    expect(sets).toEqual(["/a.js", "/b.js"]);
  });

  it("puts the script that runs in the held one's place while the page parses, and beside it, inert, once parsed (a framework may still hold it)", async () => {
    for (const state of ["loading", "complete"]) {
      Object.defineProperty(document, "readyState", { configurable: true, get: () => state });
      const releaser = createReleaser(document, natives(""), new WeakSet(), () => true);
      const tag = held("a()");
      releaser.script(tag);
      await new Promise((resolve) => releaser.after(resolve as () => void));
      expect(tag.isConnected, state).toBe(state == "complete");
      expect(ran(), state).toEqual([[null, "a()"]]);
      if (tag.isConnected) expect(tag.previousElementSibling, state).toBe(document.querySelector("script:not([type])"));
      document.body.innerHTML = "";
    }
    // The document's own property goes; happy-dom's answers again.
    delete (document as unknown as Record<string, unknown>).readyState;
  });

  it("drops an attribute setAttribute refuses and goes on: that script and the ones after it run", async () => {
    const releaser = createReleaser(document, natives("data-bad"), new WeakSet(), () => true);
    releaser.script(held("first()", { "data-bad": "x" }));
    releaser.script(held("second()"));
    await new Promise((resolve) => releaser.after(resolve as () => void));
    expect(ran()).toEqual([
      [null, "first()"],
      [null, "second()"],
    ]);
  });

  it("goes on past a script the browser refuses to run (a Trusted Types page refusing its src): the next ones and what waits after them run, and the error shows in the console", async () => {
    const refusing = natives("");
    const setAttribute = refusing.setAttribute;
    refusing.setAttribute = function (name, value) {
      if (name == "src" && value == "/refused.js") throw new TypeError("This document requires 'TrustedScriptURL' assignment.");
      setAttribute.call(this, name, value);
    };
    const strict = createReleaser(document, refusing, new WeakSet(), () => true);
    strict.script(held("", { "data-src": "/refused.js" }));
    strict.script(held("second()"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await new Promise((resolve) => strict.after(resolve as () => void));
    expect(ran().filter(([type]) => type === null)).toEqual([[null, "second()"]]);
    expect(logged).toHaveBeenCalledWith("[consentgate]", expect.objectContaining({ message: expect.stringContaining("TrustedScriptURL") }));
    logged.mockRestore();
  });

  it("asks again when a script's turn comes: one refused since it was released stays held and is no longer released; the next still runs", async () => {
    const released = new WeakSet<Element>();
    const refused = new Set<Element>();
    const releaser = createReleaser(document, natives(""), released, (el) => !refused.has(el));
    const first = held("first()");
    released.add(first);
    releaser.script(first);
    releaser.script(held("second()"));
    refused.add(first);
    await new Promise((resolve) => releaser.after(resolve as () => void));
    expect(ran()).toEqual([[null, "second()"]]);
    expect(stillHeld()).toContain("first()");
    expect(released.has(first)).toBe(false);
  });
});
