import type { UiContext } from "../api/load-ui";
import type { Config, ConsentGateApi } from "../types";
import type { Catalogue } from "./service-info";
import type { Surfaces } from "./surface";
import type { Text } from "./text";

/**
 * What the first layer hands the views it loads later. The views take these
 * from here rather than importing them, so that no module is shared between
 * the banner's file and the views' chunk: a shared module would become a
 * second file on the banner's critical path.
 */
export interface Kit {
  api: ConsentGateApi;
  ctx: UiContext;
  text: Text;
  surfaces: Surfaces;
  /** Puts an element into the top layer (see top-layer.ts). */
  lift(el: HTMLElement | null): void;
  /** The categories a visitor can turn on or off, in config order. */
  optional: string[];
  /**
   * A privacy signal decides something now: decide.ts gives the source "signal"
   * only where the config honours it and it turned a category off (GPC one
   * that is sold or shared), and not once a choice made with it on stands over it.
   */
  honoured(): boolean;
}

/** What every component of the views is given: the kit, the catalogue's texts, and hosts styled for the views. */
export interface Ui extends Kit {
  catalogue: Catalogue;
  /** The built-in services' purposes in the chosen language (English ones are in the catalogue). */
  purposes: Record<string, string>;
  /** A new `<consentgate-ui>` host's box; `css` adds rules for that host only. */
  attach(host: HTMLElement, css?: string): HTMLElement;
}

export const optionalCategories = (config: Config) =>
  config.unreadable ? [] : Object.keys(config.categories).filter((name) => !config.categories[name].required);

