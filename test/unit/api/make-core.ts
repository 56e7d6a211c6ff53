import { vi } from "vitest";
import { createApi } from "../../../src/api/create-api";
import { createEvents } from "../../../src/api/events";
import type { Config, Signals, State, View } from "../../../src/types";
import { NOW, NO_SIGNALS, catalogue, makeConfig } from "../decide/make-config";
import { memoryStore } from "./memory-store";
import type { MemoryStore } from "./memory-store";

export const IDS = ["FirstIdFirstId01", "SecondIdSecond02", "ThirdIdThirdId03"];

interface Options {
  config?: Config;
  signals?: Signals;
  store?: MemoryStore;
}

/**
 * createApi with an in-memory store and a fake for everything it tells:
 * the gate (apply, which also reloads when asked to), the UI (show), the
 * other tabs (announce) and the page (dispatch). The clock stands still at NOW.
 */
export function makeCore({ config = makeConfig(), signals = NO_SIGNALS, store = memoryStore() }: Options = {}) {
  // Its late ready subscribers get the state as it is then, as in boot.ts.
  const events = createEvents(() => core.api.get());
  let ids = 0;
  const deps = {
    config,
    catalogue,
    store,
    signals: { ...signals },
    events,
    now: vi.fn(() => NOW),
    newId: vi.fn(() => IDS[ids++]),
    apply: vi.fn<(state: State, previous: State | null, reload?: boolean) => void>(),
    show: vi.fn<(view: View | null) => void>(),
    announce: vi.fn<(value: string) => void>(),
    dispatch: vi.fn<(state: State) => void>(),
  };
  const core = createApi(deps);
  const changes: State[] = [];
  const opened: View[] = [];
  const closed: View[] = [];
  events.on("change", (state) => changes.push(state));
  events.on("open", (view) => opened.push(view));
  events.on("close", (view) => closed.push(view));
  return { ...core, deps, events, store, changes, opened, closed };
}

export type Core = ReturnType<typeof makeCore>;
