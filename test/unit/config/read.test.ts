import { afterEach, describe, expect, it } from "vitest";
import { UNREADABLE } from "../../../src/config/defaults";
import { readConfig } from "../../../src/config/read";
import { collect, run } from "./run";

/** A page may set anything there, a wrong value too. */
type Win = Omit<Window, "consentgateConfig"> & { consentgateConfig?: unknown };

/** Reads the config of the current document, with every problem as "<path>: <message>". */
function read(global?: unknown) {
  const { report, messages } = collect();
  const win = window as unknown as Win;
  if (global !== undefined) win.consentgateConfig = global;
  const raw = readConfig(window, report);
  return { raw, messages };
}

function addJson(text: string, id = "consentgate-config") {
  const element = document.createElement("script");
  element.type = "application/json";
  element.id = id;
  element.textContent = text;
  document.head.append(element);
}

afterEach(() => {
  document.head.innerHTML = "";
  delete window.consentgateConfig;
});

describe("readConfig", () => {
  it("gives an empty config, so necessary only, when the page has none", () => {
    expect(read()).toEqual({ raw: {}, messages: [] });
  });

  it("does not take an element the browser shows on window by its id or name (from the prototype chain) for the config", () => {
    addJson('{ "mode": "opt-out" }');
    const named = Object.getPrototypeOf(window);
    Object.defineProperty(named, "consentgateConfig", { configurable: true, value: document.createElement("script") });
    try {
      expect(read()).toEqual({ raw: { mode: "opt-out" }, messages: [] });
    } finally {
      delete named.consentgateConfig;
    }
  });

  it("parses the JSON element", () => {
    addJson('{ "mode": "opt-out", "categories": { "analytics": { "services": ["hotjar"] } } }');
    expect(read()).toEqual({ raw: { mode: "opt-out", categories: { analytics: { services: ["hotjar"] } } }, messages: [] });
  });

  it("prefers window.consentgateConfig to the JSON element", () => {
    addJson('{ "mode": "opt-out" }');
    expect(read({ mode: "opt-in" }).raw).toEqual({ mode: "opt-in" });
  });

  it("hands window.consentgateConfig over as it is, for validate to judge", () => {
    const global = { mode: "opt-out" };
    expect(read(global).raw).toBe(global);
    expect(read("opt-out").raw).toBe("opt-out");
  });

  it("marks the config unreadable when reading window.consentgateConfig throws", () => {
    Object.defineProperty(window, "consentgateConfig", {
      configurable: true,
      get() {
        throw new Error("boom");
      },
    });
    const { report, messages } = collect();
    expect(readConfig(window, report)).toBe(UNREADABLE);
    expect(messages).toEqual(["window.consentgateConfig: could not be read (boom); every optional category stays off"]);
  });

  it("ignores an element with another id", () => {
    addJson('{ "mode": "opt-out" }', "config");
    expect(read().raw).toEqual({});
  });

  it.each([
    ["broken JSON", "{ this is not json"],
    ["a trailing comma", '{ "mode": "opt-out", }'],
    ["an empty element", ""],
    ["a JS object literal", "{ mode: 'opt-out' }"],
  ])("reports %s once and marks the config unreadable", (_, text) => {
    addJson(text);
    const { raw, messages } = read();
    expect(raw).toBe(UNREADABLE);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^#consentgate-config: is not valid JSON \(.+\); every optional category stays off$/);
  });

  it("names the parser's complaint", () => {
    addJson("{ this is not json");
    let parserMessage = "";
    try {
      JSON.parse("{ this is not json");
    } catch (error) {
      parserMessage = (error as Error).message;
    }
    expect(read().messages).toEqual([`#consentgate-config: is not valid JSON (${parserMessage}; JSON has no comments or trailing commas); every optional category stays off`]);
  });

  it("leads to necessary only, nothing offered, and no second report", () => {
    addJson("{ this is not json");
    const { raw, messages } = read();
    const validated = run(raw);
    expect(validated.config.unreadable).toBe(true);
    expect(Object.keys(validated.config.categories)).toEqual(["necessary"]);
    expect(messages.length + validated.messages.length).toBe(1);
  });

  it("reads JSON that is valid but not an object, for validate to report", () => {
    addJson('["analytics"]');
    expect(read()).toEqual({ raw: ["analytics"], messages: [] });
    expect(run(["analytics"]).messages).toEqual(['config: expected an object, got ["analytics"]; every optional category stays off']);
  });
});
