import { describe, expect, it } from "vitest";
import { decode, encode } from "../../../src/store/codec";
import { NOW, category, makeConfig, makeStored } from "../decide/make-config";
import { IDS, makeCore } from "./make-core";
import type { Core } from "./make-core";
import { memoryStore } from "./memory-store";

const stored = (core: Core) => decode(core.store.value);

/** Asserts that a call changed nothing: no write, no event, no gate or page notice. */
function expectUntouched(core: Core, before: ReturnType<Core["api"]["get"]>) {
  expect(core.store.writes).toEqual([]);
  expect(core.changes).toEqual([]);
  expect(core.deps.apply).not.toHaveBeenCalled();
  expect(core.deps.dispatch).not.toHaveBeenCalled();
  expect(core.deps.announce).not.toHaveBeenCalled();
  expect(core.api.get()).toEqual(before);
}

describe("get", () => {
  it("reports a first visit as no decision", () => {
    expect(makeCore().api.get()).toEqual({
      decided: false,
      categories: { necessary: true, analytics: false, marketing: false },
      services: { "google-analytics": false, hotjar: false, "facebook-pixel": false, youtube: false, stripe: true },
      revision: 1,
      updatedAt: null,
      id: null,
      source: "default",
      signals: { gpc: false, dnt: false },
    });
  });

  it("reads the decision already in the store", () => {
    const core = makeCore({ store: memoryStore(encode(makeStored({ categories: { analytics: true, marketing: false } }))) });
    expect(core.api.get()).toMatchObject({ decided: true, categories: { analytics: true, marketing: false }, id: "Jx8kQ2mZp4Rt7vWb" });
    expect(core.asks()).toBe(false);
  });

  it("returns a copy that the caller may change without changing anything", () => {
    const { api } = makeCore();
    const state = api.get();
    state.decided = true;
    state.categories.analytics = true;
    state.services.hotjar = true;
    state.signals.gpc = true;
    expect(api.get()).toMatchObject({ decided: false, categories: { analytics: false }, services: { hotjar: false }, signals: { gpc: false } });
    expect(api.allows("analytics")).toBe(false);
    expect(api.allows("hotjar")).toBe(false);
  });

  it("returns a new copy on every call", () => {
    const { api } = makeCore();
    expect(api.get()).not.toBe(api.get());
    expect(api.get().categories).not.toBe(api.get().categories);
  });
});

describe("allows", () => {
  it("answers for categories and services", () => {
    const { api } = makeCore({ store: memoryStore(encode(makeStored({ categories: { analytics: true, marketing: false }, services: { hotjar: false } }))) });
    expect(api.allows("necessary")).toBe(true);
    expect(api.allows("analytics")).toBe(true);
    expect(api.allows("marketing")).toBe(false);
    expect(api.allows("google-analytics")).toBe(true);
    expect(api.allows("hotjar")).toBe(false);
    expect(api.allows("stripe")).toBe(true);
  });

  it.each(["unknown", "", "toString", "constructor", "__proto__", "hasOwnProperty"])("answers false for %j", (name) => {
    const { api } = makeCore({ config: makeConfig({ mode: "opt-out" }) });
    expect(api.allows(name)).toBe(false);
  });
});

