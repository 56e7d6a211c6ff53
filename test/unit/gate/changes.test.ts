import { afterEach, describe, expect, it, vi } from "vitest";
import { applyChange } from "../../../src/gate/changes";
import type { Change } from "../../../src/gate/changes";
import type { State } from "../../../src/types";

const state = (categories: Record<string, boolean>, services: Record<string, boolean> = {}) =>
  ({ categories: { necessary: true, ...categories }, services }) as unknown as State;

const NO_MATCH = { url: () => null, cookie: () => null, storage: () => null };

/** Applies a change from `previous` to `next` on this window, with a spy for reload; nothing else to do unless `more` says so. */
function apply(previous: State | null, next: State, more: Partial<Change> = {}) {
  const reload = vi.fn();
  applyChange({
    win: { document, localStorage, sessionStorage, location: { reload } } as unknown as Change["win"],
    cookie: { get: () => "", set: vi.fn() },
    consent: { name: "consentgate", path: "/", days: 182 },
    catalogue: {},
    releaser: { after: vi.fn(), load: vi.fn() } as unknown as Change["releaser"],
    report: vi.fn(),
    inserted: new Set(),
    ran: new Set(),
    state: () => next,
    warn: vi.fn(),
    next,
    previous,
    cookies: [],
    matcher: NO_MATCH,
    kept: new WeakMap(),
    permits: () => true,
    ...more,
  });
  return reload;
}

describe("opts.reload, once a change is cleaned up", () => {
  it("reloads the page after a refused category", () => {
    expect(apply(state({ analytics: true }), state({ analytics: false }), { reload: true })).toHaveBeenCalledTimes(1);
  });

  it("reloads after a single refused service", () => {
    const before = state({ analytics: true }, { hotjar: true });
    expect(apply(before, state({ analytics: true }, { hotjar: false }), { reload: true })).toHaveBeenCalledTimes(1);
  });

  it("reloads after the refusal of a category that holds only the site's own tagged scripts", () => {
    expect(apply(state({ chat: true }), state({ chat: false }), { reload: true })).toHaveBeenCalledTimes(1);
  });

  it("does not reload when nothing was refused", () => {
    expect(apply(state({ analytics: false }), state({ analytics: true }), { reload: true })).not.toHaveBeenCalled();
    expect(apply(state({ analytics: false }), state({ analytics: false }), { reload: true })).not.toHaveBeenCalled();
    // At boot there is no change to reload for.
    expect(apply(null, state({ analytics: false }), { reload: true })).not.toHaveBeenCalled();
  });

  it("does not reload without being asked to", () => {
    expect(apply(state({ analytics: true }), state({ analytics: false }))).not.toHaveBeenCalled();
  });
});

describe("deleting refused storage", () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it("removes the keys the gate says are refused, from both storages, and leaves the rest", () => {
    localStorage.setItem("_hjSession", "1");
    localStorage.setItem("cart", "3");
    sessionStorage.setItem("_hjTab", "1");
    apply(state({ analytics: true }), state({ analytics: false }), { matcher: { ...NO_MATCH, storage: (key) => (key.startsWith("_hj") ? "hotjar" : null) } });
    expect(Object.keys(localStorage)).toEqual(["cart"]);
    expect(Object.keys(sessionStorage)).toEqual([]);
  });
});

