import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "../../../src/services/catalogue";
import type { State } from "../../../src/types";
import { consent as metaConsent, queued } from "../../../src/services/facebook-pixel";
import { consent as intercomConsent } from "../../../src/services/intercom";
import { consent as mixpanelConsent } from "../../../src/services/mixpanel";
import { asWindow, page, runSnippet, scripts } from "./page";

const isArguments = (x: unknown) => Object.prototype.toString.call(x) === "[object Arguments]";
const plain = (list: ArrayLike<unknown>[]) => list.map((a) => Array.from(a));
const stub = (id: string, win: ReturnType<typeof page>) => catalogue[id].stub!(asWindow(win), () => {});

let win: ReturnType<typeof page>;
const open = () => (win = page());
afterEach(() => win && win.happyDOM.close());

describe("stubs", () => {
  it("exist for the vendors whose globals site code calls before consent", () => {
    const stubbed = Object.keys(catalogue).filter((id) => catalogue[id].stub);
    expect(stubbed.sort()).toEqual(
      ["facebook-pixel", "google-ads", "google-analytics", "hotjar", "linkedin-insight", "microsoft-clarity", "mixpanel", "tiktok-pixel"],
    );
  });

  it("never replace a global the page already has, and are safe to install twice", () => {
    for (const id of Object.keys(catalogue).filter((i) => catalogue[i].stub)) {
      open();
      const own = { dataLayer: [1], gtag: () => 1, fbq: () => 2, _fbq: () => 3, hj: () => 4, mixpanel: [5], clarity: () => 6, ttq: [7], lintrk: () => 8 };
      Object.assign(win, own);
      stub(id, win);
      stub(id, win);
      for (const [name, value] of Object.entries(own)) expect(win[name], `${id} ${name}`).toBe(value);
      win.happyDOM.close();
    }
  });

  it("let site code call every stubbed global before consent without throwing", () => {
    open();
    for (const id of Object.keys(catalogue)) catalogue[id].stub?.(asWindow(win), () => {});
    expect(() => {
      win.gtag("event", "sign_up");
      win.fbq("track", "Lead");
      win.hj("event", "opened");
      win.mixpanel.init("0123456789abcdef0123456789abcdef");
      win.mixpanel.track("Signed up", { plan: "pro" });
      win.mixpanel.people.set({ plan: "pro" });
      win.mixpanel.get_group("company", "acme").set("size", 10);
      win.clarity("set", "plan", "pro");
      win.ttq.track("CompletePayment");
      win.lintrk("track", { conversion_id: 1 });
    }).not.toThrow();
  });
});

describe("Google Analytics stub", () => {
  it("queues gtag calls as arguments objects in dataLayer, as Google's snippet does", () => {
    open();
    stub("google-analytics", win);
    win.gtag("consent", "default", { analytics_storage: "denied" });
    expect(win.dataLayer).toHaveLength(1);
    expect(isArguments(win.dataLayer[0])).toBe(true);
    expect(Array.from(win.dataLayer[0])).toEqual(["consent", "default", { analytics_storage: "denied" }]);
  });

  it("keeps the queue when Google's verbatim gtag.js snippet runs after it", () => {
    open();
    stub("google-analytics", win);
    win.gtag("event", "early");
    runSnippet(win, "google-analytics.html");
    expect(plain(win.dataLayer).map((a) => a[0])).toEqual(["event", "js", "config"]);
    expect(win.dataLayer.every(isArguments)).toBe(true);
  });

  it("does not stop Google Tag Manager's verbatim snippet from loading the container", () => {
    open();
    stub("google-analytics", win);
    win.gtag("event", "early");
    runSnippet(win, "google-tag-manager.html");
    expect(win.dataLayer[1]).toMatchObject({ event: "gtm.js" });
    expect(scripts(win)[0]).toBe("https://www.googletagmanager.com/gtm.js?id=GTM-TEST123");
  });
});

