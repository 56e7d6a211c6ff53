import type { UiContext } from "../api/load-ui";
import type { StringKey } from "./i18n/en";

export type Text = ReturnType<typeof createText>;

/**
 * The UI's words in the chosen language: the built-in strings, then the
 * site's `text` overrides for that language. The banner's strings come first;
 * `add` takes the rest of the language when the views load.
 */
export function createText(ctx: UiContext) {
  const { config, language } = ctx;
  let strings: Record<string, any> = {};
  const add = (more: Record<string, any>) => {
    strings = { ...strings, ...more, ...config.text[language] };
  };
  add(ctx.strings);
  /** Any string by its key, also the `<category>Title` kind; "" when there is none. */
  const lookup = (key: string): string => (typeof strings[key] == "string" ? strings[key] : "");

  return {
    t: (key: StringKey, vars: Record<string, string> = {}) =>
      // Own keys only: "{constructor}" in a site's text stays as typed.
      lookup(key).replace(/\{(\w+)\}/g, (all, name: string) => (vars.hasOwnProperty(name) ? vars[name] : all)),
    lookup,
    add,
    language,
    rtl: language == "he" || language == "ar",

    categoryTitle: (name: string) => config.categories[name]?.title || lookup(name + "Title") || name,
  };
}
