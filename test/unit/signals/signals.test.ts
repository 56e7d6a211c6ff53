import { describe, expect, it } from "vitest";
import { readSignals } from "../../../src/signals";

/** A window that sends exactly the given values and nothing else. */
function browser(nav: Record<string, unknown> = {}, win: Record<string, unknown> = {}) {
  return { navigator: nav, ...win } as unknown as Window;
}

describe("readSignals, Global Privacy Control", () => {
  it.each([
    ["true", true, true],
    ["false", false, false],
    ['the string "true"', false, "true"],
    ["1", false, 1],
    ["null", false, null],
  ])("reads navigator.globalPrivacyControl = %s as %s", (_, gpc, value) => {
    expect(readSignals(browser({ globalPrivacyControl: value })).gpc).toBe(gpc);
  });

  it("reads an absent navigator.globalPrivacyControl as off", () => {
    expect(readSignals(browser()).gpc).toBe(false);
  });

  it("reads happy-dom's own navigator without throwing", () => {
    expect(readSignals(window)).toEqual({ gpc: false, dnt: false });
  });
});

describe("readSignals, Do Not Track", () => {
  const places = {
    "navigator.doNotTrack": (v: unknown) => browser({ doNotTrack: v }),
    "window.doNotTrack": (v: unknown) => browser({}, { doNotTrack: v }),
    "navigator.msDoNotTrack": (v: unknown) => browser({ msDoNotTrack: v }),
  };
  const cases = Object.entries(places).flatMap(([place, make]) =>
    [
      ["1", true],
      ["yes", true],
      ["0", false],
      ["no", false],
      ["unspecified", false],
      [null, false],
      [undefined, false],
      [1, false],
      [true, false],
    ].map(([value, dnt]) => [place, JSON.stringify(value) ?? "undefined", dnt as boolean, make(value)] as const),
  );

  it.each(cases)("reads %s = %s as %s", (_, __, dnt, win) => {
    expect(readSignals(win).dnt).toBe(dnt);
  });

  it("is on when any one of the three places says so", () => {
    expect(readSignals(browser({ doNotTrack: "unspecified", msDoNotTrack: "0" }, { doNotTrack: "1" })).dnt).toBe(true);
  });

  it("does not mix the two signals up", () => {
    expect(readSignals(browser({ doNotTrack: "1" }))).toEqual({ gpc: false, dnt: true });
    expect(readSignals(browser({ globalPrivacyControl: true }))).toEqual({ gpc: true, dnt: false });
  });
});

describe("readSignals, when reading a signal throws", () => {
  it("counts both signals as sent: uncertainty fails closed", () => {
    const nav = Object.defineProperty({}, "globalPrivacyControl", {
      get() {
        throw new Error("no");
      },
    });
    expect(readSignals(browser(nav))).toEqual({ gpc: true, dnt: true });
  });
});
