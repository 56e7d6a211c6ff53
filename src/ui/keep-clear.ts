/** What a layer pads on the root: a bar or box at the top, or at the bottom; the reopen button. */
export const TOP = ["scrollPaddingTop"];
export const BOTTOM = ["paddingBottom", "scrollPaddingBottom"];
export const CORNER = ["scrollPaddingBottom"];

/** The layers kept clear of now, each with the properties it pads. */
const layers = new Map<HTMLElement, string[]>();
/**
 * The page's own value of each property set here, read before it is first
 * set and put back once no layer needs it: the next banner may come before the
 * last one's values are put back (withdraw() right after a choice), and the
 * reopen button comes as the banner goes.
 */
const own: Record<string, string> = {};

/** Each property gets the tallest shown layer's strip, or the page's own value back. */
function fit() {
  const style = document.documentElement.style as unknown as Record<string, string>;
  for (const side of [...TOP, ...BOTTOM]) {
    let height = 0;
    for (const [layer, sides] of layers) if (sides.includes(side)) height = Math.max(height, layer.offsetHeight);
    if (height) {
      if (!(side in own)) own[side] = style[side];
      style[side] = height + 16 + "px";
    } else if (side in own) {
      style[side] = own[side];
      delete own[side];
    }
  }
}

/**
 * WCAG 2.4.11 (Focus Not Obscured): a page link that Tab reaches under the
 * fixed bar, or under the reopen button, counts as in view, so the browser
 * would leave it there, hidden. While one is shown, the root's scroll padding
 * tells the browser which strip it covers (WCAG technique C43): its height
 * and 16px, the box layout's margin and the button's. Under a bottom bar, as
 * much padding after the page lets its last links scroll clear; padding
 * before a page would shift it (issue 4: CLS 0), so at the top the page's
 * first links stay under the bar until the visitor scrolls. The reopen button
 * stays for the whole page view of a visitor who decided: it pads the layout
 * only of a page that scrolls without ConsentGate's padding (`scrolling`),
 * since one that fits its window exactly would get a scrollbar from it. Set through the CSSOM, which
 * a `style-src` without 'unsafe-inline' allows. The observer also hears of
 * the layer's removal (its height becomes 0), and puts back the page's own values.
 *
 * Only keyboard users need this, so it comes with the views (views.tsx),
 * which the first layer loads on the first Tab or with the reopen button:
 * what that Tab focused in the page is scrolled clear once the padding is in
 * (a link clicked earlier is not keyboard focus, and the page stays where
 * the visitor scrolled it).
 */
export function keepClear(layer: HTMLElement, sides: string[], scrolling = sides) {
  layers.set(layer, sides);
  let first = true;
  const watch = new ResizeObserver(() => {
    // Asked here, not when the layer comes: a banner that went as it came
    // (the reopen button after a choice) has had its padding put back by now,
    // its observer being the older one.
    const root = document.documentElement;
    if (first && scrolling != sides && root.scrollHeight > root.clientHeight) layers.set(layer, scrolling);
    if (!layer.offsetHeight) watch.disconnect(), layers.delete(layer);
    fit();
    const focused = document.activeElement;
    if (first && focused?.matches(":focus-visible")) focused.scrollIntoView({ block: "nearest" });
    first = false;
  });
  watch.observe(layer);
}
