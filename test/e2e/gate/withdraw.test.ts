// SPEC §3/§4, issue 3 "Refusal and withdrawal": withdraw() and refusals delete
// the trackers' first-party cookies on the host and on every parent domain up
// to the registrable one, for the paths they may be on, and their
// localStorage / sessionStorage keys; never the consent cookie (on a refusal)
// nor a necessary service's cookies, nor the site's own.
import type { Page } from "playwright-core";
import { callConsentGate, consentState, describe, expect, test, type Session } from "../harness";
import { installVendors, MIXPANEL_TOKEN, mixpanelLoaded, openGate, requestsFor, servePage, snippet, storageKeys } from "./kit";

const CONFIG = {
  categories: {
    necessary: { services: ["stripe"] },
    analytics: { services: ["google-analytics", "hotjar", "mixpanel"] },
    marketing: { services: ["facebook-pixel"], sale: true },
  },
};

const PAGE = ["google-analytics", "facebook-pixel", "hotjar", "mixpanel"].map((v) => snippet(v as "hotjar")).join("\n");

/** What the vendors set once allowed (all on the registrable domain, as they do). */
const VENDOR_COOKIES = [
  "_fbp@.shop.test",
  "_ga@.shop.test",
  "_ga_TEST123456@.shop.test",
  "_hjSessionUser_1234567@.shop.test",
  "_hjSession_1234567@.shop.test",
  `mp_${MIXPANEL_TOKEN}_mixpanel@.shop.test`,
];

/** Everything as Playwright reports it: `name@domain path`. */
async function cookieList(session: Session): Promise<string[]> {
  return (await session.cookies()).map((c) => `${c.name}@${c.domain} ${c.path}`).sort();
}

/** Accepts everything, waits for the vendors' cookies, then adds copies where vendors and the site also put them. */
async function fillJar(session: Session, page: Page): Promise<void> {
  await callConsentGate(page, "acceptAll");
  await expect
    .poll(async () => (await session.cookies()).map((c) => `${c.name}@${c.domain}`).filter((c) => c.endsWith("@.shop.test")).sort(), {
      timeout: 10_000,
    })
    .toEqual(VENDOR_COOKIES);
  await expect.poll(() => mixpanelLoaded(page)).toBe(true);
  const directory = new URL(page.url()).pathname.replace(/\/[^/]*$/, "");
  await page.evaluate((dir) => {
    const set = (c: string) => (document.cookie = c);
    // Host-only copies on www.shop.test, as a vendor configured with cookie_domain "none" leaves them.
    set("_ga=GA1.1.host; path=/");
    set("_fbp=fb.2.host; path=/");
    set("_hjSessionUser_1234567=host; path=/");
    // A domain cookie on the host itself, and one on the page's directory path.
    set("_hjid=hostdomain; path=/; domain=www.shop.test");
    set(`_gid=GA1.1.path; path=${dir}`);
    set(`_gat_UA-1=1; path=${dir}/; domain=shop.test`);
    // A necessary service's cookies, and the site's own.
    set("__stripe_mid=mid; path=/; domain=shop.test");
    set("__stripe_sid=sid; path=/");
    set("cart=3; path=/");
    localStorage.setItem("mp_extra_mixpanel", "{}");
    localStorage.setItem("_hjLocalStorageTest", "1");
    sessionStorage.setItem("_hjSessionStorageTest", "1");
    localStorage.setItem("cart", "3");
    sessionStorage.setItem("checkout-step", "2");
  }, directory);
  // document.cookie writes reach the browser's cookie store asynchronously: wait for them.
  await expect
    .poll(async () => (await session.cookies()).map((c) => c.name))
    .toEqual(expect.arrayContaining(["_gid", "_gat_UA-1", "_hjid", "__stripe_mid", "__stripe_sid", "cart"]));
  expect(await storageKeys(page)).toEqual(
    expect.arrayContaining([
      "local:_hjSessionUser_1234567",
      "local:mp_extra_mixpanel",
      "local:_hjLocalStorageTest",
      "session:_hjRecordingLastActivity",
      "session:hjViewportId",
      "local:hjActiveViewportIds",
      `session:mp_tab_id_mixpanel_${MIXPANEL_TOKEN}`,
    ]),
  );
}

const SITE_COOKIES = ["__stripe_mid@.shop.test /", "__stripe_sid@www.shop.test /", "cart@www.shop.test /"];
const SITE_STORAGE = ["local:cart", "session:checkout-step"];

