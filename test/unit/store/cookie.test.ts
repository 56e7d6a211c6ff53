import Cookies from "js-cookie";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "../../../src/store/codec";
import { NOT_STORED } from "../../../src/config/problem";
import { cookieStore } from "../../../src/store/cookie";
import type { CookieConfig } from "../../../src/types";
import { makeStored } from "../decide/make-config";

const COOKIE = { name: "consentgate", path: "/", days: 182 };
const report = vi.fn();

/** document.cookie's own accessor, found up the prototype chain. */
function cookieAccessor(): PropertyDescriptor {
  for (let o: object | null = document; o; o = Object.getPrototypeOf(o)) {
    const descriptor = Object.getOwnPropertyDescriptor(o, "cookie");
    if (descriptor) return descriptor;
  }
  throw new Error("no document.cookie");
}
const ACCESSOR = cookieAccessor();

/** What the store assigns to document.cookie, attributes and all. */
function spyOnWrites() {
  const writes: string[] = [];
  Object.defineProperty(document, "cookie", {
    configurable: true,
    get: () => ACCESSOR.get!.call(document),
    set: (value: string) => {
      writes.push(value);
      ACCESSOR.set!.call(document, value);
    },
  });
  return writes;
}

afterEach(() => {
  report.mockClear();
  Reflect.deleteProperty(document, "cookie");
  Cookies.remove("consentgate");
  Cookies.remove("other");
});

describe("cookieStore", () => {
  it("reads back what it wrote", () => {
    const store = cookieStore(COOKIE, false, report);
    const value = encode(makeStored());
    store.write(value);
    expect(store.read()).toBe(value);
    expect(decode(store.read())).toEqual(makeStored());
  });

  it("reports a write the browser did not keep, naming the cookie and where it went", () => {
    const store = cookieStore({ ...COOKIE, domain: "co.uk" }, false, report);
    Object.defineProperty(document, "cookie", { configurable: true, get: () => "", set: () => {} });
    store.write("v");
    expect(report).toHaveBeenCalledWith("consentgate", "domain co.uk, path /", NOT_STORED);
  });

  it("reads nothing, writes nothing and reports the write where cookies throw (a sandboxed document)", () => {
    const store = cookieStore(COOKIE, false, report);
    const sandboxed = () => {
      throw new DOMException("The document is sandboxed", "SecurityError");
    };
    Object.defineProperty(document, "cookie", { configurable: true, get: sandboxed, set: sandboxed });
    expect(store.read()).toBeUndefined();
    expect(() => store.write("v")).not.toThrow();
    expect(() => store.write("")).not.toThrow();
    expect(report).toHaveBeenCalledWith("consentgate", "domain host-only, path /", NOT_STORED);
  });

  it("reports nothing when the write was kept", () => {
    cookieStore(COOKIE, false, report).write("v");
    expect(report).not.toHaveBeenCalled();
  });

  it("reads nothing when there is no cookie", () => {
    expect(cookieStore(COOKIE, false, report).read()).toBeUndefined();
  });

  it("forgets the decision with an empty value, which it reads back as such (a withdrawal)", () => {
    const store = cookieStore(COOKIE, false, report);
    store.write(encode(makeStored()));
    store.write("");
    expect(store.read()).toBe("");
    expect(report).not.toHaveBeenCalled();
  });

  it("uses the configured cookie name", () => {
    const store = cookieStore({ ...COOKIE, name: "other" }, false, report);
    store.write("x");
    expect(Cookies.get("other")).toBe("x");
    expect(Cookies.get("consentgate")).toBeUndefined();
  });

  it("writes Path, SameSite=Lax and an expiry cookie.days ahead", () => {
    const writes = spyOnWrites();
    const before = Date.now();
    cookieStore(COOKIE, false, report).write("v");
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^consentgate=v; /);
    expect(writes[0]).toContain("; path=/");
    expect(writes[0]).toContain("; sameSite=Lax");
    expect(writes[0]).not.toMatch(/secure/i);
    expect(writes[0]).not.toMatch(/domain/i);
    const expires = Date.parse(/expires=([^;]+)/.exec(writes[0])![1]);
    expect(Math.abs(expires - (before + 182 * 864e5))).toBeLessThan(2000);
  });

  it("adds Secure on https and the configured domain and path", () => {
    const writes = spyOnWrites();
    cookieStore({ name: "consentgate", path: "/shop", domain: "localhost", days: 1 }, true, report).write("v");
    expect(writes[0]).toContain("; path=/shop");
    expect(writes[0]).toContain("; domain=localhost");
    expect(writes[0]).toContain("; secure");
  });

  it("keeps the empty value of a withdrawal for cookie.days, on the path and domain of the decision", () => {
    const writes = spyOnWrites();
    cookieStore({ name: "consentgate", path: "/shop", domain: "localhost", days: 1 }, false, report).write("");
    expect(writes[0]).toMatch(/^consentgate=; /);
    expect(writes[0]).toContain("; path=/shop");
    expect(writes[0]).toContain("; domain=localhost");
    expect(Date.parse(/expires=([^;]+)/.exec(writes[0])![1])).toBeGreaterThan(Date.now() + 864e5 - 5000);
  });

  it("reads a cookie with a broken percent-encoding as nothing, without throwing", () => {
    document.cookie = "consentgate=%E0%A4%A";
    const store = cookieStore(COOKIE, false, report);
    expect(() => store.read()).not.toThrow();
    expect(decode(store.read())).toBeNull();
  });

  it("reads a value a server wrote in quotes as the value itself", () => {
    const value = encode(makeStored());
    document.cookie = `consentgate="${value}"`;
    expect(decode(cookieStore(COOKIE, false, report).read())).toEqual(makeStored());
  });
});

