import { afterEach, describe, expect, it, vi } from "vitest";
import * as diagnostics from "../../../src/config/diagnostics";
import { NOT_CONFIGURED, UNKNOWN_SERVICE } from "../../../src/config/problem";
import { createReport } from "../../../src/config/report";

afterEach(() => {
  vi.restoreAllMocks();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createReport", () => {
  it("loads the diagnostics from the core's directory at the first problem only, and prints every problem in order", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const load = vi.fn(async () => diagnostics);
    const report = createReport("https://cdn.shop.test/cg/", load);
    expect(load).not.toHaveBeenCalled();

    report("mode", "optout");
    report("categories.analytics.services[1]", "hotjr", UNKNOWN_SERVICE, ["hotjar"]);
    expect(error).not.toHaveBeenCalled();
    await settle();

    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith("https://cdn.shop.test/cg/consentgate-diagnostics.js");
    expect(error.mock.calls).toEqual([
      ['[consentgate] mode: "optout" is not "opt-in" or "opt-out"; using "opt-in"'],
      ['[consentgate] categories.analytics.services[1]: unknown service "hotjr" — did you mean "hotjar"?'],
    ]);
  });

  it("downloads nothing for a config without a problem", () => {
    const load = vi.fn(async () => diagnostics);
    createReport("/", load);
    expect(load).not.toHaveBeenCalled();
  });

  it("still prints each problem's path and value when the diagnostics cannot load", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const report = createReport("/", () => Promise.reject(new TypeError("Failed to fetch")));
    report("cookie.days", 400);
    report("mode", "optout");
    await settle();
    expect(error.mock.calls).toEqual([
      ["[consentgate] cookie.days:", 400],
      ["[consentgate] mode:", "optout"],
    ]);
  });

  it("keeps a gate warning a warning when the diagnostics cannot load", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const report = createReport("/", () => Promise.reject(new TypeError("Failed to fetch")));
    report("tiktok-pixel", "marketing", NOT_CONFIGURED, false);
    await settle();
    expect(warn.mock.calls).toEqual([["[consentgate] tiktok-pixel:", "marketing"]]);
    expect(error).not.toHaveBeenCalled();
  });

  it("imports the file by default, so that esbuild leaves it out of the core", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    createReport("file:///nowhere/")("mode", "optout");
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith("[consentgate] mode:", "optout"));
  });
});
