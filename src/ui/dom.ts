type Child = Node | string | false | null | undefined;
export type Props = Record<string, string | boolean | (() => void)>;

/**
 * Builds an element for the first layer, which is drawn once and so needs no
 * renderer: `on<event>` props set the element's handler for that event
 * (`el.onclick`: one each is all it needs); false props, and empty children,
 * are left out.
 */
export function h(tag: string, props: Props | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const key in props) {
    const value = props[key];
    if (key.startsWith("on")) (el as any)[key] = value;
    else if (value !== false) el.setAttribute(key, value as string); // setAttribute makes a string of it
  }
  el.append(...(children.filter(Boolean) as (Node | string)[]));
  return el;
}
