import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { start } from "../../../src/start";
import { giveDocumentPrototypeItsCookie } from "./happy-dom";

// The banner's file does not load in happy-dom: its error is expected.
const errors = vi.spyOn(console, "error").mockImplementation(() => {});

beforeAll(() => {
  giveDocumentPrototypeItsCookie();
  (window as Window & { consentgateConfig?: unknown }).consentgateConfig = { categories: { analytics: {} } };
});

// Waited for, so that the error does not come after the last test, while vitest closes the file.
afterAll(() => vi.waitFor(() => expect(errors).toHaveBeenCalledWith("[consentgate] i18n/en-opt-in.js:", expect.anything())));

describe("start() on a page that declared `var ConsentGate`", () => {
  // What a classic script's `var ConsentGate;` leaves on window: writable, not configurable.
  beforeAll(() => {
    Object.defineProperty(window, "ConsentGate", { value: undefined, writable: true, enumerable: true, configurable: false });
  });

  it("boots once: a second copy of the script shares the first instance", () => {
    const first = start("/");
    expect(first).toBeDefined();
    expect(start("/")).toBe(first);
  });

  it("leaves the instance read-only, so the page cannot replace it", () => {
    expect(Object.getOwnPropertyDescriptor(window, "ConsentGate")).toMatchObject({ writable: false });
  });
});
