/**
 * consentgate-diagnostics.js: the sentences for config problems. The core
 * records each problem compactly (problem.ts) and loads this file only when
 * there is one, so every word here costs a correct config nothing.
 */
import { CONSENT_TYPES, MAX_COOKIE_DAYS, UI_CHOICES } from "./defaults";
import {
  ALWAYS_REQUIRED,
  BAD_NAME,
  CLAMPED,
  CONFLICT,
  NOT_JSON,
  NOT_LOADED,
  NO_CATEGORY,
  NO_PLACE,
  NOT_CONFIGURED,
  NOT_STORED,
  STILL_RUNNING,
  THROWN,
  UNKNOWN_CONSENT,
  UNKNOWN_KEY,
  UNKNOWN_SERVICE,
} from "./problem";
import type { Problem } from "./problem";

const CLOSED = "every optional category stays off";
const UNOFFERED = "the category is not offered, its services stay held";
const NAME_RULE = "starts with an ASCII letter, has only ASCII letters, digits, - and _ (at most 32), and is not a name every object has (constructor, toString, or one the page added to Object.prototype)";
/** A title, a description or a text: a blank string is called so, below. */
const NOT_TEXT = "$ is not text; ignored";
const TEXT_RULE = "expected a language code mapped to an object of texts; ignored";
// A rule never holds a literal "$" or "@": they stand for the value and the host.
const TYPES_RULE = `$ is not a Consent Mode type (${CONSENT_TYPES.join(", ")}); dropped`;

/**
 * What each field expects and what is used instead, by the field's path with
 * names as `*` and list positions as `[]`. `$` stands for the bad value.
 */
const RULES: Record<string, string> = {
  // Quoted: this file is built with the UI, which shortens `config` (src/ui/mangle.json).
  "config": `expected an object, got $; ${CLOSED}`,
  categories: '$ is not an object; only "necessary" is used',
  "categories.*": "$ is not an object; not offered, its services stay held",
  "categories.*.services": `$ is not a list; ${UNOFFERED}`,
  "categories.*.required": `$ is not a boolean; ${UNOFFERED}`,
  "categories.*.sale": `$ is not a boolean; ${UNOFFERED}`,
  "categories.*.title": NOT_TEXT,
  "categories.*.description": NOT_TEXT,
  services: "$ is not an object; ignored",
  "services.*": "$ is not an object; dropped",
  "services.*.category": "$ is not a category name; the service stays held",
  "services.*.hosts": "$ is not a list; ignored",
  "services.*.hosts[]":
    '$ is not a host like "stats.example.com", or a host and path like "cdn.example.com/js/" (a * stands for any run of characters within one path segment, as in "/*/t.js" or "/*.js"; in ASCII: an internationalized domain in punycode, xn--…); dropped',
  "services.*.cookies": "$ is not a list; ignored",
  "services.*.cookies[]": '$ is not a cookie name (no spaces or ",;=", and "*" only at its end, matching a prefix); dropped',
  "services.*.title": NOT_TEXT,
  "services.*.description": NOT_TEXT,
  "services.*.policyUrl": "$ is not an https:, http: or relative URL; ignored",
  mode: '$ is not "opt-in" or "opt-out"; using "opt-in"',
  signals: "$ is not an object; using both signals honoured",
  "signals.*": "$ is not a boolean; using honoured",
  revision: "$ is not a whole number ≥ 0; using 1",
  cookie: "$ is not an object; using the defaults",
  "cookie.name": '$ is not a cookie name of 1 to 64 ASCII letters, digits and signs such as - _ . (no spaces, double quotes, brackets or ,;:=/?); using "consentgate"',
  "cookie.domain": "$ is not this site's host or a parent of it (@); the cookie is set for this host only",
  "cookie.path": '$ is not a path starting with "/" without spaces or ";"; using "/"',
  "cookie.days": "$ is not a number of days > 0; using 182",
  googleConsentMode: "$ is not true, false or an object; using false",
  "googleConsentMode.advanced": "$ is not a boolean; using basic mode",
  "googleConsentMode.map": "$ is not an object; using the default map",
  "googleConsentMode.map.*": "$ is not a list; ignored",
  "googleConsentMode.map.*[]": TYPES_RULE,
  language: '$ is not "auto" or a language code like "de"; using "auto"',
  text: "$ is not an object; using the built-in texts",
  "text.*": TEXT_RULE,
  "text.*.*": NOT_TEXT,
  policyUrl: "$ is not an https:, http: or relative URL; using no link",
  ui: "$ is not an object; using the defaults",
  "ui.reopenButton": "$ is not a boolean; using false",
  // Not the config's, the page's: Google's tags read consent from it.
  dataLayer: "window.dataLayer ($) takes no push(): Google's tags cannot be told the consent",
};

