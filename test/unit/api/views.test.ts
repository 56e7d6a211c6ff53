import { describe, expect, it } from "vitest";
import { defaults } from "../../../src/config/defaults";
import { makeConfig } from "../decide/make-config";
import { makeCore } from "./make-core";

describe("open and close", () => {
  it("opens the preferences by default and says so", () => {
    const core = makeCore();
    core.api.open();
    expect(core.deps.show).toHaveBeenLastCalledWith("preferences");
    expect(core.opened).toEqual(["preferences"]);
  });

  it("opens the banner when asked to", () => {
    const core = makeCore();
    core.api.open("banner");
    expect(core.deps.show).toHaveBeenLastCalledWith("banner");
    expect(core.opened).toEqual(["banner"]);
  });

  it("opens the preferences in the banner's place when there is nothing to accept or reject (only necessary, or an unreadable config)", () => {
    for (const config of [makeConfig({ categories: defaults().categories }), { ...defaults(), unreadable: true }]) {
      const core = makeCore({ config });
      core.api.open("banner");
      expect(core.deps.show).toHaveBeenLastCalledWith("preferences");
      expect(core.opened).toEqual(["preferences"]);
    }
  });

  it("closes the banner before it opens the preferences in its place", () => {
    const core = makeCore();
    core.api.open("banner");
    core.api.open("preferences");
    expect(core.closed).toEqual(["banner"]);
    expect(core.opened).toEqual(["banner", "preferences"]);
  });

  it("says nothing when the view asked for is already open", () => {
    const core = makeCore();
    core.api.open("preferences");
    core.api.open("preferences");
    expect(core.opened).toEqual(["preferences"]);
    expect(core.closed).toEqual([]);
  });

  it("closes the open view and says which", () => {
    const core = makeCore();
    core.api.rejectAll();
    core.api.open("preferences");
    core.api.close();
    expect(core.deps.show).toHaveBeenLastCalledWith(null);
    expect(core.closed).toEqual(["preferences"]);
  });

  it("brings the banner back when an undecided visitor closes the preferences, since closing is not consent", () => {
    const core = makeCore();
    core.api.open("preferences");
    core.api.close();
    expect(core.deps.show).toHaveBeenLastCalledWith("banner");
    expect(core.api.get().decided).toBe(false);
  });

  it("does not say a view opened that a close listener closed again: the last event tells what is shown", () => {
    const core = makeCore();
    core.api.rejectAll();
    core.api.open("banner");
    // A site that closes whatever replaces its banner (its own cookie notice, say).
    core.events.on("close", (view) => view === "banner" && core.api.close());
    core.api.open("preferences");
    expect(core.deps.show).toHaveBeenLastCalledWith(null);
    expect(core.opened).toEqual(["banner"]);
    expect(core.closed).toEqual(["banner", "preferences"]);
  });

  it("does not throw or say anything when closing with nothing open", () => {
    const core = makeCore();
    expect(() => core.api.close()).not.toThrow();
    expect(core.closed).toEqual([]);
  });

  it.each(["settings", "", null, 1])("throws a TypeError for the view %j and shows nothing", (view) => {
    const core = makeCore();
    expect(() => core.api.open(view as never)).toThrow(TypeError);
    expect(core.deps.show).not.toHaveBeenCalled();
    expect(core.opened).toEqual([]);
  });

  it("closes the banner once a decision is made", () => {
    const core = makeCore();
    core.api.open("banner");
    core.api.rejectAll({ source: "banner" });
    expect(core.closed).toEqual(["banner"]);
    expect(core.deps.show).toHaveBeenLastCalledWith(null);
  });

  it("leaves the preferences open when they save", () => {
    const core = makeCore();
    core.api.open("preferences");
    core.api.set({ analytics: true }, { source: "preferences" });
    expect(core.closed).toEqual([]);
  });

  it("keeps the banner open after a change that leaves a category undecided", () => {
    const core = makeCore({ config: makeConfig({ mode: "opt-out" }) });
    core.api.open("banner");
    core.api.withdraw();
    expect(core.closed).toEqual([]);
  });
});
