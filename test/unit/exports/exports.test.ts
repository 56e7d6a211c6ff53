import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ConsentGateApi, State } from "../../../src/types";
import { SPEC_MEMBERS, giveDocumentPrototypeItsCookie } from "./happy-dom";

const win = window as Window & { ConsentGate?: ConsentGateApi };
let esm: ConsentGateApi;
// The UI is not built here, so loading it for the banner fails: that one error is expected.
const errors = vi.spyOn(console, "error").mockImplementation(() => {});
const configErrors = () => errors.mock.calls.filter(([message]) => !String(message).startsWith("[consentgate] ui:"));
/**
 * Nor is consentgate-changes.js, which each decision loads: a test that decides
 * waits for its load to fail, or the error could come after the file's last
 * test, once console.error is itself again, while vitest closes the file.
 */
const changesFailed = (times: number) =>
  vi.waitFor(() => expect(errors.mock.calls.filter(([message]) => message == "[consentgate] consentgate-changes.js:")).toHaveLength(times));

beforeAll(async () => {
  giveDocumentPrototypeItsCookie();
  document.cookie = "consentgate=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
  const config = document.createElement("script");
  config.type = "application/json";
  config.id = "consentgate-config";
  config.textContent = JSON.stringify({ categories: { analytics: { services: ["google-analytics"] } } });
  document.head.append(config);
  ({ ConsentGate: esm } = await import("../../../src/module"));
});

afterAll(() => {
  errors.mockRestore();
});

describe("window.ConsentGate", () => {
  it("boots in happy-dom without a config error", () => {
    expect(configErrors()).toEqual([]);
  });

  it("has exactly the members SPEC §4 lists", () => {
    expect(Object.keys(win.ConsentGate!).sort()).toEqual(Object.keys(SPEC_MEMBERS).sort());
  });

  it.each(Object.entries(SPEC_MEMBERS))("has %s as a %s", (name, type) => {
    expect(typeof (win.ConsentGate as unknown as Record<string, unknown>)[name]).toBe(type);
  });

  it("is the same object as the ESM export", () => {
    expect(win.ConsentGate).toBe(esm);
  });

  it("is installed once, as an enumerable property a page cannot overwrite", () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, "ConsentGate")!;
    expect(descriptor).toMatchObject({ enumerable: true, writable: false, configurable: false });
  });

  it("asks for the UI when the banner must show, and survives its absence", async () => {
    // Worded by consentgate-diagnostics.js, which cannot load here either: the file's name and the error print.
    await vi.waitFor(() => expect(errors).toHaveBeenCalledWith("[consentgate] i18n/en-opt-in.js:", expect.anything()));
    expect(esm.get().decided).toBe(false);
  });

  it("reports the package version", () => {
    expect(esm.version).toBe("0.0.0-test");
  });

  it("reads the config and reports a first visit", () => {
    expect(esm.get()).toMatchObject({ decided: false, categories: { necessary: true, analytics: false }, source: "default" });
  });

  it("has already been ready by the time a module subscribes", () => {
    const ready = vi.fn();
    esm.on("ready", ready);
    expect(ready).toHaveBeenCalledWith(expect.objectContaining({ decided: false }));
  });

  it("dispatches consentgate:change on document with the state as detail", async () => {
    const seen: State[] = [];
    const listener = (event: Event) => seen.push((event as CustomEvent<State>).detail);
    document.addEventListener("consentgate:change", listener);
    try {
      esm.set({ analytics: true });
    } finally {
      document.removeEventListener("consentgate:change", listener);
    }
    expect(seen).toEqual([esm.get()]);
    expect(document.cookie).toMatch(/(^|; )consentgate=1\.1\.\d+\.a\.0\.[\w-]{16}\.analytics(;|$)/);
    await changesFailed(1);
  });

  it("leaves no consentgate:change listener with a state that a listener before it replaced", async () => {
    const later: boolean[] = [];
    const decideAgain = (event: Event) => {
      if ((event as CustomEvent<State>).detail.categories.analytics) esm.set({ analytics: false });
    };
    const record = (event: Event) => later.push((event as CustomEvent<State>).detail.categories.analytics);
    document.addEventListener("consentgate:change", decideAgain);
    document.addEventListener("consentgate:change", record);
    try {
      esm.set({ analytics: true });
    } finally {
      document.removeEventListener("consentgate:change", decideAgain);
      document.removeEventListener("consentgate:change", record);
    }
    expect(esm.get().categories.analytics).toBe(false);
    expect(later).toEqual([false]);
    // Its own two decisions.
    await changesFailed(3);
  });
});