/** The gate's warnings: whole sentences, since they name no config path. */
const WARNINGS: Record<number, (path: string, value: unknown, extra: unknown) => string> = {
  [NOT_CONFIGURED]: (id, category, lacking) =>
    `${id} was inserted but is not in your config; ` +
    (category == "necessary"
      ? `it runs under "necessary", always on`
      : lacking
        ? `it is held under "${category}", a category the config lacks`
        : // Held or let through, and allowed or refused since: this file loads
          // later than the insertion, so the words hold for either.
          `it comes under "${category}" and runs only while that category or ${id} itself is allowed`),
  [UNKNOWN_CONSENT]: (name) => `data-consent="${name}" is not a category or service; held`,
  [NOT_STORED]: (name, where) => {
    const path = String(where).split("path ")[1];
    // A cookie's path covers itself and what lies below it, at a "/".
    const under = (location.pathname + "/").startsWith(path.endsWith("/") ? path : path + "/");
    return under
      ? `the browser did not store the consent cookie "${name}" (${where}): the choice holds for this page view only. ` +
          "A cookie.domain the browser treats as public (co.uk) or as not this site's (part of an IP address), " +
          "a cookie.name with the __Host- or __Secure- prefix on http, or with __Host- and a cookie.domain or a cookie.path other than /, a choice too long for a cookie (over 4 KB: " +
          "fewer services chosen one by one; an older stored choice was deleted) or blocked cookies do this"
      : `this page (${location.pathname}) is not under cookie.path ${path}: the consent cookie "${name}" is stored for ${path}, ` +
          "where it replaces the choice stored before, but this page cannot read it back: here the choice holds for this page view only";
  },
  [STILL_RUNNING]: (ids) =>
    `${ids.replace(/,/g, ", ")} already ran; ${ids.includes(",") ? "they stop" : "it stops"} at the next page load, or pass { reload: true }`,
};

/** The consent cookie warnings printed so far: the core reports every decision the browser refuses. */
const refused = new Set<string>();

/** Prints one problem as the site owner reads it. */
export function print(...problem: Problem): void {
  const [path, value, kind, extra] = problem;
  const warning = WARNINGS[kind!];
  if (warning) {
    const text = `[consentgate] ${warning(path, value, extra)}`;
    // A cookie the browser refuses (a public-suffix cookie.domain) is refused
    // alike at every decision: said once a page view, as config problems are.
    if (kind == NOT_STORED) {
      if (refused.has(text)) return;
      refused.add(text);
    }
    return console.warn(text);
  }
  let text: string;
  try {
    text = message(problem);
  } catch {
    text = show(problem[1]);
  }
  console.error(`[consentgate] ${problem[0]}: ${text}`);
}

/**
 * The sentence for a problem, after its path.
 *
 * @example
 * message(["categories.analytics.services[1]", "hotjr", UNKNOWN_SERVICE, ["hotjar"]]);
 * // 'unknown service "hotjr" — did you mean "hotjar"?'
 */
