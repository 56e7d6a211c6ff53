// The CSP pages' own panel: the policy this response was served with, the
// violations counted since consentgate.js (js/csp-watch.js), and which tagged
// stand-in scripts have run.
import { h } from "./lib/gate-view.js";

const $ = (id) => document.getElementById(id);

async function showPolicy() {
  const out = $("csp-header");
  if (!out) return;
  try {
    const res = await fetch(location.pathname, { cache: "no-store", method: "HEAD" });
    const policy = res.headers.get("content-security-policy") || "(no header)";
    // A HEAD request gets a fresh nonce of its own; show where it goes instead.
    out.textContent = policy.replace(/'nonce-[^']+'/, "'nonce-…'");
  } catch {
    out.textContent = "(could not read the header)";
  }
}

function showViolations() {
  const out = $("csp-violations");
  if (!out) return;
  const seen = window.cspViolations || [];
  out.replaceChildren(
    h("span", { class: `pill ${seen.length ? "error" : "on"}` }, String(seen.length)),
    seen.length ? " violations:" : " violations since consentgate.js loaded.",
    ...seen.map((v) => h("div", { class: "small" }, h("code", {}, `${v.directive} ${v.blocked} ${v.source}`))),
  );
}

function showRan() {
  const list = $("ran-list");
  if (!list) return;
  const ran = window.cspDemoRan || [];
  list.replaceChildren(
    ...[...list.querySelectorAll("li[data-script]")].map((li) => {
      const name = li.getAttribute("data-script");
      const done = ran.includes(name);
      const label = li.querySelector(".label").cloneNode(true);
      return h(
        "li",
        { "data-script": name },
        label,
        h("span", { class: `pill ${done ? "released" : "held"}` }, done ? "ran" : "held"),
      );
    }),
  );
}

showPolicy();
showViolations();
showRan();
document.addEventListener("csp-demo:violation", showViolations);
document.addEventListener("csp-demo:ran", showRan);
