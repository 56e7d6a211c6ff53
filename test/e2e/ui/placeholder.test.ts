// The placeholder of a held YouTube embed in real Chromium (issue 4 "Tests";
// README "Placeholders": Allow <service> is stored, Only this time is not).
import type { Page } from "playwright-core";
import { consentState, expect, test, type Session } from "../harness";
import { installVendors, openGate } from "../gate/kit";
import { placeholderShown, uiPage } from "./pages";

const YOUTUBE = /(^|\.)(youtube\.com|youtube-nocookie\.com|ytimg\.com|googlevideo\.com)$/;

function youtubeRequests(session: Session) {
  return session.thirdParty().filter((r) => YOUTUBE.test(r.host));
}

async function openVideoPage(session: Session, path?: string): Promise<Page> {
  session.fake("https://www.youtube-nocookie.com/embed/*", {
    contentType: "text/html",
    body: "<!doctype html><title>A video</title><p>playing</p>",
  });
  const page = await uiPage(session, "video.html", undefined, { path });
  await placeholderShown(page);
  return page;
}

/** The iframe is back in the page with its source, and its document loaded. */
async function videoLoaded(session: Session, page: Page) {
  await expect
    .poll(() => youtubeRequests(session).map((r) => `${r.resourceType} ${r.url}`))
    .toEqual(["document https://www.youtube-nocookie.com/embed/x"]);
  await expect
    .poll(() => page.evaluate(() => document.querySelector("main iframe")?.getAttribute("src") ?? null))
    .toBe("https://www.youtube-nocookie.com/embed/x");
  await expect.poll(() => page.frameLocator("main iframe").locator("p").textContent()).toBe("playing");
  expect(await page.locator("consentgate-ui[data-embed]").count()).toBe(0);
}

test("holds the YouTube embed behind a placeholder that names YouTube and says why", async ({ session }) => {
  const page = await openVideoPage(session);
  expect(youtubeRequests(session)).toEqual([]);
  const placeholder = page.locator('consentgate-ui[data-embed="youtube"]');
  // The iframe's own title follows the service's: several embeds of one service are told apart.
  await expect.poll(() => placeholder.locator(".cg-ph").getAttribute("aria-label")).toBe("YouTube: Video");
  expect(await placeholder.locator(".cg-ph").textContent()).toContain("hidden until you allow it");
  expect(await placeholder.getByRole("link").getAttribute("href")).toBe("https://policies.google.com/privacy");
  // The frame stays where the page put it (a framework may look for it there), hidden and without an address.
  const frame = page.locator("main iframe");
  expect(await frame.count()).toBe(1);
  expect(await frame.isVisible()).toBe(false);
  expect(await frame.getAttribute("src")).toBeNull();
  await page.waitForLoadState("networkidle");
  expect(youtubeRequests(session)).toEqual([]);
});

test("an embed the page inserts by script once the placeholders are up gets one too, tagged or not, and Allow loads both", async ({ session }) => {
  const page = await openVideoPage(session);
  await page.evaluate(() => {
    const main = document.querySelector("main")!;
    const tagged = document.createElement("iframe");
    tagged.title = "Tagged";
    tagged.setAttribute("data-consent", "youtube");
    tagged.setAttribute("data-src", "https://www.youtube-nocookie.com/embed/tagged");
    main.appendChild(tagged);
    const untagged = document.createElement("iframe");
    untagged.title = "Untagged";
    untagged.src = "https://www.youtube-nocookie.com/embed/untagged";
    main.append(untagged);
  });
  const labels = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll("consentgate-ui[data-embed]"), (host) => host.shadowRoot!.querySelector(".cg-ph")?.getAttribute("aria-label")),
    );
  await expect.poll(labels).toEqual(["YouTube: Video", "YouTube: Tagged", "YouTube: Untagged"]);
  expect(youtubeRequests(session)).toEqual([]);

  await page.locator('consentgate-ui[data-embed="youtube"]').first().getByRole("button", { name: "Allow YouTube" }).click();
  await expect
    .poll(() => youtubeRequests(session).map((r) => r.url).sort())
    .toEqual(["x", "tagged", "untagged"].map((id) => `https://www.youtube-nocookie.com/embed/${id}`).sort());
  expect(await page.locator("consentgate-ui[data-embed]").count()).toBe(0);
});

