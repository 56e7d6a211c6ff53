import { own, ownValue } from "../decide";
import type { CategoryConfig, Config } from "../types";
import { CONSENT_TYPES, DEFAULT_CONSENT_MAP, MAX_COOKIE_DAYS, UI_CHOICES, UNREADABLE, defaults } from "./defaults";
import {
  ALWAYS_REQUIRED,
  BAD_NAME,
  CLAMPED,
  CONFLICT,
  NO_CATEGORY,
  NO_PLACE,
  THROWN,
  UNKNOWN_KEY,
  UNKNOWN_SERVICE,
} from "./problem";
import type { Report } from "./problem";

/** Built-in service ids and their default categories. */
type Catalogue = Record<string, { category: string }>;

type Fields = Record<string, any>;

/** Reads one field: the value to use, or undefined when it is bad (reported for it, the default stays). */
type Reader = (value: unknown, path: string) => unknown;

/** A plain object, as JSON has them: not null, an array, a Map or a Date. */
export const isObject = (v: unknown): v is Fields => Object.prototype.toString.call(v) == "[object Object]";
const flag = (v: unknown) => (typeof v == "boolean" ? v : undefined);
const matching = (pattern: RegExp) => (v: unknown) => (typeof v == "string" && pattern.test(v) ? v : undefined);
/** Blank, a button or heading would have no name: the built-in text stays. */
const text = matching(/\S/);
const oneOf = (choices: readonly unknown[]) => (v: unknown) => (choices.includes(v) ? v : undefined);

/** Category names and service ids end up in the cookie; inherited keys like "constructor" would answer lookups. */
const isName = (v: unknown): v is string => typeof v == "string" && /^[a-z][\w-]{0,31}$/i.test(v) && !(v in Object.prototype);
const name = (v: unknown) => (isName(v) ? v : undefined);
const LANGUAGE = /^(auto|[a-z]{2,3}(-[a-z0-9]{1,8})*)$/i;

/** Browsers drop tabs, newlines and leading controls from URLs, so "java\tscript:" must not pass. */
const url = (v: unknown) => {
  const bare = typeof v == "string" && v.replace(/[\0- ]/g, "");
  return bare && (/^https?:/i.test(bare) || !/^[a-z][a-z\d+.-]*:/i.test(bare)) ? v : undefined;
};

/**
 * Turns whatever the site wrote into a usable config. Never throws: every
 * problem is reported and resolved toward less tracking where it touches
 * consent, and toward the field's default everywhere else. `host` is the
 * page's, to check `cookie.domain` against.
 */
export function validate(input: unknown, catalogue: Catalogue, host: string, report: Report): Config {
  try {
    return normalize(input, catalogue, host, report);
  } catch (error) {
    // A hostile config (a throwing getter, a Proxy) is as unreadable as bad JSON.
    report("config", error, THROWN);
    return normalize(UNREADABLE, catalogue, host, report);
  }
}