describe("Meta Pixel stub", () => {
  it("has the shape of Meta's own stub, so fbevents.js adopts it", () => {
    open();
    stub("facebook-pixel", win);
    expect(win._fbq).toBe(win.fbq);
    expect([win.fbq.loaded, win.fbq.version, win.fbq.queue]).toEqual([true, "2.0", []]);
    expect(win.fbq.push).toBe(win.fbq);
  });

  it("holds the base code's init and track calls, since the verbatim base code returns early", () => {
    open();
    stub("facebook-pixel", win);
    win.fbq("consent", "grant");
    runSnippet(win, "facebook-pixel.html");
    expect(scripts(win)).toEqual(["https://shop.example/app.js"]);
    expect(win.fbq.queue.every(isArguments)).toBe(true);
    expect(plain(win.fbq.queue)).toEqual([["consent", "grant"], ["init", "1234567890"], ["track", "PageView"]]);
    expect(catalogue["facebook-pixel"].loader).toBe("https://connect.facebook.net/en_US/fbevents.js");
  });

  it("Meta's stub says it was used when it queues its first call, once", () => {
    open();
    const used = vi.fn();
    catalogue["facebook-pixel"].stub!(asWindow(win), used);
    expect(used).not.toHaveBeenCalled();
    win.fbq("init", "1");
    win.fbq("track", "PageView");
    expect(used).toHaveBeenCalledTimes(1);
  });

  it("reports calls waiting for fbevents.js only while the stub holds them", () => {
    open();
    const pixel = catalogue["facebook-pixel"];
    expect(queued(asWindow(win))).toBe(false);
    pixel.stub!(asWindow(win), () => {});
    expect(queued(asWindow(win))).toBe(false);
    runSnippet(win, "facebook-pixel.html");
    expect(queued(asWindow(win))).toBe(true);
    win.fbq.callMethod = () => {};
    expect(queued(asWindow(win))).toBe(false);
  });

  it("leaves the base code to load fbevents.js itself on a page without the stub", () => {
    open();
    runSnippet(win, "facebook-pixel.html");
    expect(scripts(win)[0]).toBe("https://connect.facebook.net/en_US/fbevents.js");
  });

  it("hands later calls to fbevents.js once it has set callMethod", () => {
    open();
    stub("facebook-pixel", win);
    const seen: unknown[][] = [];
    win.fbq.callMethod = (...args: unknown[]) => seen.push(args);
    win.fbq("track", "Purchase");
    expect(seen).toEqual([["track", "Purchase"]]);
  });
});

describe("Hotjar stub", () => {
  it("queues hj calls on hj.q, and the verbatim tracking code still loads Hotjar's script", () => {
    open();
    stub("hotjar", win);
    win.hj("identify", "u-1");
    const hj = win.hj;
    runSnippet(win, "hotjar.html");
    win.hj("event", "later");
    expect(win.hj).toBe(hj);
    expect(plain(win.hj.q)).toEqual([["identify", "u-1"], ["event", "later"]]);
    expect(win._hjSettings).toEqual({ hjid: 1234567, hjsv: 6 });
    expect(scripts(win)).toContain("https://static.hotjar.com/c/hotjar-1234567.js?sv=6");
  });
});

describe("Mixpanel stub", () => {
  it("is Mixpanel's array shape without __SV, so the verbatim snippet still runs and loads the SDK", () => {
    open();
    stub("mixpanel", win);
    expect(Array.isArray(win.mixpanel)).toBe(true);
    expect(win.mixpanel.__SV).toBeUndefined();
    win.mixpanel.init("an early token");
    win.mixpanel.register({ plan: "pro" });
    win.mixpanel.people.set({ name: "Ada" });
    runSnippet(win, "mixpanel.html");
    expect(win.mixpanel.__SV).toBe(1.2);
    expect(win.mixpanel._i).toEqual([["0123456789abcdef0123456789abcdef", { autocapture: true }, "mixpanel"]]);
    expect(win.mixpanel.slice()).toEqual([["register", { plan: "pro" }]]);
    expect(win.mixpanel.people.slice()).toEqual([["set", { name: "Ada" }]]);
    expect(scripts(win)[0]).toBe("https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js");
  });

  it("queues calls the real mixpanel-browser SDK replays when it loads", () => {
    open();
    stub("mixpanel", win);
    win.mixpanel.register({ plan: "pro" });
    win.mixpanel.identify("user-1");
    runSnippet(win, "mixpanel.html");
    const sdk = createRequire(import.meta.url).resolve("mixpanel-browser/dist/mixpanel.min.js");
    win.eval(readFileSync(sdk, "utf8"));
    expect(win.mixpanel.__loaded).toBe(true);
    expect(win.mixpanel.get_property("plan")).toBe("pro");
    expect(win.mixpanel.get_distinct_id()).toBe("user-1");
  });

  it("queues group calls the way the snippet's get_group does", () => {
    open();
    stub("mixpanel", win);
    win.mixpanel.get_group("company", "acme").set("size", 10);
    expect(win.mixpanel.slice()).toEqual([[["get_group", "company", "acme"], ["set", "size", 10]]]);
  });
});

