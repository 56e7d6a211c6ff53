import type { UiContext } from "../api/load-ui";
import type { StringKey } from "./i18n/en";

export type Text = ReturnType<typeof createText>;

const UNITS = /^(\d+) (second|minute|hour|day|week|month|year)s?$/;

/**
 * The UI's words in the chosen language: the built-in strings, then the
 * site's `text` overrides for that language.
 */
export function createText(ctx: UiContext) {
  const { config, language } = ctx;
  const strings: Record<string, any> = { ...ctx.strings, ...config.text[language] };
  const lookup = (key: string): string => (typeof strings[key] == "string" ? strings[key] : "");

  const t = (key: StringKey, vars: Record<string, string> = {}) =>
    lookup(key).replace(/\{(\w+)\}/g, (all, name: string) => vars[name] ?? all);

  return {
    t,
    language,
    rtl: language == "he" || language == "ar",

    categoryTitle: (name: string) => config.categories[name]?.title || lookup(name + "Title") || name,

    categoryDescription: (name: string) => config.categories[name]?.description || lookup(name + "Description"),

    purpose: (id: string): string | undefined => strings.purposes?.[id],

    list(items: string[]) {
      return Intl.ListFormat ? new Intl.ListFormat(language).format(items) : items.join(", ");
    },

    /** "2 years" in the catalogue becomes "2 Jahre"; anything else is shown as written. */
    duration(text: string) {
      if (text == "session") return t("session");
      const match = UNITS.exec(text);
      try {
        return match
          ? new Intl.NumberFormat(language, { style: "unit", unit: match[2], unitDisplay: "long" }).format(+match[1])
          : text;
      } catch {
        return text; // Safari 14.0 has no unit formatting.
      }
    },
  };
}
