// The playground: every API call, the event log, the config editor, the
// simulated signals and the untagged insertions. Only ConsentGate's public API
// is used; window.consentgatePlayground comes from js/playground-config.js.
import { clock, gate, h, mountGateLog, mountState } from "./lib/gate-view.js";
import { showSiteTags } from "./lib/site-tags.js";

const pg = window.consentgatePlayground;
const $ = (id) => document.getElementById(id);

const api = gate($("live-state"));
mountState($("live-state"));
showSiteTags($("site-tags"));

// ---- held / released, with running counts ---------------------------------

const counts = { held: 0, released: 0 };
mountGateLog($("gate-log"), {
  onEvent(type) {
    counts[type] += 1;
    $("gate-counts").textContent = `${counts.held} held · ${counts.released} released`;
  },
});

// ---- the event log ------------------------------------------------------------

function summary(state) {
  if (!state || typeof state !== "object") return String(state);
  const on = Object.entries(state.categories || {})
    .filter(([, v]) => v)
    .map(([k]) => k);
  return `decided=${state.decided} source=${state.source} on=[${on.join(", ")}]`;
}

function logEvent(name, detail) {
  const list = $("event-log");
  list.querySelector("[data-empty]")?.remove();
  list.prepend(
    h(
      "li",
      { "data-event": name },
      h("span", { class: "muted" }, clock()),
      " ",
      h("span", { class: "ev" }, name),
      detail ? ` ${detail}` : "",
    ),
  );
}

if (api) {
  api.on("ready", (s) => logEvent("ready", summary(s)));
  api.on("change", (s) => logEvent("change", summary(s)));
  api.on("open", (view) => logEvent("open", String(view)));
  api.on("close", (view) => logEvent("close", String(view)));
  document.addEventListener("consentgate:change", (e) =>
    logEvent("consentgate:change", `(DOM event) ${summary(e.detail)}`),
  );
}

// ---- API calls ------------------------------------------------------------------

function options() {
  const opts = {};
  const source = $("opt-source").value;
  if (source) opts.source = source;
  if ($("opt-reload").checked) opts.reload = true;
  return opts;
}

function show(label, fn) {
  const out = $("api-result");
  if (!api) return;
  try {
    const value = fn();
    out.className = "result";
    out.textContent = `${label} → ${value === undefined ? "undefined" : JSON.stringify(value)}`;
  } catch (err) {
    out.className = "result pill error";
    out.textContent = `${label} threw ${err && err.name}: ${err && err.message}`;
  }
}

const calls = {
  acceptAll: () => {
    const o = options();
    show(`acceptAll(${JSON.stringify(o)})`, () => api.acceptAll(o));
  },
  rejectAll: () => {
    const o = options();
    show(`rejectAll(${JSON.stringify(o)})`, () => api.rejectAll(o));
  },
  withdraw: () => show("withdraw()", () => api.withdraw()),
  "open-banner": () => show('open("banner")', () => api.open("banner")),
  "open-preferences": () => show('open("preferences")', () => api.open("preferences")),
  close: () => show("close()", () => api.close()),
};

document.addEventListener("click", (event) => {
  const btn = event.target instanceof Element && event.target.closest("[data-call]");
  if (btn) calls[btn.getAttribute("data-call")]?.();
});

$("set-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const key = $("set-key").value.trim();
  const value = $("set-value").value === "true";
  const o = options();
  show(`set(${JSON.stringify({ [key]: value })}, ${JSON.stringify(o)})`, () =>
    api.set({ [key]: value }, o),
  );
});

$("allows-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const name = $("allows-name").value.trim();
  show(`allows(${JSON.stringify(name)})`, () => api.allows(name));
});

function refreshKnownKeys() {
  if (!api) return;
  const s = api.get();
  const keys = [...Object.keys(s.categories || {}), ...Object.keys(s.services || {})];
  $("known-keys").replaceChildren(...keys.map((k) => h("option", { value: k })));
}
refreshKnownKeys();
api?.on("change", refreshKnownKeys);

// ---- untagged insertions ----------------------------------------------------------
// The vendors' own code, run from this file as a site's script or a tag
// manager would run it. Nothing here is tagged.