describe("withdraw()", () => {
  test("deletes every vendor cookie on the host, on shop.test and on the page's path, and every vendor storage key", async ({
    session,
  }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await fillJar(session, page);

    await callConsentGate(page, "withdraw");

    // withdraw() forgets the decision (SPEC §4): the consent cookie stays only
    // empty, a sign for the next page view that a decision was withdrawn.
    await expect.poll(() => cookieList(session)).toEqual([...SITE_COOKIES, "consentgate@www.shop.test /"].sort());
    expect((await session.cookies()).find((c) => c.name == "consentgate")!.value).toBe("");
    expect(await storageKeys(page)).toEqual(SITE_STORAGE);
    expect(session.pageErrors).toEqual([]);
  });

  test("the vendors still running cannot write their cookies back after it", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await fillJar(session, page);
    await callConsentGate(page, "withdraw");

    await page.evaluate(() => {
      const w = window as unknown as { mixpanel: { track(e: string): void }; fbq(...a: unknown[]): void; dataLayer: unknown[] };
      w.mixpanel.track("After withdraw");
      w.fbq("track", "Purchase");
      (function (..._: unknown[]) {
        w.dataLayer.push(arguments);
      })("event", "purchase");
      document.cookie = "_ga=GA1.1.again; path=/; domain=shop.test";
    });
    await page.waitForLoadState("networkidle");
    await expect.poll(() => cookieList(session)).toEqual([...SITE_COOKIES, "consentgate@www.shop.test /"].sort());
    expect(await storageKeys(page)).toEqual(SITE_STORAGE);
  });
});

describe("refusal", () => {
  test("rejectAll after acceptAll deletes the vendors' cookies and keys but keeps the consent cookie", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await fillJar(session, page);

    await callConsentGate(page, "rejectAll");

    await expect.poll(() => cookieList(session)).toEqual([...SITE_COOKIES, "consentgate@www.shop.test /"].sort());
    expect(await storageKeys(page)).toEqual(SITE_STORAGE);
  });

  test("refusing analytics only deletes the analytics vendors' cookies and keeps Meta's", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await fillJar(session, page);

    await callConsentGate(page, "set", { analytics: false });

    await expect.poll(() => cookieList(session)).toEqual(
      [...SITE_COOKIES, "consentgate@www.shop.test /", "_fbp@.shop.test /", "_fbp@www.shop.test /"].sort(),
    );
    expect(await storageKeys(page)).toEqual(SITE_STORAGE);
  });

  test("a page load while a service is refused deletes the cookies it left earlier, on the host and on shop.test", async ({ session }) => {
    installVendors(session);
    const url = session.url("/");
    await session.context.addCookies([
      { name: "_ga", value: "GA1.1.old", domain: ".shop.test", path: "/" },
      { name: "_ga", value: "GA1.1.host", url },
      { name: "_hjSessionUser_1234567", value: "old", domain: ".shop.test", path: "/" },
      { name: "_fbp", value: "fb.1.old", url },
      { name: "__stripe_mid", value: "mid", domain: ".shop.test", path: "/" },
      { name: "cart", value: "3", url },
    ]);
    const page = await openGate(session, PAGE, CONFIG);
    await page.waitForLoadState("networkidle");

    await expect.poll(() => cookieList(session)).toEqual(["__stripe_mid@.shop.test /", "cart@www.shop.test /"]);
  });
});

