import type { Config, ConsentGateApi, View } from "../types";

/** What the core hands the UI when it mounts it: the seam between the halves. */
export interface UiContext {
  config: Config;
  /** The chosen language code, e.g. "de". */
  language: string;
  /** That language's built-in strings for the banner; `config.text[language]` overrides them. */
  strings: Record<string, any>;
  /** Loads the rest of that language, for the views beyond the banner. */
  moreStrings(): Promise<Record<string, any>>;
  /** Every service id the gate knows (config and catalogue) with its category. */
  serviceCategories: Record<string, string>;
  /** Loads one held element for this page view only, storing nothing. */
  releaseOnce(el: Element): void;
}

/** What the UI gives back: the core decides what is shown, the UI shows it. */
export interface UiHandle {
  show(view: View | null): void;
}

export type Mount = (api: ConsentGateApi, ctx: UiContext) => UiHandle;

/** What the core passes to `loadUi`'s mount: `loadUi` adds where the rest of the language is. */
export type CoreContext = Omit<UiContext, "moreStrings">;

/** Built-in UI languages; the first is the fallback. */
export const LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "tr", "lt", "he", "ar"];

/**
 * Picks the UI language: the config's code, else `<html lang>`, else the
 * browser's preferences, else English. "pt-BR" becomes "pt".
 */
export function pickLanguage(configured: string, doc: Document, nav: Navigator): string {
  const wanted =
    configured !== "auto"
      ? [configured]
      : [doc.documentElement.lang, ...(nav.languages || [nav.language])];
  for (const code of wanted) {
    const base = (code || "").toLowerCase().split("-")[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return LANGUAGES[0];
}

/**
 * Loads the UI and the banner's strings in the chosen language (worded for the
 * site's `mode`) in parallel from the core's own directory, as modules so they
 * share one CSP rule and one nonce. The mount it gives back knows where the
 * rest of the language is.
 */
export function loadUi(
  base: string,
  language: string,
  mode: Config["mode"],
): Promise<[(api: ConsentGateApi, ctx: CoreContext) => UiHandle, Record<string, any>]> {
  // A non-literal import() keeps esbuild from bundling the UI into the core.
  const load = (path: string) => import(/* @vite-ignore */ base + path);
  const moreStrings = () => load(`i18n/${language}-views.js`).then((lang) => lang.default);
  return Promise.all([load("consentgate-ui.js"), load(`i18n/${language}-${mode}.js`)]).then(([ui, lang]) => [
    (api, ctx) => ui.mount(api, { ...ctx, moreStrings }),
    lang.default,
  ]);
}