test("a held frame the page takes out and puts back later (Turbo's permanent elements) gets its placeholder back, and Allow still loads it", async ({
  session,
}) => {
  const page = await openVideoPage(session);
  await page.evaluate(() => {
    const frame = document.querySelector("main iframe")!;
    (window as unknown as { parked: Element }).parked = frame;
    frame.remove();
  });
  await expect.poll(() => page.locator("consentgate-ui[data-embed]").count()).toBe(0);
  await page.waitForTimeout(100);
  await page.evaluate(() => document.querySelector("main")!.append((window as unknown as { parked: Element }).parked));
  await expect
    .poll(() => page.evaluate(() => document.querySelector("main iframe")!.previousElementSibling?.matches("consentgate-ui[data-embed='youtube']")))
    .toBe(true);
  await page.locator('consentgate-ui[data-embed="youtube"]').getByRole("button", { name: /Allow YouTube/ }).click();
  await videoLoaded(session, page);
});

test("allowing YouTube from its placeholder stores the choice and loads the video", async ({ session }) => {
  const page = await openVideoPage(session, "/p/allow/video.html");
  expect(youtubeRequests(session)).toEqual([]);

  await page.locator('consentgate-ui[data-embed="youtube"]').getByRole("button", { name: /YouTube/ }).click();
  await videoLoaded(session, page);
  const state = await consentState(page);
  expect(state.services.youtube).toBe(true);
  expect(state.categories.marketing).toBe(false);
  expect(await session.cookie("consentgate")).toBeDefined();
  expect(session.problems()).toEqual([]);
});

// YouTube's IFrame API (npm youtube-player, react-youtube) makes its frame only
// once iframe_api runs: while it is held there is no frame to stand in for.
// The README's way: the frame tagged in the markup, handed to YT.Player.
const IFRAME_API = `window.YT = { Player: function (id) {
  var frame = document.getElementById(id);
  window.attached = frame.nodeName + " " + frame.getAttribute("src");
} };
window.onYouTubeIframeAPIReady();`;

test("a YouTube IFrame API player built on a tagged frame gets its placeholder, and Allow loads the API, which takes the frame over", async ({
  session,
}) => {
  session.fake((url) => url.host == "www.youtube.com" && url.pathname == "/iframe_api", { body: IFRAME_API });
  session.fake("https://www.youtube.com/embed/*", { contentType: "text/html", body: "<!doctype html><p>playing</p>" });
  const page = await uiPage(session, "video-api.html");
  await placeholderShown(page);
  await page.waitForLoadState("networkidle");
  expect(youtubeRequests(session)).toEqual([]);

  await page.locator('consentgate-ui[data-embed="youtube"]').getByRole("button", { name: /YouTube/ }).click();
  await expect.poll(() => page.evaluate(() => (window as { attached?: string }).attached)).toBe(
    "IFRAME https://www.youtube.com/embed/x?enablejsapi=1",
  );
  await expect.poll(() => page.frameLocator("#player").locator("p").textContent()).toBe("playing");
  expect(youtubeRequests(session).map((r) => r.url).sort()).toEqual([
    "https://www.youtube.com/embed/x?enablejsapi=1",
    "https://www.youtube.com/iframe_api",
  ]);
  expect(session.problems()).toEqual([]);
});

test("a YouTube choice stored from the placeholder plays the embed on the next page view", async ({ session }) => {
  const page = await openVideoPage(session, "/p/allow/video.html");
  await page.locator('consentgate-ui[data-embed="youtube"]').getByRole("button", { name: /YouTube/ }).click();
  await videoLoaded(session, page);
  await page.close();

  const next = await session.visit("/p/allow/video.html");
  await next.waitForLoadState("networkidle");
  expect(await next.locator("consentgate-ui[data-embed]").count()).toBe(0);
  expect(await next.evaluate(() => document.querySelector("main iframe")?.getAttribute("src"))).toBe(
    "https://www.youtube-nocookie.com/embed/x",
  );
  // The iframe must also navigate: a second request for the video, and its document shown.
  await expect.poll(() => youtubeRequests(session).filter((r) => r.resourceType == "document"), { timeout: 5000 }).toHaveLength(2);
  await expect.poll(() => next.frameLocator("main iframe").locator("p").textContent(), { timeout: 5000 }).toBe("playing");
});

