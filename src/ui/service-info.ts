import type { CookieInfo, ServiceInfo } from "../services/service";
import type { Ui } from "./ui";

/**
 * The catalogue's descriptions of its services, fetched when the preferences
 * or a placeholder first need them rather than with the banner, which most
 * visitors answer without looking further. (With esbuild's code splitting on,
 * they become a file of their own; without it, they stay in the bundle.)
 */
export function createCatalogue(loaded: () => void) {
  let infos: Record<string, ServiceInfo> | undefined;
  let loading: Promise<void> | undefined;
  return {
    // Never rejects: without the descriptions, a service shows its id, and
    // a placeholder's buttons and the preferences' switches still work.
    load: () =>
      (loading ??= import("../services/infos").then(
        (module) => {
          infos = module.infos;
          loaded();
        },
        (error) => console.error("[consentgate]", error),
      )),
    get ready() {
      return !!infos;
    },
    info: (id: string) => (infos && Object.prototype.hasOwnProperty.call(infos, id) ? infos[id] : undefined),
  };
}

export type Catalogue = ReturnType<typeof createCatalogue>;

export interface ServiceView {
  title: string;
  purpose: string;
  provider?: string;
  policyUrl?: string;
  cookies: CookieInfo[];
}

/**
 * What the visitor is told about a service: the catalogue's entry in the
 * chosen language, with the site's own `services.<id>` fields on top. The
 * site's cookies add to the catalogue's, as they do in the gate.
 */
export function describeService(id: string, { ctx, purposes, catalogue }: Ui): ServiceView {
  const info = catalogue.info(id);
  const own = ctx.config.services[id];
  const known = info?.cookies || [];
  return {
    title: own?.title || info?.title || id,
    purpose: own?.description || purposes[id] || info?.purpose || "",
    provider: info?.provider,
    policyUrl: own?.policyUrl || info?.policyUrl,
    cookies: [
      ...known,
      ...(own?.cookies || []).filter((name) => !known.some((cookie) => cookie.name == name)).map((name) => ({ name, duration: "" })),
    ],
  };
}

/** The services to list under a category: the config's, then catalogue ones seen on this page. */
export function servicesOf(category: string, { ctx }: Ui, seen: Iterable<string>): string[] {
  const { config, categoryOf } = ctx;
  const ids = new Set(config.categories[category]?.services);
  for (const id of Object.keys(config.services)) if (config.services[id].category == category) ids.add(id);
  for (const id of seen) if (categoryOf(id) == category) ids.add(id);
  return [...ids];
}
