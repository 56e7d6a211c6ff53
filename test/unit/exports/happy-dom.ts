/** SPEC §4, member by member. */
export const SPEC_MEMBERS = {
  get: "function",
  allows: "function",
  acceptAll: "function",
  rejectAll: "function",
  set: "function",
  withdraw: "function",
  open: "function",
  close: "function",
  on: "function",
  version: "string",
} as const;

/**
 * happy-dom gives each window its own Document subclass, so `cookie` is not an
 * own property of `window.Document.prototype` as it is in browsers, and the
 * gate (src/gate/intercept.ts) reads it from there. Put it where browsers have it.
 */
export function giveDocumentPrototypeItsCookie() {
  const proto = (window as unknown as { Document: typeof Document }).Document.prototype;
  if (Object.getOwnPropertyDescriptor(proto, "cookie")) return;
  for (let o: object | null = document; o; o = Object.getPrototypeOf(o)) {
    const descriptor = Object.getOwnPropertyDescriptor(o, "cookie");
    if (descriptor) return Object.defineProperty(proto, "cookie", descriptor);
  }
}

