/**
 * The test site lives at www.shop.test (and shop.test, *.shop.test), mapped to
 * 127.0.0.1 inside Chromium, so that cookies with `Domain=shop.test` behave as
 * on a real site. Every other host is a third party: the session answers it
 * locally and records it, and DNS for it fails if anything slips past.
 */
export const SITE = "shop.test";
export const SITE_HOST = `www.${SITE}`;

export function isSiteHost(host: string): boolean {
  return (
    host === SITE ||
    host.endsWith(`.${SITE}`) ||
    host === "localhost" ||
    host === "127.0.0.1"
  );
}

export const HOST_RESOLVER_RULES = [
  `MAP ${SITE_HOST} 127.0.0.1`,
  `MAP ${SITE} 127.0.0.1`,
  `MAP *.${SITE} 127.0.0.1`,
  "MAP * ~NOTFOUND",
  "EXCLUDE localhost",
  "EXCLUDE 127.0.0.1",
].join(", ");
