// @vitest-environment node
// A framework that renders on the server imports the ESM build there too.
import { expect, it } from "vitest";

it("imports without a window, does nothing and throws nothing", async () => {
  const { ConsentGate } = await import("../../../src/module");
  expect(ConsentGate).toBeUndefined();
  expect("window" in globalThis).toBe(false);
});
