// Renders what ConsentGate knows, for the demo pages: the live state, the
// held/released log and the page's own config. Only the public API is used
// (window.ConsentGate), exactly as a site's own code would use it.
//
// Everything is built with DOM methods and textContent, never innerHTML:
// the strings shown here come from the page (URLs, config) and the demo must
// not teach the habit of pasting them into markup.

/** Creates an element with text and attributes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function pill(on, yes = "on", no = "off") {
  return h("span", { class: `pill ${on ? "on" : "off"}` }, on ? yes : no);
}

/** The ConsentGate API, or null with a visible explanation when it did not load. */
export function gate(where) {
  const api = window.ConsentGate;
  if (api && typeof api.get === "function") return api;
  if (where) {
    where.replaceChildren(
      h(
        "p",
        { class: "notice warn" },
        "ConsentGate did not load (window.ConsentGate is missing). Run ",
        h("code", {}, "npm run demo"),
        ", which builds dist/ before serving it.",
      ),
    );
  }
  return null;
}

export function clock(date = new Date()) {
  const pad = (n, w = 2) => String(n).padStart(w, "0");
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function shorten(text, max = 90) {
  const t = String(text).replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
}

/**
 * One line for a held/released target: an element is named by its tag and
 * where it would load from; a string (a request URL, a cookie or storage key)
 * is shown as it is.
 */
export function describeTarget(target) {
  if (target == null) return "—";
  if (typeof target === "string") return shorten(target, 140);
  if (!(target instanceof Element)) return shorten(String(target), 140);
  const tag = target.tagName.toLowerCase();
  const url =
    target.getAttribute("data-src") || target.getAttribute("src") || target.getAttribute("href");
  if (url) return `<${tag}> ${shorten(url, 120)}`;
  const text = target.textContent || "";
  return text.trim() ? `<${tag}> inline: ${shorten(text, 80)}` : `<${tag}>`;
}

/** The site's config as the page declares it (the JSON element), or null. */
export function pageConfig() {
  const el = document.getElementById("consentgate-config");
  if (el) {
    try {
      return JSON.parse(el.textContent || "");
    } catch {
      return null;
    }
  }
  return window.consentgateConfig && typeof window.consentgateConfig === "object"
    ? window.consentgateConfig
    : null;
}

/** Shows the page's config, pretty-printed, in a <pre>. */
export function showConfig(pre) {
  if (!pre) return;
  const config = pageConfig();
  pre.replaceChildren(
    h("code", {}, config ? JSON.stringify(config, null, 2) : "(no readable config on this page)"),
  );
}

/** The lazy UI's files as the build names them: `i18n/<language>-<mode>.js`, `chunks/<name>.js`. */
const UI_FILE = /\/(i18n|chunks)\/[\w-]+\.js(\?|$)/;

/** Whether a file of the lazy UI was downloaded on this page view. */
function uiDownloaded() {
  return performance.getEntriesByType("resource").some((e) => UI_FILE.test(e.name));
}

/**
 * Keeps `container` showing `ConsentGate.get()`, updated on every change.
 * Services are grouped under the category the page's config puts them in.
 */
export function mountState(container) {
  const api = gate(container);
  if (!api) return;
  const config = pageConfig() || {};
  const serviceCategory = {};
  for (const [name, cat] of Object.entries(config.categories || {})) {
    for (const id of (cat && cat.services) || []) serviceCategory[id] = name;
  }
  for (const [id, svc] of Object.entries(config.services || {})) {
    if (svc && svc.category) serviceCategory[id] = svc.category;
  }

  let othersOpen = false;
  const render = () => {
    let s;
    try {
      s = api.get();
    } catch (err) {
      container.replaceChildren(h("p", { class: "notice warn" }, `get() threw: ${err}`));
      return;
    }
    const grid = h(
      "dl",
      { class: "state-grid" },
      h("dt", {}, "decided"),
      h("dd", {}, pill(s.decided, "yes", "no")),
      h("dt", {}, "source"),
      h("dd", {}, h("code", {}, String(s.source))),
      h("dt", {}, "signals sent"),
      h(
        "dd",
        {},
        "GPC ",
        pill(s.signals && s.signals.gpc, "yes", "no"),
        " DNT ",
        pill(s.signals && s.signals.dnt, "yes", "no"),
      ),
      h("dt", {}, "revision"),
      h("dd", {}, String(s.revision)),
      h("dt", {}, "updatedAt"),
      h("dd", {}, s.updatedAt ? clock(new Date(s.updatedAt)) : "—"),
      h("dt", {}, "id"),
      h("dd", {}, s.id ? h("code", {}, s.id) : "—"),
      h("dt", {}, "UI file"),
      h(
        "dd",
        {},
        uiDownloaded()
          ? "downloaded (something was shown)"
          : "not downloaded: nothing to show so far",
      ),
    );
    const cats = h(
      "ul",
      { class: "switch-list", "aria-label": "Categories" },
      Object.entries(s.categories || {}).map(([name, on]) =>
        h("li", { "data-category": name }, h("span", { class: "name" }, name), pill(on)),
      ),
    );
    // get().services reports every catalogue service; the ones this config
    // does not name follow their catalogue category (held unless it is allowed;
    // necessary ones such as Stripe run), so they are folded away.
    const entries = Object.entries(s.services || {});
    const named = entries.filter(([id]) => serviceCategory[id]);
    const others = entries.filter(([id]) => !serviceCategory[id]);
    const row = ([id, on]) =>
      h(
        "li",
        { "data-service": id },
        h(
          "span",
          {},
          h("span", { class: "name" }, id),
          serviceCategory[id] ? h("span", { class: "muted small" }, ` · ${serviceCategory[id]}`) : null,
        ),
        pill(on),
      );
    const svc = h(
      "ul",
      { class: "switch-list", "aria-label": "Services in the config" },
      named.length ? named.map(row) : h("li", {}, h("span", { class: "muted" }, "none named")),
    );
    const rest = others.length
      ? h(
          "details",
          { class: "others", open: othersOpen || null },
          h("summary", {}, `${others.length} other catalogue services, not in the config: ${others.filter(([, on]) => on).length} on`),
          h("ul", { class: "switch-list", "aria-label": "Other catalogue services" }, others.map(row)),
        )
      : null;
    if (rest) rest.addEventListener("toggle", () => (othersOpen = rest.open));
    container.replaceChildren(
      grid,
      h("h3", { class: "list-title" }, "Categories"),
      cats,
      h("h3", { class: "list-title" }, "Services"),
      svc,
      rest,
    );
  };

  render();
  api.on("change", render);
  api.on("ready", render);
  // The UI file arrives after "open"; re-render when the browser reports it.
  if (typeof PerformanceObserver === "function") {
    new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => UI_FILE.test(e.name))) render();
    }).observe({ type: "resource", buffered: false });
  }
  return render;
}

