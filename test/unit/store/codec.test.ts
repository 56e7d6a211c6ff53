import Cookies from "js-cookie";
import { afterEach, describe, expect, it } from "vitest";
import { decode, encode, newId } from "../../../src/store/codec";
import type { Stored } from "../../../src/types";
import { BAD_COOKIES, GOOD, names } from "../../fixtures/unit/bad-cookies";
import { makeStored } from "../decide/make-config";

/** RFC 6265 cookie-octet: no controls, whitespace, DQUOTE, comma, semicolon or backslash. */
const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/** A crypto whose random bytes are given. */
const fakeCrypto = (bytes: number[]) =>
  ({
    getRandomValues: <T extends ArrayBufferView | null>(array: T) => {
      (array as unknown as Uint8Array).set(bytes);
      return array;
    },
  }) as Crypto;

/** A big but realistic decision: 4 categories, 10 per-service choices with the longest built-in ids, all refused. */
const BIG: Stored = makeStored({
  revision: 12,
  source: "preferences",
  gpc: true,
  dnt: true,
  categories: { functional: false, analytics: false, marketing: false, personalization: false },
  services: Object.fromEntries(
    [
      "google-analytics",
      "google-tag-manager",
      "facebook-messenger",
      "facebook-pixel",
      "firebase-analytics",
      "microsoft-clarity",
      "salesforce-pardot",
      "linkedin-insight",
      "google-recaptcha",
      "tiktok-pixel",
    ].map((id) => [id, false]),
  ),
});

describe("encode and decode", () => {
  it("writes the format documented in the codec's header", () => {
    const stored = makeStored({
      revision: 3,
      time: 1763769600,
      categories: { analytics: true, marketing: false },
      services: { youtube: true },
    });
    expect(encode(stored)).toBe(GOOD);
  });

  it("reads back the decision it wrote", () => {
    const stored = makeStored({ categories: { analytics: true, marketing: false }, services: { youtube: true, hotjar: false } });
    expect(decode(encode(stored))).toEqual(stored);
  });

  it.each([
    ["banner", false, false],
    ["preferences", true, false],
    ["api", false, true],
    ["banner", true, true],
  ] as const)("keeps the source %s with GPC %s and DNT %s", (source, gpc, dnt) => {
    const stored = makeStored({ source, gpc, dnt });
    expect(decode(encode(stored))).toEqual(stored);
  });

  it("reads back a decision that names no category", () => {
    const stored = makeStored({ categories: {}, services: {} });
    expect(encode(stored)).toMatch(/\.$/);
    expect(decode(encode(stored))).toEqual(stored);
  });

  it("reads back the largest revision a config may have", () => {
    const stored = makeStored({ revision: Number.MAX_SAFE_INTEGER });
    expect(decode(encode(stored))).toEqual(stored);
  });

  it("stores whole seconds", () => {
    expect(decode(encode(makeStored({ time: 1763769600.75 })))!.time).toBe(1763769600);
  });

  it("reads a service refused and a category allowed under the same name apart", () => {
    const decoded = decode("1.1.1763769600.a.0.Jx8kQ2mZp4Rt7vWb.youtube~-@youtube");
    expect(decoded).toMatchObject({ categories: { youtube: true }, services: { youtube: false } });
  });

  it("reads a value a little under its length limit", () => {
    const value = GOOD + names(120);
    expect(value.length).toBeLessThanOrEqual(600);
    expect(decode(value)).not.toBeNull();
  });

  it("reads any value a browser would store: 45 categories with 32-character names", () => {
    const categories = Object.fromEntries(Array.from({ length: 45 }, (_, i) => ["c" + String(i).padStart(31, "x"), true]));
    const value = encode(makeStored({ categories, services: {} }));
    expect(value.length).toBeGreaterThan(1500);
    expect(decode(value)!.categories).toEqual(categories);
  });

  it("gives plain maps that answer nothing they were not told", () => {
    const decoded = decode(GOOD)!;
    expect(Object.keys(decoded.categories)).toEqual(["analytics", "marketing"]);
    expect(Object.hasOwn(decoded.categories, "toString")).toBe(false);
  });
});

describe("a bad cookie value", () => {
  it("is tried with at least 30 different values", () => {
    expect(BAD_COOKIES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(BAD_COOKIES)("treats %s as no decision", (_, value) => {
    expect(() => decode(value)).not.toThrow();
    expect(decode(value)).toBeNull();
  });
});

describe("newId", () => {
  it("makes 16 base-36 digits from the platform's random bytes", () => {
    expect(newId(fakeCrypto([0, 1, 2, 9, 10, 35, 36, 37, 71, 72, 107, 127, 128, 251, 252, 255]))).toBe("0129az01z0zjkz03");
  });

  it("makes ids the codec accepts", () => {
    const id = newId(crypto);
    expect(id).toMatch(/^[\w-]{16}$/);
    expect(decode(encode(makeStored({ id })))!.id).toBe(id);
  });

  it("makes a different id each time", () => {
    expect(newId(crypto)).not.toBe(newId(crypto));
  });
});

describe("the stored value", () => {
  afterEach(() => Cookies.remove("consentgate"));

  it("stays under 300 bytes for 4 categories and 10 service choices", () => {
    const cookie = `consentgate=${encode(BIG)}`;
    expect(new TextEncoder().encode(cookie).length).toBeLessThan(300);
  });

  it("uses only characters a cookie may hold unencoded", () => {
    expect(encode(BIG)).toMatch(COOKIE_OCTETS);
    expect(GOOD).toMatch(COOKIE_OCTETS);
  });

  it("is stored by js-cookie verbatim", () => {
    const value = encode(BIG);
    Cookies.set("consentgate", value);
    expect(document.cookie.split("; ")).toContain(`consentgate=${value}`);
    expect(decode(Cookies.get("consentgate"))).toEqual(BIG);
  });
});
