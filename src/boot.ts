import { createApi } from "./api/create-api";
import { createEvents } from "./api/events";
import { load, pickLanguage } from "./api/load-ui";
import type { Mount, UiHandle } from "./api/load-ui";
import { readConfig } from "./config/read";
import { NOT_LOADED } from "./config/problem";
import { createReport } from "./config/report";
import { validate } from "./config/validate";
import { categoryOf } from "./decide";
import { startConsentMode } from "./gate/consent-mode";
import { createGate } from "./gate/create-gate";
import { createMatcher } from "./gate/match";
import { catalogue } from "./services/catalogue";
import { readSignals } from "./signals";
import { newId } from "./store/codec";
import { cookieStore } from "./store/cookie";
import { watchOtherTabs } from "./store/sync";
import type { ConsentGateApi, State, View } from "./types";

type Win = Window & typeof globalThis & Record<string, any>;

/**
 * The boot sequence, synchronous and first in <head>: read the config, the
 * signals and the stored decision, decide, start the gate, expose the API.
 * `base` is the directory the UI loads from.
 */
export function boot(win: Win, base: string): ConsentGateApi {
  const doc = win.document;
  const problem = createReport(base);
  const config = validate(readConfig(win, problem), catalogue, doc.location.hostname, problem);

  const signals = readSignals(win);
  const events = createEvents(() => core.api.get());
  // A site's entry adds to a built-in one: overriding a title must not drop its hosts.
  const matcher = createMatcher(catalogue, config.services);

  let ui: UiHandle | null = null;
  let loading: Promise<void> | undefined;
  let wanted: View | null = null;
  const needUi = () => {
    if (loading) return;
    // Only a page view that shows something needs a language.
    const language = pickLanguage(config.language, doc, win.navigator);
    // The banner's file holds its code and its strings, worded for the
    // site's mode. Modules, so that every file shares one CSP rule and nonce.
    const banner = `i18n/${language}-${config.mode}.js`;
    loading = load(base, banner)
      .then((module: { mount: Mount; default: Record<string, any> }) => {
        ui = module.mount(core.api, {
          config,
          language,
          strings: module.default,
          moreStrings: () => load(base, `i18n/${language}-views.js`).then((strings) => strings.default),
          categoryOf: category,
          releaseOnce: gate.releaseOnce,
        });
        ui.show(wanted);
      })
      .catch((error) => problem(banner, error, NOT_LOADED));
  };
  const category = (id: string) => categoryOf(config, catalogue, id);

  let updateConsentMode: ((state: State) => void) | undefined;
  let changing: Event | undefined;
  // Other tabs can only speak once boot is over, when `core` exists.
  const announce = watchOtherTabs(win, config.cookie, (value) => core.recheck(value));
  const core = createApi({
    config,
    catalogue,
    store: cookieStore(config.cookie, doc.location.protocol === "https:", problem),
    signals,
    events,
    now: () => Math.floor(Date.now() / 1000),
    newId: () => newId(win.crypto),
    apply(state, previous, reload) {
      updateConsentMode?.(state);
      gate.apply(state, previous, reload);
    },
    show(view) {
      wanted = view;
      if (ui) ui.show(view);
      else if (view) needUi();
    },
    announce,
    dispatch(state) {
      // A listener that decides again dispatches the newer event inside this
      // one: the listeners after it get that one only, not the state it replaced.
      changing?.stopImmediatePropagation();
      doc.dispatchEvent((changing = new CustomEvent("consentgate:change", { detail: state })));
    },
  });

  const state = core.current;
  let changes: Promise<typeof import("./gate/changes")> | undefined;
  if (config.googleConsentMode) updateConsentMode = startConsentMode(win, config.googleConsentMode, state(), category, problem);
  const gate = createGate({
    win,
    config,
    catalogue,
    matcher,
    state,
    categoryOf: category,
    emit: events.emit,
    warn: problem,
    placeholder: needUi,
    changes(change) {
      (changes ||= load(base, "consentgate-changes.js")).then(
        (module: typeof import("./gate/changes")) => module.applyChange(change),
        // A module that failed stays failed for the page view (the browser's
        // module map keeps it): each later change says so again.
        (error) => {
          problem("consentgate-changes.js", error, NOT_LOADED);
          // Running trackers still go: the reload asked for does not wait for the cleanup.
          if (change.reload) win.location.reload();
        },
      );
    },
  });
  gate.apply(state(), null);

  // Capturing: a menu that stops its clicks' propagation must not keep the link from working.
  doc.addEventListener(
    "click",
    (event) => {
      // The path, not the target: a link in a web component's shadow root is
      // seen from here as its host. The document and the window have no hasAttribute().
      if (event.composedPath().some((node) => (node as Element).hasAttribute?.("data-consentgate-open"))) {
        event.preventDefault();
        core.api.open("preferences");
      }
    },
    { capture: true },
  );

  // In opt-out mode an honoured signal needs no banner, and the reopen button
  // says so (SPEC §6): where the site did not ask for the button, it comes anyway.
  if (config.mode == "opt-out" && state().source == "signal") config.ui.reopenButton = true;
  if (core.asks()) core.api.open("banner");
  else if (config.ui.reopenButton) needUi();
  events.emit("ready");
  return core.api;
}
