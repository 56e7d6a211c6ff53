import { queueArray } from "./queue";
import type { ServiceGate, ServiceInfo } from "./service";

// The methods Mixpanel's snippet stubs, so site code calling any of them never
// throws. Any order stubs the same: these lists are in the order brotli packs best.
const METHODS =
  "opt_out_tracking disable track_links track_with_groups set_group register register_once unregister track identify remove_group track_pageview set_config add_group track_forms reset opt_in_tracking clear_opt_in_out_tracking has_opted_out_tracking has_opted_in_tracking alias time_event name_tag start_batch_senders start_session_recording stop_session_recording";
/** And those of its `people` sub-array. */
const PEOPLE = "set set_once unset increment append clear_charges track_charge union delete_user remove";

export const gate: ServiceGate = {
  category: "analytics",
  urls: ["mixpanel.com", "mxpnl.com", "mxpnl.net"],
  cookies: ["mp_*"],
  // __mp* holds the SDK's queues and its opt-out record (__mp_opt_in_out_<token>).
  // Refused, that record is written to the page view's memory, as every held
  // write is: the running SDK reads it back and stays opted out, and an SDK
  // released with a later consent starts opted in, queued calls and all.
  storage: ["mp_*", "__mp*"],
  // Mixpanel's array shape without `__SV`: the snippet takes the array over,
  // still loads the SDK, and the SDK replays what was pushed.
  stub(w) {
    if (w.mixpanel) return;
    const m: any = (w.mixpanel = []);
    // An early init(token) is dropped: the snippet, released with consent, calls its own.
    m.init = () => {};
    queueArray(m, METHODS);
    queueArray((m.people = []), PEOPLE);
    m.get_group = function () {
      const group = ["get_group", ...arguments];
      const o: Record<string, () => void> = {};
      for (const p of "set set_once unset union remove delete".split(" ")) {
        o[p] = function () {
          m.push([group, [p, ...arguments]]);
        };
      }
      return o;
    };
  },
};

/**
 * Mixpanel's opt-in and opt-out when the decision changes (src/gate/changes.ts).
 * A refusal's opt-out record no longer reaches storage (see `storage` above),
 * but one stored before ConsentGate held it may still be there, and an SDK
 * not running yet would read it at init: allowed now, it goes.
 */
export function consent(w: Window & Record<string, any>, allowed: boolean): void {
  try {
    const m = w.mixpanel;
    // Opting in tracks an `$opt_in` event: only an SDK that is opted out needs it.
    if (m && m.__loaded) allowed ? m.has_opted_out_tracking() && m.opt_in_tracking() : m.opt_out_tracking();
    else if (allowed) {
      const storage = w.localStorage;
      for (const key of Object.keys(storage)) if (/^__mp_opt_in_out_/.test(key) && storage[key] == "0") storage.removeItem(key);
    }
  } catch {}
}

export const info: ServiceInfo = {
  title: "Mixpanel",
  purpose: "Counts which features visitors use and how they move through the product.",
  provider: "Mixpanel, Inc.",
  policyUrl: "https://mixpanel.com/legal/privacy-policy/",
  cookies: [{ name: "mp_*", duration: "1 year" }],
  globals: ["mixpanel", "__mp_recorder", "__mp_targeting"],
};