const inserts = {
  hotjar() {
    (function (h, o, t, j, a, r) {
      h.hj = h.hj || function () { (h.hj.q = h.hj.q || []).push(arguments); };
      h._hjSettings = { hjid: 1234567, hjsv: 6 };
      a = o.getElementsByTagName("head")[0];
      r = o.createElement("script"); r.async = 1;
      r.src = t + h._hjSettings.hjid + j + h._hjSettings.hjsv;
      a.appendChild(r);
    })(window, document, "https://static.hotjar.com/c/hotjar-", ".js?sv=");
    return "Hotjar's snippet ran: it appended static.hotjar.com/c/hotjar-1234567.js to <head>.";
  },
  clarity() {
    (function (c, l, a, r, i, t, y) {
      c[a] = c[a] || function () { (c[a].q = c[a].q || []).push(arguments); };
      t = l.createElement(r); t.async = 1; t.src = "https://www.clarity.ms/tag/" + i;
      y = l.getElementsByTagName(r)[0]; y.parentNode.insertBefore(t, y);
    })(window, document, "clarity", "script", "YOUR_PROJECT_ID");
    return "Clarity's snippet ran: it inserted www.clarity.ms/tag/YOUR_PROJECT_ID.";
  },
  pixel() {
    new Image().src = "https://www.facebook.com/tr?id=YOUR_PIXEL_ID&ev=PageView&noscript=1";
    return "new Image().src = \"https://www.facebook.com/tr?…\" was set.";
  },
  youtube() {
    const frame = document.createElement("iframe");
    frame.className = "embed";
    frame.title = "YouTube video player";
    frame.allow = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.allowFullscreen = true;
    frame.src = "https://www.youtube-nocookie.com/embed/XXXXXXXXXXX";
    $("embed-area").append(frame);
    return "An untagged YouTube iframe was appended below.";
  },
  appsflyer() {
    const s = document.createElement("script");
    s.async = true;
    s.src = "https://websdk.appsflyer.com?st=pba&af_id=YOUR_WEB_DEV_KEY";
    document.head.append(s);
    return "AppsFlyer's loader was appended; the config does not name appsflyer, so ConsentGate holds it and warns.";
  },
};

document.addEventListener("click", (event) => {
  const btn = event.target instanceof Element && event.target.closest("[data-insert]");
  if (!btn) return;
  const name = btn.getAttribute("data-insert");
  try {
    $("inserted").textContent = inserts[name]();
  } catch (err) {
    $("inserted").textContent = `${name} threw: ${err}`;
  }
});

// ---- simulated signals -------------------------------------------------------------

$("sim-gpc").checked = pg.simulated.gpc;
$("sim-dnt").checked = pg.simulated.dnt;
$("apply-signals").addEventListener("click", () => {
  for (const [box, key] of [["sim-gpc", pg.keys.gpc], ["sim-dnt", pg.keys.dnt]]) {
    if ($(box).checked) localStorage.setItem(key, "1");
    else localStorage.removeItem(key);
  }
  location.reload();
});

// ---- the config editor ---------------------------------------------------------------

const editor = $("config-editor");
const messages = $("config-messages");
editor.value = pg.configText;
$("config-origin").textContent = pg.usingStoredConfig
  ? "your edited config (kept in this browser)"
  : "the default config";

function message(level, text) {
  messages.querySelector("li.ok")?.remove();
  const li = h("li", { class: level }, text);
  messages.append(li);
  return li;
}

/** Where a JSON.parse error points, as line and column. */
function locate(text, err) {
  const msg = String(err && err.message);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  const pos = /position (\d+)/.exec(msg);
  const offset = pos ? Number(pos[1]) : null;
  if (lc) return { offset, line: Number(lc[1]), column: Number(lc[2]) };
  if (offset === null) return { offset: null, line: null, column: null };
  const before = text.slice(0, offset);
  return {
    offset,
    line: before.split("\n").length,
    column: offset - before.lastIndexOf("\n"),
  };
}

function parseEditor() {
  const text = editor.value;
  messages.querySelectorAll("li.parse").forEach((li) => li.remove());
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch (err) {
    const at = locate(text, err);
    const where = at.line ? ` at line ${at.line}, column ${at.column}` : "";
    message("error parse", `JSON parse error${where}: ${err.message}. Nothing was applied.`);
    if (at.offset !== null) {
      editor.focus();
      editor.setSelectionRange(at.offset, Math.min(at.offset + 1, text.length));
    }
    return { ok: false };
  }
}

$("config-apply").addEventListener("click", () => {
  const parsed = parseEditor();
  if (!parsed.ok) return;
  localStorage.setItem(pg.keys.config, parsed.text);
  location.reload();
});

$("config-format").addEventListener("click", () => {
  const parsed = parseEditor();
  if (parsed.ok) editor.value = JSON.stringify(parsed.value, null, 2);
});

$("config-reset").addEventListener("click", () => {
  localStorage.removeItem(pg.keys.config);
  location.reload();
});

// ConsentGate's own messages about the config in use: printed at boot (kept by
// the pre-script) and any printed later.
if (pg.storedError) {
  message("error", `The stored config was not valid JSON (${pg.storedError}); the default was used.`);
}
for (const m of pg.messages) message(m.level, m.text);
document.addEventListener("playground:message", (e) => message(e.detail.level, e.detail.text));
if (!pg.messages.length && !pg.storedError) {
  message("ok", "ConsentGate reported no problem with this config.");
}
