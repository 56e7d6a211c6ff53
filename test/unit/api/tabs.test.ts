import { describe, expect, it } from "vitest";
import { encode } from "../../../src/store/codec";
import { makeStored } from "../decide/make-config";
import { makeCore } from "./make-core";
import { memoryStore } from "./memory-store";

describe("recheck", () => {
  it("follows a decision another tab wrote to the cookie", () => {
    const store = memoryStore();
    const core = makeCore({ store });
    core.api.open("banner");
    store.value = encode(makeStored({ categories: { analytics: true, marketing: false }, source: "banner" }));
    core.recheck();
    expect(core.api.get()).toMatchObject({ decided: true, source: "banner", categories: { analytics: true, marketing: false } });
    expect(core.changes).toEqual([core.api.get()]);
    expect(core.deps.apply).toHaveBeenCalledWith(core.api.get(), expect.objectContaining({ decided: false }), undefined);
    expect(core.deps.dispatch).toHaveBeenCalledWith(core.api.get());
    expect(core.closed).toEqual(["banner"]);
  });

  it("ignores a cookie that has not changed", () => {
    const core = makeCore({ store: memoryStore(encode(makeStored())) });
    core.recheck();
    core.api.acceptAll();
    core.changes.length = 0;
    core.deps.apply.mockClear();
    core.recheck();
    expect(core.changes).toEqual([]);
    expect(core.deps.apply).not.toHaveBeenCalled();
    expect(core.deps.dispatch).toHaveBeenCalledTimes(1);
  });

  it("keeps a choice the browser refused to store when the page becomes visible again", () => {
    // A public-suffix cookie.domain, a sandboxed document, blocked cookies: the
    // choice holds for the page view. Undoing it on the next tab switch would
    // undo an opt-out mode's "Do not sell" and run the sale trackers again.
    const store = memoryStore();
    store.write = () => {};
    const core = makeCore({ store });
    core.api.rejectAll();
    core.changes.length = 0;
    core.recheck();
    expect(core.api.get()).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } });
    expect(core.changes).toEqual([]);
  });

  it("shows the banner when another tab withdrew", () => {
    const store = memoryStore(encode(makeStored()));
    const core = makeCore({ store });
    store.value = undefined;
    core.recheck();
    expect(core.api.get().decided).toBe(false);
    expect(core.opened).toEqual(["banner"]);
  });

  it("follows a deletion of the cookie this tab wrote (another subdomain withdrew, the server cleared it)", () => {
    const core = makeCore();
    core.api.acceptAll();
    core.store.value = undefined;
    core.recheck();
    expect(core.api.get()).toMatchObject({ decided: false, categories: { analytics: false, marketing: false } });
    expect(core.opened).toEqual(["banner"]);
  });

  it("treats a tampered cookie from another tab as no decision", () => {
    const store = memoryStore(encode(makeStored()));
    const core = makeCore({ store });
    store.value = "1.1.<script>";
    expect(() => core.recheck()).not.toThrow();
    expect(core.api.get()).toMatchObject({ decided: false, id: null });
  });

  it("does not announce back to the other tabs", () => {
    const store = memoryStore();
    const core = makeCore({ store });
    store.value = encode(makeStored());
    core.recheck();
    expect(core.deps.announce).not.toHaveBeenCalled();
  });

  it("announces every decision this tab makes", () => {
    const core = makeCore();
    core.api.acceptAll();
    core.api.set({ marketing: false });
    core.api.withdraw();
    expect(core.deps.announce.mock.calls).toEqual([[core.store.writes[0]], [core.store.writes[1]], [""]]);
  });
});

describe("recheck with the value another tab sent", () => {
  it("follows it before this tab's own reads of the cookie show it", () => {
    const core = makeCore();
    const sent = encode(makeStored({ categories: { analytics: true, marketing: false } }));
    core.recheck(sent);
    expect(core.api.get()).toMatchObject({ decided: true, categories: { analytics: true, marketing: false } });
    // Once the cookie shows the same value, reading it changes nothing more.
    core.store.value = sent;
    core.changes.length = 0;
    core.recheck();
    expect(core.changes).toEqual([]);
  });

  it("follows a withdrawal sent as an empty value, once", () => {
    const store = memoryStore(encode(makeStored()));
    const core = makeCore({ store });
    core.recheck("");
    expect(core.api.get().decided).toBe(false);
    store.value = "";
    core.recheck();
    expect(core.changes).toHaveLength(1);
  });
});
