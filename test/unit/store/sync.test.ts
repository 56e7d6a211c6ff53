import { afterEach, describe, expect, it, vi } from "vitest";
import { watchOtherTabs } from "../../../src/store/sync";

const setVisibility = (state: DocumentVisibilityState) => {
  Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
};

/** The consent cookie a tab keeps its decision in. */
const cookie = (name: string, path = "/", domain?: string) => ({ name, path, domain, days: 182 });

afterEach(() => {
  Reflect.deleteProperty(document, "visibilityState");
});

describe("watchOtherTabs", () => {
  it("tells another tab of the same origin at once when this one announces, with the cookie's new value", async () => {
    const here = vi.fn();
    const there = vi.fn();
    const announce = watchOtherTabs(window, cookie("sync-a"), here);
    watchOtherTabs(window, cookie("sync-a"), there);
    announce("1.2.3");
    await vi.waitFor(() => expect(there).toHaveBeenCalledTimes(1));
    expect(there).toHaveBeenCalledWith("1.2.3");
    expect(here).not.toHaveBeenCalled();
  });

  it("does not tell tabs watching another cookie name", async () => {
    const other = vi.fn();
    const same = vi.fn();
    watchOtherTabs(window, cookie("sync-b-other"), other);
    watchOtherTabs(window, cookie("sync-b"), same);
    watchOtherTabs(window, cookie("sync-b"), vi.fn())("");
    await vi.waitFor(() => expect(same).toHaveBeenCalled());
    expect(other).not.toHaveBeenCalled();
  });

  it("does not tell tabs whose cookie has the same name on another path or domain: another site's decision", async () => {
    const otherPath = vi.fn();
    const otherDomain = vi.fn();
    const same = vi.fn();
    watchOtherTabs(window, cookie("sync-e", "/shop-b"), otherPath);
    watchOtherTabs(window, cookie("sync-e", "/shop-a", "example.com"), otherDomain);
    watchOtherTabs(window, cookie("sync-e", "/shop-a"), same);
    watchOtherTabs(window, cookie("sync-e", "/shop-a"), vi.fn())("");
    await vi.waitFor(() => expect(same).toHaveBeenCalled());
    expect(otherPath).not.toHaveBeenCalled();
    expect(otherDomain).not.toHaveBeenCalled();
  });

  it("rechecks when the page becomes visible, for tabs on other subdomains", () => {
    const recheck = vi.fn();
    watchOtherTabs(window, cookie("sync-c"), recheck);
    setVisibility("hidden");
    expect(recheck).not.toHaveBeenCalled();
    setVisibility("visible");
    expect(recheck).toHaveBeenCalledTimes(1);
  });

  it("still rechecks on visibility where BroadcastChannel is missing", () => {
    vi.stubGlobal("BroadcastChannel", undefined);
    try {
      const recheck = vi.fn();
      const announce = watchOtherTabs(window, cookie("sync-d"), recheck);
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
      const announce = watchOtherTabs(window, cookie("sync-refused"), recheck);
      expect(() => announce("1.2.3")).not.toThrow();
      setVisibility("hidden");
      setVisibility("visible");
      expect(recheck).toHaveBeenCalledTimes(1);
    } finally {
      globalThis.BroadcastChannel = native;
    }
  });
});
