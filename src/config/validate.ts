import type { CategoryConfig, Config, ServiceConfig } from "../types";
import { CONSENT_TYPES, DEFAULT_CONSENT_MAP, MAX_COOKIE_DAYS, UNREADABLE, defaults } from "./defaults";

/** Reports one problem; `path` names the field, as in `categories.analytics.services[1]`. */
export type Report = (path: string, message: string) => void;

export interface ValidateContext {
  /** Built-in service ids and their default categories. */
  catalogue: Record<string, { category: string }>;
  /** The page's host, to check `cookie.domain` against. */
  host: string;
}

/** Category names and service ids end up in the cookie; this keeps them safe there. */
const NAME_PATTERN = /^[A-Za-z][\w-]{0,31}$/;
/** Inherited keys like "constructor" would answer lookups on plain objects. */
export const isName = (v: unknown): v is string => typeof v === "string" && NAME_PATTERN.test(v) && !(v in Object.prototype);
const COOKIE_NAME = /^[\w!#$%&'*+.^`|~-]{1,64}$/;
const LANGUAGE = /^(auto|[a-z]{2,3}(-[A-Za-z0-9]{1,8})*)$/;
const DEFAULT_TITLES: Record<string, string> = {
  necessary: "Strictly necessary",
  functional: "Functional",
  analytics: "Analytics",
  marketing: "Marketing",
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Short, readable rendering of a bad value for an error message. */
export function show(value: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 60 ? s.slice(0, 57) + "…" : s;
}

/** The closest candidate within a small edit distance, for "did you mean". */
export function suggest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

const didYouMean = (word: string, candidates: string[]) => {
  const s = suggest(word, candidates);
  return s ? ` — did you mean "${s}"?` : "";
};

/** Browsers drop tabs, newlines and leading controls from URLs, so "java\tscript:" must not pass. */
export function isSafeUrl(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const url = v.replace(/[\u0000-\u0020]/g, "");
  return url !== "" && (/^https?:/i.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url));
}

const TOP_KEYS = [
  "categories",
  "services",
  "mode",
  "signals",
  "revision",
  "cookie",
  "googleConsentMode",
  "language",
  "text",
  "policyUrl",
  "ui",
];

/**
 * Turns whatever the site wrote into a usable config. Never throws: every
 * problem is reported and resolved toward less tracking where it touches
 * consent, and toward the field's default everywhere else.
 */
export function validate(input: unknown, ctx: ValidateContext, report: Report): Config {
  const config = defaults();
  if (!isObject(input)) {
    if (input !== UNREADABLE) report("config", `expected an object, got ${show(input)}; every optional category stays off`);
    config.unreadable = true;
    return config;
  }

  const bad = (path: string, value: unknown, expected: string, fallback?: string) =>
    report(path, `${show(value)} is not ${expected}${fallback ? `; using ${fallback}` : ""}`);

  for (const key of Object.keys(input)) {
    if (!TOP_KEYS.includes(key)) report(key, `unknown key, ignored${didYouMean(key, TOP_KEYS)}`);
  }

  // Modes and signals decide consent: anything unclear means less tracking.
  const { mode } = input;
  if (mode !== undefined) {
    if (mode === "opt-in" || mode === "opt-out") config.mode = mode;
    else bad("mode", mode, `"opt-in" or "opt-out"`, `"opt-in"`);
  }

  const { signals } = input;
  if (signals !== undefined) {
    if (!isObject(signals)) {
      bad("signals", signals, "an object", "both signals honoured");
      config.signals = { gpc: true, dnt: true };
    } else {
      for (const key of Object.keys(signals)) {
        const value = signals[key];
        if (key !== "gpc" && key !== "dnt") report(`signals.${key}`, "unknown key, ignored");
        else if (typeof value === "boolean") config.signals[key] = value;
        else {
          bad(`signals.${key}`, value, "a boolean", "honoured");
          config.signals[key] = true;
        }
      }
    }
  }

  const explicit = new Set<string>();
  config.services = readServices(input.services, explicit, report);
  const known = [...Object.keys(ctx.catalogue), ...Object.keys(config.services)];

  config.categories = readCategories(input.categories, known, report);
  resolvePlacement(config, explicit, ctx, report);

  const { revision } = input;
  if (revision !== undefined) {
    if (Number.isSafeInteger(revision) && (revision as number) >= 0) config.revision = revision as number;
    else bad("revision", revision, "a whole number ≥ 0", "1");
  }

  readCookie(input.cookie, config, ctx.host, report);

  const gcm = input.googleConsentMode;
  if (gcm === true) config.googleConsentMode = { map: DEFAULT_CONSENT_MAP, advanced: false };
  else if (isObject(gcm)) config.googleConsentMode = readConsentMode(gcm, config, report);
  else if (gcm !== undefined && gcm !== false) bad("googleConsentMode", gcm, "true, false or an object", "false");

  const { language } = input;
  if (language !== undefined) {
    if (typeof language === "string" && LANGUAGE.test(language)) config.language = language.toLowerCase();
    else bad("language", language, `"auto" or a language code like "de"`, `"auto"`);
  }

  readText(input.text, config, report);

  const { policyUrl } = input;
  if (policyUrl !== undefined) {
    if (isSafeUrl(policyUrl)) config.policyUrl = policyUrl;
    else bad("policyUrl", policyUrl, "an https:, http: or relative URL", "no link");
  }

  readUi(input.ui, config, report);
  return config;
}

function readServices(input: unknown, explicit: Set<string>, report: Report) {
  const out: Record<string, ServiceConfig> = {};
  if (input === undefined) return out;
  if (!isObject(input)) {
    report("services", `${show(input)} is not an object; ignored`);
    return out;
  }
  for (const [id, raw] of Object.entries(input)) {
    const path = `services.${id}`;
    if (!isName(id)) {
      report(path, "a service id starts with a letter and has only letters, digits, - and _ (at most 32); dropped");
      continue;
    }
    if (!isObject(raw)) {
      report(path, `${show(raw)} is not an object; dropped`);
      continue;
    }
    const service: ServiceConfig = { category: "" };
    for (const [key, value] of Object.entries(raw)) {
      const at = `${path}.${key}`;
      if (key === "category") {
        explicit.add(id);
        if (isName(value)) service.category = value;
        else report(at, `${show(value)} is not a category name; the service stays held`);
      } else if (key === "hosts" || key === "cookies") {
        const list = readStrings(value, at, report, key === "hosts" ? isHost : isCookiePattern);
        if (list) service[key] = list;
      } else if (key === "title" || key === "description") {
        if (typeof value === "string") service[key] = value;
        else report(at, `${show(value)} is not text; ignored`);
      } else if (key === "policyUrl") {
        if (isSafeUrl(value)) service.policyUrl = value;
        else report(at, `${show(value)} is not an https:, http: or relative URL; ignored`);
      } else {
        report(at, `unknown key, ignored${didYouMean(key, ["category", "hosts", "cookies", "title", "description", "policyUrl"])}`);
      }
    }
    out[id] = service;
  }
  return out;
}

const isHost = (v: string) => /^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(v);
const isCookiePattern = (v: string) => /^[^\s;,=*]+\*?$/.test(v);

function readStrings(value: unknown, path: string, report: Report, ok: (v: string) => boolean) {
  if (!Array.isArray(value)) {
    report(path, `${show(value)} is not a list; ignored`);
    return undefined;
  }
  return value.filter((v, i) => {
    const good = typeof v === "string" && ok(v);
    if (!good) report(`${path}[${i}]`, `${show(v)} is not valid; dropped`);
    return good;
  }) as string[];
}

function readCategories(input: unknown, known: string[], report: Report) {
  const out: Record<string, CategoryConfig> = defaults().categories;
  if (input === undefined) return out;
  if (!isObject(input)) {
    report("categories", `${show(input)} is not an object; only "necessary" is used`);
    return out;
  }
  for (const [name, raw] of Object.entries(input)) {
    const path = `categories.${name}`;
    if (!isName(name)) {
      report(path, "a category name starts with a letter and has only letters, digits, - and _ (at most 32); not offered");
      continue;
    }
    const category = readCategory(raw, path, known, report);
    if (!category) continue;
    if (name === "necessary") {
      if (raw && (raw as Record<string, unknown>).required === false) report(`${path}.required`, "necessary is always required");
      category.required = true;
      category.sale = false;
    }
    out[name] = category;
  }
  for (const [name, category] of Object.entries(out)) {
    category.title ??= DEFAULT_TITLES[name] ?? name;
  }
  return out;
}

/** A category whose consent-deciding fields are unclear is not offered at all. */
function readCategory(raw: unknown, path: string, known: string[], report: Report): CategoryConfig | undefined {
  if (!isObject(raw)) {
    report(path, `${show(raw)} is not an object; not offered, its services stay held`);
    return undefined;
  }
  const category: CategoryConfig = { services: [], required: false, sale: false };
  for (const [key, value] of Object.entries(raw)) {
    const at = `${path}.${key}`;
    if (key === "required" || key === "sale") {
      if (typeof value !== "boolean") {
        report(at, `${show(value)} is not a boolean; the category is not offered, its services stay held`);
        return undefined;
      }
      category[key] = value;
    } else if (key === "services") {
      if (!Array.isArray(value)) {
        report(at, `${show(value)} is not a list; the category is not offered, its services stay held`);
        return undefined;
      }
      value.forEach((id, i) => {
        if (typeof id === "string" && known.includes(id)) {
          if (!category.services.includes(id)) category.services.push(id);
        } else {
          report(`${at}[${i}]`, `unknown service ${show(id)}${typeof id === "string" ? didYouMean(id, known) : ""}`);
        }
      });
    } else if (key === "title" || key === "description") {
      if (typeof value === "string") category[key] = value;
      else report(at, `${show(value)} is not text; ignored`);
    } else {
      report(at, `unknown key, ignored${didYouMean(key, ["services", "required", "sale", "title", "description"])}`);
    }
  }
  return category;
}

/**
 * Every service ends up in exactly one category. One listed twice, or whose
 * declared category disagrees with its list, is taken out of all of them:
 * it stays held until the config says one thing.
 */
function resolvePlacement(config: Config, explicit: Set<string>, ctx: ValidateContext, report: Report) {
  const placed: Record<string, string[]> = {};
  for (const [name, category] of Object.entries(config.categories)) {
    for (const id of category.services) (placed[id] ??= []).push(name);
  }
  for (const [id, names] of Object.entries(placed)) {
    const declared = config.services[id]?.category;
    const conflict =
      names.length > 1
        ? `is listed in ${names.map((n) => `"${n}"`).join(" and ")}`
        : explicit.has(id) && declared !== names[0]
          ? `says category "${declared}" but is listed in "${names[0]}"`
          : "";
    if (conflict) {
      report(`services.${id}`, `${id} ${conflict}; it stays held until the config names one category`);
      for (const name of names) {
        const list = config.categories[name].services;
        list.splice(list.indexOf(id), 1);
      }
      config.services[id] = { ...config.services[id], category: "" };
    } else if (config.services[id]) {
      config.services[id].category = names[0];
    }
  }
  for (const [id, service] of Object.entries(config.services)) {
    if (placed[id]) continue;
    if (!explicit.has(id)) {
      if (ctx.catalogue[id]) service.category = ctx.catalogue[id].category;
      else report(`services.${id}.category`, "missing, and no category lists the service; it stays held");
    }
    const category = config.categories[service.category];
    if (category) category.services.push(id);
    else if (service.category && explicit.has(id)) {
      report(`services.${id}.category`, `no category "${service.category}" in the config; the service stays held${didYouMean(service.category, Object.keys(config.categories))}`);
    }
  }
}

function readCookie(input: unknown, config: Config, host: string, report: Report) {
  if (input === undefined) return;
  if (!isObject(input)) {
    report("cookie", `${show(input)} is not an object; using the defaults`);
    return;
  }
  const cookie = config.cookie;
  for (const [key, value] of Object.entries(input)) {
    const at = `cookie.${key}`;
    if (key === "name") {
      if (typeof value === "string" && COOKIE_NAME.test(value)) cookie.name = value;
      else report(at, `${show(value)} is not a valid cookie name; using "consentgate"`);
    } else if (key === "domain") {
      const domain = typeof value === "string" ? value.replace(/^\./, "").toLowerCase() : "";
      if (domain && (host === domain || host.endsWith("." + domain))) cookie.domain = domain;
      else report(at, `${show(value)} is not this site's host or a parent of it (${host}); the cookie is set for this host only`);
    } else if (key === "path") {
      if (typeof value === "string" && /^\/[^;\s]*$/.test(value)) cookie.path = value;
      else report(at, `${show(value)} is not a path starting with "/"; using "/"`);
    } else if (key === "days") {
      if (typeof value !== "number" || !(value > 0)) report(at, `${show(value)} is not a number of days > 0; using 182`);
      else if (value > MAX_COOKIE_DAYS) {
        report(at, `${value} is more than ${MAX_COOKIE_DAYS} days; using ${MAX_COOKIE_DAYS}`);
        cookie.days = MAX_COOKIE_DAYS;
      } else cookie.days = value;
    } else {
      report(at, `unknown key, ignored${didYouMean(key, ["name", "domain", "path", "days"])}`);
    }
  }
}

function readConsentMode(input: Record<string, unknown>, config: Config, report: Report) {
  const out = { map: DEFAULT_CONSENT_MAP, advanced: false };
  for (const [key, value] of Object.entries(input)) {
    const at = `googleConsentMode.${key}`;
    if (key === "advanced") {
      if (typeof value === "boolean") out.advanced = value;
      else report(at, `${show(value)} is not a boolean; using basic mode`);
    } else if (key === "map") {
      if (!isObject(value)) {
        report(at, `${show(value)} is not an object; using the default map`);
        continue;
      }
      out.map = {};
      for (const [name, types] of Object.entries(value)) {
        if (!config.categories[name]) {
          report(`${at}.${name}`, `no category "${name}" in the config; ignored${didYouMean(name, Object.keys(config.categories))}`);
          continue;
        }
        const list = readStrings(types, `${at}.${name}`, report, (t) => (CONSENT_TYPES as readonly string[]).includes(t));
        if (list) out.map[name] = list;
      }
    } else {
      report(at, `unknown key, ignored${didYouMean(key, ["map", "advanced"])}`);
    }
  }
  return out;
}

function readText(input: unknown, config: Config, report: Report) {
  if (input === undefined) return;
  if (!isObject(input)) {
    report("text", `${show(input)} is not an object; using the built-in texts`);
    return;
  }
  for (const [language, strings] of Object.entries(input)) {
    if (!LANGUAGE.test(language) || !isObject(strings)) {
      report(`text.${language}`, `expected a language code mapped to an object of texts; ignored`);
      continue;
    }
    const texts: Record<string, string> = {};
    for (const [key, value] of Object.entries(strings)) {
      if (typeof value === "string") texts[key] = value;
      else report(`text.${language}.${key}`, `${show(value)} is not text; ignored`);
    }
    config.text[language.toLowerCase()] = texts;
  }
}

const UI_CHOICES = {
  layout: ["bar", "box"],
  position: ["bottom", "top", "center"],
  theme: ["auto", "light", "dark"],
} as const;

function readUi(input: unknown, config: Config, report: Report) {
  if (input === undefined) return;
  if (!isObject(input)) {
    report("ui", `${show(input)} is not an object; using the defaults`);
    return;
  }
  const ui = config.ui as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    const at = `ui.${key}`;
    if (key === "reopenButton") {
      if (typeof value === "boolean") ui[key] = value;
      else report(at, `${show(value)} is not a boolean; using false`);
    } else if (key in UI_CHOICES) {
      const choices = UI_CHOICES[key as keyof typeof UI_CHOICES] as readonly string[];
      if (choices.includes(value as string)) ui[key] = value;
      else report(at, `${show(value)} is not one of ${choices.map((c) => `"${c}"`).join(", ")}; using "${ui[key]}"${typeof value === "string" ? didYouMean(value, [...choices]) : ""}`);
    } else {
      report(at, `unknown key, ignored${didYouMean(key, ["layout", "position", "theme", "reopenButton"])}`);
    }
  }
}