describe("acceptAll and rejectAll", () => {
  it("turns every optional category on, stores it with source api and tells everyone", () => {
    const core = makeCore();
    core.api.acceptAll();
    expect(core.api.get()).toMatchObject({
      decided: true,
      categories: { necessary: true, analytics: true, marketing: true },
      services: { "google-analytics": true, hotjar: true, "facebook-pixel": true, stripe: true },
      source: "api",
      id: IDS[0],
      updatedAt: new Date(NOW * 1000).toISOString(),
    });
    expect(stored(core)).toEqual({
      revision: 1,
      time: NOW,
      source: "api",
      gpc: false,
      dnt: false,
      id: IDS[0],
      categories: { analytics: true, marketing: true },
      services: {},
    });
    expect(core.changes).toEqual([core.api.get()]);
    expect(core.deps.announce).toHaveBeenCalledTimes(1);
    expect(core.deps.apply).toHaveBeenCalledWith(core.api.get(), expect.objectContaining({ decided: false }), undefined);
  });

  it("turns every optional category off and keeps necessary on", () => {
    const core = makeCore({ config: makeConfig({ mode: "opt-out" }) });
    core.api.rejectAll();
    expect(core.api.get().categories).toEqual({ necessary: true, analytics: false, marketing: false });
    expect(core.api.get().services).toMatchObject({ "google-analytics": false, hotjar: false, "facebook-pixel": false, stripe: true });
    expect(stored(core)!.categories).toEqual({ analytics: false, marketing: false });
    expect(core.api.get().decided).toBe(true);
  });

  it.each(["banner", "preferences", "api"] as const)("records the source %s", (source) => {
    const core = makeCore();
    core.api.rejectAll({ source });
    expect(core.api.get().source).toBe(source);
    expect(stored(core)!.source).toBe(source);
  });

  it("throws a TypeError for another source and changes nothing", () => {
    const core = makeCore();
    const before = core.api.get();
    expect(() => core.api.acceptAll({ source: "signal" as "api" })).toThrow(TypeError);
    expect(() => core.api.acceptAll(null as never)).toThrow(TypeError);
    expect(() => core.api.acceptAll("banner" as never)).toThrow(TypeError);
    expect(() => core.api.acceptAll({ source: null as never })).toThrow(TypeError);
    expectUntouched(core, before);
    core.api.acceptAll({ source: undefined });
    expect(core.api.get().source).toBe("api");
  });

  it("replaces earlier per-service choices", () => {
    const core = makeCore();
    core.api.set({ analytics: true, hotjar: false });
    core.api.acceptAll();
    expect(core.api.allows("hotjar")).toBe(true);
    expect(stored(core)!.services).toEqual({});
  });

  it("keeps the visitor's id from one decision to the next", () => {
    const core = makeCore();
    core.api.acceptAll();
    core.api.rejectAll();
    expect(core.api.get().id).toBe(IDS[0]);
    expect(core.deps.newId).toHaveBeenCalledTimes(1);
  });

  it("stores nothing and offers nothing when the config is unreadable", () => {
    const core = makeCore({ config: makeConfig({ unreadable: true }) });
    const before = core.api.get();
    core.api.acceptAll();
    core.api.set({ analytics: true });
    expectUntouched(core, before);
    expect(core.api.allows("analytics")).toBe(false);
  });
});