describe("writes held while a service was refused", () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it("go to the browser once the service is allowed, the last of each cookie and key, and those still refused stay held", () => {
    const set = vi.fn();
    const held = new Map([
      ["mp_0123_mixpanel", "mp_0123_mixpanel=%7B%7D; path=/; expires=Fri, 01 Jan 2027 00:00:00 GMT"],
      ["_hjSession_1", "_hjSession_1=x; path=/"],
    ]);
    const keys = new Map([
      ["mp_0123_mixpanel", '{"distinct_id":"$device:a"}'],
      ["_hjTab", "1"],
    ]);
    const kept = new WeakMap<object, Map<string, string>>([
      [document, held],
      [localStorage, keys],
    ]);
    const service = (name: string) => (name.startsWith("_hj") ? "hotjar" : name.startsWith("mp_") ? "mixpanel" : null);
    const report = vi.fn();
    apply(state({ analytics: false }), state({ analytics: false }, { mixpanel: true, hotjar: false }), {
      cookie: { get: () => "", set },
      kept,
      matcher: { url: () => null, cookie: service, storage: service },
      report,
    });

    expect(set.mock.calls).toEqual([["mp_0123_mixpanel=%7B%7D; path=/; expires=Fri, 01 Jan 2027 00:00:00 GMT"]]);
    // Each write that goes is reported, as its hold was.
    expect(report.mock.calls).toEqual([
      ["released", "mixpanel", null, "cookie", "mp_0123_mixpanel"],
      ["released", "mixpanel", null, "storage", "mp_0123_mixpanel"],
    ]);
    expect([...held.keys()]).toEqual(["_hjSession_1"]);
    expect(localStorage.getItem("mp_0123_mixpanel")).toBe('{"distinct_id":"$device:a"}');
    expect(localStorage.getItem("_hjTab")).toBeNull();
  });

  it("leave a cookie the service wrote again since it was allowed: that one is newer", () => {
    const set = vi.fn();
    const kept = new WeakMap<object, Map<string, string>>([[document, new Map([["mp_0123_mixpanel", "mp_0123_mixpanel=old; path=/"]])]]);
    apply(state({ analytics: false }), state({ analytics: true }), {
      cookie: { get: () => "cart=3; mp_0123_mixpanel=new", set },
      kept,
    });
    expect(set).not.toHaveBeenCalled();
    expect(kept.get(document)!.size).toBe(0);
  });

  it("leave a storage key written since, in another tab that was allowed first: that one is newer", () => {
    localStorage.setItem("_hjTab", "B");
    const kept = new WeakMap<object, Map<string, string>>([[localStorage, new Map([["_hjTab", "A"]])]]);
    apply(state({ analytics: false }), state({ analytics: true }), { kept });
    expect(localStorage.getItem("_hjTab")).toBe("B");
  });
});

describe("frames and images let go before a refusal", () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  const PIXEL = "https://www.facebook.com/tr?id=1";
  const VIDEO = "https://www.youtube.com/embed/1";
  /** The gate's answers for a page where Meta's pixel is refused now and YouTube allowed. */
  const gate: Partial<Change> = {
    matcher: { ...NO_MATCH, url: (url) => (url.includes("facebook") ? "facebook-pixel" : url.includes("youtube") ? "youtube" : null) },
    permits: (id) => id == "youtube",
  };
  /** The elements given their own address again, which the gate's setter then holds. */
  function refuse(previous = { "facebook-pixel": true, youtube: true }) {
    const set = vi.spyOn(Element.prototype, "setAttribute");
    apply(state({ marketing: true }, previous), state({ marketing: false }, { "facebook-pixel": false, youtube: true }), gate);
    return set.mock.contexts.map((el, i) => `${(el as Element).id} ${set.mock.calls[i].join("=")}`);
  }

  it("gives a frame at an address this change refuses its own address again, in place, tagged or let in untagged", () => {
    document.body.innerHTML = `<iframe id="tagged" data-consent="marketing" data-src="${PIXEL}" src="${PIXEL}"></iframe><iframe id="untagged" src="${PIXEL}"></iframe>`;
    expect(refuse()).toEqual([`tagged src=${PIXEL}`, `untagged src=${PIXEL}`]);
  });

  it("asks every srcset candidate of an image, loaded or not (another candidate may load later)", () => {
    document.body.innerHTML = `<img id="set" src="/own.png" srcset="/own.png 1x, ${PIXEL} 2x" alt="">`;
    expect(refuse()).toEqual([`set srcset=/own.png 1x, ${PIXEL} 2x`]);
  });

  it("leaves alone what is held already, what may still load, what names no service, and one never allowed (Only this time)", () => {
    document.body.innerHTML = [
      `<iframe data-consent="marketing" data-src="${PIXEL}"></iframe>`,
      `<iframe src="${VIDEO}"></iframe>`,
      `<iframe data-consent="marketing" data-src="https://player.example/1" src="https://player.example/1"></iframe>`,
    ].join("");
    expect(refuse()).toEqual([]);
    document.body.innerHTML = `<iframe src="${PIXEL}"></iframe>`;
    expect(refuse({ "facebook-pixel": false, youtube: true })).toEqual([]);
  });

  it("does not look through the page on a change that refuses nothing", () => {
    const query = vi.spyOn(document, "querySelectorAll");
    apply(state({ marketing: false }, { "facebook-pixel": false }), state({ marketing: true }, { "facebook-pixel": true }), gate);
    expect(query).not.toHaveBeenCalledWith("iframe,img");
  });

  it("does nothing at boot, when there is no change", () => {
    document.body.innerHTML = `<iframe src="${PIXEL}"></iframe>`;
    const set = vi.spyOn(Element.prototype, "setAttribute");
    apply(null, state({ marketing: false }), gate);
    expect(set).not.toHaveBeenCalled();
  });
});
