// Debian's Chromium, launched the same way by the browser tests, the
// benchmarks and the screenshot script: headless, without a sandbox (CI runs
// as root), and with nothing that calls home to Google during a run.
// CHROMIUM_PATH points at another Chromium or Chrome binary.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
