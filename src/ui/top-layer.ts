/**
 * Ref callback: puts a shown element into the top layer where the browser has
 * one, so it sits above the page's own overlays and a `transform` on <body>
 * cannot clip it. Elsewhere it stays `position: fixed` at the highest z-index.
 */
export function lift(el: HTMLElement | null) {
  if (el?.showPopover) {
    el.popover = "manual";
    el.showPopover();
    // The top layer stacks in opening order: a popover or modal dialog the
    // page opens later would cover ours, which goes back on top of it. Once
    // ours is gone (the UI removes what it hides), the listener does nothing.
    document.addEventListener(
      "toggle",
      (event) => {
        if ((event as ToggleEvent).newState == "open" && el.isConnected) {
          el.hidePopover();
          el.showPopover();
        }
      },
      true,
    );
  }
}
