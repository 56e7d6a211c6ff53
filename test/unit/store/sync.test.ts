import { afterEach, describe, expect, it, vi } from "vitest";
import { watchOtherTabs } from "../../../src/store/sync";

const setVisibility = (state: DocumentVisibilityState) => {
  Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
};

afterEach(() => {
  Reflect.deleteProperty(document, "visibilityState");
});

describe("watchOtherTabs", () => {
  it("tells another tab of the same origin at once when this one announces, with the cookie's new value", async () => {
    const here = vi.fn();
    const there = vi.fn();
    const announce = watchOtherTabs(window, "sync-a", here);
    watchOtherTabs(window, "sync-a", there);
    announce("1.2.3");
    await vi.waitFor(() => expect(there).toHaveBeenCalledTimes(1));
    expect(there).toHaveBeenCalledWith("1.2.3");
    expect(here).not.toHaveBeenCalled();
  });

  it("does not tell tabs watching another cookie name", async () => {
    const other = vi.fn();
    const same = vi.fn();
    watchOtherTabs(window, "sync-b-other", other);
    watchOtherTabs(window, "sync-b", same);
    watchOtherTabs(window, "sync-b", vi.fn())("");
    await vi.waitFor(() => expect(same).toHaveBeenCalled());
    expect(other).not.toHaveBeenCalled();
  });

  it("rechecks when the page becomes visible, for tabs on other subdomains", () => {
    const recheck = vi.fn();
    watchOtherTabs(window, "sync-c", recheck);
    setVisibility("hidden");
    expect(recheck).not.toHaveBeenCalled();
    setVisibility("visible");
    expect(recheck).toHaveBeenCalledTimes(1);
  });

  it("still rechecks on visibility where BroadcastChannel is missing", () => {
    vi.stubGlobal("BroadcastChannel", undefined);
    try {
      const recheck = vi.fn();
      const announce = watchOtherTabs(window, "sync-d", recheck);
      expect(() => announce("")).not.toThrow();
      setVisibility("visible");
      expect(recheck).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("watchOtherTabs where BroadcastChannel refuses to open (an opaque origin in some browsers)", () => {
  it("still rechecks on visibility, and announcing does nothing", () => {
    const native = globalThis.BroadcastChannel;
    globalThis.BroadcastChannel = class {
      constructor() {
        throw new DOMException("refused", "SecurityError");
      }
    } as unknown as typeof BroadcastChannel;
    try {
      const recheck = vi.fn();
      const announce = watchOtherTabs(window, "sync-refused", recheck);
      expect(() => announce("1.2.3")).not.toThrow();
      setVisibility("hidden");
      setVisibility("visible");
      expect(recheck).toHaveBeenCalledTimes(1);
    } finally {
      globalThis.BroadcastChannel = native;
    }
  });
});
