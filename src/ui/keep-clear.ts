/**
 * The page's own values, read before a banner's are set: the next banner may
 * come before the last one's are put back (withdraw() right after a choice).
 */
let own: string[] | undefined;
/** Banners whose padding is set and not yet put back: `own` is read again only when none is. */
let shown = 0;

/**
 * WCAG 2.4.11 (Focus Not Obscured): a page link that Tab reaches under the
 * fixed bar counts as in view, so the browser would leave it there, hidden.
 * While the bar is shown, the root's scroll padding tells the browser which
 * strip it covers (WCAG technique C43): the bar's height and 16px, the box
 * layout's margin. At the bottom, as much padding after the page lets its
 * last links scroll clear; padding before a page would shift it (issue 4:
 * CLS 0), so at the top the page's first links stay under the bar until the
 * visitor scrolls. Set through the CSSOM, which a `style-src` without
 * 'unsafe-inline' allows. The observer also hears of the bar's removal (its
 * height becomes 0), and puts back the page's own values.
 *
 * Only keyboard users need this, so it comes with the views (views.tsx),
 * which the first layer loads on the first Tab: what that Tab focused in the
 * page is scrolled clear once the padding is in (a link clicked earlier is
 * not keyboard focus, and the page stays where the visitor scrolled it).
 */
export function keepClear(layer: HTMLElement, top: boolean) {
  const style = document.documentElement.style as unknown as Record<string, string>;
  const sides = top ? ["scrollPaddingTop"] : ["paddingBottom", "scrollPaddingBottom"];
  const page = (own ||= sides.map((side) => style[side]));
  shown++;
  let first = true;
  const watch = new ResizeObserver(() => {
    const height = layer.offsetHeight;
    // Once no banner's padding is left, the page's values are read again for
    // the next one: the page may change them meanwhile.
    if (!height) watch.disconnect(), --shown || (own = undefined);
    sides.map((side, i) => (style[side] = height ? height + 16 + "px" : page[i]));
    const focused = document.activeElement;
    if (first && focused?.matches(":focus-visible")) focused.scrollIntoView({ block: "nearest" });
    first = false;
  });
  watch.observe(layer);
}
