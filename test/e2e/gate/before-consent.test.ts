// SPEC §3, issue 3: before consent nothing optional runs. Every vendor's
// verbatim install snippet (GA4 gtag.js, GTM, Meta Pixel, Hotjar, Mixpanel,
// Clarity, TikTok, LinkedIn) on one page, untagged in the HTML, tagged, or
// inserted by script, with ConsentGate first in <head>.
import type { Page } from "playwright-core";
import { callConsentGate, consentState, describe, expect, test, type Session } from "../harness";
import {
  ALL_VENDORS,
  fakes,
  gatePage,
  installVendors,
  LOADERS,
  mixpanelLoaded,
  openGate,
  ran,
  requestsFor,
  snippet,
  storageKeys,
  VENDORS,
} from "./kit";

/** Nothing of any vendor executed, stored or sent. */
async function expectNothingRan(page: Page, session: Session, vendors: ReturnType<typeof installVendors>) {
  expect(await ran(page)).toEqual([]);
  expect(await fakes(page)).toEqual({});
  expect(await mixpanelLoaded(page)).toBe(false);
  expect(await session.cookies()).toEqual([]);
  expect(await storageKeys(page)).toEqual([]);
  expect(vendors).toEqual({ mixpanel: [], collect: [], pixel: [], hotjar: [] });
  // No beacon, pixel, XHR or fetch of any kind reached a third party.
  expect(session.thirdParty().filter((r) => r.resourceType !== "script")).toEqual([]);
}

describe("before consent", () => {
  test.for(VENDORS)("%s: the untagged snippet written in the HTML never runs, stores nothing and sends nothing", async (vendor, { session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, snippet(vendor), ALL_VENDORS);
    await page.waitForLoadState("networkidle");

    await expectNothingRan(page, session, vendors);
    // Measured in Chromium: only a `<script src>` written in the HTML itself
    // (gtag.js's) is fetched, by the preload scanner, before any script can
    // act; ConsentGate still keeps it from running. Every loader a snippet
    // inserts by script is held with zero requests, and no <noscript>
    // fallback loads while scripts run.
    const preloaded = vendor === "google-analytics" ? [`script ${LOADERS["google-analytics"]}`] : [];
    expect(session.thirdParty().map((r) => `${r.resourceType} ${r.url}`)).toEqual(preloaded);
    // Site code calling the vendors' queues before consent did not throw.
    expect(session.pageErrors).toEqual([]);
  });

  test("every snippet inserted by script (as a tag manager's custom HTML does), and the site's mixpanel.track: zero requests, nothing runs", async ({
    session,
  }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, gatePage("dynamic.html"), ALL_VENDORS);
    for (const vendor of VENDORS) {
      await page.evaluate((html) => (window as unknown as { insertTags(h: string): void }).insertTags(html), snippet(vendor));
    }
    await page.evaluate(() => (window as unknown as { mixpanel: { track(e: string): void } }).mixpanel.track("Signed up"));
    await page.waitForLoadState("networkidle");

    await expectNothingRan(page, session, vendors);
    expect(session.thirdParty()).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  test("all snippets untagged on one page, and the site's own mixpanel.track: nothing runs; only gtag.js is preloaded", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, gatePage("untagged.html"), ALL_VENDORS);
    await page.waitForLoadState("networkidle");

    await expectNothingRan(page, session, vendors);
    expect(session.thirdParty().map((r) => `${r.resourceType} ${r.url}`)).toEqual([`script ${LOADERS["google-analytics"]}`]);
    expect(session.pageErrors).toEqual([]);
  });

  test("untagged trackers written in the HTML: the preload scanner fetches scripts (never run) and pixel images, and iframes are requested; tagged, nothing is", async ({
    session,
  }) => {
    installVendors(session);
    const markup = (tag: boolean) => {
      const t = (consent: string) => (tag ? ` type="text/plain" data-consent="${consent}"` : "");
      const src = (url: string) => (tag ? `data-src="${url}"` : `src="${url}"`);
      return `<h1>Spring sale</h1>
<img alt="" ${tag ? 'data-consent="facebook-pixel" ' : ""}${src("https://www.facebook.com/tr?id=1&ev=PageView")}>
<iframe title="survey" ${tag ? 'data-consent="hotjar" ' : ""}${src("https://vars.hotjar.com/box.html")}></iframe>
<script${t("hotjar")} src="https://static.hotjar.com/c/sync.js"></script>
<script${t("hotjar")} async src="https://static.hotjar.com/c/async.js"></script>
<script${t("hotjar")} defer src="https://static.hotjar.com/c/deferred.js"></script>`;
    };
    const config = { categories: { analytics: { services: ["hotjar"] }, marketing: { services: ["facebook-pixel"] } } };

    const page = await openGate(session, markup(false), config);
    await page.waitForLoadState("networkidle");
    expect(await ran(page)).toEqual([]);
    expect(await session.cookies()).toEqual([]);
    // Measured: for a pixel <img> the fetch *is* the beacon; for an iframe the
    // navigation starts as the parser inserts it. Only tagging prevents both.
    expect(session.thirdParty().map((r) => `${r.resourceType} ${r.url}`).sort()).toEqual([
      "document https://vars.hotjar.com/box.html",
      "image https://www.facebook.com/tr?id=1&ev=PageView",
      "script https://static.hotjar.com/c/async.js",
      "script https://static.hotjar.com/c/deferred.js",
      "script https://static.hotjar.com/c/sync.js",
    ]);

    const before = session.thirdParty().length;
    const tagged = await openGate(session, markup(true), config);
    await tagged.waitForLoadState("networkidle");
    expect(session.thirdParty().length - before).toBe(0);
    expect(await ran(tagged)).toEqual([]);
  });

  test("tagged snippets cause zero requests to any vendor (the preload scanner skips type=text/plain)", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, gatePage("tagged.html"), ALL_VENDORS);
    await page.waitForLoadState("networkidle");

    await expectNothingRan(page, session, vendors);
    expect(session.thirdParty()).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  test("every snippet's loader is reported held, with its service and category", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, gatePage("dynamic.html"), ALL_VENDORS);
    await page.evaluate(() => {
      const w = window as unknown as { __held: unknown[]; ConsentGate: { on(e: string, f: (p: { service: string; category: string; kind: string }) => void): void } };
      w.__held = [];
      w.ConsentGate.on("held", (e) => w.__held.push([e.service, e.category, e.kind]));
    });
    for (const vendor of VENDORS) {
      await page.evaluate((html) => (window as unknown as { insertTags(h: string): void }).insertTags(html), snippet(vendor));
    }
    const held = await page.evaluate(() => (window as unknown as { __held: [string, string, string][] }).__held);
    expect(held).toEqual([
      ["google-analytics", "analytics", "script"],
      ["google-tag-manager", "analytics", "script"],
      // Meta's base code returns early where ConsentGate's fbq stub is: the
      // stub's first queued call is what is reported held.
      ["facebook-pixel", "marketing", "script"],
      ["hotjar", "analytics", "script"],
      ["mixpanel", "analytics", "script"],
      ["microsoft-clarity", "analytics", "script"],
      ["tiktok-pixel", "marketing", "script"],
      ["linkedin-insight", "marketing", "script"],
    ]);
  });

  test("rejectAll keeps every vendor from running, after the page and after a reload", async ({ session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, gatePage("tagged.html"), ALL_VENDORS);
    await callConsentGate(page, "rejectAll");
    await page.reload();
    await page.waitForLoadState("networkidle");

    expect((await consentState(page)).decided).toBe(true);
    expect(await ran(page)).toEqual([]);
    expect(session.thirdParty()).toEqual([]);
    expect((await session.cookies()).map((c) => c.name)).toEqual(["consentgate"]);
    expect(vendors.collect).toEqual([]);
  });
});

