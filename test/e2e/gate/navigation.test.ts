// Pages that never reload: a single-page app's history navigation
// (pushState, replaceState, a hash change, Back), frameworks that swap the
// whole <body> (Turbo Drive's visits and cache restores, htmx's hx-boost:
// test/fixtures/gate/drive.js does what each does), and same-origin frames
// whose page loads ConsentGate too.
import type { Page } from "playwright-core";
import type { SiteConfig } from "../../../src/types";
import { callConsentGate, changeEvents, consentState, describe, expect, recordChanges, test, type Session } from "../harness";
import { gateFile, installVendors, openGate, ran, requestsFor, servePage } from "./kit";

const CONFIG: SiteConfig = {
  categories: {
    analytics: { services: ["hotjar"] },
    marketing: { services: ["youtube"], sale: true },
  },
};

const S = (name: string) => `https://static.hotjar.com/c/${name}.js`;
const VIDEO = "https://www.youtube-nocookie.com/embed/abc";
const FRAME = `<iframe id="video" data-consent="youtube" data-src="${VIDEO}" title="Intro" width="320" height="180"></iframe>`;

/** Page A's body, a marker and the Drive link to page B; page B's body, its marker. */
const A_BODY = `<p id="a">A</p><a id="to-b" data-drive href="/b">B</a>`;
const B_BODY = `<p id="b">B</p>`;

/** A page of a Drive site: drive.js in <head> (which Drive keeps), `body` as its body. */
const drivePage = (body: string) =>
  `<!doctype html><html lang="en"><head><script src="/gate/drive.js"></script><title>Drive</title></head><body>${body}</body></html>`;

/** Opens a Drive page with ConsentGate; `pages` are the other pages of the site, by path, as Drive fetches them. */
function openDrive(session: Session, body: string, pages: Record<string, string> = {}, config: SiteConfig = CONFIG): Promise<Page> {
  session.route("/gate/drive.js", { headers: { "content-type": "text/javascript" }, body: gateFile("drive.js") });
  for (const [path, html] of Object.entries(pages)) {
    session.route(path, { headers: { "content-type": "text/html; charset=utf-8" }, body: drivePage(html) });
  }
  return openGate(session, drivePage(body), config);
}

/** Clicks a Drive link and waits for the body it brings. */
async function click(page: Page, link: string, marker: string) {
  await page.click(`#${link}`);
  await page.waitForSelector(`#${marker}`, { state: "attached" });
}

async function back(page: Page, marker: string) {
  await page.goBack({ waitUntil: "commit" });
  await page.waitForSelector(`#${marker}`, { state: "attached" });
}

const runs = async (page: Page, url: string) => (await ran(page)).filter((r) => r == url).length;
const banners = (page: Page) => page.locator("consentgate-ui >> .cg-banner").count();
const preferences = (page: Page) => page.locator("consentgate-ui >> dialog.cg-prefs").isVisible();
const reopenButtons = (page: Page) => page.locator("consentgate-ui >> .cg-reopen").count();
/** Placeholders drawn (a copy of one, made with the page, is an empty host without a shadow root). */
const placeholders = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll("consentgate-ui[data-embed]")].filter((host) => host.shadowRoot).length);
/** Whether each iframe of the page is shown, in document order. */
const framesShown = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll("iframe")].map((frame) => getComputedStyle(frame).display != "none"));

describe("history navigation in a single-page app", () => {
  test("the banner, then the reopen button, stay through pushState, replaceState, a hash change and Back, and the preferences stay open", async ({
    session,
  }) => {
    const page = await openGate(session, `<p id="home">home</p>`, { ...CONFIG, ui: { reopenButton: true } });
    await expect.poll(() => banners(page)).toBe(1);
    await page.evaluate(() => {
      history.pushState({}, "", "/p/route/one");
      history.replaceState({}, "", "/p/route/two");
      location.hash = "#section";
    });
    await page.goBack();
    expect(await banners(page)).toBe(1);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => reopenButtons(page)).toBe(1);
    await page.locator("consentgate-ui >> .cg-reopen").click();
    await page.evaluate(() => history.pushState({}, "", "/p/route/three"));
    await page.goBack();
    await page.evaluate(() => (location.hash = "#again"));
    await expect.poll(() => preferences(page)).toBe(true);
    expect(await reopenButtons(page)).toBe(1);
    expect(await banners(page)).toBe(0);
    expect(session.problems()).toEqual([]);
  });
});