function normalize(input: unknown, catalogue: Catalogue, host: string, report: Report): Config {
  const config = defaults();
  if (!isObject(input)) {
    if (input !== UNREADABLE) report("config", input);
    config.unreadable = true;
    return config;
  }

  /** Keeps what a reader made of `v` at `out[key]`; undefined (bad) is reported and the default stays. */
  const keep = (out: Fields, key: string, result: unknown, v: unknown, at: string) =>
    result === undefined ? report(at, v) : (out[key] = result);

  /**
   * Calls `visit` for each entry of an object and gives back `out`; undefined
   * when `value` is no object. An entry set to undefined is not set, as at the top.
   */
  const each = <T>(value: unknown, path: string, out: T, visit: (key: string, v: unknown, at: string) => void) => {
    if (!isObject(value)) return;
    for (const [key, v] of Object.entries(value)) if (v !== undefined) visit(key, v, path + "." + key);
    return out;
  };

  // A category whose consent-deciding fields are unclear is not offered, and
  // the services it lists stay held rather than falling back to the catalogue's category.
  let broken: boolean;

  /**
   * Reads the keys `readers` knows into `out`, which holds the defaults. An
   * unknown key in a category may be a misspelt "sale": that category breaks.
   */
  const fields = <T extends Fields>(value: unknown, path: string, readers: Record<string, Reader>, out: T) =>
    each(value, path, out, (key, v, at) => {
      if (!own(readers, key)) return (broken = true), report(at, key, UNKNOWN_KEY, readers);
      keep(out, key, readers[key](v, at), v, at);
    });

  /** A list whose bad entries are reported (as `kind`, with `extra`) and dropped. */
  const list = (ok: (v: unknown) => unknown, ...kind: [kind?: number, extra?: unknown]) => (value: unknown, path: string) =>
    Array.isArray(value)
      ? value.filter((v, i) => ok(v) !== undefined || (report(`${path}[${i}]`, v, ...kind), false))
      : undefined;

  const decisive = (read: Reader): Reader => (v, at) => read(v, at) ?? (broken = true, undefined);
  /** Services whose entry has a `category` key, valid or not. */
  const explicit = new Set<string>();
  /** Services listed by a category that is not offered. */
  const held = new Set<string>();

  const serviceFields = {
    category: name,
    // At least two labels: one alone ("com") would hold every host under it.
    // The last may be a number (an IP address) or punycode (xn--p1ai). Written
    // as a URL, with a port, a leading "*." or "." or a trailing dot (not with
    // a port), it is still the host meant: dropped, its tracker would run
    // unheld (match.ts reads the plain host).
    hosts: list(matching(/^((https?:)?\/\/)?(\*?\.)?([a-z\d-]+\.)+[a-z\d-]+(\.|:\d+)?(\/\S*)?$/i)),
    cookies: list(matching(/^[^\s;,=*]+\*?$/)),
    title: text,
    description: text,
    policyUrl: url,
  };

  // In this order: categories need the services, googleConsentMode.map the categories.
  const readers: Record<string, Reader> = {
    mode: oneOf(["opt-in", "opt-out"]),

    // Unclear signals are honoured, both of them behind an unknown key (a misspelt one?).
    signals: (value, path) => {
      const honoured = (v: unknown, at: string) => flag(v) ?? (report(at, v), true);
      broken = false;
      const signals = fields(value, path, { gpc: honoured, dnt: honoured }, config.signals);
      return (!broken && signals) || (signals || report(path, value), { gpc: true, dnt: true });
    },

    services: (value, path) =>
      each(value, path, config.services, (id, raw, at) => {
        // Services are read before categories: config.categories holds only
        // "necessary" yet, which allows() and the gate would ask instead of the service.
        if (!isName(id) || own(config.categories, id)) return report(at, id, BAD_NAME);
        const entry = fields(raw, at, serviceFields, { category: "" });
        if (!entry) return report(at, raw);
        if (own(raw as Fields, "category")) explicit.add(id);
        config.services[id] = entry;
      }),

    categories: (value, path) => {
      const known = [...Object.keys(catalogue), ...Object.keys(config.services)];
      /** Holds every service a broken category names, however it names them ("hotjar", ["hotjar"], { hotjar: true }). */
      const hold = (raw: unknown) => {
        for (const id of known) if (JSON.stringify(raw)?.includes(`"${id}"`)) held.add(id);
      };
      const services = (v: unknown, at: string) => {
        const ids = list(oneOf(known), UNKNOWN_SERVICE, known)(v, at);
        return ids && [...new Set(ids)];
      };
      const required = (v: unknown, at: string) =>
        at == "categories.necessary.required" && v === false ? (report(at, v, ALWAYS_REQUIRED), true) : flag(v);
      const categoryFields = {
        services: decisive(services),
        required: decisive(required),
        sale: decisive(flag),
        title: text,
        description: text,
      };
      return each(value, path, config.categories, (key, raw, at) => {
        // allows("hotjar") and set({ hotjar }) must know which one is meant.
        broken = !isName(key) || known.includes(key);
        if (broken) report(at, key, BAD_NAME);
        const category: CategoryConfig = { services: [], required: false, sale: false };
        if (!fields(raw, at, categoryFields, category)) {
          hold(raw);
          if (!broken) report(at, raw);
          return;
        }
        if (key == "necessary") category.required = true;
        // Always on, yet off under GPC: which one the site meant touches consent.
        if (category.required && category.sale) report(at + ".sale", true, ALWAYS_REQUIRED), (broken = true);
        if (broken) hold(raw);
        else config.categories[key] = category;
      });
    },

    revision: (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? v : undefined),

    cookie: (value, path) =>
      fields(value, path, {
        name: matching(/^[\w!#$%&'*+.^`|~-]{1,64}$/),
        domain: (v) => {
          const domain = typeof v == "string" && v.replace(/^\./, "").toLowerCase();
          // The page's host is the domain itself or under it.
          return domain && ("." + host).endsWith("." + domain) ? domain : undefined;
        },
        path: matching(/^\/[^;\s]*$/),
        days: (v, at) =>
          typeof v == "number" && v > 0 ? (v > MAX_COOKIE_DAYS ? (report(at, v, CLAMPED), MAX_COOKIE_DAYS) : v) : undefined,
      }, config.cookie),

    googleConsentMode: (value, path) => {
      const mode = { map: DEFAULT_CONSENT_MAP, advanced: false };
      if (typeof value == "boolean") return value && mode;
      const map = (value: unknown, path: string) => {
        const out: Record<string, string[]> = {};
        return each(value, path, out, (name, raw, at) => {
          if (!own(config.categories, name)) return report(at, name, NO_CATEGORY, config.categories);
          keep(out, name, list(oneOf(CONSENT_TYPES))(raw, at), raw, at);
        });
      };
      return fields(value, path, { map, advanced: flag }, mode);
    },

    language: (v) => matching(LANGUAGE)(v)?.toLowerCase(),

    text: (value, path) =>
      each(value, path, config.text, (language, strings, at) => {
        if (!LANGUAGE.test(language)) return report(at, language, BAD_NAME);
        const texts: Record<string, string> = {};
        if (!each(strings, at, texts, (key, s, at) => keep(texts, key, text(s), s, at))) {
          return report(at, strings);
        }
        // The UI speaks languages, not regions: "pt-BR" overrides Portuguese.
        const code = language.toLowerCase().split("-")[0];
        config.text[code] = { ...config.text[code], ...texts };
      }),

    policyUrl: url,

    ui: (value, path) =>
      fields(value, path, {
        layout: oneOf(UI_CHOICES.layout),
        position: oneOf(UI_CHOICES.position),
        theme: oneOf(UI_CHOICES.theme),
        reopenButton: flag,
      }, config.ui),
  };

  for (const key of Object.keys(input)) if (!own(readers, key)) report(key, key, UNKNOWN_KEY, readers);
  for (const key of Object.keys(readers)) {
    // Own keys only: a polluted Object.prototype (or a config's __proto__) must not set a mode.
    const value = ownValue(input, key);
    if (value === undefined) continue;
    keep(config, key, readers[key](value, key), value, key);
  }
  place(config, explicit, held, catalogue, report);
  return config;
}

/**
 * Every service ends up in exactly one category. One listed twice, or whose
 * declared category disagrees with its list, is taken out of all of them:
 * it stays held until the config says one thing.
 */
function place(
  config: Config,
  explicit: Set<string>,
  held: Set<string>,
  catalogue: Catalogue,
  report: Report,
) {
  const { categories, services } = config;
  // A catalogue id may also be a key the page added to Object.prototype: only own keys count.
  const placed: Record<string, string[]> = {};
  for (const name of Object.keys(categories)) for (const id of categories[name].services) (placed[id] = ownValue(placed, id) || []).push(name);
  for (const [id, names] of Object.entries(placed)) {
    const service = ownValue(services, id);
    const declared = service?.category;
    if (names[1] || (explicit.has(id) && declared != names[0])) {
      // An explicit but invalid category ("") was reported where it was read.
      if (names[1] || declared) report(`services.${id}`, declared, CONFLICT, names);
      held.add(id);
    } else if (service) service.category = names[0];
  }
  for (const [id, service] of Object.entries(services)) {
    if (own(placed, id)) continue;
    if (!explicit.has(id)) {
      if (catalogue[id]) service.category = catalogue[id].category;
      else report(`services.${id}.category`, undefined, NO_PLACE);
    }
    // A name from isName or the catalogue: never an inherited key.
    const category = categories[service.category];
    if (category) category.services.push(id);
    else if (service.category && explicit.has(id)) {
      report(`services.${id}.category`, service.category, NO_CATEGORY, categories);
    }
  }
  for (const id of held) {
    for (const category of Object.values(categories)) category.services = category.services.filter((s) => s != id);
    services[id] = { ...services[id], category: "" };
  }
}
