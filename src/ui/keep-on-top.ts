import { activeElement } from "./modal";

/**
 * The top layer stacks in opening order: a popover the page opens after ours
 * (a cart toast, a chat bubble) would cover them, so ours go back on top of
 * it. Our preferences, a modal dialog, go back on top too. The banner does
 * not go above a modal dialog, the page's or our preferences: that makes the
 * banner inert, and a click on it would reach the dialog's content hidden
 * underneath; it goes back on top once the preferences close (the returned
 * function, which the views call on every change of view).
 *
 * It comes with the views: the first layer loads them on the first popover
 * the page toggles while the banner is up, which is then already above ours.
 * `lifted` gives the elements lift() put in the top layer, shown or not.
 */
export function keepOnTop(box: Element, lifted: () => (Element | null | undefined)[]) {
  const raise = () => {
    // Nothing of the page's to go above.
    if (!document.querySelector(":popover-open")) return;
    const dialog = box.querySelector<HTMLDialogElement>(":modal");
    if (dialog) {
      // Closed and shown again in one task: nothing renders between; focus
      // goes back where it was, which showModal() would have moved.
      const focused = activeElement();
      dialog.close();
      dialog.showModal();
      focused?.focus();
      return;
    }
    for (const el of lifted() as (HTMLElement | null | undefined)[]) {
      // lift() made it a popover only where the browser has them.
      if (!el?.popover || !el.isConnected || document.querySelector(":modal")) continue;
      // Hidden and shown in one task: nothing renders between, and focus stays.
      el.hidePopover();
      el.showPopover();
    }
  };
  document.addEventListener("toggle", (event) => (event.target as HTMLElement).popover && raise(), true);
  if ("showPopover" in HTMLElement.prototype) raise();
  return raise;
}
