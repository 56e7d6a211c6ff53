import type { UiContext } from "../api/load-ui";
import type { Config, ConsentGateApi, State } from "../types";
import type { Catalogue } from "./service-info";
import type { Text } from "./text";

/** What every component is given: the public API, the core's context, the words and the catalogue. */
export interface Ui {
  api: ConsentGateApi;
  ctx: UiContext;
  text: Text;
  catalogue: Catalogue;
}

/** The categories a visitor can turn on or off, in config order. */
export const optionalCategories = (config: Config) =>
  config.unreadable ? [] : Object.keys(config.categories).filter((name) => !config.categories[name].required);

/** The browser sent a privacy signal that the config honours. */
export const signalHonoured = ({ signals }: State, config: Config) =>
  (signals.gpc && config.signals.gpc) || (signals.dnt && config.signals.dnt);