/**
 * Fills a <tbody> with every `held` and `released` event: a late subscriber
 * is first given the events that happened before it subscribed (SPEC §4), so
 * this module can load after the page's own tags and still see them all.
 * Columns: time, event, service, category, kind, target; `compact` puts the
 * target on a second line, for narrow columns.
 */
export function mountGateLog(tbody, { onEvent, compact = false } = {}) {
  const api = gate();
  if (!api || !tbody) return;
  const columns = compact ? 5 : 6;
  const emptyRow = h(
    "tr",
    { class: "empty" },
    h("td", { colspan: columns }, "Nothing held or released yet."),
  );
  tbody.replaceChildren(emptyRow);
  const add = (type) => (e) => {
    emptyRow.remove();
    const service = (e && e.service) || "";
    const cells = [
      h("td", { class: "time" }, clock()),
      h("td", {}, h("span", { class: `pill ${type}` }, type)),
      h("td", {}, service ? h("code", {}, service) : h("span", { class: "muted" }, "—")),
      h("td", {}, (e && e.category) || "—"),
      h("td", {}, (e && e.kind) || "—"),
    ];
    const target = describeTarget(e && e.target);
    if (compact) {
      tbody.append(
        h("tr", { "data-event": type, "data-service": service, class: "has-target" }, cells),
        h("tr", { class: "target-row" }, h("td", { class: "target", colspan: columns }, target)),
      );
    } else {
      tbody.append(
        h("tr", { "data-event": type, "data-service": service }, cells, h("td", { class: "target" }, target)),
      );
    }
    if (onEvent) onEvent(type, e);
  };
  api.on("held", add("held"));
  api.on("released", add("released"));
}

/** Buttons with data-api="acceptAll" etc. call the API (handy on every page). */
export function wireApiButtons(root = document) {
  const api = gate();
  if (!api) return;
  root.addEventListener("click", (event) => {
    const btn = event.target instanceof Element && event.target.closest("[data-api]");
    if (!btn) return;
    const call = btn.getAttribute("data-api");
    const arg = btn.getAttribute("data-arg");
    if (typeof api[call] === "function") arg ? api[call](arg) : api[call]();
  });
}