describe("set", () => {
  it("is a partial update before any decision: it stores only what it names, and the banner still asks about the rest (SPEC §4, §5)", () => {
    const core = makeCore();
    core.api.set({ analytics: true });
    expect(core.api.get().categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(stored(core)!.categories).toEqual({ analytics: true });
    expect(core.api.get().decided).toBe(false);
    expect(core.deps.show).toHaveBeenLastCalledWith("banner");
    core.api.set({ marketing: true });
    expect(core.api.get().categories).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(stored(core)!.categories).toEqual({ analytics: true, marketing: true });
    expect(core.api.get().decided).toBe(true);
  });

  it("keeps a service choice made before its category was decided (a placeholder's Allow while the banner asks)", () => {
    const core = makeCore();
    core.api.set({ hotjar: true });
    expect(stored(core)!.services).toEqual({ hotjar: true });
    expect(core.api.allows("hotjar")).toBe(true);
  });

  it("in opt-out mode, keeps the sale categories off behind a cookie that cannot be read, and the notice's Do not sell keeps the rest on", () => {
    const core = makeCore({ config: makeConfig({ mode: "opt-out" }), store: memoryStore("not a decision") });
    expect(core.api.get()).toMatchObject({ decided: false, categories: { analytics: true, marketing: false } });
    expect(core.asks()).toBe(true);
    core.api.set({ marketing: false }, { source: "banner" });
    expect(stored(core)!.categories).toEqual({ analytics: true, marketing: false });
  });

  it("answers the banner when the choice is made on it (the opt-out notice's Do not sell): the rest as shown, never turned on", () => {
    const optOut = (overrides = {}) => makeConfig({ mode: "opt-out", ...overrides });
    // A first visit: analytics is on, as the notice shows it.
    const first = makeCore({ config: optOut() });
    first.api.set({ marketing: false }, { source: "banner" });
    expect(stored(first)!.categories).toEqual({ analytics: true, marketing: false });
    expect(first.api.get().decided).toBe(true);
    // Do Not Track turned analytics off: it stays off.
    const dnt = makeCore({ config: optOut({ signals: { gpc: true, dnt: true } }), signals: { gpc: false, dnt: true } });
    dnt.api.open("banner");
    dnt.api.set({ marketing: false }, { source: "banner" });
    expect(stored(dnt)!.categories).toEqual({ analytics: false, marketing: false });
    // A visitor who refused analytics, asked again about a category added since: analytics stays refused.
    const store = memoryStore(encode(makeStored({ categories: { analytics: false, marketing: true } })));
    const added = makeCore({ config: makeConfig({ mode: "opt-out" }, { functional: category({}) }), store });
    expect(added.api.get().decided).toBe(false);
    added.api.set({ marketing: false }, { source: "banner" });
    expect(stored(added)!.categories).toEqual({ analytics: false, marketing: false, functional: true });
  });

  it("keeps every category as shown once the visitor has decided", () => {
    const core = makeCore();
    core.api.rejectAll();
    core.api.set({ analytics: true });
    expect(stored(core)!.categories).toEqual({ analytics: true, marketing: false });
    expect(core.api.get().decided).toBe(true);
  });

  it("records no category choice for a service allowed by name before any decision (a placeholder's Allow), in either mode", () => {
    for (const mode of ["opt-in", "opt-out"] as const) {
      const core = makeCore({ config: makeConfig({ mode }) });
      core.api.set({ hotjar: true }, { source: "preferences" });
      expect(stored(core)).toMatchObject({ source: "preferences", categories: {}, services: { hotjar: true } });
      expect(core.api.get().decided).toBe(false);
      expect(core.api.allows("hotjar")).toBe(true);
    }
  });

  it("lets a service's choice override its category's", () => {
    const core = makeCore();
    core.api.set({ analytics: true, hotjar: false, "facebook-pixel": true });
    expect(core.api.get().categories).toMatchObject({ analytics: true, marketing: false });
    expect(core.api.get().services).toMatchObject({ "google-analytics": true, hotjar: false, "facebook-pixel": true });
    expect(stored(core)!.services).toEqual({ hotjar: false, "facebook-pixel": true });
  });

  it("keeps earlier service choices when a later call does not name them", () => {
    const core = makeCore();
    core.api.set({ analytics: true, hotjar: false });
    core.api.set({ marketing: true });
    expect(core.api.allows("hotjar")).toBe(false);
  });

  it("lets a choice that changes a category take its services along, those chosen on their own before included", () => {
    const core = makeCore();
    core.api.set({ analytics: true, marketing: false, hotjar: false, "facebook-pixel": true });
    // Stated again unchanged (a site that syncs its own profile on every page), a category leaves its services' own choices.
    core.api.set({ analytics: true, marketing: false });
    expect(stored(core)!.services).toEqual({ hotjar: false, "facebook-pixel": true });
    // Changed (a site's own "turn off analytics", the opt-out notice's Do not sell): no service of it keeps its own.
    core.api.set({ analytics: false, marketing: true });
    expect(core.api.get().services).toMatchObject({ "google-analytics": false, hotjar: false, "facebook-pixel": true });
    expect(stored(core)!.services).toEqual({});
    core.api.set({ analytics: true });
    expect(core.api.allows("hotjar")).toBe(true);
    // A service named in the same call still overrides its category.
    core.api.set({ analytics: false, hotjar: true });
    expect(stored(core)!.services).toEqual({ hotjar: true });
    // Only the choices' own keys count, as for the values read.
    core.api.set(Object.assign(Object.create({ analytics: true }), { marketing: true }));
    expect(stored(core)!.services).toEqual({ hotjar: true });
  });

  it("accepts a catalogue service the config does not name, which stays held without its category", () => {
    const core = makeCore();
    core.api.set({ youtube: true });
    expect(stored(core)!.services).toEqual({ youtube: true });
    expect(core.api.allows("youtube")).toBe(false);
  });

  it("accepts a service the site declared itself", () => {
    const config = makeConfig({ services: { "own-chat": { category: "analytics" } } });
    config.categories.analytics.services.push("own-chat");
    const core = makeCore({ config });
    core.api.set({ "own-chat": true });
    expect(core.api.allows("own-chat")).toBe(true);
  });

  it("records opts.source, api by default", () => {
    const core = makeCore();
    core.api.set({ analytics: true });
    expect(core.api.get().source).toBe("api");
    core.api.set({ analytics: false }, { source: "preferences" });
    expect(core.api.get().source).toBe("preferences");
  });

  it.each([
    ["an unknown key", { analytics: true, anlytics: true }],
    ["a key named toString", { toString: true }],
    ["an own __proto__ key", JSON.parse('{"__proto__": true}')],
    ["a non-boolean value", { analytics: "yes" }],
    ["a number for a value", { analytics: 1 }],
    ["null for a value", { marketing: null }],
    ["necessary turned off", { analytics: true, necessary: false }],
  ])("throws a TypeError synchronously for %s and changes nothing", (_, choices) => {
    const core = makeCore();
    const before = core.api.get();
    expect(() => core.api.set(choices as Record<string, boolean>)).toThrow(TypeError);
    expectUntouched(core, before);
  });

  it.each([
    [
      "a service the config puts in a required category",
      "hotjar",
      makeConfig({}, { security: category({ services: ["hotjar"], required: true }) }),
    ],
    ["a catalogue service strictly necessary by default", "stripe", makeConfig()],
  ])("throws a TypeError synchronously for %s turned off, and changes nothing", (_, id, config) => {
    config.categories.analytics.services = ["google-analytics"];
    const core = makeCore({ config });
    const before = core.api.get();
    expect(() => core.api.set({ [id]: false })).toThrow(new TypeError(`[consentgate] set(): "${id}" is required`));
    expectUntouched(core, before);
  });

  it.each([null, undefined, ["analytics"], "analytics", 1, new Map([["analytics", true]]), new Date(0)])("throws a TypeError for choices %j", (choices) => {
    const core = makeCore();
    const before = core.api.get();
    expect(() => core.api.set(choices as never)).toThrow(TypeError);
    expectUntouched(core, before);
  });

  it("names the unknown key in its message", () => {
    expect(() => makeCore().api.set({ hotjr: true })).toThrow(/^\[consentgate\] .*"hotjr"/);
  });

  it.each([
    [[], "set(): [object Array] is not an object"],
    [new Map([["analytics", true]]), "set(): [object Map] is not an object"],
    [{ analytics: Object.create(null) }, "set(): analytics: [object Object] is not true or false"],
  ])("names a value that has no text of its own: %j", (choices, message) => {
    expect(() => makeCore().api.set(choices as never)).toThrow(new TypeError("[consentgate] " + message));
  });

  it("lets necessary be set to true, which changes nothing about it", () => {
    const core = makeCore();
    core.api.set({ necessary: true });
    expect(core.api.get().categories.necessary).toBe(true);
    expect(stored(core)!.categories).toEqual({});
  });
});

// Whether a change refused anything, and the reload itself, are the gate's
// (test/unit/gate/changes.test.ts): it reloads once the refusal is cleaned up.
describe("opts.reload", () => {
  const reloads = (core: ReturnType<typeof makeCore>) => core.deps.apply.mock.calls.map((call) => !!call[2]);

  it("asks the gate to reload with the change it was passed for", () => {
    const core = makeCore();
    core.api.acceptAll();
    core.api.rejectAll({ reload: true });
    core.api.set({ hotjar: true }, { reload: true, source: "preferences" });
    expect(reloads(core)).toEqual([false, true, true]);
  });

  it("reads its options before storing anything: one that throws changes nothing", () => {
    const core = makeCore();
    const opts = {
      get reload(): boolean {
        throw new TypeError("reload getter");
      },
    };
    expect(() => core.api.set({ analytics: true }, opts)).toThrow("reload getter");
    expect(core.store.writes).toEqual([]);
    expect(core.deps.announce).not.toHaveBeenCalled();
    expect(core.api.get().decided).toBe(false);
  });

  it("does not ask without being asked to", () => {
    const core = makeCore();
    core.api.acceptAll();
    core.api.rejectAll();
    core.api.rejectAll({ reload: false });
    core.api.withdraw();
    expect(reloads(core).some(Boolean)).toBe(false);
  });
});

describe("withdraw", () => {
  it("stores no decision, tells everyone and shows the banner", () => {
    const core = makeCore();
    core.api.acceptAll();
    core.changes.length = 0;
    core.deps.announce.mockClear();
    core.api.withdraw();
    // An empty value: no decision, and a mark that one was withdrawn (see the opt-out tests below).
    expect(core.store.value).toBe("");
    expect(core.store.writes.at(-1)).toBe("");
    expect(core.api.get()).toMatchObject({ decided: false, id: null, source: "default", categories: { analytics: false, marketing: false } });
    expect(core.changes).toEqual([core.api.get()]);
    expect(core.deps.apply).toHaveBeenLastCalledWith(core.api.get(), expect.objectContaining({ decided: true }), undefined);
    expect(core.deps.dispatch).toHaveBeenLastCalledWith(core.api.get());
    expect(core.deps.announce).toHaveBeenCalledTimes(1);
    expect(core.deps.show).toHaveBeenLastCalledWith("banner");
    expect(core.opened).toEqual(["banner"]);
  });

  it("shows the banner again even where a signal means nothing has to be asked", () => {
    const core = makeCore({ config: makeConfig({ mode: "opt-out" }), signals: { gpc: true, dnt: false } });
    expect(core.asks()).toBe(false);
    core.api.withdraw();
    expect(core.opened).toEqual(["banner"]);
  });

  it("in opt-out mode, turns the sale categories off for the page view rather than back on, and the rest stays as the mode runs it", () => {
    const core = makeCore({ config: makeConfig({ mode: "opt-out" }) });
    core.api.set({ marketing: false }, { source: "banner" });
    core.api.withdraw();
    expect(core.api.get()).toMatchObject({ decided: false, categories: { analytics: true, marketing: false } });
    expect(core.api.get().services["facebook-pixel"]).toBe(false);
    // Withdrawn without a decision to forget: the same.
    const first = makeCore({ config: makeConfig({ mode: "opt-out" }) });
    first.api.withdraw();
    expect(first.api.get().categories.marketing).toBe(false);
  });

  it("in opt-out mode, keeps the sale categories off on the next page view and in a tab that never had a cookie", () => {
    const config = makeConfig({ mode: "opt-out" });
    const core = makeCore({ config });
    core.api.rejectAll();
    core.api.withdraw();
    // The next page view reads what this one left.
    const next = makeCore({ config, store: memoryStore(core.store.value) });
    expect(next.api.get()).toMatchObject({ decided: false, categories: { analytics: true, marketing: false } });
    expect(next.asks()).toBe(true);
    // Another open tab of the origin, which never saw a cookie, hears the withdrawal.
    const other = makeCore({ config });
    expect(other.api.get().categories.marketing).toBe(true);
    other.recheck(core.deps.announce.mock.calls.at(-1)![0]);
    expect(other.api.get().categories.marketing).toBe(false);
  });

  it("gives the next decision a new id", () => {
    const core = makeCore();
    core.api.acceptAll();
    core.api.withdraw();
    core.api.acceptAll();
    expect(core.api.get().id).toBe(IDS[1]);
  });
});

describe("saving while GPC is on", () => {
  const gpc = { gpc: true, dnt: false };

  it("stores that GPC was on, so a deliberate choice of a sale category stands", () => {
    const store = memoryStore();
    const core = makeCore({ signals: gpc, store });
    expect(core.api.allows("marketing")).toBe(false);
    core.api.acceptAll({ source: "banner" });
    expect(stored(core)!.gpc).toBe(true);
    expect(core.api.allows("marketing")).toBe(true);
    // the next page view, with GPC still on
    expect(makeCore({ signals: gpc, store }).api.get()).toMatchObject({ decided: true, source: "banner", categories: { marketing: true } });
  });

  it("stores the sale categories off as shown when the visitor only changes another one", () => {
    const core = makeCore({ config: makeConfig({ mode: "opt-out" }), signals: gpc });
    core.api.set({ analytics: false }, { source: "preferences" });
    expect(stored(core)).toMatchObject({ gpc: true, categories: { analytics: false, marketing: false } });
    expect(core.api.get().source).toBe("preferences");
  });

  // SPEC §6: what the *visitor* saves, on the banner or in the preferences, stands.
  // Page code (a site syncing its own profile on every page) does not outweigh the signal.
  it("does not let page code's set() or acceptAll() (source api) outweigh GPC, on this page or the next", () => {
    for (const call of [(core: ReturnType<typeof makeCore>) => core.api.set({ analytics: true, marketing: true }), (core: ReturnType<typeof makeCore>) => core.api.acceptAll()]) {
      const store = memoryStore(encode(makeStored({ categories: { analytics: true, marketing: true } })));
      const core = makeCore({ config: makeConfig({ mode: "opt-out" }), signals: gpc, store });
      call(core);
      expect(stored(core)).toMatchObject({ gpc: false, source: "api", categories: { analytics: true, marketing: true } });
      expect(core.api.get()).toMatchObject({ source: "signal", categories: { analytics: true, marketing: false } });
      expect(makeCore({ config: makeConfig({ mode: "opt-out" }), signals: gpc, store }).api.get()).toMatchObject({
        decided: true,
        source: "signal",
        categories: { analytics: true, marketing: false },
      });
    }
  });

  it("does not revive a sale service allowed before GPC when the visitor saves another choice", () => {
    const store = memoryStore(encode(makeStored({ categories: { analytics: false, marketing: false }, services: { "facebook-pixel": true } })));
    const core = makeCore({ signals: gpc, store });
    expect(core.api.allows("facebook-pixel")).toBe(false);
    core.api.set({ analytics: true });
    expect(stored(core)!.services).toEqual({});
    expect(core.api.get().services).toMatchObject({ "facebook-pixel": false, "google-analytics": true });
  });

  // A site that syncs its own profile on every page must not undo what the visitor chose under the signal either.
  it("keeps what the visitor saved under GPC standing through page code's later set()", () => {
    const core = makeCore({ config: makeConfig({ mode: "opt-out" }), signals: gpc });
    core.api.set({ marketing: true }, { source: "preferences" });
    core.api.set({ analytics: true });
    expect(core.api.allows("marketing")).toBe(true);
    expect(stored(core)).toMatchObject({ gpc: true, source: "api" });

    const allowed = makeCore({ signals: gpc });
    allowed.api.rejectAll({ source: "banner" });
    allowed.api.set({ "facebook-pixel": true }, { source: "preferences" });
    allowed.api.set({ analytics: false });
    expect(allowed.api.allows("facebook-pixel")).toBe(true);
  });

  it("keeps a sale service the visitor allows by name with GPC on", () => {
    const core = makeCore({ signals: gpc });
    // A placeholder's Allow saves as the preferences do.
    core.api.set({ "facebook-pixel": true }, { source: "preferences" });
    core.api.set({ analytics: true }, { source: "preferences" });
    expect(core.api.allows("facebook-pixel")).toBe(true);
  });

  it("does not let page code allow a sale service by name over GPC", () => {
    const core = makeCore({ signals: gpc });
    core.api.set({ "facebook-pixel": true });
    expect(core.api.allows("facebook-pixel")).toBe(false);
  });

  it("writes no cookie for the signal alone", () => {
    const core = makeCore({ config: makeConfig({ mode: "opt-out" }), signals: gpc });
    expect(core.api.get().source).toBe("signal");
    expect(core.store.writes).toEqual([]);
  });
});

describe("saving while DNT is on", () => {
  it("keeps the visitor's Accept all under DNT standing through page code's later set()", () => {
    const core = makeCore({ signals: { gpc: false, dnt: true } });
    core.api.acceptAll({ source: "banner" });
    core.api.set({ analytics: true });
    expect(core.api.allows("marketing")).toBe(true);
  });

  it("does not let page code's set() (source api) outweigh DNT, while the visitor's choice stands", () => {
    const dnt = { gpc: false, dnt: true };
    const core = makeCore({ signals: dnt });
    core.api.set({ analytics: true });
    expect(stored(core)!.dnt).toBe(false);
    expect(core.api.allows("analytics")).toBe(false);
    core.api.set({ analytics: true }, { source: "banner" });
    expect(stored(core)!.dnt).toBe(true);
    expect(core.api.allows("analytics")).toBe(true);
  });

  it("does not revive a service allowed before DNT when the visitor saves another choice", () => {
    const store = memoryStore(encode(makeStored({ categories: { analytics: false, marketing: false }, services: { hotjar: true } })));
    const core = makeCore({ signals: { gpc: false, dnt: true }, store });
    expect(core.api.allows("hotjar")).toBe(false);
    core.api.set({ marketing: false });
    expect(stored(core)!.services).toEqual({});
    expect(core.api.allows("hotjar")).toBe(false);
  });
});

describe("the core's own handles", () => {
  it("give the gate the live state, not a copy, and say whether to ask", () => {
    const core = makeCore();
    const live = core.current();
    expect(live).toBe(core.current());
    expect(live).toEqual(core.api.get());
    expect(core.asks()).toBe(true);
    core.api.acceptAll();
    expect(core.current()).toEqual(core.api.get());
    expect(core.asks()).toBe(false);
  });
});

describe("change listeners", () => {
  it("end on the state as it is when a listener decides again inside its own call", () => {
    const core = makeCore();
    const seen: boolean[] = [];
    core.events.on("change", (state) => {
      if (state.categories.analytics) core.api.rejectAll();
    });
    core.events.on("change", (state) => seen.push(state.categories.analytics));
    core.api.acceptAll();
    expect(core.api.get().categories.analytics).toBe(false);
    expect(seen.at(-1)).toBe(false);
    expect(core.deps.dispatch.mock.calls.at(-1)![0].categories.analytics).toBe(false);
    expect(core.deps.apply.mock.calls.at(-1)![0].categories.analytics).toBe(false);
  });

  it("each get a state of their own", () => {
    const core = makeCore();
    const seen: unknown[] = [];
    core.events.on("change", (state) => {
      state.categories.marketing = true;
      state.decided = false;
    });
    core.events.on("change", (state) => seen.push([state.decided, state.categories.marketing]));
    core.api.rejectAll();
    expect(seen).toEqual([[true, false]]);
  });
});
