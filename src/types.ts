/**
 * Public types of ConsentGate. The contract they describe is SPEC.md; the
 * README documents every member with an example.
 */

/** Where a decision came from. */
export type Source = "banner" | "preferences" | "api" | "signal" | "default";

/** What the browser sent, whether or not the config honours it. */
export interface Signals {
  gpc: boolean;
  dnt: boolean;
}

/**
 * The consent state, as `ConsentGate.get()` returns it.
 *
 * @example
 * const { decided, categories } = ConsentGate.get();
 * if (!decided) console.log("the banner is showing");
 * if (categories.analytics) startMyOwnAnalytics();
 */
export interface State {
  /**
   * True when a stored choice covers every optional category, or, in opt-out
   * mode, an honoured signal answers the notice; always for a config without
   * optional categories.
   */
  decided: boolean;
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
  revision: number;
  updatedAt: string | null;
  id: string | null;
  source: Source;
  signals: Signals;
}

export type Mode = "opt-in" | "opt-out";

export interface CategoryConfig {
  services: string[];
  required: boolean;
  sale: boolean;
  title?: string;
  description?: string;
}

export interface ServiceConfig {
  category: string;
  hosts?: string[];
  cookies?: string[];
  title?: string;
  description?: string;
  policyUrl?: string;
}

export interface CookieConfig {
  name: string;
  domain?: string;
  path: string;
  days: number;
}

export interface ConsentModeConfig {
  map: Record<string, string[]>;
  advanced: boolean;
}

export interface UiConfig {
  layout: "bar" | "box";
  position: "bottom" | "top" | "center";
  theme: "auto" | "light" | "dark";
  reopenButton: boolean;
}

/** The config after validation: every field present, every value usable. */
export interface Config {
  categories: Record<string, CategoryConfig>;
  /** Only the services the site itself declared or overrode in `services`. */
  services: Record<string, ServiceConfig>;
  mode: Mode;
  signals: Signals;
  revision: number;
  cookie: CookieConfig;
  googleConsentMode: ConsentModeConfig | false;
  language: string;
  text: Record<string, Record<string, string>>;
  policyUrl?: string;
  ui: UiConfig;
  /** The config could not be read at all: nothing optional may be offered. */
  unreadable: boolean;
}

/** The config a site writes (SPEC §2); anything may be missing or wrong. */
export type SiteConfig = Record<string, unknown>;

/** A stored decision, as the consent cookie holds it. */
export interface Stored {
  revision: number;
  /** Seconds since the epoch. */
  time: number;
  source: "banner" | "preferences" | "api";
  /** The signals that were on when the visitor decided. */
  gpc: boolean;
  dnt: boolean;
  id: string;
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
}

export type HeldKind = "script" | "iframe" | "img" | "request" | "cookie" | "storage";

/** What the gate stopped (`held`) or let go (`released`). */
export interface GateEvent {
  service: string | null;
  category: string | null;
  kind: HeldKind;
  /**
   * The element; for a request, cookie or storage write its URL, name or key;
   * for Meta's queue, held while its base code stepped aside, `fbevents.js`'s URL.
   */
  target: Element | string;
}

export interface SetOptions {
  source?: "banner" | "preferences" | "api";
  /** Reload the page after a refusal: trackers already running cannot be unloaded. */
  reload?: boolean;
}

export type View = "banner" | "preferences";

export interface EventMap {
  change: State;
  ready: State;
  open: View;
  close: View;
  held: GateEvent;
  released: GateEvent;
}

/** `window.ConsentGate` and the ESM export. */
export interface ConsentGateApi {
  /** @example ConsentGate.get().categories.analytics */
  get(): State;
  /** @example if (ConsentGate.allows("hotjar")) … */
  allows(name: string): boolean;
  /** @example ConsentGate.acceptAll() */
  acceptAll(opts?: SetOptions): void;
  /** @example ConsentGate.rejectAll({ reload: true }) */
  rejectAll(opts?: SetOptions): void;
  /** @example ConsentGate.set({ analytics: true, youtube: false }) */
  set(choices: Record<string, boolean>, opts?: SetOptions): void;
  /** @example ConsentGate.withdraw() */
  withdraw(): void;
  /** @example ConsentGate.open("preferences") */
  open(view?: View): void;
  /** @example ConsentGate.close() */
  close(): void;
  /** @example const off = ConsentGate.on("change", (s) => console.log(s)); off(); */
  on<K extends keyof EventMap>(event: K, fn: (payload: EventMap[K]) => void): () => void;
  /** @example console.log(ConsentGate.version) */
  readonly version: string;
}

declare global {
  interface Window {
    ConsentGate: ConsentGateApi;
    /** The config, set by a script before ConsentGate's (SPEC §2); it wins over the JSON element. */
    consentgateConfig?: SiteConfig;
  }
  interface DocumentEventMap {
    /** Every change of the consent state; `detail` is the state `get()` returns. */
    "consentgate:change": CustomEvent<State>;
  }
}
