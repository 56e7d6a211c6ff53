import { expect, it, vi } from "vitest";
import { start } from "../../../src/start";
import { giveDocumentPrototypeItsCookie } from "../exports/happy-dom";

type Clarity = { q: IArguments[] };

it("tells a vendor the newest state when a released listener decides again while the gate releases", async () => {
  giveDocumentPrototypeItsCookie();
  // The UI and the changes file do not load in happy-dom: their errors are expected here.
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  (window as Window & { consentgateConfig?: unknown }).consentgateConfig = {
    categories: { analytics: { services: ["microsoft-clarity"] } },
  };
  document.body.innerHTML = '<img alt="" data-consent="analytics" data-src="/pixel.gif">';
  const api = start("/")!;
  // A site that takes analytics back as soon as something of it is let go.
  api.on("released", () => api.set({ analytics: false }));
  api.acceptAll();

  expect(api.get().categories.analytics).toBe(false);
  const told = (window as unknown as { clarity: Clarity }).clarity.q.map((call) => [...call]);
  expect(told.at(-1)).toEqual(["consentv2", { ad_Storage: "denied", analytics_Storage: "denied" }]);
  // Waited for, so that no error comes after the test, while vitest closes the file.
  await vi.waitFor(() =>
    expect(errors.mock.calls.map(([message]) => message)).toEqual(
      expect.arrayContaining(["[consentgate] i18n/en-opt-in.js:", "[consentgate] consentgate-changes.js:", "[consentgate] consentgate-changes.js:"]),
    ),
  );
});
