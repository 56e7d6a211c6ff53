/**
 * Deletes cookies and storage keys of services that are not allowed. A page
 * script cannot know on which domain and path a cookie was set, so it writes
 * an expired copy for every candidate: host-only, every parent domain (the
 * browser refuses the public suffixes by itself), and every path prefix.
 */
export function deleteCookies(
  doc: Document,
  cookie: PropertyDescriptor,
  refused: (name: string) => boolean,
): void {
  const { hostname, pathname, protocol } = doc.location;
  const names = String(cookie.get!.call(doc))
    .split(";")
    .map((pair) => pair.split("=")[0].trim())
    .filter((name) => name && refused(name));
  if (!names.length) return;

  const labels = hostname.split(".");
  const domains = [""];
  for (let i = 0; i < labels.length - 1; i++) domains.push("; Domain=" + labels.slice(i).join("."));
  const paths = ["/"];
  let prefix = "";
  for (const part of pathname.split("/")) {
    if (!part) continue;
    prefix += "/" + part;
    paths.push(prefix, prefix + "/");
  }
  const secure = protocol === "https:" ? "; Secure" : "";

  for (const name of names) {
    for (const domain of domains) {
      for (const path of paths) {
        cookie.set!.call(doc, `${name}=; Max-Age=0; Path=${path}${domain}${secure}`);
      }
    }
  }
}

export function deleteStorage(win: Window, refused: (key: string) => boolean): void {
  for (const area of ["localStorage", "sessionStorage"] as const) {
    try {
      const storage = win[area];
      // A snapshot: Chromium reorders keys as they are removed.
      for (const key of Object.keys(storage)) if (refused(key)) storage.removeItem(key);
    } catch {
      // Storage can be disabled or sandboxed; then there is nothing to delete.
    }
  }
}
