import { chromium, type Browser } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../chromium.mjs";
import { HOST_RESOLVER_RULES } from "./hosts";

export { CHROMIUM };

const ARGS = [
  ...CHROMIUM_ARGS,
  `--host-resolver-rules=${HOST_RESOLVER_RULES}`,
  // Our hosts are plain http: don't try https first and fall back.
  "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}
