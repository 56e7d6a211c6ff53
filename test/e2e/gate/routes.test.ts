// Issue 3 "Untagged": every route by which a page brings in a catalogue
// service's script, iframe or image is held with zero requests to the vendor
// before consent, and each held element is released exactly once after it.
// test/fixtures/gate/routes.html runs every route while the page parses, each
// with its own URL on a Hotjar host.
import type { Page } from "playwright-core";
import { callConsentGate, describe, expect, test, type Session } from "../harness";
import { gatePage, installVendors, openGate, ran, servePage } from "./kit";

const CONFIG = { categories: { analytics: { services: ["hotjar"] } } };

const S = (name: string) => `https://static.hotjar.com/c/${name}.js`;
const IMG = (name: string) => `https://static.hotjar.com/i/${name}.gif`;
const FR = (name: string) => `https://vars.hotjar.com/${name}.html`;

const INSERTIONS = [
  "appendChild",
  "insertBefore",
  "replaceChild",
  "append",
  "prepend",
  "before",
  "after",
  "replaceWith",
  "insertAdjacentElement",
  "text-after",
  "fragment",
];

const SCRIPTS = [
  ...INSERTIONS.map((route) => S(`natural-${route}`)),
  ...INSERTIONS.map((route) => S(`attribute-${route}`)),
  S("src-after-insertion"),
  S("setAttribute-after-insertion"),
  S("setAttribute-before-insertion"),
  S("createContextualFragment"),
  S("document-write"),
];
const IMAGES = [
  IMG("new-Image"),
  IMG("img-setAttribute"),
  IMG("img-src-after-insertion"),
  IMG("img-srcset"),
  IMG("innerHTML-img"),
  IMG("outerHTML-img"),
  IMG("insertAdjacentHTML-img"),
  IMG("createContextualFragment-img"),
  IMG("document-write-img"),
];
const IFRAMES = [
  FR("iframe-appendChild"),
  FR("iframe-src-after-insertion"),
  FR("innerHTML-iframe"),
  FR("outerHTML-iframe"),
  FR("insertAdjacentHTML-iframe"),
  FR("document-write-iframe"),
];
const ALL = [...SCRIPTS, ...IMAGES, ...IFRAMES];

/** Requests per route URL (every route present, 0 when never requested). */
function requestCounts(session: Session, urls: string[]): Record<string, number> {
  return Object.fromEntries(urls.map((url) => [url, session.requests.filter((r) => r.url === url).length]));
}

async function runCounts(page: Page, urls: string[]): Promise<Record<string, number>> {
  const runs = await ran(page);
  return Object.fromEntries(urls.map((url) => [url, runs.filter((r) => r === url).length]));
}

const each = (urls: string[], n: number) => Object.fromEntries(urls.map((url) => [url, n]));

describe("untagged insertion routes", () => {
  test("before consent, none of the routes makes a request to the vendor and no script runs", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, gatePage("routes.html"), CONFIG);
    await page.waitForLoadState("networkidle");

    expect(requestCounts(session, ALL)).toEqual(each(ALL, 0));
    expect(session.thirdParty()).toEqual([]);
    expect(await ran(page)).toEqual([]);
    // The page after the routes was parsed, and nothing threw.
    expect(await page.evaluate(() => Array.from(document.querySelectorAll("body > p")).pop()?.textContent)).toBe("After the routes.");
    expect(session.pageErrors).toEqual([]);
  });

  test("after consent, every held script runs exactly once and every image and iframe loads exactly once", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, gatePage("routes.html"), CONFIG);
    await page.waitForLoadState("networkidle");

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => ALL.filter((url) => !session.requests.some((r) => r.url === url)), { timeout: 10_000 }).toEqual([]);
    await expect
      .poll(async () => {
        const runs = await ran(page);
        return SCRIPTS.filter((url) => !runs.includes(url));
      })
      .toEqual([]);
    await page.waitForLoadState("networkidle");
    // A second decision releases nothing again.
    await callConsentGate(page, "acceptAll");
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, ALL)).toEqual(each(ALL, 1));
    // Nor does a refusal and a consent after it, but for the frames: the
    // refusal held each again where it is, its page unloaded, and the consent
    // loads it again. A script that ran cannot be unloaded, and an image that
    // loaded loads nothing more.
    await callConsentGate(page, "set", { analytics: false });
    await expect.poll(() => page.locator("iframe[src]").count()).toBe(0);
    await callConsentGate(page, "set", { analytics: true });
    await expect.poll(() => requestCounts(session, IFRAMES)).toEqual(each(IFRAMES, 2));
    await page.waitForLoadState("networkidle");

    expect(requestCounts(session, ALL)).toEqual({ ...each(ALL, 1), ...each(IFRAMES, 2) });
    expect(await runCounts(page, SCRIPTS)).toEqual(each(SCRIPTS, 1));
    // The released iframes are back in the page (not left in placeholders).
    const framesInPage = await page.evaluate(() => Array.from(document.querySelectorAll("iframe")).map((f) => f.src));
    expect(framesInPage.sort()).toEqual([...IFRAMES].sort());
    expect(session.pageErrors).toEqual([]);
  });

  test("every held route is reported as held, with the service hotjar", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, gatePage("routes.html"), CONFIG);
    const held = await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { ConsentGate: { on(e: string, f: (p: { service: string; kind: string; target: unknown }) => void): void } }).ConsentGate.on(
        "held",
        (e) => {
          const t = e.target as Element | string;
          const url = typeof t === "string" ? t : t.getAttribute("data-src") || t.getAttribute("src") || t.getAttribute("data-srcset");
          seen.push(`${e.service} ${e.kind} ${url}`);
        },
      );
      return seen;
    });
    const expected = [
      ...SCRIPTS.map((url) => `hotjar script ${url}`),
      ...IMAGES.map((url) => `hotjar img ${url === IMG("img-srcset") ? `${url} 1x` : url}`),
      ...IFRAMES.map((url) => `hotjar iframe ${url}`),
    ];
    expect([...held].sort()).toEqual(expected.sort());
  });
});

describe("scripts in markup the browser itself never runs", () => {
  test("a <script> set through innerHTML, outerHTML or insertAdjacentHTML makes no request and never runs, before or after consent, as without ConsentGate", async ({
    session,
  }) => {
    installVendors(session);
    const urls = [S("innerHTML-script"), S("insertAdjacentHTML-script"), S("outerHTML-script")];
    const page = await openGate(session, `<div id="box"><span></span></div>`, CONFIG);
    await page.evaluate(([inner, adjacent, outer, sentinel]) => {
      const box = document.getElementById("box")!;
      box.firstElementChild!.outerHTML = `<p><script src="${outer}"></script></p>`;
      box.insertAdjacentHTML("beforeend", `<script src="${adjacent}"></script>`);
      const div = box.appendChild(document.createElement("div"));
      div.innerHTML = `<script src="${inner}"></script>`;
      // Released after them, in order: once it ran, they had their chance.
      const last = document.createElement("script");
      last.src = sentinel;
      document.body.appendChild(last);
    }, [...urls, S("sentinel")]);
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);

    await callConsentGate(page, "acceptAll");
    await expect.poll(async () => (await ran(page)).includes(S("sentinel"))).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(await runCounts(page, urls)).toEqual(each(urls, 0));
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
  });
});

