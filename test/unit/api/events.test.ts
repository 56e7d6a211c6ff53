import { afterEach, describe, expect, it, vi } from "vitest";
import { createEvents } from "../../../src/api/events";
import type { GateEvent, State } from "../../../src/types";
import { makeCore } from "./make-core";

const held = (n: number): GateEvent => ({ service: "hotjar", category: "analytics", kind: "script", target: `https://static.hotjar.com/c/${n}.js` });
const STATE = { decided: true } as State;

afterEach(() => {
  vi.useRealTimers();
});

describe("on", () => {
  it("returns a function that unsubscribes", () => {
    const events = createEvents(() => STATE);
    const fn = vi.fn();
    const off = events.on("change", fn);
    events.emit("change", STATE);
    off();
    off();
    events.emit("change", STATE);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith(STATE);
  });

  it("unsubscribes only the function it was returned for", () => {
    const events = createEvents(() => STATE);
    const kept = vi.fn();
    events.on("open", kept);
    events.on("open", vi.fn())();
    events.emit("open", "banner");
    expect(kept).toHaveBeenCalledWith("banner");
  });

  it("does not call a listener that an earlier one unsubscribed during the same event, as removeEventListener would not", () => {
    const events = createEvents(() => STATE);
    const later = vi.fn();
    events.on("change", () => off());
    const off = events.on("change", later);
    events.emit("change", STATE);
    expect(later).not.toHaveBeenCalled();
  });

  it.each(["changed", "toString", "", "consentgate:change"])("throws a TypeError for the event %j", (event) => {
    expect(() => createEvents(() => STATE).on(event as "change", () => {})).toThrow(TypeError);
  });

  it("throws a TypeError for a listener that is not a function", () => {
    expect(() => createEvents(() => STATE).on("change", "alert(1)" as never)).toThrow(TypeError);
  });

  it("is the API's on", () => {
    const core = makeCore();
    const fn = vi.fn();
    const off = core.api.on("change", fn);
    core.api.acceptAll();
    off();
    core.api.rejectAll();
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn.mock.calls[0][0]).toMatchObject({ categories: { analytics: true } });
  });
});

describe("held and released", () => {
  it("replay what happened before, in order, to a late subscriber, then go on live", () => {
    const events = createEvents(() => STATE);
    events.emit("held", held(1));
    events.emit("released", held(2));
    events.emit("held", held(3));
    const seen: string[] = [];
    events.on("held", (e) => seen.push(`held ${e.target}`));
    events.on("released", (e) => seen.push(`released ${e.target}`));
    events.emit("held", held(4));
    expect(seen).toEqual([
      `held ${held(1).target}`,
      `held ${held(3).target}`,
      `released ${held(2).target}`,
      `held ${held(4).target}`,
    ]);
  });

  it("keep the replay in order when an event happens during it (a listener that inserts a tracker)", () => {
    const events = createEvents(() => STATE);
    events.emit("held", held(1));
    events.emit("held", held(2));
    const seen: unknown[] = [];
    events.on("held", (e) => {
      seen.push(e.target);
      if (e.target == held(1).target) events.emit("held", held(3));
    });
    events.emit("held", held(4));
    expect(seen).toEqual([held(1).target, held(2).target, held(3).target, held(4).target]);
  });

  it("replay to every late subscriber, not just the first", () => {
    const events = createEvents(() => STATE);
    events.emit("held", held(1));
    const first = vi.fn();
    const second = vi.fn();
    events.on("held", first);
    events.on("held", second);
    expect(first).toHaveBeenCalledWith(held(1));
    expect(second).toHaveBeenCalledWith(held(1));
  });

  it("keep the first 1000 for late subscribers, so a page that beacons forever does not grow without end", () => {
    // The first ones say why a page's tags did not run; a beacon's thousandth retry says little.
    const events = createEvents(() => STATE);
    for (let n = 0; n < 1005; n++) events.emit("held", held(n));
    const seen: GateEvent[] = [];
    events.on("held", (e) => seen.push(e));
    expect(seen).toHaveLength(1000);
    expect(seen[0]).toEqual(held(0));
    expect(seen[999]).toEqual(held(999));
  });

  it("name in their TypeError an event that has no text of its own", () => {
    expect(() => createEvents(() => STATE).on(Object.create(null), () => {})).toThrow(/^\[consentgate\] on\(\): \[object Object\] is not one of/);
  });

  it("hand an event once to a listener subscribed while that event is being delivered", () => {
    const events = createEvents(() => STATE);
    const late = vi.fn();
    events.on("held", () => {
      events.on("held", late);
    });
    events.emit("held", held(1));
    expect(late).toHaveBeenCalledTimes(1);
  });
});

