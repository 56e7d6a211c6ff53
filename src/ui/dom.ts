type Child = Node | string | false | null | undefined;

/**
 * Builds an element for the first layer, which is drawn once and so needs no
 * renderer: `on<event>` props become listeners; false and null props, and
 * empty children, are left out.
 */
export function h(tag: string, props: Record<string, unknown> | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const key in props) {
    const value = props[key];
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value as EventListener);
    else if (value != null && value !== false) el.setAttribute(key, value as string); // setAttribute makes a string of it
  }
  el.append(...(children.filter(Boolean) as (Node | string)[]));
  return el;
}
