import { fireEvent, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { makeConfig, shop } from "../fixtures/ui/configs";
import { cleanPage, hasPlaceholder, heldIframe, placeholderFor, settle, setup } from "./harness";

afterEach(cleanPage);

function pageWithVideo() {
  document.body.innerHTML = `<article><h2>Launch video</h2><iframe srcdoc="" width="560" height="315" data-src="https://www.youtube-nocookie.com/embed/x"></iframe><p>After</p></article>`;
  return document.querySelector("iframe")!;
}

/** In the page and displayed: a held frame stays in the page, hidden behind its placeholder. */
const shown = (iframe: HTMLElement) => iframe.isConnected && iframe.style.display != "none";

/** The page's video, held, with its placeholder up. */
async function heldVideo() {
  const iframe = pageWithVideo();
  const ui = setup({ config: shop() });
  ui.emit("held", heldIframe("youtube", "marketing", iframe));
  await settle();
  return { iframe, ui };
}

describe("embed placeholder", () => {
  it("stands where the held iframe was, naming the service and saying why it is hidden", async () => {
    const iframe = pageWithVideo();
    setup({ config: shop(), before: (fake) => fake.emit("held", heldIframe("youtube", "marketing", iframe)) });
    const placeholder = (await placeholderFor("youtube"));
    // The frame stays in the page, hidden, with the placeholder just before it.
    expect(shown(iframe)).toBe(false);
    expect(placeholder.host.previousElementSibling!.textContent).toBe("Launch video");
    expect(placeholder.host.nextElementSibling).toBe(iframe);
    expect(iframe.nextElementSibling!.textContent).toBe("After");
    expect(placeholder.screen.getByRole("group", { name: "YouTube" })).toBeTruthy();
    expect(placeholder.screen.getByText(/hidden until you allow it/).textContent).toMatch(/YouTube set cookies/);
    expect(placeholder.screen.getByRole("link", { name: "YouTube privacy policy" }).getAttribute("href")).toBe(
      "https://policies.google.com/privacy",
    );
  });

  it("allows the service from a button named after it, and puts the iframe back once the gate releases it", async () => {
    const iframe = pageWithVideo();
    const ui = setup({ config: shop(), before: (fake) => fake.emit("held", heldIframe("youtube", "marketing", iframe)) });
    const placeholder = (await placeholderFor("youtube"));
    fireEvent.click(placeholder.screen.getByRole("button", { name: /YouTube/ }));
    expect(ui.decisions()).toEqual([["set", { youtube: true }, { source: "preferences" }]]);
    // Still held by something else (a category it is tagged with, another service in its srcdoc): the placeholder stays.
    expect(shown(iframe)).toBe(false);
    expect(placeholder.host.isConnected).toBe(true);
    ui.emit("released", heldIframe("youtube", "marketing", iframe));
    expect(shown(iframe)).toBe(true);
    expect(placeholder.host.isConnected).toBe(false);
    expect(iframe.previousElementSibling!.textContent).toBe("Launch video");
  });

  it("offers no Allow button for a service whose category the config lacks, which stays held", async () => {
    const iframe = pageWithVideo();
    const config = makeConfig({ categories: { analytics: { services: ["google-analytics"] } } });
    setup({ config, before: (fake) => fake.emit("held", heldIframe("youtube", "marketing", iframe)) });
    const placeholder = await placeholderFor("youtube");
    expect(placeholder.screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Only this time"]);
  });

  it("offers no Allow button for a frame the site tagged with another category than its service's", async () => {
    const iframe = pageWithVideo();
    iframe.setAttribute("data-consent", "analytics");
    setup({ config: shop(), before: (fake) => fake.emit("held", heldIframe("youtube", "marketing", iframe)) });
    const placeholder = await placeholderFor("youtube");
    expect(placeholder.screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Only this time"]);
  });

  it("offers nothing to load the embed when the config was unreadable (SPEC §1: nothing offers to turn one on)", async () => {
    const iframe = pageWithVideo();
    setup({ config: makeConfig({ ...shop(), unreadable: true }), before: (fake) => fake.emit("held", heldIframe("youtube", "marketing", iframe)) });
    const placeholder = await placeholderFor("youtube");
    expect(placeholder.screen.queryAllByRole("button")).toEqual([]);
    expect(placeholder.screen.getByRole("group", { name: "YouTube" })).toBeTruthy();
  });

  it("adds the iframe's title to its name, unless the title only repeats the service's", async () => {
    const iframe = pageWithVideo();
    iframe.title = "Launch video";
    const second = iframe.cloneNode() as HTMLIFrameElement;
    second.title = "YouTube video player";
    document.body.append(second);
    setup({
      config: shop(),
      before: (fake) => {
        fake.emit("held", heldIframe("youtube", "marketing", iframe));
        fake.emit("held", heldIframe("youtube", "marketing", second));
      },
    });
    await settle();
    await waitFor(() => expect(document.querySelectorAll("consentgate-ui[data-embed]")).toHaveLength(2));
    const names = await waitFor(() => {
      const groups = [...document.querySelectorAll("consentgate-ui[data-embed]")].map((host) =>
        host.shadowRoot!.querySelector(".cg-ph")?.getAttribute("aria-label"),
      );
      expect(groups.every(Boolean)).toBe(true);
      return groups;
    });
    expect(names).toEqual(["YouTube: Launch video", "YouTube"]);
  });

  it("loads the embed only this time, storing nothing", async () => {
    const iframe = pageWithVideo();
    const ui = setup({ config: shop(), before: (fake) => fake.emit("held", heldIframe("youtube", "marketing", iframe)) });
    fireEvent.click((await placeholderFor("youtube")).screen.getByRole("button", { name: "Only this time" }));
    expect(ui.decisions()).toEqual([]);
    expect(ui.releasedOnce).toEqual([iframe]);
    expect(shown(iframe)).toBe(true);
  });

  it("puts the iframe back when the gate releases it, e.g. after a choice in the preferences", async () => {
    const { iframe, ui } = await heldVideo();
    expect(shown(iframe)).toBe(false);
    ui.emit("released", heldIframe("youtube", "marketing", iframe));
    expect(shown(iframe)).toBe(true);
    expect(hasPlaceholder("youtube")).toBe(false);
  });

  it("gives a held frame its own display back once released, unless the page set another meanwhile", async () => {
    const iframe = pageWithVideo();
    iframe.style.setProperty("display", "block", "important");
    const other = document.body.appendChild(document.createElement("iframe"));
    const ui = setup({ config: shop() });
    ui.emit("held", heldIframe("youtube", "marketing", iframe));
    ui.emit("held", heldIframe("youtube", "marketing", other));
    await settle();
    other.style.display = "none"; // the page hides it itself (a closed tab)
    ui.emit("released", heldIframe("youtube", "marketing", iframe));
    ui.emit("released", heldIframe("youtube", "marketing", other));
    expect([iframe.style.display, iframe.style.getPropertyPriority("display")]).toEqual(["block", "important"]);
    expect(other.style.display).toBe("none");
  });

  it("hides a held frame again when the page writes its style (jQuery's show()), and gives it that style once released", async () => {
    const { iframe, ui } = await heldVideo();
    iframe.setAttribute("style", "display: block; width: 100%");
    await settle();
    expect(shown(iframe)).toBe(false);
    ui.emit("released", heldIframe("youtube", "marketing", iframe));
    expect(iframe.style.display).toBe("block");
    expect(iframe.style.width).toBe("100%");
  });

  it("leaves the iframe where the page put it while held, and removes the placeholder, once released", async () => {
    const { iframe, ui } = await heldVideo();
    const aside = document.body.appendChild(document.createElement("aside"));
    aside.append(iframe);
    ui.emit("released", heldIframe("youtube", "marketing", iframe));
    expect(iframe.parentElement).toBe(aside);
    expect(hasPlaceholder("youtube")).toBe(false);
    expect(document.querySelector("article consentgate-ui")).toBeNull();
  });

  it("stands in for an iframe held just before the page inserts it, unless it is released first", async () => {
    // A first held embed brings the views: the placeholders are live.
    const video = pageWithVideo();
    const ui = setup({ config: shop() });
    ui.emit("held", heldIframe("youtube", "marketing", video));
    await settle();
    const inserted = document.createElement("iframe");
    const gone = document.createElement("iframe");
    ui.emit("held", heldIframe("youtube", "marketing", inserted));
    ui.emit("held", heldIframe("youtube", "marketing", gone));
    document.body.append(inserted, gone);
    ui.emit("released", heldIframe("youtube", "marketing", gone));
    await settle();
    expect(shown(inserted)).toBe(false);
    expect(shown(gone)).toBe(true);
    expect(document.querySelectorAll("consentgate-ui[data-embed]")).toHaveLength(2);
  });

  it("leaves an embed alone that was released before the UI loaded", async () => {
    const iframe = pageWithVideo();
    setup({
      config: shop(),
      before: (fake) => {
        fake.emit("held", heldIframe("youtube", "marketing", iframe));
        fake.emit("released", heldIframe("youtube", "marketing", iframe));
      },
    });
    await settle();
    expect(iframe.isConnected).toBe(true);
    expect(hasPlaceholder("youtube")).toBe(false);
  });

  it("names the category when an embed is tagged with one rather than a known service", async () => {
    const iframe = pageWithVideo();
    const ui = setup({ config: shop(), before: (fake) => fake.emit("held", heldIframe(null, "marketing", iframe)) });
    const placeholder = (await placeholderFor("marketing"));
    fireEvent.click(placeholder.screen.getByRole("button", { name: "Allow Marketing" }));
    expect(ui.decisions()).toEqual([["set", { marketing: true }, { source: "preferences" }]]);
  });

  it("stands in only for frames of this page, not for one held in a parsed document the page imports from (DOMParser)", async () => {
    const parsed = new DOMParser().parseFromString(`<div><iframe data-consent="marketing" data-src="/video"></iframe></div>`, "text/html");
    const foreign = parsed.querySelector("iframe")!;
    const ui = setup({ config: shop() });
    ui.emit("held", heldIframe(null, "marketing", foreign));
    await settle();
    expect(parsed.querySelector("consentgate-ui")).toBeNull();
    expect(foreign.style.display).toBe("");
  });

  it("stands in for a frame held in a parsed document just before the page adopts it (Turbo's and htmx's swaps)", async () => {
    const parsed = new DOMParser().parseFromString(`<main><iframe data-consent="marketing" data-src="/video"></iframe></main>`, "text/html");
    const ui = setup({ config: shop() });
    await settle();
    const main = parsed.querySelector("main")!;
    ui.emit("held", heldIframe(null, "marketing", main.querySelector("iframe")!));
    document.body.append(document.adoptNode(main));
    await settle();
    expect(document.body.querySelector("main > consentgate-ui + iframe")).toBeTruthy();
  });

  it("ignores held scripts, pixels and requests", async () => {
    document.body.innerHTML = `<img data-src="https://www.facebook.com/tr?id=1">`;
    const img = document.querySelector("img")!;
    setup({
      config: shop(),
      before: (fake) => fake.emit("held", { service: "facebook-pixel", category: "marketing", kind: "img", target: img }),
    });
    await settle();
    expect(img.isConnected).toBe(true);
    expect(document.querySelector("consentgate-ui[data-embed]")).toBeNull();
  });

  it("takes the iframe's size so the page does not move", async () => {
    const iframe = pageWithVideo();
    setup({ config: shop(), before: (fake) => fake.emit("held", heldIframe("youtube", "marketing", iframe)) });
    const sheets = (await placeholderFor("youtube")).host.shadowRoot!.adoptedStyleSheets;
    // The first layer's sheet, the views' sheet, then its own.
    const own = [...sheets[2].cssRules].map((rule) => rule.cssText).join("");
    expect(own).toMatch(/width: 560px !important/);
    expect(own).toMatch(/min-height: 315px !important/);
  });
});