describe("Microsoft Clarity stub", () => {
  it("queues clarity calls on clarity.q, and the verbatim tracking code still loads Clarity's tag", () => {
    open();
    stub("microsoft-clarity", win);
    win.clarity("identify", "u-1");
    runSnippet(win, "microsoft-clarity.html");
    expect(plain(win.clarity.q)).toEqual([["identify", "u-1"]]);
    expect(scripts(win)[0]).toBe("https://www.clarity.ms/tag/abcdefghij");
  });
});

describe("TikTok Pixel stub", () => {
  it("is TikTok's method array, which the verbatim base code reuses before loading events.js", () => {
    open();
    stub("tiktok-pixel", win);
    const ttq = win.ttq;
    ttq.track("ViewContent", { value: 1 });
    runSnippet(win, "tiktok-pixel.html");
    expect(win.ttq).toBe(ttq);
    expect(ttq.slice()).toEqual([["track", "ViewContent", { value: 1 }], ["page"]]);
    expect(ttq._i).toHaveProperty("C0TEST0PIXEL0ID0");
    expect(scripts(win)[0]).toBe("https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C0TEST0PIXEL0ID0&lib=ttq");
  });

  it("takes one pixel's calls (ttq.instance(id)) on the main queue, which the base code keeps", () => {
    open();
    stub("tiktok-pixel", win);
    win.ttq.instance("C0TEST0PIXEL0ID0").track("AddToCart", { value: 2 });
    runSnippet(win, "tiktok-pixel.html");
    expect(win.ttq.slice()).toEqual([["track", "AddToCart", { value: 2 }], ["page"]]);
    // The base code's own instance() takes over once it ran.
    expect(win.ttq.instance("C0TEST0PIXEL0ID0")).not.toBe(win.ttq);
  });
});

describe("LinkedIn Insight stub", () => {
  it("queues lintrk calls, and the current verbatim tag keeps the queue and loads insight.min.js", () => {
    open();
    stub("linkedin-insight", win);
    win.lintrk("track", { conversion_id: 42 });
    const lintrk = win.lintrk;
    runSnippet(win, "linkedin-insight.html");
    expect(win.lintrk).toBe(lintrk);
    expect(win.lintrk.q).toEqual([["track", { conversion_id: 42 }]]);
    expect(win._linkedin_data_partner_ids).toEqual(["1234567"]);
    expect(scripts(win)[0]).toBe("https://snap.licdn.com/li.lms-analytics/insight.min.js");
  });

  it("does not stop the older verbatim tag from loading insight.min.js", () => {
    open();
    stub("linkedin-insight", win);
    runSnippet(win, "linkedin-insight-2018.html");
    expect(scripts(win)[0]).toBe("https://snap.licdn.com/li.lms-analytics/insight.min.js");
  });
});

describe("Intercom", () => {
  it("has no stub, because its verbatim snippet skips loading the widget when Intercom is already a function", () => {
    expect(catalogue.intercom.stub).toBeUndefined();
    open();
    runSnippet(win, "intercom.html");
    expect(typeof win.Intercom).toBe("function");
    win.happyDOM.close();
    open();
    win.Intercom = () => {};
    runSnippet(win, "intercom.html");
    expect(scripts(win)).not.toContain("https://widget.intercom.io/widget/abc123de");
  });
});

