import { chromium, type Browser } from "playwright-core";
import { HOST_RESOLVER_RULES } from "./hosts";

/** Debian's Chromium; CHROMIUM_PATH for a machine that has it elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `--host-resolver-rules=${HOST_RESOLVER_RULES}`,
  // Our hosts are plain http: don't try https first and fall back.
  "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}
