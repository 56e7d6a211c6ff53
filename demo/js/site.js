// The script of every seed-site page (and of the embeds and CSP pages): it
// only reads ConsentGate through its public API. Loaded as a module, so it
// runs after the page has been parsed, long after consentgate.js, which is the
// first script in <head>; the held/released events that happened before are
// replayed to it (SPEC §4).
import { mountGateLog, mountState, showConfig, wireApiButtons } from "./lib/gate-view.js";
import { showSiteTags } from "./lib/site-tags.js";

mountState(document.getElementById("live-state"));
const log = document.getElementById("gate-log");
mountGateLog(log, { compact: log?.hasAttribute("data-compact") });
showConfig(document.getElementById("config-source"));
showSiteTags(document.getElementById("site-tags"));
wireApiButtons();

// The language links mark the version being shown.
const lang = document.documentElement.lang;
for (const a of document.querySelectorAll("[data-lang-link]")) {
  if (a.getAttribute("data-lang-link") === lang) a.setAttribute("aria-current", "true");
}
