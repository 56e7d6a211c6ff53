import { existsSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM } from "./harness/browser";
import { DIST } from "./harness/server";

// Fail once, with the fix, rather than in every test with a launch error.
export default function checkPrerequisites(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `[e2e] ${CHROMIUM} is missing: run \`node test/e2e/ensure-chromium.mjs\` ` +
        "(as root it installs Debian's chromium), or set CHROMIUM_PATH.",
    );
  }
  if (!existsSync(join(DIST, "consentgate.js"))) {
    throw new Error(`[e2e] ${join(DIST, "consentgate.js")} is missing: run \`npm run build\` first.`);
  }
}
