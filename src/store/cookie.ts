import Cookies from "js-cookie";
import type { CookieConfig } from "../types";

/** Where the decision lives; tests use an in-memory one. */
export interface ConsentStore {
  read(): string | undefined;
  write(value: string): void;
  clear(): void;
}

/** The first-party consent cookie (SPEC §5): SameSite=Lax, Secure on https. */
export function cookieStore(cookie: CookieConfig, secure: boolean): ConsentStore {
  const jar = Cookies.withAttributes({
    path: cookie.path,
    domain: cookie.domain,
    sameSite: "Lax",
    secure,
  });
  return {
    read: () => jar.get(cookie.name),
    write: (value) => {
      jar.set(cookie.name, value, { expires: cookie.days });
    },
    clear: () => jar.remove(cookie.name),
  };
}