describe("a framework that swaps the body", () => {
  test("a Drive visit before consent keeps the banner and holds the new body's trackers; each runs once allowed, and once more when Back restores the page, as without ConsentGate", async ({
    session,
  }) => {
    installVendors(session);
    const trackers = (name: string) =>
      `<script type="text/plain" data-consent="analytics" src="${S(`tagged-${name}`)}"></script><script src="${S(`untagged-${name}`)}"></script>`;
    const page = await openDrive(session, A_BODY, {
      "/b": `<p id="b">B</p><a id="to-c" data-drive href="/c">C</a>${trackers("b")}`,
      "/c": `<p id="c">C</p>${trackers("c")}`,
    });
    await expect.poll(() => banners(page)).toBe(1);
    await click(page, "to-b", "b");
    await page.waitForLoadState("networkidle");
    expect(await banners(page)).toBe(1);
    expect(session.thirdParty()).toEqual([]);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => ran(page)).toEqual([S("tagged-b"), S("untagged-b")]);
    await click(page, "to-c", "c");
    await expect.poll(async () => (await ran(page)).length).toBe(4);
    await back(page, "b");
    await expect.poll(async () => (await ran(page)).length).toBe(6);
    await page.waitForTimeout(300);
    for (const url of [S("tagged-b"), S("untagged-b")]) expect(await runs(page, url)).toBe(2);
    for (const url of [S("tagged-c"), S("untagged-c")]) expect(await runs(page, url)).toBe(1);
    expect(await banners(page)).toBe(0);
  });

  test("an htmx boosted swap before consent holds the new body's tagged and untagged trackers and its frame; each loads once allowed", async ({
    session,
  }) => {
    installVendors(session);
    const page = await openDrive(session, `<p id="a">A</p>`, {
      "/b": `<p id="b">B</p>${FRAME}<script type="text/plain" data-consent="analytics" src="${S("tagged-b")}"></script><script src="${S("untagged-b")}"></script>`,
    });
    await page.evaluate(() => (window as unknown as { drive: { swap(url: string): Promise<void> } }).drive.swap("/b"));
    await expect.poll(() => placeholders(page)).toBe(1);
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);
    expect(await banners(page)).toBe(1);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsFor(session, VIDEO)).toBe(1);
    await expect.poll(async () => (await ran(page)).sort()).toEqual([S("tagged-b"), S("untagged-b")]);
    await expect.poll(() => framesShown(page)).toEqual([true]);
    await page.waitForTimeout(300);
    expect((await ran(page)).length).toBe(2);
  });

  test("the reopen button stays through Drive visits and Back", async ({ session }) => {
    const page = await openDrive(
      session,
      A_BODY,
      { "/b": B_BODY },
      { ...CONFIG, ui: { reopenButton: true } },
    );
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => reopenButtons(page)).toBe(1);
    await click(page, "to-b", "b");
    await back(page, "a");
    expect(await reopenButtons(page)).toBe(1);
    await page.locator("consentgate-ui >> .cg-reopen").click();
    await expect.poll(() => preferences(page)).toBe(true);
  });
});

