import type { UiContext } from "../api/load-ui";
import type { Config, ConsentGateApi, State } from "../types";
import type { Catalogue } from "./service-info";
import type { Surfaces } from "./surface";
import type { Text } from "./text";

/**
 * What the first layer hands the views it loads later. The views take these
 * from here rather than importing them, so that no module is shared between
 * consentgate-ui.js and the views' chunk: a shared module would become a third
 * file on the banner's critical path.
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
  /** The state, as it is now, follows a privacy signal that the config honours. */
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

export const signalHonoured = ({ signals, source }: State, config: Config) =>
  // A choice made with a signal on stands over it (decide.ts): then the signal decided nothing.
  source == "signal" &&
  // GPC turns off only what is sold or shared: without such a category it changed nothing.
  ((signals.gpc && config.signals.gpc && optionalCategories(config).some((name) => config.categories[name].sale)) ||
    (signals.dnt && config.signals.dnt));