describe("routes around the patched prototypes (beyond issue 3's list)", () => {
  test("images and iframes parsed by DOMParser make no request before consent: deep in a subtree, imported, adopted, or inserted by replaceChildren or a shadow root's append", async ({
    session,
  }) => {
    installVendors(session);
    const routes = ["replaceChildren", "shadow-append", "shadow-replaceChildren", "fragment-prepend", "nested", "importNode", "adoptNode"];
    const urls = routes.flatMap((route) => [IMG(`parsed-${route}`), FR(`parsed-${route}`)]);
    const page = await openGate(session, `<div id="host"></div><div id="box"></div>`, CONFIG);
    await page.evaluate((urls) => {
      // Parsed in a document of its own: no setter of this page ever saw their addresses.
      const parsed = (i: number) =>
        new DOMParser().parseFromString(`<img src="${urls[2 * i]}"><iframe src="${urls[2 * i + 1]}"></iframe>`, "text/html").body.childNodes;
      document.getElementById("box")!.replaceChildren(...parsed(0));
      const root = document.getElementById("host")!.attachShadow({ mode: "open" });
      root.append(...parsed(1));
      root.appendChild(document.createElement("div")).attachShadow({ mode: "open" }).replaceChildren(...parsed(2));
      root.appendChild(document.createElement("div")).attachShadow({ mode: "open" }).prepend(...parsed(3));
      // Deep in a parsed subtree.
      const nested = new DOMParser().parseFromString(
        `<div><p><img src="${urls[8]}"></p><div><iframe src="${urls[9]}"></iframe></div></div>`,
        "text/html",
      );
      document.getElementById("box")!.appendChild(nested.body.firstChild!);
      // Imported or adopted: an image loads from there, before any insertion.
      const imported = [...parsed(5)].map((node) => document.importNode(node, true));
      const adopted = [...parsed(6)].map((node) => document.adoptNode(node));
      setTimeout(() => document.getElementById("box")!.append(...imported, ...adopted), 100);
    }, urls);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => urls.filter((url) => !session.requests.some((r) => r.url === url)), { timeout: 10_000 }).toEqual([]);
  });

  test("a srcdoc frame waits for every service its markup brings in, and what its own scripts write is held too", async ({ session }) => {
    installVendors(session);
    const config = { categories: { analytics: { services: ["hotjar"] }, marketing: { services: ["facebook-pixel"] } } };
    const meta = "https://connect.facebook.net/en_US/fbevents.js";
    const written = S("written-in-srcdoc");
    const page = await openGate(session, `<div id="box"></div>`, config);
    await page.evaluate(([hotjar, meta, written]) => {
      const both = document.createElement("iframe");
      both.srcdoc = `<script src="${hotjar}"><\/script><script src="${meta}"><\/script>`;
      document.getElementById("box")!.appendChild(both);
      // Nothing in this markup names a tracker until its script runs.
      const writer = document.createElement("iframe");
      writer.srcdoc = `<script>document.write('<script src="${written}"><\\/script>'); document.cookie = "_hjSessionUser_9=x; path=/";<\/script>`;
      document.getElementById("box")!.appendChild(writer);
    }, [S("srcdoc-both"), meta, written]);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, [S("srcdoc-both"), meta, written])).toEqual(each([S("srcdoc-both"), meta, written], 0));
    expect((await session.cookies()).map((c) => c.name)).not.toContain("_hjSessionUser_9");

    await callConsentGate(page, "set", { analytics: true });
    await expect.poll(() => requestCounts(session, [written])).toEqual(each([written], 1));
    await page.waitForLoadState("networkidle");
    // The first frame also brings in Meta, still refused: it stays held whole.
    expect(requestCounts(session, [S("srcdoc-both"), meta])).toEqual(each([S("srcdoc-both"), meta], 0));

    await callConsentGate(page, "set", { marketing: true });
    await expect.poll(() => requestCounts(session, [S("srcdoc-both"), meta])).toEqual(each([S("srcdoc-both"), meta], 1));
  });

  test("a srcdoc frame inside a wrapper the page inserts (made with innerHTML, built detached, or with setHTMLUnsafe) has its scripts' insertions held too", async ({ session }) => {
    installVendors(session);
    const routes = ["innerHTML-wrapper", "detached-wrapper", "setHTMLUnsafe-wrapper"];
    const urls = routes.map((route) => S(`wrapped-${route}`));
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    await page.evaluate((urls) => {
      // Loader code: nothing in the markup names a tracker until its script runs.
      const loader = (url: string) =>
        `<script>var s = document.createElement("script"); s.src = "${url}"; document.head.appendChild(s); document.cookie = "_hjSessionUser_7=x; path=/";<\/script>`;
      const frame = (url: string) => `<iframe srcdoc="${loader(url).replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"></iframe>`;
      const box = document.getElementById("box")!;
      const made = document.createElement("div");
      made.innerHTML = frame(urls[0]);
      box.appendChild(made);
      const built = document.createElement("section");
      const element = document.createElement("iframe");
      element.srcdoc = loader(urls[1]);
      built.append(document.createElement("p"), element);
      box.append(built);
      const unsafe = document.createElement("div");
      (unsafe as unknown as { setHTMLUnsafe(html: string): void }).setHTMLUnsafe(frame(urls[2]));
      box.insertBefore(unsafe, null);
    }, urls);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    expect((await session.cookies()).map((c) => c.name)).not.toContain("_hjSessionUser_7");
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestCounts(session, urls)).toEqual(each(urls, 1));
  });

  test("a srcdoc frame in the page's own markup, bare or inside a wrapper, has its scripts' insertions held too", async ({ session }) => {
    installVendors(session);
    const urls = [S("parsed-bare"), S("parsed-wrapped")];
    // Loader code: nothing in the markup names a tracker until its script runs.
    const loader = (url: string) =>
      `<script>var s = document.createElement('script'); s.src = '${url}'; document.head.appendChild(s); document.cookie = '_hjSessionUser_8=x; path=/';<\/script>`;
    const frame = (url: string) => `<iframe title="x" srcdoc="${loader(url).replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"></iframe>`;
    const page = await openGate(session, `${frame(urls[0])}<div><section>${frame(urls[1])}</section></div>`, CONFIG);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    expect((await session.cookies()).map((c) => c.name)).not.toContain("_hjSessionUser_8");
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestCounts(session, urls)).toEqual(each(urls, 1));
  });

  test("TrustedHTML markup is read like a string, and a script built in an unpatched frame is held inside its subtree", async ({ session }) => {
    installVendors(session);
    const urls = [IMG("trusted-html"), S("frame-subtree")];
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    await page.evaluate(([image, script]) => {
      const box = document.getElementById("box")!;
      const policy = (window as unknown as { trustedTypes: { createPolicy(n: string, p: object): { createHTML(s: string): string } } }).trustedTypes
        .createPolicy("site", { createHTML: (s: string) => s });
      box.appendChild(document.createElement("div")).innerHTML = policy.createHTML(`<img src="${image}">`);
      // A frame made by markup: no insertion method saw it, so its window was never patched.
      box.insertAdjacentHTML("beforeend", "<iframe></iframe>");
      const realm = box.querySelector("iframe")!.contentDocument!;
      const wrapper = realm.createElement("div");
      const foreign = wrapper.appendChild(realm.createElement("script"));
      foreign.src = script;
      box.appendChild(wrapper);
    }, urls);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestCounts(session, urls)).toEqual(each(urls, 1));
  });

  test("the Cookie Store API writes no tracker cookie before consent, and the site's own at once", async ({ session }) => {
    // cookieStore exists in secure contexts only: localhost is one, plain http://www.shop.test is not.
    const page = await openGate(session, `<p>cookies</p>`, CONFIG, { host: "localhost" });
    const set = () =>
      page.evaluate(async () => {
        const store = (window as unknown as { cookieStore: { set(...args: unknown[]): Promise<void> } }).cookieStore;
        await store.set("_hjSessionUser_1", "a");
        await store.set({ name: "_hjid", value: "b" });
        await store.set("cart", "3");
        return document.cookie.split("; ").map((pair) => pair.split("=")[0]).filter((name) => name != "consentgate").sort();
      });
    expect(await set()).toEqual(["cart"]);
    await callConsentGate(page, "acceptAll");
    expect(await set()).toEqual(["_hjSessionUser_1", "_hjid", "cart"]);
  });

  test("markup set into a shadow root, through setHTMLUnsafe or as an iframe's srcdoc makes no request before consent, and loads once after (a declarative shadow root's on the next page view)", async ({
    session,
  }) => {
    installVendors(session);
    const images = [IMG("shadow-innerHTML"), IMG("shadow-setHTMLUnsafe"), IMG("setHTMLUnsafe"), IMG("declarative-shadow-root"), IMG("srcdoc")];
    const frames = [FR("shadow-innerHTML")];
    const scripts = [S("srcdoc"), S("srcdoc-setAttribute"), S("srcdoc-in-markup")];
    const urls = [...images, ...frames, ...scripts];
    const page = await openGate(session, `<div id="host"></div><div id="box"></div>`, CONFIG);
    await page.evaluate((u) => {
      const img = (src: string) => `<img src="${src}">`;
      const root = document.getElementById("host")!.attachShadow({ mode: "open" });
      root.innerHTML = `<p>${img(u.shadowInner)}<iframe src="${u.shadowFrame}"></iframe></p>`;
      const inner = root.appendChild(document.createElement("div")).attachShadow({ mode: "open" });
      inner.setHTMLUnsafe(img(u.shadowUnsafe));
      const box = document.getElementById("box")!;
      const a = box.appendChild(document.createElement("div"));
      a.setHTMLUnsafe(img(u.unsafe));
      const b = box.appendChild(document.createElement("div"));
      b.setHTMLUnsafe(`<div><template shadowrootmode="open">${img(u.declarative)}</template></div>`);
      const frame = document.createElement("iframe");
      frame.srcdoc = `<p>framed</p>${img(u.srcdocImage)}<script src="${u.srcdocScript}"><\/script>`;
      box.appendChild(frame);
      const later = box.appendChild(document.createElement("iframe"));
      later.setAttribute("srcdoc", `<script src="${u.srcdocAttribute}"><\/script>`);
      box.insertAdjacentHTML("beforeend", `<iframe srcdoc='<script src="${u.srcdocMarkup}"><\/script>'></iframe>`);
    }, {
      shadowInner: images[0], shadowUnsafe: images[1], unsafe: images[2], declarative: images[3], srcdocImage: images[4],
      shadowFrame: frames[0], srcdocScript: scripts[0], srcdocAttribute: scripts[1], srcdocMarkup: scripts[2],
    });
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    expect(session.thirdParty()).toEqual([]);

    await callConsentGate(page, "acceptAll");
    // What a declarative shadow root holds stays held until the next page view (README).
    const released = urls.filter((url) => url != images[3]);
    await expect.poll(() => released.filter((url) => !session.requests.some((r) => r.url === url)), { timeout: 10_000 }).toEqual([]);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual({ ...each(released, 1), [images[3]]: 0 });
    expect(await page.evaluate(() => document.querySelector<HTMLIFrameElement>("#box iframe")!.contentDocument!.body.textContent)).toContain("framed");
    expect(session.pageErrors).toEqual([]);
  });


  test("scripts nested in a template, every candidate of a srcset, the older JavaScript types and URLs the browser repairs: no request before consent, each script runs once after", async ({
    session,
  }) => {
    installVendors(session);
    const scripts = [S("template-clone"), S("template-move"), S("x-javascript"), S("spaced-type"), S("jscript"), S("control-character")];
    const images = ["srcset-markup", "srcset-innerHTML", "srcset-setAttribute", "srcset-property", "one-slash", "backslash"].map(IMG);
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    await page.evaluate(([s, i]) => {
      const box = document.getElementById("box")!;
      // The parser puts a template's markup in a document without a window; moved out, its scripts run.
      const template = document.createElement("template");
      template.innerHTML = `<div><script src="${s[0]}"><\/script></div><div><script src="${s[1]}"><\/script></div>`;
      box.appendChild(template.content.firstElementChild!.cloneNode(true));
      box.appendChild(template.content.lastElementChild!);
      const typed = (src: string, type: string) => {
        const script = document.createElement("script");
        script.setAttribute("type", type);
        script.src = src;
        box.appendChild(script);
      };
      typed(s[2], "application/x-javascript");
      box.appendChild(document.createRange().createContextualFragment(`<script type=" text/javascript " src="${s[3]}"><\/script>`));
      typed(s[4], "text/jscript");
      typed("\x01" + s[5], "");
      // The candidate the browser picks (here the widest) may be any of them.
      const set = (url: string) => `/own.png 100w, ${url} 4000w`;
      box.insertAdjacentHTML("beforeend", `<img srcset="${set(i[0])}">`);
      box.appendChild(document.createElement("div")).innerHTML = `<img srcset="${set(i[1])}">`;
      box.appendChild(document.createElement("img")).setAttribute("srcset", set(i[2]));
      box.appendChild(document.createElement("img")).srcset = set(i[3]);
      // An http: URL without its slashes is absolute on an https page, and in any page's fetch.
      box.appendChild(new Image()).src = i[4].replace("https://", "https:/");
      box.appendChild(new Image()).src = i[5].replace("https://", "https:\\");
    }, [scripts, images]);
    await page.waitForLoadState("networkidle");
    expect(session.thirdParty()).toEqual([]);
    expect(await ran(page)).toEqual([]);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => images.filter((url) => !session.requests.some((r) => r.url === url)), { timeout: 10_000 }).toEqual([]);
    await expect.poll(async () => runCounts(page, scripts)).toEqual(each(scripts, 1));
    expect(session.pageErrors).toEqual([]);
  });

  test("a tracker's cookie write stays held when it also carries a deleting Max-Age or Expires", async ({ session }) => {
    const page = await openGate(session, `<p>cookies</p>`, CONFIG);
    await page.evaluate(() => {
      document.cookie = "_hjSessionUser_1=a; max-age=0; max-age=31536000; path=/";
      document.cookie = "_hjSessionUser_2=b; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=31536000; path=/";
      document.cookie = "_hjSessionUser_3=c; max-age=05; path=/";
      document.cookie = "cart=1; path=/";
    });
    // The browser's cookie store learns of page writes a moment later, in order: once the last is there, so are the others.
    const names = async () => (await session.cookies()).map((c) => c.name);
    await expect.poll(names).toContain("cart");
    expect(await names()).toEqual(["cart"]);
  });

  test("setAttributeNS('src') or setAttributeNode on a script already in the page makes no request before consent", async ({ session }) => {
    installVendors(session);
    const urls = [S("setAttributeNS-after-insertion"), S("setAttributeNode-after-insertion")];
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    await page.evaluate(([ns, node]) => {
      const box = document.getElementById("box")!;
      const a = document.createElement("script");
      box.appendChild(a);
      a.setAttributeNS(null, "src", ns);
      const b = document.createElement("script");
      box.appendChild(b);
      const attr = document.createAttribute("src");
      attr.value = node;
      b.setAttributeNode(attr);
    }, urls);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    expect(await ran(page)).toEqual([]);
  });

  test("a script whose type is set after its src, an attribute node set with setAttributeNodeNS, a tagged image given a src in markup, and surroundContents: no request before consent, each runs or loads once after", async ({
    session,
  }) => {
    installVendors(session);
    const scripts = [S("type-after-src"), S("module-after-src"), S("setAttribute-type-after-src"), S("surroundContents")];
    const images = [IMG("setAttributeNodeNS"), IMG("tagged-with-src-in-markup")];
    // A template the parser filled: its script is not yet started, and runs once in the page.
    const page = await openGate(session, `<div id="box"></div><template id="tpl"><script src="${scripts[3]}"></script></template>`, CONFIG);
    await page.evaluate(
      ([[plain, module, attribute], [ns, tagged]]) => {
        const box = document.getElementById("box")!;
        box.appendChild(Object.assign(document.createElement("script"), { src: plain, type: "text/javascript" }));
        box.appendChild(Object.assign(document.createElement("script"), { src: module, type: "module" }));
        const c = document.createElement("script");
        c.setAttribute("src", attribute);
        c.setAttribute("type", "text/javascript");
        box.appendChild(c);
        const img = document.createElement("img");
        const attr = document.createAttributeNS(null, "src");
        attr.value = ns;
        img.setAttributeNodeNS(attr);
        box.appendChild(img);
        box.insertAdjacentHTML("beforeend", `<img data-consent="analytics" src="${tagged}">`);
        // Surrounding a range with that script inserts it live. (Not a wrapper
        // around it: surroundContents empties the new parent first.)
        const range = document.createRange();
        range.selectNodeContents(box.appendChild(document.createElement("p")));
        range.surroundContents((document.getElementById("tpl") as HTMLTemplateElement).content.firstChild!);
      },
      [scripts, images],
    );
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, [...scripts, ...images])).toEqual(each([...scripts, ...images], 0));
    expect(await ran(page)).toEqual([]);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => runCounts(page, scripts)).toEqual(each(scripts, 1));
    await expect.poll(() => requestCounts(session, images)).toEqual(each(images, 1));
    await page.waitForLoadState("networkidle");
    expect(await runCounts(page, scripts)).toEqual(each(scripts, 1));
  });

  test("a script in a declarative shadow root written in the HTML never runs before consent, and runs once after", async ({ session }) => {
    installVendors(session);
    const url = S("declarative-shadow-root");
    const html = `<div id="host"><template shadowrootmode="open"><p>Inside</p><script src="${url}"></script></template></div>`;
    const page = await openGate(session, html, CONFIG);
    await page.waitForLoadState("networkidle");
    expect(await ran(page)).toEqual([]);
    // As for any untagged script in the HTML, the preload scanner may fetch it; it never runs.
    expect(requestCounts(session, [url])[url]).toBeLessThanOrEqual(1);

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => runCounts(page, [url])).toEqual(each([url], 1));
    await page.waitForLoadState("networkidle");
    expect(await runCounts(page, [url])).toEqual(each([url], 1));
  });

  test("an iframe of the site's own, given a tracker's address through its attribute node while out of the page, makes no request when it comes back", async ({
    session,
  }) => {
    installVendors(session);
    const url = FR("iframe-attribute-node-then-reinserted");
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    await page.evaluate((url) => {
      const box = document.getElementById("box")!;
      const frame = document.createElement("iframe");
      frame.src = "about:blank";
      box.appendChild(frame);
      frame.remove();
      frame.getAttributeNode("src")!.value = url;
      box.appendChild(frame);
    }, url);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, [url])).toEqual({ [url]: 0 });
  });

  test("a script, an image and a fetch made with a same-origin iframe's own DOM and network make no request before consent", async ({
    session,
  }) => {
    installVendors(session);
    const urls = [S("other-realm-script"), IMG("other-realm-image"), "https://in.hotjar.com/other-realm-fetch"];
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    await page.evaluate(([script, image, url]) => {
      const frame = document.createElement("iframe");
      document.body.appendChild(frame);
      const realm = frame.contentWindow as Window & typeof globalThis;
      const foreign = realm.document.createElement("script");
      foreign.src = script;
      document.getElementById("box")!.appendChild(foreign);
      new realm.Image().src = image;
      realm.fetch(url, { method: "POST", body: "x" }).catch(() => {});
    }, urls);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
  });

  test("requests and cookies by roundabout routes make no request and write nothing before consent", async ({ session }) => {
    installVendors(session);
    const urls = [
      "https://in.hotjar.com/other-realm-request",
      "https://in.hotjar.com/prototype-beacon",
      "https://in.hotjar.com/reopened-xhr",
      "https://in.hotjar.com/reopened-xhr-crossed",
      "https://in.hotjar.com/object-with-url",
    ];
    const page = await openGate(session, `<p>routes</p>`, CONFIG);
    const cookies = await page.evaluate(([request, beacon, xhr, , object]) => {
      type Realm = Window & typeof globalThis;
      const frame = document.body.appendChild(document.createElement("iframe"));
      // A Request made in another realm fails this realm's instanceof.
      fetch(new (frame.contentWindow as Realm).Request(request, { method: "POST", body: "x" })).catch(() => {});
      Navigator.prototype.sendBeacon.call(navigator, beacon, "x");
      const req = new XMLHttpRequest();
      req.open("POST", xhr);
      try {
        req.open("BAD METHOD", "/ok");
      } catch {
        // It throws, and the request stays open on the tracker's URL.
      }
      req.send("x");
      // A request opened in this realm, sent by another realm's send().
      const crossed = new XMLHttpRequest();
      crossed.open("POST", xhr + "-crossed");
      (frame.contentWindow as Realm).XMLHttpRequest.prototype.send.call(crossed, "x");
      // An object with a url of the site's own, read by fetch as its text: a tracker's URL.
      fetch({ url: "/ok", toString: () => object } as unknown as string).catch(() => {});
      // A value that reads as the site's own cookie once, and as a tracker's the next time.
      let reads = 0;
      document.cookie = { toString: () => (reads++ ? "_hjSessionUser_7=x; path=/" : "cart=1; path=/") } as unknown as string;
      return document.cookie;
    }, urls);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    expect(cookies).not.toContain("_hjSessionUser_7");
  });

  test("a held XMLHttpRequest ends as a refused one does: readyState 4, status 0, readystatechange, error, loadend", async ({ session }) => {
    installVendors(session);
    const page = await openGate(session, `<p>xhr</p>`, CONFIG);
    const ends = (url: string) =>
      page.evaluate(
        (target) =>
          new Promise<string[]>((resolve) => {
            const seen: string[] = [];
            const req = new XMLHttpRequest();
            const note = (event: Event) => {
              seen.push(`${event.type}:${req.readyState}:${req.status}`);
              // Whatever else follows the error comes within a task or two.
              if (event.type == "error") setTimeout(() => resolve(seen), 300);
            };
            req.open("POST", target);
            for (const type of ["readystatechange", "error", "load", "loadend"]) req.addEventListener(type, note);
            req.send("x");
            setTimeout(() => resolve([...seen, "(no error)"]), 3000);
          }),
        url,
      );
    // What the browser itself does with a request it cannot make (a closed port):
    // the sequence code such as mixpanel-browser's waits for (readyState 4).
    const refused = await ends("http://127.0.0.1:1/refused");
    expect(refused).toEqual(["readystatechange:4:0", "error:4:0", "loadend:4:0"]);
    expect(await ends("https://in.hotjar.com/held-xhr")).toEqual(refused);
    expect(requestCounts(session, ["https://in.hotjar.com/held-xhr"])).toEqual({ "https://in.hotjar.com/held-xhr": 0 });
  });

  test("a held XMLHttpRequest opened again at once for an allowed address runs as its own request: no end of the held one reaches it", async ({
    session,
  }) => {
    installVendors(session);
    session.route("/own-data", { headers: { "content-type": "text/plain" }, body: "ours" });
    const page = await openGate(session, `<p>xhr</p>`, CONFIG);
    const seen = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          const req = new XMLHttpRequest();
          for (const type of ["readystatechange", "error", "load"]) {
            req.addEventListener(type, (event) => {
              seen.push(`${event.type}:${req.readyState}:${req.status}`);
              if (event.type == "load") setTimeout(() => resolve(seen), 300);
            });
          }
          req.open("POST", "https://in.hotjar.com/held-then-reopened");
          req.send("x");
          // A retry, as a page's own code may do, before the held request's end arrives.
          req.open("GET", "/own-data");
          req.send();
          setTimeout(() => resolve([...seen, "(no load)"]), 3000);
        }),
    );
    // The first open()'s readystatechange (the second finds it opened already), then the allowed request's states as the browser gives them.
    expect(seen).toEqual(["readystatechange:1:0", "readystatechange:2:200", "readystatechange:3:200", "readystatechange:4:200", "load:4:200"]);
  });

  test("a held storage write is read back from memory for the page view and never stored; an allowed one goes to storage", async ({ session }) => {
    const page = await openGate(session, `<p>storage</p>`, CONFIG);
    const step = (name: string) =>
      page.evaluate((action) => {
        if (action == "write") localStorage.setItem("_hjSession_1", "held");
        if (action == "remove") localStorage.removeItem("_hjSession_1");
        if (action == "rewrite") sessionStorage.setItem("_hjSession_1", "allowed");
        return [localStorage.getItem("_hjSession_1"), sessionStorage.getItem("_hjSession_1"), Object.keys(localStorage).length];
      }, name);
    expect(await step("write")).toEqual(["held", null, 0]);
    expect(await step("remove")).toEqual([null, null, 0]);
    await step("write");
    expect(await page.evaluate(() => (localStorage.clear(), localStorage.getItem("_hjSession_1")))).toBeNull();
    await step("write");
    await callConsentGate(page, "acceptAll");
    expect(await step("rewrite")).toEqual(["held", "allowed", 0]);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
  });

  test("a fragment made by createContextualFragment loads no image before it is inserted, and its script runs once allowed", async ({ session }) => {
    installVendors(session);
    const urls = [IMG("contextual-fragment-kept"), S("contextual-fragment-kept")];
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    await page.evaluate(async ([image, script]) => {
      const fragment = document.createRange().createContextualFragment(`<img src="${image}"><script src="${script}"><\/script>`);
      // Images in it load as soon as it exists: a page may keep it for a while before inserting it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      document.getElementById("box")!.append(fragment);
    }, urls);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestCounts(session, urls)).toEqual(each(urls, 1));
    // Requested is not yet run: the script runs once its response is in.
    await expect.poll(() => ran(page)).toEqual([S("contextual-fragment-kept")]);
  });

  test("a same-origin frame's window is patched before its load handlers run, also when it came in inside a wrapper or a fragment", async ({
    session,
  }) => {
    installVendors(session);
    const urls = [IMG("friendly-onload"), "https://in.hotjar.com/friendly-fetch", IMG("wrapped-frame"), "https://in.hotjar.com/fragment-frame-beacon"];
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    const cookies = await page.evaluate(([onload, fetched, wrapped, beacon]) => {
      type Realm = Window & typeof globalThis;
      // The "friendly iframe" of ad tags: about:blank loads inside appendChild, before it returns.
      const friendly = document.createElement("iframe");
      friendly.onload = () => {
        const realm = friendly.contentWindow as Realm;
        new realm.Image().src = onload;
        realm.fetch(fetched, { method: "POST", body: "x" }).catch(() => {});
        realm.document.cookie = "_hjSessionUser_9=x; path=/";
      };
      document.body.appendChild(friendly);
      // How frameworks mount a tree: the frame arrives inside its parent, or in a fragment.
      const box = document.createElement("div");
      const inner = box.appendChild(document.createElement("iframe"));
      document.getElementById("box")!.appendChild(box);
      new (inner.contentWindow as Realm).Image().src = wrapped;
      const fragment = document.createDocumentFragment();
      const last = fragment.appendChild(document.createElement("iframe"));
      document.body.append(fragment);
      (last.contentWindow as Realm).navigator.sendBeacon(beacon, "x");
      return document.cookie;
    }, urls);
    // A frame that loaded a document of its own: a frame wrapped inside it is patched on its load too.
    await page.evaluate(async (url) => {
      type Realm = Window & typeof globalThis;
      const outer = document.createElement("iframe");
      const loaded = new Promise((resolve) => (outer.onload = resolve));
      outer.srcdoc = "<p>framed</p>";
      document.body.appendChild(outer);
      await loaded;
      const inner = outer.contentDocument!;
      const box = inner.createElement("div");
      const nested = box.appendChild(inner.createElement("iframe"));
      inner.body.appendChild(box);
      (nested.contentWindow as Realm).fetch(url, { method: "POST", body: "x" }).catch(() => {});
    }, "https://in.hotjar.com/nested-frame-fetch");
    urls.push("https://in.hotjar.com/nested-frame-fetch");
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    expect(cookies).not.toContain("_hjSessionUser_9");
  });
});

