// The byte ceiling of issue 4, checked on the built files as a visitor
// downloads them: a first visit (the core and one banner file, its code with
// one language's strings) stays under 13,700 B brotli in every language and
// mode. `npm run bench:size` prints the figures; this keeps them from creeping.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { describe, expect, test } from "vitest";
import { REPO } from "./harness";

const CEILING = 13_700;
const dist = join(REPO, "dist");
const brotli = (path: string) =>
  brotliCompressSync(readFileSync(join(dist, path)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

describe("first-visit bytes", () => {
  const banner = readdirSync(join(dist, "i18n")).filter((f) => /-opt-(in|out)\.js$/.test(f));

  test("every language ships a banner for both modes", () => {
    expect(banner).toHaveLength(2 * readdirSync(join(REPO, "src/ui/i18n")).filter((f) => /^[a-z]{2}\.ts$/.test(f)).length);
  });

  test.each(banner)(`core + i18n/%s stay under ${CEILING} B brotli`, (file) => {
    const total = brotli("consentgate.js") + brotli(`i18n/${file}`);
    expect(total).toBeLessThanOrEqual(CEILING);
  });
});
