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
  /** The category a service (of the config or the catalogue) is held under. */
  categoryOf(id: string): string;
  /** Loads one held element for this page view only, storing nothing. */
  releaseOnce(el: Element): void;
}

/** What the UI gives back: the core decides what is shown, the UI shows it. */
export interface UiHandle {
  show(view: View | null): void;
}

export type Mount = (api: ConsentGateApi, ctx: UiContext) => UiHandle;

/** Built-in UI languages; the first is the fallback. */
export const LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "tr", "lt", "he", "ar"];

/**
 * Picks the UI language: the config's code, else `<html lang>`, else the
 * browser's preferences, else English. "pt-BR" becomes "pt". A configured
 * language the UI does not speak falls back as "auto" would, not to English.
 */
export function pickLanguage(configured: string, doc: Document, nav: Navigator): string {
  for (const code of [configured, doc.documentElement.lang, ...(nav.languages || [nav.language])]) {
    const base = (code || "").toLowerCase().split("-")[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return LANGUAGES[0];
}

/** A file next to the core, as a module. A non-literal import() keeps esbuild from bundling it in. */
export const load = (base: string, path: string) => import(/* @vite-ignore */ base + path);
