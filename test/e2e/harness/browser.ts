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
 *
 * `siteIsolation: false`: cross-site frames in the page's process. When a
 * parser-started navigation of a cross-site frame is cut short (the gate
 * holding it) and the frame is sent there again later, Playwright now and
 * then loses the frame's out-of-process target: the second navigation is
 * neither routed nor recorded, and ends on chrome-error:// (about 1 run in 7
 * on a busy machine, none in 30 without site isolation). What the page and
 * the gate do is the same in both process models.
 */
export function launchBrowser({ bfcache = false, siteIsolation = true } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: siteIsolation ? ARGS : [...ARGS, "--disable-site-isolation-trials"],
    ignoreDefaultArgs: bfcache ? ["--disable-back-forward-cache"] : undefined,
  });
}
