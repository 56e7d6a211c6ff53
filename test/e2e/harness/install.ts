import type { SiteConfig } from "../../../src/types";

/**
 * What a site puts first in its <head> (SPEC §1): the config, then the core.
 * `config` is an object (serialised), a string (written as is: for invalid
 * JSON), or undefined (no config at all).
 */
export interface InstallOptions {
  /** The JSON element (default), or an inline `window.consentgateConfig = …`. */
  configVia?: "json" | "global";
  /** The core's URL; null leaves the script tag out. */
  src?: string | null;
  /** Set on the snippet's scripts, for pages under a nonce-based CSP. */
  nonce?: string;
}

export const MARKER = "<!-- consentgate -->";

export function installSnippet(
  config: SiteConfig | string | undefined,
  { configVia = "json", src = "/consentgate.js", nonce }: InstallOptions = {},
): string {
  const nonceAttr = nonce === undefined ? "" : ` nonce="${nonce}"`;
  const parts: string[] = [];
  if (config !== undefined) {
    const text = typeof config === "string" ? config : scriptSafeJson(config);
    parts.push(
      configVia === "json"
        ? `<script type="application/json" id="consentgate-config">${text}</script>`
        : `<script${nonceAttr}>window.consentgateConfig = ${text};</script>`,
    );
  }
  if (src !== null) parts.push(`<script src="${src}"${nonceAttr}></script>`);
  return parts.join("\n");
}

/**
 * Puts the snippet into a fixture: at its `<!-- consentgate -->` marker, else
 * first in its <head>; a fixture without <head> is body content and gets a
 * minimal page around it.
 */
export function composePage(fixture: string, snippet: string, title = "Shop"): string {
  if (fixture.includes(MARKER)) return fixture.replace(MARKER, () => snippet);
  const head = /<head(\s[^>]*)?>/i.exec(fixture);
  if (head) {
    const at = head.index + head[0].length;
    return `${fixture.slice(0, at)}\n${snippet}${fixture.slice(at)}`;
  }
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    snippet,
    `<title>${title}</title>`,
    "</head>",
    "<body>",
    fixture,
    "</body>",
    "</html>",
  ].join("\n");
}

/** JSON that cannot end the <script> element it sits in. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
