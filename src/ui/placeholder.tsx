import { render } from "preact";
import { own } from "../decide";
import type { GateEvent } from "../types";
import { describeService } from "./service-info";
import type { Ui } from "./ui";

interface PlaceholderProps {
  ui: Ui;
  /** The held service's id, or the category of an embed tagged with one. */
  name: string;
  /** The iframe's own title, which tells several embeds of one service apart. */
  label: string | null;
  /** Its `data-consent`: the category or service the site (or the gate) held it under. */
  tag: string | null;
  allow(): void;
  once(): void;
}

/** Stands in for a held embed: who it is from, why it is hidden, and how to load it. */
export function Placeholder({ ui, name, label, tag, allow, once }: PlaceholderProps) {
  const { t, categoryTitle } = ui.text;
  const { config, categoryOf } = ui.ctx;
  const offered = (category: string | null) => !!category && own(config.categories, category);
  const isCategory = offered(name);
  const service = isCategory ? { title: categoryTitle(name), policyUrl: undefined } : describeService(name, ui);
  const vars = { service: service.title };
  // YouTube's own code titles every player "YouTube video player": no news.
  const heading = label && !label.includes(service.title) ? `${service.title}: ${label}` : service.title;
  // A service whose category the config lacks stays held for the page's
  // whole life (SPEC §3): a button that stores a choice could not load it.
  // Nor can it load a frame the site tagged with another category than the
  // service's own: Allow would store a choice and leave it held.
  const home = categoryOf(name);
  const allowable = isCategory || (offered(home) && (!offered(tag) || tag == home));
  return (
    <div class="cg-ph" role="group" aria-label={heading}>
      <p class="cg-ph-title">{heading}</p>
      <p>{t("embedText", vars)}</p>
      {/* An unreadable config offers nothing to turn on (SPEC §1), not even for this page view. */}
      {!config.unreadable && (
        <div class="cg-ph-actions">
          {allowable && (
            <button class="cg-btn" onClick={allow}>
              {t("allowService", vars)}
            </button>
          )}
          <button class="cg-btn" onClick={once}>
            {t("onlyThisTime")}
          </button>
        </div>
      )}
      {service.policyUrl && (
        <a href={service.policyUrl} target="_blank" rel="noopener">
          {t("embedPolicy", vars)}
        </a>
      )}
    </div>
  );
}

/**
 * A held frame is hidden with an inline `display: none !important`, and keeps
 * the display the page gave it in a custom property beside it, as
 * "display/priority": a copy of the frame (Turbo's cache restoring a page)
 * keeps both, so it gets the page's display back too.
 */
const HELD = "--cg-held";
/** Only where the hiding is still ours: a page's own hiding has no mark, and its display set since stays. */
const hiddenByUs = (style: CSSStyleDeclaration) =>
  style.display == "none" && !!style.getPropertyPriority("display") && !!style.getPropertyValue(HELD);

/**
 * Puts a placeholder where each held iframe was, and the iframe back when the
 * gate releases it (the visitor allowed its service here or in the
 * preferences, or chose "only this time"). `met` learns each held service.
 */