describe("a same-origin frame whose page loads ConsentGate too", () => {
  test("follows a decision made in the parent at once (its banner goes, its tagged script runs once), and the parent follows one made in it", async ({
    session,
  }) => {
    installVendors(session);
    const url = S("in-child");
    const child = servePage(session, `<p>child</p><script type="text/plain" data-consent="analytics" src="${url}"></script>`, CONFIG);
    const page = await openGate(session, `<iframe id="child" src="${child}" width="600" height="400"></iframe>`, CONFIG);
    const inChild = page.frameLocator("#child");
    const frame = () => page.frames().find((f) => f.url().endsWith(child))!;
    await expect.poll(() => inChild.locator("consentgate-ui >> .cg-banner").count()).toBe(1);

    await page.locator("consentgate-ui >> .cg-banner button", { hasText: "Accept all" }).click();
    await expect.poll(() => inChild.locator("consentgate-ui >> .cg-banner").count()).toBe(0);
    await expect.poll(() => runs(frame() as unknown as Page, url)).toBe(1);
    expect(await frame().evaluate(() => window.ConsentGate!.get().categories)).toEqual((await consentState(page)).categories);

    await frame().evaluate(() => window.ConsentGate!.rejectAll());
    await expect.poll(() => consentState(page).then((state) => state.categories.analytics)).toBe(false);
    await page.waitForTimeout(300);
    expect(await runs(frame() as unknown as Page, url)).toBe(1);
  });
});

describe("a decision, then navigation", () => {
  test("Drive visits, Back, pushState and a hash change repeat no change event and no Consent Mode update", async ({ session }) => {
    installVendors(session);
    const page = await openDrive(
      session,
      A_BODY,
      { "/b": `<p id="b">B</p><a id="to-c" data-drive href="/c">C</a>`, "/c": `<p id="c">C</p>` },
      { ...CONFIG, googleConsentMode: true },
    );
    await recordChanges(page);
    await page.evaluate(() => {
      const w = window as unknown as { __changes: number };
      w.__changes = 0;
      window.ConsentGate!.on("change", () => w.__changes++);
    });
    await callConsentGate(page, "set", { analytics: true });
    const state = await consentState(page);
    await click(page, "to-b", "b");
    await click(page, "to-c", "c");
    await back(page, "b");
    await page.evaluate(() => {
      history.pushState({}, "", "/p/route");
      location.hash = "#section";
    });
    await page.waitForTimeout(300);
    expect(await consentState(page)).toEqual(state);
    expect((await changeEvents(page)).length).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __changes: number }).__changes)).toBe(1);
    const consent = await page.evaluate(() =>
      (window as unknown as { dataLayer: IArguments[] }).dataLayer.map((entry) => [...entry].slice(0, 2).join(" ")),
    );
    expect(consent).toEqual(["consent default", "consent update"]);
  });
});