describe("a held tagged element whose address the page sets (a lazy loader copying data-src to src)", () => {
  test.for([
    ["property", "frame.src = frame.dataset.src"],
    ["setAttribute", 'frame.setAttribute("src", frame.dataset.src)'],
  ] as const)("an iframe tagged with a category, at no service's address, set by %s: nothing loads before consent, and it loads once allowed", async ([, code], { session }) => {
    const embed = "https://player.video.example/embed/1";
    const page = await openGate(session, `<iframe id="frame" data-consent="marketing" data-src="${embed}" title="Video"></iframe>`, {
      categories: { marketing: {} },
    });
    await page.evaluate((code) => new Function("frame", code)(document.getElementById("frame")), code);
    await page.waitForLoadState("networkidle");
    expect(requestsFor(session, embed)).toBe(0);
    // Held once: the new address waits with the frame, not as a second hold.
    const held = await page.evaluate(() => {
      const kinds: string[] = [];
      (window as unknown as { ConsentGate: { on(e: string, f: (p: { kind: string; category: string }) => void): void } }).ConsentGate.on("held", (e) =>
        kinds.push(`${e.kind}:${e.category}`),
      );
      return kinds;
    });
    expect(held).toEqual(["iframe:marketing"]);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsFor(session, embed)).toBe(1);
  });
});