export function message([path, value, kind, extra]: Problem, host = location.hostname): string {
  const candidates = (Array.isArray(extra) ? extra : Object.keys(extra || {})) as string[];
  const services = path.startsWith("services.");
  switch (kind) {
    case UNKNOWN_KEY:
      return (
        (/^categories\.[^.]+\./.test(path)
          ? `unknown key; ${UNOFFERED}`
          : path.startsWith("signals.")
            ? "unknown key; using both signals honoured"
            : "unknown key, ignored") + didYouMean(value, candidates)
      );
    case BAD_NAME:
      if (path.startsWith("text.")) return TEXT_RULE;
      if (services)
        return value == "necessary"
          ? `"necessary" is the name of the category that always runs; a service needs an id of its own; dropped`
          : `a service id ${NAME_RULE}; dropped`;
      // Of the right form (validate.ts's isName), it names a service: allows() and set() take either.
      return typeof value == "string" && /^[a-z][\w-]{0,31}$/i.test(value) && !(value in Object.prototype)
        ? `${show(value)} is the id of a service; a category needs a name of its own, so it is not offered and the services it lists stay held`
        : `a category name ${NAME_RULE}; not offered`;
    case UNKNOWN_SERVICE:
      return `unknown service ${show(value)}${didYouMean(value, candidates)}`;
    case NO_CATEGORY:
      // "In use", not "in the config": a malformed category is in the config, reported, and not offered.
      return (
        `no category "${value}" among those in use (${candidates.map((name) => `"${name}"`).join(", ")}); ` +
        (services ? "the service stays held" : "ignored") +
        didYouMean(value, candidates)
      );
    case CONFLICT: {
      const where = candidates[1]
        ? `is listed in ${candidates.map((name) => `"${name}"`).join(" and ")}`
        : `says category "${value}" but is listed in "${candidates[0]}"`;
      return `${path.slice(9)} ${where}; it stays held until the config names one category`;
    }
    case NO_PLACE:
      return "missing, and no category lists the service; it stays held";
    case CLAMPED:
      return `${value} is more than ${MAX_COOKIE_DAYS} days; using ${MAX_COOKIE_DAYS}`;
    case ALWAYS_REQUIRED:
      return path.endsWith(".sale")
        ? `a required category cannot be a sale, which the visitor and GPC may refuse; ${path.startsWith("categories.necessary.") ? "its services stay held" : UNOFFERED}`
        : `${show(value)} is ignored: "necessary" is always required`;
    case NOT_JSON:
      return `is not valid JSON (${reason(value)}; JSON has no comments or trailing commas); ${CLOSED}`;
    case THROWN:
      return `could not be read (${reason(value)}); ${CLOSED}`;
    case NOT_LOADED:
      return `could not be loaded (${reason(value)}); ${path.includes("changes") ? "refused cookies stay for now" : "nothing optional runs"}`;
  }
  const field = path
    .replace(/^(categories|services|signals|text|googleConsentMode\.map)\.[^.[]+/, "$1.*")
    .replace(/\[\d+\]$/, "[]")
    .replace(/^text\.\*\..+/, "text.*.*");
  const key = field.slice(3) as keyof typeof UI_CHOICES;
  if (field.startsWith("ui.") && Object.prototype.hasOwnProperty.call(UI_CHOICES, key)) {
    const choices: readonly string[] = UI_CHOICES[key];
    const list = choices.map((c) => `"${c}"`).join(", ");
    return `${show(value)} is not one of ${list}; using "${choices[0]}"${didYouMean(value, choices)}`;
  }
  const rule = RULES[field] || "$ is not valid; ignored";
  if (rule == NOT_TEXT && typeof value == "string") return `${show(value)} is blank; ignored`;
  return rule.replace(/[$@]/g, (c) => (c == "$" ? show(value) : host)) + (rule == TYPES_RULE ? didYouMean(value, CONSENT_TYPES) : "");
}

/** Short, readable rendering of a bad value. */
export function show(value: unknown): string {
  let s: string;
  try {
    // JSON has no NaN or Infinity: it would show them as null.
    s = typeof value == "number" ? String(value) : typeof value == "bigint" ? value + "n" : JSON.stringify(value) ?? String(value);
  } catch {
    try {
      s = String(value);
    } catch {
      s = typeof value;
    }
  }
  return s.length > 60 ? s.slice(0, 57) + "…" : s;
}

/** What a thrown value says about itself. */
function reason(error: unknown): string {
  try {
    return String((error as Error | null)?.message ?? error);
  } catch {
    return typeof error;
  }
}

const didYouMean = (word: unknown, candidates: readonly string[]) => {
  const s = typeof word == "string" ? suggest(word, candidates) : undefined;
  return s ? ` — did you mean "${s}"?` : "";
};

/** The closest candidate within a small edit distance, for "did you mean". */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    // Fewer edits than letters: something of the word is kept.
    if (d < bestDistance && d < word.length) [best, bestDistance] = [c, d];
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
