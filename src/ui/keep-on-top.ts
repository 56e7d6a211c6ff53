/**
 * The top layer stacks in opening order: a popover the page opens after ours
 * (a cart toast, a chat bubble) would cover them, so ours go back on top of
 * it. Not above a modal dialog, the page's or our own preferences: that makes
 * ours inert, and a click on one would reach the dialog's content hidden
 * underneath.
 *
 * It comes with the views: the first layer loads them on the first popover
 * the page toggles while the banner is up, which is then already above ours.
 * `lifted` gives the elements lift() put in the top layer, shown or not.
 */
export function keepOnTop(box: Element, lifted: () => (Element | null | undefined)[]) {
  const raise = () => {
    for (const el of lifted() as (HTMLElement | null | undefined)[]) {
      // lift() made it a popover only where the browser has them.
      if (!el?.popover || !el.isConnected || document.querySelector(":modal") || box.querySelector(":modal")) continue;
      // Hidden and shown in one task: nothing renders between, and focus stays.
      el.hidePopover();
      el.showPopover();
    }
  };
  document.addEventListener("toggle", (event) => (event.target as HTMLElement).popover && raise(), true);
  if ("showPopover" in HTMLElement.prototype && document.querySelector(":popover-open")) raise();
}
