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

/**
 * `bfcache`: keep Chromium's back/forward cache, which Playwright turns off by
 * default so that every `goBack()` loads the page again.
 */
export function launchBrowser({ bfcache = false } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    ignoreDefaultArgs: bfcache ? ["--disable-back-forward-cache"] : undefined,
  });
}