test("Only this time loads the video for this page view without storing a choice for YouTube", async ({ session }) => {
  const page = await openVideoPage(session);

  await page.locator('consentgate-ui[data-embed="youtube"]').getByRole("button", { name: "Only this time" }).click();
  await videoLoaded(session, page);
  const state = await consentState(page);
  expect(state.services.youtube).toBe(false);
  expect(state.decided).toBe(false);
  expect(await session.cookie("consentgate")).toBeUndefined();

  // Nothing stored: the next page view holds it again.
  await page.reload();
  await placeholderShown(page);
  expect(youtubeRequests(session)).toHaveLength(1);
  expect(await session.cookie("consentgate")).toBeUndefined();
  expect(session.problems()).toEqual([]);
});

/**
 * A held YouTube iframe at the top of the page, in a responsive 16:9 box
 * (positioned over a spacer, as Bootstrap's .ratio does), styled further by
 * `extra`; returns the box's height.
 */
function videoInRatioBox(page: Page, extra: string): Promise<number> {
  return page.evaluate((extra) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      ".ratio{position:relative}.ratio::before{display:block;padding-top:56.25%;content:''}" +
        ".ratio>*{position:absolute;top:0;left:0;width:100%;height:100%}" +
        extra,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const ratio = document.createElement("div");
    ratio.className = "ratio";
    ratio.innerHTML = `<iframe data-consent="youtube" data-src="https://www.youtube-nocookie.com/embed/x" title="Launch"></iframe>`;
    document.body.prepend(ratio);
    return ratio.getBoundingClientRect().height;
  }, extra);
}

test("Only this time on a frame whose srcdoc brings in a service still held loads nothing and keeps the placeholder", async ({ session }) => {
  installVendors(session);
  const beacon = "https://www.google-analytics.com/g/collect?v=2&tid=G-FRAME";
  const page = await openGate(session, `<iframe title="Video" data-consent="youtube" data-srcdoc="<img src='${beacon}'>"></iframe>`, {
    categories: { analytics: { services: ["google-analytics"] }, marketing: { services: ["youtube"] } },
  });
  const placeholder = page.locator('consentgate-ui[data-embed="youtube"]');
  await placeholder.getByRole("button", { name: "Only this time" }).click();
  await page.waitForLoadState("networkidle");
  expect(session.thirdParty()).toEqual([]);
  expect(await placeholder.count()).toBe(1);
  expect(await page.evaluate(() => [document.querySelector("iframe")!.hasAttribute("srcdoc"), getComputedStyle(document.querySelector("iframe")!).display])).toEqual([false, "none"]);
});

test("takes the iframe's place in a responsive 16:9 box that positions the iframe over a spacer", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  const box = await videoInRatioBox(page, ".ratio{width:640px}");
  await page.locator('consentgate-ui[data-embed="youtube"] button').first().waitFor({ state: "visible" });
  const after = await page.evaluate(() => {
    const ratio = document.querySelector(".ratio")!.getBoundingClientRect();
    const host = document.querySelector("consentgate-ui[data-embed]")!.getBoundingClientRect();
    return { ratio: ratio.height, top: host.top - ratio.top, height: host.height };
  });
  expect(box).toBe(360);
  // The box keeps its height, and the placeholder covers it from its top (its words may need a few pixels more).
  expect(after.ratio).toBe(360);
  expect(after.top).toBe(0);
  expect(after.height).toBeGreaterThanOrEqual(360);
});

