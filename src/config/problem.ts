/**
 * A config problem as the core records it: where, the value found there, and
 * what kind of problem it is. The sentence a site owner reads is written by
 * diagnostics.ts, which the core loads only when there is a problem, so a
 * correct config never pays for the prose.
 *
 * @example ["categories.analytics.services[1]", "hotjr", UNKNOWN_SERVICE, ["hotjar", …]]
 */
export type Problem = [path: string, value?: unknown, kind?: number, extra?: unknown];

export type Report = (...problem: Problem) => void;

// The kinds are plain numbers so that esbuild inlines them in the core. Without
// a kind, the value does not fit the field at `path`, and the field's rule in
// diagnostics.ts says why and what is used instead.

/** An unknown key: `value` is the key, `extra` an object whose keys are the known ones. */
export const UNKNOWN_KEY = 1;
/**
 * A category name, service id or language code that cannot be one: the name is
 * in `path`. A category name of the right form that is a service's id is one too.
 */
export const BAD_NAME = 2;
/** A category lists something no service has as its id: `extra` lists the ids. */
export const UNKNOWN_SERVICE = 3;
/** A category the config does not have: `value` names it, `extra` is the config's categories. */
export const NO_CATEGORY = 4;
/** A service placed twice: `value` is its declared category, `extra` the categories listing it. */
export const CONFLICT = 5;
/** A site's service that nothing places in a category. */
export const NO_PLACE = 6;
/** `cookie.days` above the browsers' cap: `value` is the days asked for. */
export const CLAMPED = 7;
/** `necessary` said not to be required, or a required category (`necessary` too) said to be `sale` (path ends in ".sale"). */
export const ALWAYS_REQUIRED = 8;
/** The JSON element does not parse: `value` is the parser's error. */
export const NOT_JSON = 9;
/** Reading the config threw (a hostile getter or Proxy): `value` is what it threw. */
export const THROWN = 10;

// The gate's warnings travel the same way: found in the core, worded in
// diagnostics.ts, and printed with console.warn. They have no config path.

/** A catalogue service the config does not name was inserted: `path` is its id, `value` its catalogue category, `extra` true when the config lacks that category. */
export const NOT_CONFIGURED = 11;
/** `data-consent` names neither a category nor a service: `path` is the name. */
export const UNKNOWN_CONSENT = 12;
/** Services refused after their script ran: `path` lists their ids. */
export const STILL_RUNNING = 13;
/** The browser did not keep the consent cookie just written: `path` is its name, `value` where it was written. */
export const NOT_STORED = 14;
/**
 * One of the core's own files did not load: `path` names it, `value` is the
 * browser's error. Not past THROWN, so it prints as an error even when this
 * file cannot load either.
 */
export const NOT_LOADED = 0;