describe("a frame or image let go before a refusal", () => {
  const EMBED = "https://www.youtube.com/embed/lazy1";
  const PIXEL = "https://www.facebook.com/tr?id=1&ev=PageView";
  const MEDIA = { categories: { marketing: { services: ["youtube", "facebook-pixel"] } } };
  // Beside the lazy ones below the fold (answered by the harness's 1×1 GIF): its request shows the browser has looked at them.
  const SENTINEL = "https://images.example/below-the-fold.gif";
  const FOLD = `<div style="height: 5000px"></div><img loading="lazy" src="${SENTINEL}" alt="">`;
  /** The frames and images held so far, as `kind:service` (a late subscriber gets every event so far). */
  const heldMedia = (page: Page) =>
    page.evaluate(() => {
      const held: string[] = [];
      (window as unknown as { ConsentGate: { on(e: string, f: (p: { kind: string; service: string }) => void): void } }).ConsentGate.on("held", (e) => {
        if (e.kind === "iframe" || e.kind === "img") held.push(`${e.kind}:${e.service}`);
      });
      return held.sort();
    });
  const sentinel = (session: Session) => requestsFor(session, SENTINEL);
  const trackers = (session: Session) => [requestsFor(session, EMBED), requestsFor(session, PIXEL)];

  test.for([
    ["tagged", `<iframe loading="lazy" data-consent="youtube" data-src="${EMBED}" title="Video"></iframe><img loading="lazy" data-consent="marketing" data-src="${PIXEL}" alt="">`],
    ["untagged, let in once allowed", ""],
  ] as const)("%s and lazy, not loaded yet: after the refusal it is held again, stays so when scrolled to, and loads once allowed again", async ([, markup], { session }) => {
    const page = await openGate(session, FOLD + markup, MEDIA);
    await callConsentGate(page, "acceptAll");
    if (!markup) {
      await page.evaluate(
        ([embed, pixel]) => {
          const frame = document.createElement("iframe");
          frame.loading = "lazy";
          frame.src = embed;
          const image = new Image();
          image.loading = "lazy";
          image.src = pixel;
          document.body.append(frame, image);
        },
        [EMBED, PIXEL],
      );
    }
    const before = await heldMedia(page);

    await callConsentGate(page, "rejectAll");
    await expect.poll(() => heldMedia(page)).toEqual([...before, "iframe:youtube", "img:facebook-pixel"].sort());
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => sentinel(session)).toBe(1);
    expect(trackers(session)).toEqual([0, 0]);
    expect(await page.locator("iframe[src], img[src*=facebook]").count()).toBe(0);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => trackers(session)).toEqual([1, 1]);
    expect(session.problems()).toEqual([]);
  });

  test("let go for this page view only (the placeholder's Only this time): a later change that refuses something else leaves it loaded", async ({ session }) => {
    const page = await openGate(session, "", { categories: { analytics: { services: ["hotjar"] }, marketing: { services: ["youtube"] } } });
    await callConsentGate(page, "set", { analytics: true });
    await page.evaluate((embed) => document.body.insertAdjacentHTML("beforeend", `<iframe src="${embed}" title="Video"></iframe>`), EMBED);
    await page.locator('consentgate-ui[data-embed="youtube"] button', { hasText: "Only this time" }).click();
    await expect.poll(() => requestsFor(session, EMBED)).toBe(1);
    const frame = await page.locator("iframe").elementHandle();

    await callConsentGate(page, "set", { analytics: false });
    await expect.poll(() => session.requests.some((r) => r.url.endsWith("/consentgate-changes.js"))).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(await frame!.evaluate((el) => el.isConnected && el.getAttribute("src"))).toBe(EMBED);
    expect(requestsFor(session, EMBED)).toBe(1);
  });

  test("loaded, then refused: the frame is held where it is (its page unloaded, its placeholder shown), and moving it later loads nothing", async ({ session }) => {
    const page = await openGate(session, `<div id="a"></div><div id="b"></div>`, MEDIA);
    await callConsentGate(page, "acceptAll");
    await page.evaluate((embed) => (document.getElementById("a")!.innerHTML = `<iframe src="${embed}" title="Video"></iframe>`), EMBED);
    await expect.poll(() => requestsFor(session, EMBED)).toBe(1);
    await expect.poll(() => page.locator("iframe:visible").count()).toBe(1);
    const frame = (await page.locator("iframe").elementHandle())!;

    await callConsentGate(page, "rejectAll");
    await expect.poll(() => heldMedia(page)).toEqual(["iframe:youtube"]);
    await expect.poll(() => page.locator("iframe:visible").count()).toBe(0);
    // Held where it is, the same element (a framework that rendered it still finds it), its page gone.
    expect(await frame.evaluate((el) => [el.isConnected, el.getAttribute("src"), el.getAttribute("data-src")])).toEqual([true, null, EMBED]);
    await expect.poll(() => page.frames().map((f) => f.url())).not.toContain(EMBED);
    // A frame of no service moved after it shows the move has been acted on.
    const after = "https://frames.example/after.html";
    await page.evaluate((after) => {
      const b = document.getElementById("b")!;
      b.append(document.querySelector("iframe")!);
      b.insertAdjacentHTML("beforeend", `<iframe src="${after}" title="After"></iframe>`);
    }, after);
    await expect.poll(() => requestsFor(session, after)).toBe(1);
    expect(requestsFor(session, EMBED)).toBe(1);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsFor(session, EMBED)).toBe(2);
    await expect.poll(() => page.locator("#b iframe:visible").count()).toBe(2);
    expect(session.problems()).toEqual([]);
  });
});