describe("routes found by a third outside review", () => {
  test("scripts a DOMParser or parseHTMLUnsafe document made never run, as without ConsentGate: a loader's live copy of each runs once after consent", async ({
    session,
  }) => {
    installVendors(session);
    const urls = [S("loader-copy"), S("loader-src-copy"), S("adopted-body"), S("parseHTMLUnsafe")];
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    await page.evaluate(([copied, srcCopied, adopted, unsafe]) => {
      const box = document.getElementById("box")!;
      // htmx's way: insert the parsed nodes, then replace each dead script with a live copy of its attributes.
      const parse = (url: string) => new DOMParser().parseFromString(`<p>x</p><script src="${url}"></script>`, "text/html");
      box.append(...parse(copied).body.childNodes);
      box.querySelector("script")!.replaceWith(
        Object.assign(document.createElement("script"), { src: box.querySelector("script")!.getAttribute("src") }),
      );
      const second = parse(srcCopied).querySelector("script")!;
      box.append(second);
      second.replaceWith(Object.assign(document.createElement("script"), { src: second.src }));
      // Turbo's way: adopt the new body, swap each script for a copy, then the body itself.
      const body = document.adoptNode(new DOMParser().parseFromString(`<body><script src="${adopted}"></script></body>`, "text/html").body);
      for (const dead of body.querySelectorAll("script")) {
        const live = document.createElement("script");
        for (const { name, value } of dead.attributes) live.setAttribute(name, value);
        dead.replaceWith(live);
      }
      box.append(...body.childNodes);
      // And a parsed script inserted as it is: dead, it never runs.
      const parseHTMLUnsafe = (Document as unknown as { parseHTMLUnsafe(html: string): Document }).parseHTMLUnsafe;
      box.append(parseHTMLUnsafe(`<script src="${unsafe}"></script>`).querySelector("script")!);
    }, urls);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    await callConsentGate(page, "acceptAll");
    const live = urls.slice(0, 3);
    await expect.poll(() => runCounts(page, live)).toEqual(each(live, 1));
    await page.waitForTimeout(300);
    expect(await runCounts(page, urls)).toEqual({ ...each(live, 1), [S("parseHTMLUnsafe")]: 0 });
  });

  test("a tagged script in a DOMParser document, inserted as it is, runs once allowed: before a decision and for a visitor who already allowed", async ({
    session,
  }) => {
    installVendors(session);
    const urls = [S("tagged-parsed-before"), S("tagged-parsed-after")];
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    const insert = (url: string) =>
      page.evaluate((src) => {
        const parsed = new DOMParser().parseFromString(`<p>x</p><script type="text/plain" data-consent="analytics" src="${src}"></script>`, "text/html");
        document.getElementById("box")!.append(...parsed.body.childNodes);
      }, url);
    await insert(urls[0]);
    await callConsentGate(page, "acceptAll");
    await insert(urls[1]);
    await expect.poll(() => runCounts(page, urls)).toEqual(each(urls, 1));
  });

  test("a same-origin frame's page with its own ConsentGate is gated by it alone: what its code inserts runs once", async ({ session }) => {
    installVendors(session);
    const framed = servePage(session, `<p>framed</p>`, CONFIG);
    const url = S("framed-own-gate");
    const page = await openGate(session, `<p>parent</p>`, CONFIG);
    await page.evaluate(
      async ([path, src]) => {
        const frame = document.body.appendChild(document.createElement("iframe"));
        await new Promise((loaded) => {
          frame.onload = loaded;
          frame.src = path;
        });
        const inner = frame.contentDocument!;
        const script = inner.createElement("script");
        script.type = "text/plain";
        script.setAttribute("data-consent", "analytics");
        script.src = src;
        inner.body.appendChild(script);
      },
      [framed, url],
    );
    await callConsentGate(page, "acceptAll");
    const framedRuns = () =>
      page.evaluate((src) => ((document.querySelector("iframe")!.contentWindow as unknown as { __ran?: string[] }).__ran ?? []).filter((r) => r == src).length, url);
    await expect.poll(framedRuns).toBe(1);
    await page.waitForTimeout(500);
    expect(await framedRuns()).toBe(1);
  });

  test("a script of another type written in the page, whose type a later script changes before inserting it again, is held and runs once after consent", async ({
    session,
  }) => {
    installVendors(session);
    const url = S("retyped-later");
    const page = await openGate(
      session,
      `<div id="box"></div><script id="later" type="text/x-later" src="${url}"></script>
      <script>
        const later = document.getElementById("later");
        later.type = "text/javascript";
        document.getElementById("box").appendChild(later);
      </script>`,
      CONFIG,
    );
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, [url])).toEqual({ [url]: 0 });
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => runCounts(page, [url])).toEqual({ [url]: 1 });
  });

  test("a same-origin frame navigated a second time: the page using its new window's DOM, network and cookies is held", async ({ session }) => {
    installVendors(session);
    session.route("/same-origin.html", { headers: { "content-type": "text/html" }, body: "<!doctype html><p>framed</p>" });
    const urls = [S("navigated-frame"), IMG("navigated-frame"), "https://in.hotjar.com/navigated-frame"];
    const page = await openGate(session, `<p>frames</p>`, CONFIG);
    const cookies = await page.evaluate(async ([script, image, beacon]) => {
      type Realm = Window & typeof globalThis;
      const frame = document.body.appendChild(document.createElement("iframe"));
      for (const search of ["?1", "?2"]) {
        await new Promise((loaded) => {
          frame.onload = loaded;
          frame.src = "/same-origin.html" + search;
        });
      }
      const realm = frame.contentWindow as Realm;
      const s = document.createElement("script");
      s.src = script;
      realm.Node.prototype.appendChild.call(document.head, s);
      new realm.Image().src = image;
      realm.navigator.sendBeacon(beacon, "x");
      realm.document.cookie = "_hjSessionUser_7=x; path=/";
      return realm.document.cookie;
    }, urls);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    expect(cookies).not.toContain("_hjSessionUser_7");
  });

  test("a same-origin frame's page that only stubs window.ConsentGate (no gate of its own) is still gated by the parent", async ({ session }) => {
    installVendors(session);
    session.route("/stubbed.html", {
      headers: { "content-type": "text/html" },
      body: `<!doctype html><script src="/stub.js"></script><p>framed</p>`,
    });
    session.route("/stub.js", { headers: { "content-type": "text/javascript" }, body: "window.ConsentGate = window.ConsentGate || { queue: [] };" });
    const url = IMG("stubbed-frame");
    const page = await openGate(session, `<p>frames</p>`, CONFIG);
    await page.evaluate(async (src) => {
      const frame = document.body.appendChild(document.createElement("iframe"));
      for (const search of ["?1", "?2"]) {
        await new Promise((loaded) => {
          frame.onload = loaded;
          frame.src = "/stubbed.html" + search;
        });
      }
      new (frame.contentWindow as Window & typeof globalThis).Image().src = src;
    }, url);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, [url])).toEqual({ [url]: 0 });
  });

  test("fetchLater, the deferred beacon, is held like fetch", async ({ session }) => {
    installVendors(session);
    const urls = ["https://in.hotjar.com/fetch-later", "https://in.hotjar.com/fetch-later-request"];
    // fetchLater exists in secure contexts only: localhost is one.
    const page = await openGate(session, `<p>beacons</p>`, CONFIG, { host: "localhost" });
    const results = await page.evaluate(([url, request]) => {
      const later = (window as unknown as { fetchLater?(input: RequestInfo, init?: object): { activated: boolean } }).fetchLater;
      if (!later) return "no fetchLater";
      return [later(url, { method: "POST", activateAfter: 0 }).activated, later(new Request(request), { activateAfter: 0 }).activated];
    }, urls);
    expect(results).toEqual([false, false]);
    await page.waitForTimeout(500);
    await page.goto("about:blank");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
  });
});

