// The page around ConsentGate: what a page did to the DOM before it (its own
// document.cookie guard).
import type { Page } from "playwright-core";
import { callConsentGate, describe, expect, test } from "../harness";
import { installVendors, openGate, ran } from "./kit";

const CONFIG = {
  categories: {
    analytics: { services: ["hotjar"] },
    marketing: { services: ["youtube"], sale: true },
  },
};

const S = (name: string) => `https://static.hotjar.com/c/${name}.js`;
const IMG = (name: string) => `https://static.hotjar.com/i/${name}.gif`;

/** What the page's own code threw, one line per failed step. */
const thrown = (page: Page) => page.evaluate(() => (window as unknown as { __thrown: string[] }).__thrown);

/** A page script that inserts a tracker by three routes and notes what throws. */
const INSERT = `<script>
window.__thrown = [];
function step(name, fn) { try { fn(); } catch (e) { __thrown.push(name + ": " + e); } }
step("appendChild", function () { var s = document.createElement("script"); s.src = "${S("appended")}"; document.head.appendChild(s); });
step("new Image", function () { new Image().src = "${IMG("new-Image")}"; });
step("innerHTML", function () { var d = document.createElement("div"); d.innerHTML = '<img src="${IMG("innerHTML")}">'; document.body.appendChild(d); });
</script>`;

describe("a page that replaced document.cookie before ConsentGate", () => {
  // A cookie guard as sites write it: Object.defineProperty on the document,
  // which leaves the new property non-configurable (defineProperty's default).
  const GUARD = `<script>(function () {
  var native = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(document, "cookie", {
    get: function () { return native.get.call(document); },
    set: function (value) { native.set.call(document, value); },
  });
})();</script>`;

  test("with its own non-configurable accessor: ConsentGate starts, the page's insertions never throw, trackers are held and run once allowed", async ({
    session,
  }) => {
    installVendors(session);
    const page = await openGate(session, `<!doctype html><html lang="en"><head>${GUARD}<!-- consentgate --><title>Guard</title></head><body>${INSERT}</body></html>`, CONFIG);
    await page.waitForLoadState("networkidle");

    expect(await thrown(page)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.thirdParty()).toEqual([]);
    expect(await page.evaluate(() => typeof window.ConsentGate)).toBe("object");

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => ran(page)).toEqual([S("appended")]);
    await expect.poll(() => session.thirdParty().map((r) => r.url).sort()).toEqual([S("appended"), IMG("innerHTML"), IMG("new-Image")].sort());
  });

  test("with a plain value in its place: whatever ConsentGate can do, the page's own insertions never throw", async ({ session }) => {
    installVendors(session);
    const VALUE = `<script>Object.defineProperty(document, "cookie", { value: "", writable: true });</script>`;
    const page = await openGate(session, `<!doctype html><html lang="en"><head>${VALUE}<!-- consentgate --><title>Guard</title></head><body>${INSERT}</body></html>`, CONFIG);
    await page.waitForLoadState("networkidle");

    expect(await thrown(page)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