describe("held frames copied with the page", () => {
  test("a held frame restored from Drive's cache gets its placeholder back, and loads once allowed", async ({ session }) => {
    installVendors(session);
    const page = await openDrive(session, `${A_BODY}${FRAME}`, { "/b": B_BODY });
    await expect.poll(() => placeholders(page)).toBe(1);
    await click(page, "to-b", "b");
    await back(page, "a");
    await expect.poll(() => placeholders(page)).toBe(1);
    await callConsentGate(page, "set", { youtube: true });
    await expect.poll(() => requestsFor(session, VIDEO)).toBe(1);
    await expect.poll(() => placeholders(page)).toBe(0);
  });

  test("a held frame restored from Drive's cache after consent loads", async ({ session }) => {
    installVendors(session);
    const page = await openDrive(session, `${A_BODY}${FRAME}`, { "/b": B_BODY });
    await expect.poll(() => placeholders(page)).toBe(1);
    await click(page, "to-b", "b");
    await callConsentGate(page, "acceptAll");
    await back(page, "a");
    await expect.poll(() => requestsFor(session, VIDEO)).toBe(1);
    await page.waitForTimeout(300);
    expect(requestsFor(session, VIDEO)).toBe(1);
  });

  test("a frame allowed before, restored from Drive's cache, loads once more, as without ConsentGate", async ({ session }) => {
    installVendors(session);
    const page = await openDrive(session, `${A_BODY}${FRAME}`, { "/b": B_BODY });
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsFor(session, VIDEO)).toBe(1);
    await click(page, "to-b", "b");
    await back(page, "a");
    await expect.poll(() => requestsFor(session, VIDEO)).toBe(2);
    await page.waitForTimeout(500);
    expect(requestsFor(session, VIDEO)).toBe(2);
  });

  test("a held frame restored from Drive's cache is shown once allowed, through its placeholder or before Back", async ({ session }) => {
    installVendors(session);
    const page = await openDrive(session, `${A_BODY}${FRAME}`, {
      "/a": `${A_BODY}${FRAME}`,
      "/b": `<p id="b">B</p><a id="to-a" data-drive href="/a">A</a>`,
    });
    await expect.poll(() => placeholders(page)).toBe(1);
    await click(page, "to-b", "b");
    await back(page, "a");
    await expect.poll(() => placeholders(page)).toBe(1);
    expect(await framesShown(page)).toEqual([false]);
    await page.locator("consentgate-ui[data-embed] >> button", { hasText: "Allow" }).click();
    await expect.poll(() => framesShown(page)).toEqual([true]);

    // Held again in a new copy of the first page, left before the visitor allowed it on the next.
    await callConsentGate(page, "set", { youtube: false });
    await click(page, "to-b", "b");
    await click(page, "to-a", "a");
    await expect.poll(() => placeholders(page)).toBe(1);
    await click(page, "to-b", "b");
    await callConsentGate(page, "set", { youtube: true });
    await back(page, "a");
    await expect.poll(() => requestsFor(session, VIDEO)).toBe(2);
    await expect.poll(() => framesShown(page)).toEqual([true]);
  });

  test("a held frame the page hides itself with display: none !important stays hidden once released, original or restored copy", async ({ session }) => {
    installVendors(session);
    const hidden = FRAME.replace("<iframe", '<iframe style="display: none !important"');
    const page = await openDrive(session, `${A_BODY}${hidden}${FRAME.replace('id="video"', 'id="shown"')}`, {
      "/b": B_BODY,
    });
    await expect.poll(() => placeholders(page)).toBe(2);
    await click(page, "to-b", "b");
    await back(page, "a");
    await expect.poll(() => placeholders(page)).toBe(2);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsFor(session, VIDEO)).toBe(2);
    await expect.poll(() => framesShown(page)).toEqual([false, true]);
  });

  // The second: an embed the catalogue does not know, tagged with its category as the README shows.
  const EMBED = "https://player.video.example/embed/1";
  test.for([
    ["a frame", FRAME, VIDEO],
    ["a frame tagged with a category at no service's address", `<iframe id="video" data-consent="marketing" data-src="${EMBED}" title="Intro"></iframe>`, EMBED],
  ] as const)("%s, allowed, then refused, restored from Drive's cache loads nothing and gets its placeholder", async ([, frame, url], { session }) => {
    installVendors(session);
    const page = await openDrive(session, A_BODY + frame, { "/b": B_BODY });
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsFor(session, url)).toBe(1);
    await click(page, "to-b", "b");
    await callConsentGate(page, "rejectAll");
    await back(page, "a");
    await expect.poll(() => placeholders(page)).toBe(1);
    await page.waitForLoadState("networkidle");
    expect(requestsFor(session, url)).toBe(1);
    expect(await page.evaluate(() => document.querySelector("iframe")!.hasAttribute("src"))).toBe(false);
  });

  test("a held frame in a subtree the page clones (a carousel's loop) gets a placeholder too, and both load once allowed", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, `<div id="slides"><div class="slide">${FRAME}</div></div>`, CONFIG);
    await expect.poll(() => placeholders(page)).toBe(1);
    await page.evaluate(() => {
      const slides = document.getElementById("slides")!;
      slides.append(slides.firstElementChild!.cloneNode(true));
    });
    await expect.poll(() => placeholders(page)).toBe(2);
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestsFor(session, VIDEO)).toBe(2);
    await expect.poll(() => placeholders(page)).toBe(0);
  });
});