// The store reads and writes its one cookie itself: js-cookie, 344 B brotli of
// generic converters in every page's core, is the reference it is checked against.
describe("cookieStore against js-cookie", () => {
  /** Makes document.cookie answer `jar` and record what is assigned. */
  function fakeJar(jar: string) {
    const writes: string[] = [];
    Object.defineProperty(document, "cookie", {
      configurable: true,
      get: () => jar,
      set: (value: string) => void writes.push(value),
    });
    return writes;
  }
  const value = encode(makeStored({ services: { youtube: true, "google-analytics": false } }));

  it.each([
    ["nothing", ""],
    ["the value alone", `consentgate=${value}`],
    ["the value among others", `a=1; consentgate=${value}; b=2`],
    ["two copies: the first wins", `consentgate=first; consentgate=${value}`],
    ["a quoted value", `consentgate="${value}"`],
    ["a percent-encoded value", `consentgate=${encodeURIComponent(value).replace(/\./g, "%2E")}`],
    ["a value with an equals sign", "consentgate=a=b"],
    ["an encoded name", `consent%67ate=${value}`],
    ["a similar name", `consentgate2=x; xconsentgate=y`],
  ])("reads what js-cookie reads: %s", (_, jar) => {
    fakeJar(jar);
    let expected: string | undefined;
    try {
      expected = Cookies.get("consentgate");
    } catch {
      expected = undefined;
    }
    expect(cookieStore(COOKIE, false, report).read()).toBe(expected);
  });

  // Where js-cookie is wrong for a consent cookie, it is not followed.
  it("reads a pair without '=' as the nameless cookie the browser has, not as an empty decision (js-cookie reads '')", () => {
    fakeJar(`consentgate; consentgate=${value}`);
    expect(Cookies.get("consentgate")).toBe("");
    expect(cookieStore(COOKIE, false, report).read()).toBe(value);
    fakeJar("consentgate");
    expect(cookieStore(COOKIE, false, report).read()).toBeUndefined();
  });

  it.each(["%E0%A4%A", "%FF", `${value}%E9`])(
    "reads a value that does not decode, %s, as found and malformed, not as no cookie (js-cookie skips it)",
    (stored) => {
      fakeJar(`consentgate=${stored}`);
      expect(Cookies.get("consentgate")).toBeUndefined();
      const read = cookieStore(COOKIE, false, report).read();
      expect(read).toBeTypeOf("string");
      expect(decode(read)).toBeNull();
    },
  );

  it.each([
    [COOKIE, false],
    [{ name: "cg_%consent", path: "/shop", domain: "example.com", days: 30.5 }, true],
  ] as [CookieConfig, boolean][])("writes a decision and a withdrawal's empty value as js-cookie writes them: %j, secure %s", (config, secure) => {
    const ours = fakeJar("");
    const store = cookieStore(config, secure, report);
    const theirs: string[] = [];
    const now = Date.now();
    const clock = vi.spyOn(Date, "now").mockReturnValue(now);
    store.write(value);
    store.write("");
    const jar = Cookies.withAttributes({ path: config.path, domain: config.domain, sameSite: "Lax", secure });
    Object.defineProperty(document, "cookie", { configurable: true, get: () => "", set: (v: string) => void theirs.push(v) });
    jar.set(config.name, value, { expires: config.days });
    jar.set(config.name, "", { expires: config.days });
    clock.mockRestore();
    expect(ours).toEqual(theirs);
  });
});
