import { describe, expect, it } from "vitest";
import { decide, usable } from "../../../src/decide";
import { decode, encode } from "../../../src/store/codec";
import type { Stored } from "../../../src/types";
import { NOW, NO_SIGNALS, catalogue, makeConfig, makeStored } from "../decide/make-config";

const DAY = 86400;
const config = makeConfig({ revision: 3, cookie: { name: "consentgate", path: "/", days: 30 } });
const fresh = (fields: Partial<Stored> = {}) => makeStored({ revision: 3, ...fields });

/** Well-formed values the codec reads, but that do not count for this config (SPEC §5). */
const STALE: [string, Stored][] = [
  ["an unknown category", fresh({ categories: { analytics: true, marketing: true, statistics: true } })],
  ["an unknown service", fresh({ services: { "not-a-service": true } })],
  ["a category named like a built-in service", fresh({ categories: { analytics: true, hotjar: true } })],
  ["a time more than a day ahead", fresh({ time: NOW + DAY + 1 })],
  ["a time far in the future", fresh({ time: 99999999999 })],
  ["a time older than cookie.days", fresh({ time: NOW - 30 * DAY - 1 })],
  ["the epoch as time", fresh({ time: 0 })],
  ["an older revision", fresh({ revision: 2 })],
  ["revision 0 under revision 3", fresh({ revision: 0 })],
  ["a newer revision", fresh({ revision: 4 })],
];

describe("a stored decision that does not fit the config", () => {
  it.each(STALE)("treats %s as no decision", (_, stored) => {
    const decoded = decode(encode(stored));
    expect(decoded).toEqual(stored);
    expect(usable(config, catalogue, decoded, NOW)).toBeNull();
    const { state, ask } = decide(config, catalogue, decoded, NO_SIGNALS, NOW);
    expect(state).toMatchObject({
      decided: false,
      categories: { necessary: true, analytics: false, marketing: false },
      source: "default",
      updatedAt: null,
      id: null,
    });
    expect(ask).toBe(true);
  });
});

describe("a stored decision that fits the config", () => {
  it.each([
    ["made a second ago", fresh({ time: NOW - 1 })],
    ["made up to a day ahead, for clock skew", fresh({ time: NOW + DAY })],
    ["exactly cookie.days old", fresh({ time: NOW - 30 * DAY })],
    ["naming a service the config declares", fresh({ services: { "own-chat": false } })],
    ["naming a built-in service the config does not", fresh({ services: { youtube: true } })],
    ["naming the required category", fresh({ categories: { necessary: true, analytics: true, marketing: false } })],
  ])("counts a decision %s", (_, stored) => {
    const withChat = { ...config, services: { "own-chat": { category: "analytics" } } };
    expect(usable(withChat, catalogue, stored, NOW)).toBe(stored);
  });

  it("is not thrown off by a category named like an Object.prototype member", () => {
    const stored = fresh({ categories: { analytics: true, marketing: true, constructor: true } });
    expect(usable(config, catalogue, stored, NOW)).toBeNull();
  });
});