describe("ready", () => {
  it("calls a listener when ready, and one subscribed afterwards at once, with the state as it is then", () => {
    const now = { ...STATE, decided: true };
    const events = createEvents(() => now);
    const early = vi.fn();
    events.on("ready", early);
    expect(early).not.toHaveBeenCalled();
    events.emit("ready", STATE);
    expect(early).toHaveBeenCalledWith(STATE);
    const late = vi.fn();
    events.on("ready", late);
    expect(late).toHaveBeenCalledTimes(1);
    // Not the page load's state: a decision made since then counts.
    expect(late).toHaveBeenCalledWith(now);
  });

  it("is not replayed for other events", () => {
    const events = createEvents(() => STATE);
    events.emit("change", STATE);
    events.emit("open", "banner");
    const change = vi.fn();
    const open = vi.fn();
    events.on("change", change);
    events.on("open", open);
    expect(change).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });

  it("calls a ready listener subscribed from a ready listener once", () => {
    const events = createEvents(() => STATE);
    const inner = vi.fn();
    events.on("ready", () => events.on("ready", inner));
    events.emit("ready", STATE);
    expect(inner).toHaveBeenCalledTimes(1);
  });
});

describe("a throwing listener", () => {
  it("does not stop the other listeners, and its error still reaches the console", () => {
    vi.useFakeTimers();
    const events = createEvents(() => STATE);
    const before = vi.fn();
    const after = vi.fn();
    events.on("change", before);
    events.on("change", () => {
      throw new Error("site bug");
    });
    events.on("change", after);
    expect(() => events.emit("change", STATE)).not.toThrow();
    expect(before).toHaveBeenCalledTimes(1);
    expect(after).toHaveBeenCalledTimes(1);
    expect(() => vi.runAllTimers()).toThrow("site bug");
  });

  it("does not stop a decision from being stored and applied", () => {
    vi.useFakeTimers();
    const core = makeCore();
    core.api.on("change", () => {
      throw new Error("site bug");
    });
    expect(() => core.api.acceptAll()).not.toThrow();
    expect(core.store.value).toBeDefined();
    expect(core.deps.dispatch).toHaveBeenCalledTimes(1);
    expect(() => vi.runAllTimers()).toThrow("site bug");
  });

  it("does not stop a late held subscriber from getting the rest of the replay", () => {
    vi.useFakeTimers();
    const events = createEvents(() => STATE);
    events.emit("held", held(1));
    events.emit("held", held(2));
    const seen: GateEvent[] = [];
    events.on("held", (e) => {
      seen.push(e);
      if (seen.length === 1) throw new Error("site bug");
    });
    expect(seen).toEqual([held(1), held(2)]);
    expect(() => vi.runAllTimers()).toThrow("site bug");
  });
});

describe("change", () => {
  it("is emitted and dispatched on every change with a copy of the state", () => {
    const core = makeCore();
    core.api.set({ analytics: true });
    const [emitted] = core.changes;
    const [dispatched] = core.deps.dispatch.mock.calls[0];
    expect(emitted).toEqual(core.api.get());
    expect(dispatched).toEqual(core.api.get());
    emitted.categories.analytics = false;
    dispatched.categories.marketing = true;
    expect(core.api.get().categories).toEqual({ necessary: true, analytics: true, marketing: false });
  });

  it("tells the gate the new state and the one before", () => {
    const core = makeCore();
    const before = core.api.get();
    core.api.acceptAll();
    const [state, previous] = core.deps.apply.mock.calls[0];
    expect(state).toEqual(core.api.get());
    expect(previous).toEqual(before);
  });
});
