/**
 * Ref callback: puts a shown element into the top layer where the browser has
 * one, so it sits above the page's own overlays and a `transform` on <body>
 * cannot clip it. Elsewhere it stays `position: fixed` at the highest z-index.
 */
export function lift(el: HTMLElement | null) {
  if (el?.showPopover) {
    el.popover = "manual";
    el.showPopover();
    // The top layer stacks in opening order: a popover the page opens later
    // would cover ours, which goes back on top of it (also when one closes,
    // which changes nothing the visitor sees). Not above a modal
    // dialog, the page's or our own preferences: that makes ours inert, and
    // a click on it would reach the dialog's content hidden underneath. Once ours is gone (the UI removes
    // what it hides), the listener does nothing.
    document.addEventListener(
      "toggle",
      (event) => {
        if (
          (event.target as HTMLElement).popover &&
          el.isConnected &&
          !(document.querySelector(":modal") || el.parentNode!.querySelector(":modal"))
        ) {
          el.hidePopover();
          el.showPopover();
        }
      },
      true,
    );
  }
}