describe("routes found by a fourth outside review", () => {
  test("<image>, which the HTML parser makes an img, in innerHTML, insertAdjacentHTML and document.write markup makes no request before consent and loads once after", async ({
    session,
  }) => {
    installVendors(session);
    const urls = [IMG("image-innerHTML"), IMG("image-insertAdjacentHTML"), IMG("image-document-write")];
    const page = await openGate(
      session,
      `<div id="box"></div><script>
        box.innerHTML = '<image src="${urls[0]}">';
        box.insertAdjacentHTML("beforeend", '<IMAGE src="${urls[1]}">');
        document.write('<image src="${urls[2]}">');
      </script>`,
      CONFIG,
    );
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestCounts(session, urls)).toEqual(each(urls, 1));
  });

  test.for([
    ["in one go", false],
    ["with a pause between adopting the body and copying its scripts", true],
  ])("tagged scripts in a body Turbo Drive brings in (%s) run once allowed: the copy Turbo puts in the page, not the original it replaced", async ([, pause], {
    session,
  }) => {
    installVendors(session);
    const urls = [S(`turbo-tagged-before-${pause}`), S(`turbo-tagged-after-${pause}`)];
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    // Turbo's PageRenderer: adopt the fetched body, replace each script with a
    // copy of its attributes and text, then swap the page's body for it.
    const visit = (src: string) =>
      page.evaluate(async ([url, wait]) => {
        const html = `<body><p>next</p><script type="text/plain" data-consent="analytics" src="${url}"></script>` +
          `<script type="text/plain" data-consent="analytics">window.inline = (window.inline || 0) + 1</script></body>`;
        const body = document.adoptNode(new DOMParser().parseFromString(html, "text/html").body);
        if (wait) await new Promise((resolve) => setTimeout(resolve, 50));
        for (const dead of body.querySelectorAll("script")) {
          const live = document.createElement("script");
          live.textContent = dead.textContent;
          live.async = false;
          for (const { name, value } of dead.attributes) live.setAttribute(name, value);
          dead.replaceWith(live);
        }
        document.body.replaceWith(body);
      }, [src, pause] as const);
    await visit(urls[0]);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => runCounts(page, urls.slice(0, 1))).toEqual(each(urls.slice(0, 1), 1));
    // A visitor who has allowed it: the next visit's script runs at once, once.
    await visit(urls[1]);
    await expect.poll(() => runCounts(page, urls)).toEqual(each(urls, 1));
    await page.waitForTimeout(300);
    expect(await runCounts(page, urls)).toEqual(each(urls, 1));
    expect(await page.evaluate(() => (window as unknown as { inline: number }).inline)).toBe(2);
  });

  test("a held script the page took out before consent, alone or with its parent (a body swapped away), never runs, and keeps no later script waiting", async ({
    session,
  }) => {
    installVendors(session);
    const urls = [S("removed-alone"), S("removed-with-parent")];
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    await page.evaluate(([alone, withParent]) => {
      const tagged = (src: string) => Object.assign(document.createElement("script"), { type: "text/plain", src });
      const box = document.getElementById("box")!;
      const first = box.appendChild(tagged(alone));
      first.setAttribute("data-consent", "analytics");
      const wrapper = box.appendChild(document.createElement("div"));
      wrapper.appendChild(tagged(withParent)).setAttribute("data-consent", "analytics");
      first.remove();
      wrapper.remove();
    }, urls);
    await callConsentGate(page, "acceptAll");
    // A script inserted now runs at once: nothing before it waits for a load that cannot come.
    const delay = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const at = performance.now();
          (window as unknown as { ran: () => void }).ran = () => resolve(performance.now() - at);
          const script = document.createElement("script");
          script.type = "text/plain";
          script.setAttribute("data-consent", "analytics");
          script.text = "window.ran()";
          document.body.append(script);
        }),
    );
    expect(delay).toBeLessThan(1000);
    await page.waitForTimeout(300);
    expect(await runCounts(page, urls)).toEqual(each(urls, 0));
  });

  test("a tagged script made through innerHTML (React's way) runs once, also for a visitor who has already allowed it", async ({ session }) => {
    installVendors(session);
    const urls = [S("innerHTML-made-before"), S("innerHTML-made-after")];
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    // React makes a <script> through innerHTML, so that it cannot run, then sets its attributes.
    const render = (src: string) =>
      page.evaluate((url) => {
        const parent = document.createElement("div");
        parent.innerHTML = "<script></script>";
        const script = parent.firstChild as HTMLScriptElement;
        script.setAttribute("type", "text/plain");
        script.setAttribute("data-consent", "analytics");
        script.setAttribute("src", url);
        document.getElementById("box")!.appendChild(script);
      }, src);
    await render(urls[0]);
    await callConsentGate(page, "acceptAll");
    await render(urls[1]);
    await expect.poll(() => runCounts(page, urls)).toEqual(each(urls, 1));
    await page.waitForTimeout(300);
    expect(await runCounts(page, urls)).toEqual(each(urls, 1));
  });

  test("a page Turbo restores from its cache after consent runs each tagged script once, as without ConsentGate", async ({ session }) => {
    installVendors(session);
    const url = S("turbo-restored");
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    await callConsentGate(page, "acceptAll");
    await page.evaluate((src) => {
      const script = document.createElement("script");
      script.type = "text/plain";
      script.setAttribute("data-consent", "analytics");
      script.src = src;
      document.getElementById("box")!.append(script);
    }, url);
    await expect.poll(() => runCounts(page, [url])).toEqual({ [url]: 1 });
    // Turbo's snapshot is a clone of the body; restoring it puts a live copy
    // of each of its scripts in place, then swaps it in.
    await page.evaluate(() => {
      const snapshot = document.body.cloneNode(true) as HTMLElement;
      for (const dead of snapshot.querySelectorAll("script")) {
        const live = document.createElement("script");
        live.textContent = dead.textContent;
        for (const { name, value } of dead.attributes) live.setAttribute(name, value);
        dead.replaceWith(live);
      }
      document.body.replaceWith(snapshot);
    });
    await expect.poll(() => runCounts(page, [url])).toEqual({ [url]: 2 });
    await page.waitForTimeout(500);
    expect(await runCounts(page, [url])).toEqual({ [url]: 2 });
  });

  test("cookieStore.set with a name that is not a string, read as the browser reads it, writes no tracker cookie before consent", async ({
    session,
  }) => {
    const page = await openGate(session, `<p>cookies</p>`, CONFIG, { host: "localhost" });
    const names = await page.evaluate(async () => {
      const store = (window as unknown as { cookieStore: { set(...args: unknown[]): Promise<void> } }).cookieStore;
      await store.set(new String("_hjid"), "a");
      await store.set(["_hjSessionUser_1"], "b");
      await store.set({ toString: () => "_hjSession_1" }, "c");
      await store.set({ name: new String("_hjIncludedInSessionSample_1"), value: "d" });
      return document.cookie.split("; ").filter(Boolean).map((pair) => pair.split("=")[0]).filter((name) => name != "consentgate");
    });
    expect(names).toEqual([]);
  });

  test("an image and an iframe released once allowed are held again when the page points them elsewhere after a refusal", async ({ session }) => {
    installVendors(session);
    const [first, second] = [IMG("repoint-1"), IMG("repoint-2")];
    const [frame1, frame2] = [FR("repoint-1"), FR("repoint-2")];
    const page = await openGate(session, `<div id="box"></div>`, CONFIG);
    await page.evaluate(
      ([img, frame]) => {
        const box = document.getElementById("box")!;
        const image = box.appendChild(new Image());
        image.id = "pixel";
        image.src = img;
        const iframe = box.appendChild(document.createElement("iframe"));
        iframe.id = "frame";
        iframe.src = frame;
      },
      [first, frame1],
    );
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestCounts(session, [first, frame1])).toEqual(each([first, frame1], 1));

    await callConsentGate(page, "rejectAll");
    await page.evaluate(
      ([img, frame]) => {
        (document.getElementById("pixel") as HTMLImageElement).src = img;
        document.getElementById("frame")!.setAttribute("src", frame);
      },
      [second, frame2],
    );
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, [second, frame2])).toEqual(each([second, frame2], 0));

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestCounts(session, [second, frame2])).toEqual(each([second, frame2], 1));
    // The frame comes back from its placeholder without the address it was
    // held from, which it would start loading first: once it shows the new
    // one, the old one was requested or never will be.
    await expect.poll(() => page.frames().map((frame) => frame.url())).toContain(frame2);
    expect(requestCounts(session, [first, frame1])).toEqual(each([first, frame1], 1));
  });

  test("an image and an iframe pointed elsewhere after a refusal, then moved by the page, load neither address until allowed", async ({ session }) => {
    installVendors(session);
    const [first, second] = [IMG("moved-1"), IMG("moved-2")];
    const [frame1, frame2] = [FR("moved-1"), FR("moved-2")];
    const urls = [first, second, frame1, frame2];
    const page = await openGate(session, `<div id="box"></div><div id="elsewhere"></div>`, CONFIG);
    await page.evaluate(
      ([img, frame]) => {
        const box = document.getElementById("box")!;
        box.appendChild(new Image()).src = img;
        box.appendChild(document.createElement("iframe")).src = frame;
      },
      [first, frame1],
    );
    // The placeholders are live (the views loaded), as they are once a page has held a frame.
    await page.waitForSelector("consentgate-ui[data-embed]", { state: "attached" });
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestCounts(session, [first, frame1])).toEqual(each([first, frame1], 1));

    await callConsentGate(page, "rejectAll");
    const held = await page.evaluate(
      ([img, frame]) => {
        const image = document.querySelector("img")!;
        const iframe = document.querySelector("iframe")!;
        image.src = img;
        iframe.src = frame;
        document.getElementById("elsewhere")!.append(image, iframe);
        return [image.getAttribute("src"), iframe.getAttribute("src")];
      },
      [second, frame2],
    );
    expect(held).toEqual([null, null]);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual({ [first]: 1, [second]: 0, [frame1]: 1, [frame2]: 0 });

    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestCounts(session, urls)).toEqual(each(urls, 1));
    // The frame's placeholder, left where the frame was, goes; the frame stays where the page put it.
    expect(
      await page.evaluate(() => [document.querySelector("iframe")!.parentElement!.id, document.querySelectorAll("consentgate-ui[data-embed]").length]),
    ).toEqual(["elsewhere", 0]);
  });
});

