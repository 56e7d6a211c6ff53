import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Window } from "happy-dom";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/snippets");

/** A fresh page on its own origin, with one script in <head> as vendors' snippets expect. */
export function page(): Window & Record<string, any> {
  const win = new Window({
    url: "https://shop.example/",
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  win.document.write('<!doctype html><html><head><script src="/app.js"></script></head><body></body></html>');
  return win as Window & Record<string, any>;
}

/** Runs a vendor's snippet file in the page: its inline scripts, in order, as the parser would. */
export function runSnippet(win: Window & Record<string, any>, file: string): void {
  const html = readFileSync(join(fixtures, file), "utf8");
  for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/\bsrc=/.test(m[1])) win.eval(m[2]);
  }
}

/** The src of every script the page holds, in document order. */
export function scripts(win: Window & Record<string, any>): string[] {
  return [...win.document.querySelectorAll("script[src]")].map((s) => (s as unknown as HTMLScriptElement).src);
}

/** What happy-dom's window hands to code that expects a browser window. */
export const asWindow = (win: Window & Record<string, any>) => win as unknown as globalThis.Window & Record<string, any>;
