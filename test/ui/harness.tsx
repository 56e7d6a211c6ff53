import { waitFor, within } from "@testing-library/preact";
import { vi } from "vitest";
import type { UiContext, UiHandle } from "../../src/api/load-ui";
import en from "../../src/ui/i18n/en";
import { partOf } from "../../src/ui/i18n/first-layer";
import { mount } from "../../src/ui/index";
import type { Config, ConsentGateApi, EventMap, GateEvent, SetOptions, State, View } from "../../src/types";
import { serviceCategories } from "../fixtures/ui/configs";

type Call = [method: string, ...args: unknown[]];

/**
 * ConsentGateApi in memory: records every call, keeps a state the way the
 * core would, replays held/released to late subscribers, and shows views
 * through the mounted UI's handle as the core does.
 */
export function createFakeApi(config: Config, initial: Partial<State> = {}) {
  const optional = Object.keys(config.categories).filter((name) => !config.categories[name].required);
  const categories = Object.fromEntries(
    Object.keys(config.categories).map((name) => [
      name,
      config.categories[name].required || config.mode == "opt-out",
    ]),
  );
  let state: State = {
    decided: false,
    categories,
    services: Object.fromEntries(Object.keys(serviceCategories).map((id) => [id, !!categories[serviceCategories[id]]])),
    revision: 1,
    updatedAt: null,
    id: null,
    source: "default",
    signals: { gpc: false, dnt: false },
    ...initial,
  };
  const calls: Call[] = [];
  const listeners = new Map<string, Set<(payload: any) => void>>();
  const past: Record<string, unknown[]> = { held: [], released: [] };
  let handle: UiHandle | undefined;
  let view: View | null = null;

  const emit = <K extends keyof EventMap>(event: K, payload: EventMap[K]) => {
    past[event]?.push(payload);
    listeners.get(event)?.forEach((fn) => fn(payload));
  };

  const decide = (choices: Record<string, boolean>, opts?: SetOptions) => {
    const next = { ...state, categories: { ...state.categories }, services: { ...state.services } };
    for (const [key, on] of Object.entries(choices)) {
      if (key in config.categories) {
        // As the core does: a choice that changes a category takes its services along.
        if (next.categories[key] !== on) for (const id of Object.keys(next.services)) if (serviceCategories[id] == key) next.services[id] = on;
        next.categories[key] = on;
      } else if (key in serviceCategories) next.services[key] = on;
      else throw new TypeError(`unknown "${key}"`);
    }
    state = { ...next, decided: true, source: opts?.source ?? "api" };
    emit("change", api.get());
    // As the core does: a decision that answers the banner (every category, or one made on it) takes it away.
    if (view == "banner" && (opts?.source == "banner" || optional.every((name) => name in choices))) handle?.show(null);
  };

  const api: ConsentGateApi = {
    version: "0.0.0-test",
    get: () => structuredClone(state),
    allows: (name) => state.categories[name] ?? state.services[name] ?? false,
    acceptAll(opts) {
      calls.push(["acceptAll", opts]);
      decide(Object.fromEntries(optional.map((name) => [name, true])), opts);
    },
    rejectAll(opts) {
      calls.push(["rejectAll", opts]);
      decide(Object.fromEntries(optional.map((name) => [name, false])), opts);
    },
    set(choices, opts) {
      calls.push(["set", choices, opts]);
      decide(choices, opts);
    },
    withdraw() {
      calls.push(["withdraw"]);
    },
    open(view: View = "preferences") {
      calls.push(["open", view]);
      handle?.show(view);
    },
    close() {
      calls.push(["close"]);
      handle?.show(null);
    },
    on(event, fn) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(fn);
      past[event]?.forEach((payload) => fn(payload as never));
      return () => set.delete(fn);
    },
  };

  return {
    api,
    calls,
    emit,
    /** Calls other than the UI's own reads. */
    decisions: () => calls.filter(([method]) => method != "open"),
    /** The mounted UI's handle, which the fake shows views through and follows, as the core does. */
    connect(next: UiHandle): UiHandle {
      return (handle = {
        show(shown) {
          view = shown;
          next.show(shown);
        },
      });
    },
  };
}

export interface SetupOptions {
  config: Config;
  state?: Partial<State>;
  language?: string;
  strings?: Record<string, any>;
  /** Events the gate reported before the UI loaded. */
  before?: (fake: ReturnType<typeof createFakeApi>) => void;
}

/** Mounts the UI as the core does, with a fake API and context. */
export function setup({ config, state, language = "en", strings = en, before }: SetupOptions) {
  const fake = createFakeApi(config, state);
  const releasedOnce: Element[] = [];
  const ctx: UiContext = {
    config,
    language,
    // Split as the build splits every language: the banner's strings for this mode first, the rest with the views.
    strings: partOf(strings, config.mode),
    moreStrings: async () => partOf(strings, "views"),
    categoryOf: (id: string) => serviceCategories[id] ?? "",
    // As the gate does: the element goes, and `released` says so (the placeholder restores the frame on it).
    releaseOnce: (el) => {
      releasedOnce.push(el);
      fake.emit("released", { service: el.getAttribute("data-consent"), category: null, kind: "iframe", target: el });
    },
  };
  before?.(fake);
  const handle = fake.connect(mount(fake.api, ctx));
  // As boot.ts does: shown at once, if only as nothing (the UI loaded for an embed's placeholder).
  handle.show(null);
  const host = document.querySelector("consentgate-ui:not([data-embed]):not([data-reopen])") as HTMLElement;
  const box = host.shadowRoot!.querySelector(".cg") as HTMLElement;
  return { ...fake, ctx, handle, host, box, screen: within(box), releasedOnce };
}

const embedHost = (name: string) => document.querySelector(`consentgate-ui[data-embed="${name}"]`) as HTMLElement | null;

/** The placeholder that stands where a held iframe was, once its words have loaded. */
export async function placeholderFor(name: string) {
  const host = await waitFor(() => {
    const found = embedHost(name);
    if (!found?.shadowRoot!.querySelector(".cg-ph")) throw new Error(`no placeholder for ${name} yet`);
    return found;
  });
  return { host, screen: within(host.shadowRoot!.querySelector(".cg") as HTMLElement) };
}

/** Whether a placeholder host for that name is in the page, loaded or not. */
export const hasPlaceholder = (name: string) => embedHost(name) != null;

export function heldIframe(service: string | null, category: string | null, iframe: HTMLIFrameElement): GateEvent {
  return { service, category, kind: "iframe", target: iframe };
}

/** Removes every host the UI added, so each test starts from a bare page. */
export function cleanPage() {
  document.querySelectorAll("consentgate-ui").forEach((el) => el.remove());
  document.body.innerHTML = "";
  // A banner at position "center" left up makes <body> inert.
  document.body.removeAttribute("inert");
  document.documentElement.removeAttribute("lang");
}

/**
 * Lets the views' chunk (views.tsx) load and draw: the first layer imports it
 * when the preferences, a placeholder or the reopen button is first needed.
 */
export async function settle() {
  await vi.dynamicImportSettled();
  await new Promise((resolve) => setTimeout(resolve, 0));
}