describe("a vendor's cookie written by the site itself", () => {
  test("document.cookie = \"_hjSessionUser_1=x\" from the page is dropped before consent and kept after", async ({ session }) => {
    installVendors(session);
    const page = await openGate(
      session,
      `${snippet("hotjar")}
<script>
  document.cookie = "_hjSessionUser_1=x; path=/";
  document.cookie = "_hjSessionUser_2=y; path=/; domain=shop.test";
  document.cookie = "cart=1; path=/";
</script>`,
      { categories: { analytics: { services: ["hotjar"] } } },
    );
    await page.waitForLoadState("networkidle");

    await expect.poll(async () => (await session.cookies()).map((c) => c.name)).toEqual(["cart"]);
    expect(await ran(page)).toEqual([]);
    // The held write is reported, so a site owner can see why the cookie is missing.
    const heldCookies = await page.evaluate(() => {
      const names: string[] = [];
      (window as unknown as { ConsentGate: { on(e: string, f: (p: { kind: string; target: unknown; service: string }) => void): void } }).ConsentGate.on(
        "held",
        (e) => {
          if (e.kind === "cookie") names.push(`${e.service}:${String(e.target)}`);
        },
      );
      return names;
    });
    expect(heldCookies).toEqual(["hotjar:_hjSessionUser_1", "hotjar:_hjSessionUser_2"]);

    await callConsentGate(page, "acceptAll");
    await page.evaluate(() => (document.cookie = "_hjSessionUser_1=x; path=/"));
    await expect.poll(async () => (await session.cookies()).map((c) => c.name).sort()).toEqual(
      expect.arrayContaining(["_hjSessionUser_1", "_hjSessionUser_1234567", "cart", "consentgate"]),
    );
  });
});

describe("a hostile page before ConsentGate", () => {
  // installSnippet writes a string config as is: these run in the config's own script, before the core.
  const before = {
    "a window.consentgateConfig getter that throws": `undefined;
      Object.defineProperty(window, "consentgateConfig", { configurable: true, get() { throw new Error("boom"); } });`,
    "its own window.ConsentGate queue stub": `${JSON.stringify(ALL_VENDORS)};
      window.ConsentGate = window.ConsentGate || []; ConsentGate.push(["acceptAll"]);`,
    // A placeholder shaped like the API must not pass for a running instance either.
    "its own window.ConsentGate placeholder with allows() and on()": `${JSON.stringify(ALL_VENDORS)};
      window.ConsentGate = window.ConsentGate || { q: [], allows: function () { return true; }, on: function (e, f) { this.q.push([e, f]); } };`,
  };

  test.for(Object.keys(before))("%s: the gate still starts and holds every snippet", async (name, { session }) => {
    const vendors = installVendors(session);
    const page = await openGate(session, gatePage("untagged.html"), before[name as keyof typeof before], { configVia: "global" });
    await page.waitForLoadState("networkidle");

    await expectNothingRan(page, session, vendors);
    const { categories } = await consentState(page);
    expect(Object.entries(categories).filter(([, on]) => on)).toEqual([["necessary", true]]);
    expect(session.pageErrors).toEqual([]);
  });
});

