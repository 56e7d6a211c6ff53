import type { Stored } from "../types";

/**
 * The consent cookie's value, format 1 (documented in the README so a site's
 * server can write it too):
 *
 *   1.<revision>.<time>.<source>.<signals>.<id>.<choices>
 *   1.3.1763769600.b.0.Jx8kQ2mZp4Rt7vWb.analytics~-marketing~@youtube
 *
 * time: seconds since the epoch; source: b(anner), p(references), a(pi);
 * signals: 1 = GPC was on, 2 = DNT was on (summed); id: 16 url-safe characters;
 * choices: `~`-joined names, `-` before a refused one, `@` before a service id.
 * Every character is cookie-safe, so the cookie store writes it as is.
 */
const FORMAT = "1";

/** Where a decision was made; each is stored as its first letter. */
export const SOURCES = ["banner", "preferences", "api"] as const;
const SHAPE = /^1\.(\d{1,16})\.(\d{1,11})\.([bpa])\.([0-3])\.([\w-]{16})\.(.*)$/;

export function encode(stored: Stored): string {
  const choices = [
    ...Object.entries(stored.categories).map(([name, on]) => (on ? "" : "-") + name),
    ...Object.entries(stored.services).map(([id, on]) => (on ? "@" : "-@") + id),
  ];
  return [
    FORMAT,
    stored.revision,
    Math.floor(stored.time),
    stored.source[0],
    (stored.gpc ? 1 : 0) + (stored.dnt ? 2 : 0),
    stored.id,
    choices.join("~"),
  ].join(".");
}

/** Anything that is not exactly format 1 is "no decision", never an exception. */
export function decode(value: unknown): Stored | null {
  // Any value a browser stores (4,096 bytes with the name) reads back: a
  // config with many categories must not lose its visitors' choices.
  const match = typeof value == "string" && value.length <= 4096 && SHAPE.exec(value);
  if (!match) return null;
  const [, revision, time, source, signals, id, choices] = match;
  const stored: Stored = {
    revision: +revision,
    time: +time,
    source: SOURCES.find((name) => name[0] === source)!,
    gpc: (+signals & 1) === 1,
    dnt: (+signals & 2) === 2,
    id,
    categories: {},
    services: {},
  };
  for (const choice of choices ? choices.split("~") : []) {
    const [, refused, service, key] = /^(-?)(@?)([A-Za-z][\w-]{0,31})$/.exec(choice) || [];
    if (!key) return null;
    const map = service ? stored.services : stored.categories;
    if (key in map || key in Object.prototype) return null;
    map[key] = !refused;
  }
  return stored;
}

/**
 * An opaque id from the platform's CSPRNG, for proof of consent: 16 base-36
 * digits, about 82 bits (an alphabet of 64 would cost every page its bytes).
 */
export function newId(crypto: Crypto): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b % 36).toString(36)).join("");
}
