// Shows the tags a page pasted, exactly as its HTML has them (between
// "BEGIN site tags" and "END site tags" comments). Read from the served source
// rather than the live DOM, because the gate changes held elements in the DOM.
import { h } from "./gate-view.js";

const blocks = /<!-- BEGIN site tags(?: ([^>]*?))? -->\n?([\s\S]*?)\s*<!-- END site tags -->/g;

function dedent(text) {
  const lines = text.replace(/^\n+|\s+$/g, "").split("\n");
  const indent = Math.min(
    ...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length),
  );
  return lines.map((l) => l.slice(indent)).join("\n");
}

export async function showSiteTags(container) {
  if (!container) return;
  let source;
  try {
    source = await (await fetch(location.pathname, { cache: "no-store" })).text();
  } catch {
    container.replaceChildren(h("p", { class: "muted" }, "(could not read this page's source)"));
    return;
  }
  // The nonce page gets a new nonce per response, so this copy's would not match.
  const parts = [...source.matchAll(blocks)].map(([, label, body]) => [
    label,
    dedent(body).replace(/nonce="[^"]*"/g, 'nonce="…"'),
  ]);
  container.replaceChildren(
    ...parts.flatMap(([label, body]) => [
      label ? h("h3", { class: "list-title" }, label) : null,
      h("pre", {}, h("code", {}, body)),
    ]),
  );
}
