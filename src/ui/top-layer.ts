/**
 * Ref callback: puts a shown element into the top layer where the browser has
 * one, so it sits above the page's own overlays and a `transform` on <body>
 * cannot clip it. Elsewhere it stays `position: fixed` at the highest z-index.
 * What keeps it above a popover the page opens later is in keep-on-top.ts.
 */
export function lift(el: HTMLElement | null) {
  if (el?.showPopover) {
    el.popover = "manual";
    el.showPopover();
  }
}
