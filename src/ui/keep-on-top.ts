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
  /** `opened`: the page's popover that has just opened, if that is why. */
  const raise = (opened?: HTMLElement) => {
    // A browser without popovers has no top layer to share (and rejects these
    // selectors); else nothing of the page's to go above, or the page's own
    // modal dialog is open, which came after ours and stays on top.
    if (!("showPopover" in HTMLElement.prototype) || !document.querySelector(":popover-open") || document.querySelector(":modal")) return;
    const dialog = box.querySelector<HTMLDialogElement>(":modal");
    if (dialog) {
      // Not over an auto popover (a menu): showModal() would close it, and
      // under our modal dialog nobody can use it until that closes anyway.
      if (!opened || opened.popover == "auto") return;
      // Closed and shown again in one task: nothing renders between. Focus
      // and the scroll go back where they were, which showModal() would move.
      // (The dialog scrolls as a whole in a short window, its list between head and foot otherwise.)
      const focused = activeElement();
      const scrolled = [dialog, dialog.querySelector(".cg-scroll")!].map((el) => [el, el.scrollTop] as const);
      dialog.close();
      dialog.showModal();
      for (const [el, top] of scrolled) el.scrollTop = top;
      focused?.focus();
      return;
    }
    for (const el of lifted() as (HTMLElement | null | undefined)[]) {
      // lift() made it a popover only where the browser has them.
      if (!el?.popover || !el.isConnected) continue;
      // Hidden and shown in one task: nothing renders between, and focus stays.
      el.hidePopover();
      el.showPopover();
    }
  };
  // Only what opens can cover ours (our own popovers' events stay in their shadow roots).
  document.addEventListener(
    "toggle",
    (event) => {
      const target = event.target as HTMLElement;
      if (target.popover && (event as ToggleEvent).newState == "open") raise(target);
    },
    true,
  );
  raise();
  return raise;
}