describe("vendor consent calls", () => {
  const state = (marketing: boolean) => ({ categories: { analytics: true, marketing } }) as any;

  it("grant or revoke a running Meta Pixel, and leave the stub's queue alone", () => {
    open();
    const pixel = catalogue["facebook-pixel"];
    pixel.stub!(asWindow(win), () => {});
    metaConsent(asWindow(win), false);
    expect(win.fbq.queue).toEqual([]);
    const seen: unknown[][] = [];
    win.fbq.callMethod = (...args: unknown[]) => seen.push(args);
    metaConsent(asWindow(win), false);
    metaConsent(asWindow(win), true);
    expect(seen).toEqual([["consent", "revoke"], ["consent", "grant"]]);
  });

  it("opt Mixpanel in or out only once the real SDK has loaded", () => {
    open();
    const mp = catalogue.mixpanel;
    mp.stub!(asWindow(win), () => {});
    mixpanelConsent(asWindow(win), false);
    expect(win.mixpanel.slice()).toEqual([]);
    const calls: string[] = [];
    let out = false;
    win.mixpanel = {
      __loaded: true,
      has_opted_out_tracking: () => out,
      opt_in_tracking: () => calls.push("in") && (out = false),
      opt_out_tracking: () => calls.push("out") && (out = true),
    };
    // An SDK never opted out needs no opt-in, which would track an `$opt_in` event.
    mixpanelConsent(asWindow(win), true);
    mixpanelConsent(asWindow(win), false);
    mixpanelConsent(asWindow(win), true);
    expect(calls).toEqual(["out", "in"]);
  });

  it("shut a running Intercom messenger down when it is refused, never its snippet's queue", () => {
    open();
    const calls: unknown[][] = [];
    // The snippet's queue, before the messenger has loaded: a queued shutdown would follow its boot.
    const queue = Object.assign((...args: unknown[]) => calls.push(["queue", ...args]), { q: [] });
    intercomConsent(asWindow(Object.assign(win, { Intercom: queue })), false);
    const messenger = (...args: unknown[]) => calls.push(["messenger", ...args]);
    intercomConsent(asWindow(Object.assign(win, { Intercom: messenger })), true);
    intercomConsent(asWindow(Object.assign(win, { Intercom: messenger })), false);
    expect(calls).toEqual([["messenger", "shutdown"]]);
  });

  it("send Clarity consentv2, granting ad storage only with the marketing category", () => {
    open();
    const clarity = catalogue["microsoft-clarity"];
    clarity.stub!(asWindow(win), () => {});
    clarity.consent!(asWindow(win), true, state(false));
    clarity.consent!(asWindow(win), true, state(true));
    clarity.consent!(asWindow(win), true);
    clarity.consent!(asWindow(win), false, state(true));
    expect(plain(win.clarity.q).map((a) => a[1])).toEqual([
      { ad_Storage: "denied", analytics_Storage: "granted" },
      { ad_Storage: "granted", analytics_Storage: "granted" },
      { ad_Storage: "denied", analytics_Storage: "granted" },
      { ad_Storage: "denied", analytics_Storage: "denied" },
    ]);
    expect(plain(win.clarity.q).every((a) => a[0] == "consentv2")).toBe(true);
  });

  /** The state TikTok's consent() reads: whether decided, and TikTok's own on/off. */
  const tiktokState = (decided: boolean, allowed: boolean) => ({ decided, services: { "tiktok-pixel": allowed } }) as unknown as State;

  it("call TikTok's holdConsent before a first decision, then grantConsent, and revokeConsent on refusal or withdrawal", () => {
    open();
    const tiktok = catalogue["tiktok-pixel"];
    tiktok.stub!(asWindow(win), () => {});
    // A first visit at boot: what the page queues waits for the decision instead of being dropped.
    tiktok.consent!(asWindow(win), false, tiktokState(false, false), null);
    tiktok.consent!(asWindow(win), true, tiktokState(true, true), tiktokState(false, false));
    tiktok.consent!(asWindow(win), false, tiktokState(true, false), tiktokState(true, true));
    tiktok.consent!(asWindow(win), true, tiktokState(true, true), tiktokState(true, false));
    // Withdrawn: undecided again, after a grant.
    tiktok.consent!(asWindow(win), false, tiktokState(false, false), tiktokState(true, true));
    expect(win.ttq.slice()).toEqual([["holdConsent"], ["grantConsent"], ["revokeConsent"], ["grantConsent"], ["revokeConsent"]]);
  });

  it("hold TikTok at boot for a returning visitor who refused, so a PageView queued now goes out if they accept on this page", () => {
    open();
    const tiktok = catalogue["tiktok-pixel"];
    tiktok.stub!(asWindow(win), () => {});
    // TikTok's file stays held while refused: the queue reaches no one until a grant.
    tiktok.consent!(asWindow(win), false, tiktokState(true, false), null);
    win.ttq.page();
    tiktok.consent!(asWindow(win), true, tiktokState(true, true), tiktokState(true, false));
    expect(win.ttq.slice()).toEqual([["holdConsent"], ["page"], ["grantConsent"]]);
  });

  it("tell TikTok nothing on a change that leaves TikTok as it was, so a first visit's hold keeps its PageView", () => {
    open();
    const tiktok = catalogue["tiktok-pixel"];
    tiktok.stub!(asWindow(win), () => {});
    tiktok.consent!(asWindow(win), false, tiktokState(false, false), null);
    win.ttq.page();
    // Rejecting all, then allowing analytics only: TikTok stays refused, and the hold stays.
    tiktok.consent!(asWindow(win), false, tiktokState(true, false), tiktokState(false, false));
    tiktok.consent!(asWindow(win), false, tiktokState(true, false), tiktokState(true, false));
    tiktok.consent!(asWindow(win), true, tiktokState(true, true), tiktokState(true, false));
    expect(win.ttq.slice()).toEqual([["holdConsent"], ["page"], ["grantConsent"]]);
  });
});