export function watchEmbeds(ui: Ui, met: (service: string) => void) {
  const { api, ctx } = ui;
  const placeholders = new Map<Element, HTMLElement>();

  const restore = (iframe: Element) => {
    const host = placeholders.get(iframe);
    placeholders.delete(iframe);
    if (!placeholders.size) follow.disconnect();
    const hadFocus = host?.shadowRoot?.activeElement;
    host?.remove();
    const style = (iframe as HTMLElement).style;
    if (hiddenByUs(style)) {
      const [display, priority] = style.getPropertyValue(HELD).split("/");
      style.setProperty("display", display, priority);
      style.removeProperty(HELD);
    }
    if (hadFocus) (iframe as HTMLElement).focus();
  };

  /** Hides a held frame, keeping the display the page gave it for its release. */
  const hide = (frame: Element) => {
    const { style } = frame as HTMLElement;
    if (hiddenByUs(style)) return;
    style.setProperty(HELD, style.display + "/" + style.getPropertyPriority("display"));
    style.setProperty("display", "none", "important");
  };
  // One watcher for every placeholder, while there are any: a frame the page
  // moved takes its placeholder along; one it took away takes it away, and
  // brings it back if it comes back (Turbo parks its permanent elements
  // during a visit); one whose style the page wrote (jQuery's show(), a style
  // string) is hidden again, and gets that style back when released.
  const follow = new MutationObserver(() => {
    for (const [frame, host] of placeholders) {
      if (!frame.isConnected) host.remove();
      else {
        if (frame.previousSibling != host) frame.before(host);
        hide(frame);
      }
    }
  });

  const hold = (event: GateEvent) => {
    const { service, category, kind, target } = event;
    const name = service || category;
    if (kind != "iframe" || !name || !(target instanceof Element) || placeholders.has(target)) return;
    // One the page inserts, or adopts from a parsed document (Turbo, htmx), is
    // held just before it enters the page: it is there a microtask later. One
    // left in a parsed document (the source of an importNode) gets none: its copy is held on its own.
    const here = () => target.parentNode && target.ownerDocument == document;
    if (!here()) return queueMicrotask(() => here() && !released.has(target) && hold(event));
    const host = document.createElement("consentgate-ui");
    host.setAttribute("data-embed", name);
    const box = ui.attach(host, size(target));
    // The frame stays in the page, hidden, with the placeholder before it: a
    // framework that rendered it (React) still finds it where it put it, to
    // remove it or insert before it. Hidden through the CSSOM, which a CSP allows.
    hide(target);
    target.before(host);
    placeholders.set(target, host);
    follow.observe(document, { childList: true, subtree: true });
    follow.observe(target, { attributes: true, attributeFilter: ["style"] });
    // The host holds the iframe's place at once; its words follow with the catalogue.
    ui.catalogue.load().then(() =>
      render(
        <Placeholder
          ui={ui}
          name={name}
          label={target.getAttribute("title")}
          tag={target.getAttribute("data-consent")}
          // The iframe comes back when the gate releases it: not when something
          // else still holds it (another service in its srcdoc, a category
          // it is tagged with that is not the service's).
          allow={() => api.set({ [name]: true }, { source: "preferences" })}
          // Restored by its `released` event: a frame whose srcdoc brings in
          // a service still held is not released, and keeps its placeholder.
          once={() => ctx.releaseOnce(target)}
        />,
        box,
      ),
    );
  };

  // Past events come first, in order. An embed released before the UI loaded
  // is already playing: moving it out and back would reload it. `released`
  // holds the embeds released since they were last held.
  const released = new WeakSet<Element>();
  let replaying = true;
  api.on("released", ({ target }) => {
    if (!(target instanceof Element)) return;
    released.add(target);
    if (!replaying) restore(target);
  });
  api.on("held", (event) => {
    if (event.service) met(event.service);
    const target = event.target as Element;
    if (replaying && released.has(target)) return;
    released.delete(target);
    hold(event);
  });
  replaying = false;
}

/**
 * The iframe's box, so the placeholder takes its place without moving the
 * page; a minimum height, so that its text still fits in a small one. Where
 * the page places the iframe itself (a responsive 16:9 box positions it over
 * a spacer), the placeholder is placed the same way: the page's own rules
 * cannot reach past the host's `all: initial`.
 */
function size(iframe: Element) {
  // Its layout size, as the host placed where it is will be laid out: not its
  // size on screen, which a `zoom` or `transform` around it has scaled already.
  const { offsetWidth, offsetHeight } = iframe as HTMLElement;
  const width = offsetWidth || +(iframe.getAttribute("width") || 0);
  const height = offsetHeight || +(iframe.getAttribute("height") || 0);
  const { position, top, right, bottom, left, margin } = getComputedStyle(iframe);
  const place =
    (position == "static" ? "" : `position:${position}!important;inset:${top} ${right} ${bottom} ${left}!important;`) +
    `margin:${margin}!important`;
  return `:host([data-embed]){${width && height ? `width:${width}px!important;min-height:${height}px!important;` : ""}${place}}`;
}
