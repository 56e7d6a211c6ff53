import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ConsentGateApi } from "../../../src/types";
import { SPEC_MEMBERS, giveDocumentPrototypeItsCookie } from "./happy-dom";

const win = window as Window & { ConsentGate?: ConsentGateApi };

beforeAll(async () => {
  giveDocumentPrototypeItsCookie();
  vi.spyOn(console, "error").mockImplementation(() => {});
  // A decision is stored, so no banner and no UI are needed.
  document.cookie = "consentgate=1.1.1763769600.b.0.Jx8kQ2mZp4Rt7vWb.analytics; path=/";
  vi.setSystemTime(new Date("2025-11-22T12:00:00Z"));
  (window as Window & { consentgateConfig?: unknown }).consentgateConfig = { categories: { analytics: {} } };
  await import("../../../src/index");
  vi.useRealTimers();
});

describe("the script tag's window.ConsentGate", () => {
  it("has exactly the members SPEC §4 lists", () => {
    expect(Object.keys(win.ConsentGate!).sort()).toEqual(Object.keys(SPEC_MEMBERS).sort());
  });

  it("reads window.consentgateConfig and the stored decision", () => {
    expect(win.ConsentGate!.get()).toMatchObject({ decided: true, categories: { analytics: true }, source: "banner" });
  });

  it("is the object a later module import gets, booted once", async () => {
    const first = win.ConsentGate;
    const { ConsentGate } = await import("../../../src/module");
    expect(ConsentGate).toBe(first);
    expect(win.ConsentGate).toBe(first);
  });
});
