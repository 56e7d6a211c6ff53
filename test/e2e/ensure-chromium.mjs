#!/usr/bin/env node
// The browser tests drive Debian's Chromium (never a downloaded browser build).
// Installs it when it is missing and we are root; otherwise says how.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { CHROMIUM as chromium } from "../chromium.mjs";

if (existsSync(chromium)) process.exit(0);

if (process.env.CHROMIUM_PATH || process.getuid?.() !== 0) {
  console.error(
    `[e2e] ${chromium} is missing. The browser tests need Debian's Chromium:\n` +
      "  sudo apt-get update && sudo apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
  process.exit(1);
}

console.log("[e2e] /usr/bin/chromium is missing: installing Debian's chromium with apt-get");
const apt = (args) =>
  execFileSync("apt-get", args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
try {
  apt(["update"]);
  apt(["install", "-y", "--no-install-recommends", "chromium", "fonts-liberation"]);
} catch {
  console.error("[e2e] apt-get could not install chromium (see above); the browser tests cannot run.");
  process.exit(1);
}
if (!existsSync(chromium)) {
  console.error(`[e2e] chromium is installed but ${chromium} is still missing.`);
  process.exit(1);
}
