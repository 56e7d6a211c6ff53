/**
 * Ref callback for the preferences: opens the dialog as a modal (the rest of
 * the page becomes inert), moves focus into it, and on unmount closes it and
 * returns focus to the element that had it before.
 */
export function modal(dialog: HTMLDialogElement | null) {
  if (!dialog) return;
  const opener = activeElement();
  if (typeof dialog.showModal == "function") dialog.showModal();
  else dialog.setAttribute("open", "");
  dialog.querySelector("button")?.focus();
  return () => {
    if (dialog.open && dialog.close) dialog.close();
    opener?.focus();
  };
}

/** Keeps Tab and Shift+Tab inside the dialog, whose first and last buttons are always shown. */
export function trapFocus(event: KeyboardEvent) {
  const dialog = event.currentTarget as HTMLElement;
  const buttons = dialog.querySelectorAll("button");
  const first = buttons[0];
  const last = buttons[buttons.length - 1];
  const active = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
  if (event.shiftKey ? active == first : active == last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/** The focused element, looking into open shadow roots (ours included). */
export function activeElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el as HTMLElement | null;
}