test.for([
  ["zoom: 2", 2],
  ["transform: scale(.5)", 0.5],
] as const)("under a container with %s, the placeholder is the iframe's size, not scaled twice", async ([css, scale], { session }) => {
  const page = await uiPage(session, "shop.html");
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`.scaled{${css};transform-origin:0 0}.scaled iframe{border:0}`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const box = document.createElement("div");
    box.className = "scaled";
    box.innerHTML = `<iframe width="400" height="300" data-consent="youtube" data-src="https://www.youtube-nocookie.com/embed/x" title="Launch"></iframe>`;
    document.body.prepend(box);
  }, css);
  await page.locator('consentgate-ui[data-embed="youtube"] button').first().waitFor({ state: "visible" });
  const drawn = await page.evaluate(() => {
    const host = document.querySelector("consentgate-ui[data-embed]")!.getBoundingClientRect();
    return [Math.round(host.width), Math.round(host.height)];
  });
  // As the 400 x 300 iframe is drawn there (its words may need a few pixels more height).
  expect(drawn[0]).toBe(400 * scale);
  expect(drawn[1]).toBeGreaterThanOrEqual(300 * scale);
  expect(drawn[1]).toBeLessThan(300 * scale * 1.5);
});

test("a long unbroken title wraps inside the placeholder at 320 px, from its first letter", async ({ session }) => {
  const page = await uiPage(session, "shop.html");
  await page.setViewportSize({ width: 320, height: 640 });
  const title = "Supercalifragilisticexpialidocious".repeat(3);
  await page.evaluate((title) => {
    document.body.insertAdjacentHTML(
      "afterbegin",
      `<iframe width="300" height="400" title="${title}" data-consent="youtube" data-src="https://www.youtube-nocookie.com/embed/x"></iframe>`,
    );
  }, title);
  const placeholder = page.locator('consentgate-ui[data-embed="youtube"]');
  await placeholder.getByRole("button", { name: /Allow/ }).waitFor({ state: "visible" });
  const overflow = await placeholder.evaluate((host) => {
    const box = host.shadowRoot!.querySelector(".cg-ph")!;
    const edge = box.getBoundingClientRect();
    return [...box.querySelectorAll("p, button")].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.left < edge.left || r.right > edge.right;
    }).length + (box.scrollWidth > box.clientWidth ? 1 : 0);
  });
  expect(overflow).toBe(0);
});

test("in a 16:9 box too small for its words (Bootstrap's .ratio at 320 px, overflow hidden) every part of the placeholder can be scrolled to and used", async ({
  session,
}) => {
  session.fake("https://www.youtube-nocookie.com/embed/*", { contentType: "text/html", body: "<!doctype html><p>playing</p>" });
  const page = await uiPage(session, "shop.html");
  await page.setViewportSize({ width: 320, height: 640 });
  // Bootstrap's .ratio clips what overflows; its reboot takes the iframe's border off.
  await videoInRatioBox(page, ".ratio{width:100%;overflow:hidden}iframe{border:0}");
  await placeholderShown(page);
  const placeholder = page.locator('consentgate-ui[data-embed="youtube"]');
  // The placeholder stays inside the clipping box and scrolls: each part lies
  // in its scrollable range (none in the overflow above its top, which no one can scroll to).
  const layout = await placeholder.evaluate((host) => {
    const box = document.querySelector(".ratio")!.getBoundingClientRect();
    const ph = host.shadowRoot!.querySelector(".cg-ph")!;
    const frame = ph.getBoundingClientRect();
    const scrolls = ph.scrollHeight <= ph.clientHeight || ["auto", "scroll"].includes(getComputedStyle(ph).overflowY);
    const parts = Array.from(ph.querySelectorAll(".cg-ph-title, button, a")).map((part) => {
      const rect = part.getBoundingClientRect();
      const top = rect.top - frame.top + ph.scrollTop;
      return `${part.textContent}: ${top >= 0 && top + rect.height <= ph.scrollHeight + 0.5}`;
    });
    return { inside: frame.top >= box.top - 0.5 && frame.bottom <= box.bottom + 0.5, scrolls, parts };
  });
  expect(layout).toEqual({ inside: true, scrolls: true, parts: layout.parts.map((part) => part.replace(/false$/, "true")) });
  await placeholder.getByRole("button", { name: "Only this time" }).click();
  await expect.poll(() => page.evaluate(() => document.querySelector(".ratio iframe")?.getAttribute("src") ?? null)).toBe("https://www.youtube-nocookie.com/embed/x");
});
