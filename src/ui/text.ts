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
  const lookup = (key: string): string => (typeof strings[key] == "string" ? strings[key] : "");

  return {
    t: (key: StringKey, vars: Record<string, string> = {}) =>
      lookup(key).replace(/\{(\w+)\}/g, (all, name: string) => vars[name] ?? all),
    add,
    language,
    rtl: language == "he" || language == "ar",

    categoryTitle: (name: string) => config.categories[name]?.title || lookup(name + "Title") || name,

    categoryDescription: (name: string) => config.categories[name]?.description || lookup(name + "Description"),

    purpose: (id: string): string | undefined => strings.purposes?.[id],

    list(items: string[]) {
      return Intl.ListFormat ? new Intl.ListFormat(language).format(items) : items.join(", ");
    },
  };
}
