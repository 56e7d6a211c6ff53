// The declarations a site gets (src/types.ts is dist/consentgate.d.ts): this
// file only compiles, under `npm run typecheck`, if they type what SPEC §2 and §4 name.
import { expect, it } from "vitest";
import type { State } from "../../../src/types";

it("type the change event's detail and the config set on window", () => {
  const seen: State[] = [];
  const listener = (event: DocumentEventMap["consentgate:change"]) => seen.push(event.detail);
  document.addEventListener("consentgate:change", (event) => listener(event));
  document.dispatchEvent(new CustomEvent("consentgate:change", { detail: { decided: true } as State }));
  window.consentgateConfig = { mode: "opt-out" };
  expect(seen[0].decided).toBe(true);
  delete window.consentgateConfig;
});