describe("opt-out mode", () => {
  const OPT_OUT = { ...CONFIG, mode: "opt-out" };
  /** Requests to Meta's hosts so far. */
  const meta = (session: Session) => session.requests.filter((r) => /facebook\.(net|com)$/.test(r.host)).length;

  test("a stored Do not sell of an older revision keeps Meta's pixel held until the visitor answers again", async ({ session }) => {
    installVendors(session);
    const now = Math.floor(Date.now() / 1000);
    await session.context.addCookies([{ name: "consentgate", value: `1.1.${now - 100}.b.0.abcdefghijklmnop.analytics~-marketing`, url: session.url("/") }]);
    const page = await openGate(session, PAGE, { ...OPT_OUT, revision: 2 });
    await expect.poll(() => mixpanelLoaded(page)).toBe(true);
    await page.waitForLoadState("networkidle");

    expect(await consentState(page)).toMatchObject({ decided: false, categories: { analytics: true, marketing: false } });
    expect(meta(session)).toBe(0);
    expect((await session.cookies()).map((c) => c.name)).not.toContain("_fbp");
  });

  test("withdraw() after Accept all turns the sale categories off for the page view and deletes their cookies", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, OPT_OUT);
    await fillJar(session, page);

    await callConsentGate(page, "withdraw");

    expect(await consentState(page)).toMatchObject({ decided: false, categories: { analytics: true, marketing: false } });
    await expect.poll(async () => (await session.cookies()).map((c) => c.name)).not.toContain("_fbp");
    // Empty: no decision, and on the next page view the sale categories stay off (core.test.ts).
    expect((await session.cookies()).filter((c) => c.name == "consentgate").map((c) => c.value)).toEqual([""]);
  });
});

describe("vendors told through their queue", () => {
  test("Clarity hears every change of what it may store, also when only marketing changed", async ({ session }) => {
    const page = await openGate(session, "", {
      categories: { analytics: { services: ["microsoft-clarity"] }, marketing: { services: [] } },
    });
    /** The last consentv2 in Clarity's queue, as "ad/analytics". */
    const told = () =>
      page.evaluate(() => {
        const q = (window as unknown as { clarity: { q: IArguments[] } }).clarity.q;
        const last = q[q.length - 1];
        return last[0] + " " + last[1].ad_Storage + "/" + last[1].analytics_Storage;
      });
    expect(await told()).toBe("consentv2 denied/denied");
    await callConsentGate(page, "acceptAll");
    expect(await told()).toBe("consentv2 granted/granted");
    await callConsentGate(page, "set", { marketing: false });
    expect(await told()).toBe("consentv2 denied/granted");
    await callConsentGate(page, "set", { marketing: true });
    expect(await told()).toBe("consentv2 granted/granted");
    await callConsentGate(page, "set", { analytics: false });
    expect(await told()).toBe("consentv2 denied/denied");
  });
});

describe("consentgate-changes.js, where deleting and Meta's hand-over live", () => {
  const changesRequests = (session: Session, from = 0) =>
    session.requests.slice(from).filter((r) => new URL(r.url).pathname == "/consentgate-changes.js").length;

  test("rejectAll({ reload: true }) reloads the page once the refused cookies are deleted", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, PAGE, CONFIG);
    await fillJar(session, page);
    await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));

    const reloaded = page.waitForEvent("load");
    await callConsentGate(page, "rejectAll", { reload: true });
    await reloaded;
    expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBeUndefined();
    await expect.poll(() => cookieList(session)).toEqual([...SITE_COOKIES, "consentgate@www.shop.test /"].sort());
  });

  test("loads when the visitor decides, and not on a returning visitor's page view with nothing to delete", async ({ session }) => {
    installVendors(session);
    const path = servePage(session, PAGE, CONFIG);
    const first = await session.visit(path);
    await first.waitForLoadState("networkidle");
    // A first visit with nothing left from before: nothing to delete yet.
    expect(changesRequests(session)).toBe(0);

    await callConsentGate(first, "rejectAll");
    await expect.poll(() => changesRequests(session)).toBe(1);
    await first.close();

    const from = session.requests.length;
    const page = await session.visit(path);
    await page.waitForLoadState("networkidle");
    expect(changesRequests(session, from)).toBe(0);
    expect(session.problems()).toEqual([]);
  });
});