describe("a page that breaks what ConsentGate reads or writes", () => {
  const PAGE = [snippet("hotjar"), snippet("facebook-pixel")].join("\n");

  test("a sandboxed document, whose cookies throw: trackers are held, and a choice holds for the page view", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, snippet("hotjar"), ALL_VENDORS, { headers: { "content-security-policy": "sandbox allow-scripts" } });
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);
    expect(await ran(page)).toEqual([]);

    await callConsentGate(page, "acceptAll");
    // The page's origin is opaque: the UI and the other module files load only
    // with CORS headers, which this server does not send (README, "Sandboxed documents").
    await expect.poll(() => requestsFor(session, LOADERS.hotjar)).toBe(1);
    expect((await consentState(page)).decided).toBe(true);
    expect(session.messages("error").filter((m) => m.includes("could not start"))).toEqual([]);
  });

  /** A page script that inserts Hotjar's loader with an address its own Trusted Types policy made. */
  const trusted = (defaultPolicy: string) => `<script>
  ${defaultPolicy}
  const site = trustedTypes.createPolicy("site", { createScriptURL: (url) => url });
  try {
    const s = document.createElement("script");
    s.src = site.createScriptURL("${LOADERS.hotjar}");
    document.head.append(s);
    window.__inserted = true;
  } catch (error) {
    window.__inserted = String(error);
  }
</script>`;
  const TRUSTED_TYPES = { headers: { "content-security-policy": "require-trusted-types-for 'script'" } };

  test("a page that enforces Trusted Types: its own script that inserts a tracker with a trusted address is held, and does not throw", async ({
    session,
  }) => {
    installVendors(session);
    const page = await openGate(session, trusted(""), ALL_VENDORS, TRUSTED_TYPES);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __inserted: unknown }).__inserted)).toBe(true);
    expect(session.thirdParty()).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  test("a page that enforces Trusted Types: a held script, allowed, runs through the page's default policy", async ({ session }) => {
    installVendors(session);
    const policy = `trustedTypes.createPolicy("default", { createScriptURL: (url) => url });`;
    const page = await openGate(session, trusted(policy), ALL_VENDORS, TRUSTED_TYPES);
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsFor(session, LOADERS.hotjar)).toBe(1);
  });

  // A site moves to Trusted Types in report-only mode until the reports stop: ConsentGate must add none.
  test.for([
    ["enforces", "content-security-policy"],
    ["only reports", "content-security-policy-report-only"],
  ])("a page that %s Trusted Types: its trusted markup, through every markup route, raises no violation of ours", async ([, header], { session }) => {
    const page = await openGate(session, `<div id="box"><p id="old"></p></div>`, ALL_VENDORS, {
      headers: { [header]: "require-trusted-types-for 'script'; trusted-types app" },
    });
    const result = await page.evaluate(() => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.violatedDirective} ${event.sample}`));
      const tt = (window as unknown as { trustedTypes: { createPolicy(n: string, p: object): { createHTML(s: string): string } } }).trustedTypes;
      const policy = tt.createPolicy("app", { createHTML: (html: string) => html });
      const box = document.getElementById("box")!;
      const errors: string[] = [];
      const attempt = (fn: () => void) => {
        try {
          fn();
        } catch (error) {
          errors.push(String(error));
        }
      };
      attempt(() => (box.innerHTML = policy.createHTML('<p>hi</p><img alt="" src="/logo.gif">')));
      attempt(() => box.insertAdjacentHTML("beforeend", policy.createHTML('<iframe title="x" src="/frame.html"></iframe>')));
      attempt(() => (box.firstElementChild!.outerHTML = policy.createHTML('<img alt="" src="/other.gif">')));
      attempt(() => box.append(document.createRange().createContextualFragment(policy.createHTML('<img alt="" src="/third.gif">'))));
      // The event is dispatched in a task of its own.
      return new Promise<[string[], string[], number]>((resolve) => setTimeout(() => resolve([violations, errors, box.querySelectorAll("img,iframe").length]), 300));
    });
    expect(result).toEqual([[], [], 4]);
    expect(session.pageErrors).toEqual([]);
  });

  test("a page that enforces Trusted Types: trusted markup that brings in a tracker is refused by the page's own policy, and nothing loads", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, `<div id="box"></div>`, ALL_VENDORS, {
      headers: { "content-security-policy": "require-trusted-types-for 'script'; trusted-types app" },
    });
    const error = await page.evaluate((image) => {
      const tt = (window as unknown as { trustedTypes: { createPolicy(n: string, p: object): { createHTML(s: string): string } } }).trustedTypes;
      const policy = tt.createPolicy("app", { createHTML: (html: string) => html });
      try {
        document.getElementById("box")!.innerHTML = policy.createHTML(`<p>hi</p><img alt="" src="${image}">`);
        return null;
      } catch (error) {
        return (error as Error).name;
      }
    }, `${LOADERS.hotjar.replace(/\.js.*$/, "")}.gif`);
    await page.waitForLoadState("networkidle");
    expect(error).toBe("TypeError");
    expect(session.thirdParty()).toEqual([]);
  });

  test.for([
    ["an object", "window.dataLayer = { pageType: 'home' };"],
    ["a frozen array", "window.dataLayer = Object.freeze([]);"],
  ])("a window.dataLayer that is %s, with Consent Mode: trackers are held, and allowed ones run", async ([, code], { session }) => {
    const vendors = installVendors(session);
    const config = `${JSON.stringify({ ...ALL_VENDORS, googleConsentMode: true })}; ${code}`;
    const page = await openGate(session, PAGE, config, { configVia: "global" });
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => vendors.hotjar.length).toBe(1);
    expect(session.pageErrors).toEqual([]);
    await expect.poll(() => session.messages("error").filter((m) => m.includes("dataLayer"))).toHaveLength(1);
    expect(session.messages("error").join("\n")).toMatch(/window\.dataLayer \(.*\) takes no push\(\)/);
  });

  test("a dataLayer replaced after ConsentGate by an object: a decision still releases what it allows", async ({ session }) => {
    const vendors = installVendors(session);
    const config = JSON.stringify({ ...ALL_VENDORS, googleConsentMode: true });
    const page = await openGate(session, `<script>var dataLayer = { pageType: "home" };</script>\n${PAGE}`, config);
    await page.waitForLoadState("networkidle");
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => vendors.hotjar.length).toBe(1);
    expect(session.pageErrors).toEqual([]);
  });
});