describe("markup next to a shadow root's own children", () => {
  test("images set through outerHTML or insertAdjacentHTML beside a shadow root's top-level element make no request before consent and load once after", async ({
    session,
  }) => {
    installVendors(session);
    const urls = [IMG("shadow-outerHTML"), IMG("shadow-afterend"), IMG("shadow-beforebegin")];
    const page = await openGate(session, `<div id="host"></div>`, CONFIG);
    await page.evaluate(([outer, after, before]) => {
      const root = document.getElementById("host")!.attachShadow({ mode: "open" });
      root.innerHTML = "<p id=a>a</p><p id=b>b</p>";
      root.getElementById("a")!.outerHTML = `<img src="${outer}">`;
      root.getElementById("b")!.insertAdjacentHTML("afterend", `<img src="${after}">`);
      root.getElementById("b")!.insertAdjacentHTML("beforebegin", `<img src="${before}">`);
    }, urls);
    await page.waitForLoadState("networkidle");
    expect(requestCounts(session, urls)).toEqual(each(urls, 0));
    await callConsentGate(page, "acceptAll");
    await expect.poll(() => requestCounts(session, urls)).toEqual(each(urls, 1));
  });
});

describe("loaders that keep state on their script element", () => {
  test("an attribute the load handler sets on the held script reaches the script that runs, where the loader looks for it again (Segment's loadScript)", async ({
    session,
  }) => {
    installVendors(session);
    const url = S("segment-load-script");
    const page = await openGate(session, `<p>loader</p>`, CONFIG);
    await page.evaluate((src) => {
      const script = document.createElement("script");
      script.src = src;
      script.setAttribute("status", "loading");
      script.onload = () => script.setAttribute("status", "loaded");
      document.head.appendChild(script);
    }, url);
    await callConsentGate(page, "acceptAll");
    // Released after the page loaded, the held script stays in the page beside the one that
    // runs (README): whichever the loader finds says "loaded".
    await expect
      .poll(() => page.evaluate((src) => Array.from(document.scripts).filter((s) => s.src == src).map((s) => s.getAttribute("status")), url))
      .toEqual(["loaded", "loaded"]);
    expect(await runCounts(page, [url])).toEqual({ [url]: 1 });
  });
});
