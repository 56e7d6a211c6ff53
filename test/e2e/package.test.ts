// What the npm package ships, as `npm pack` lists it: the built files with
// their licence, which names the third-party code they bundle, and nothing
// for a site's bundler to install besides.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { REPO } from "./harness";

test("the package ships dist/ with a licence that carries Preact's notice, and needs no runtime dependency", () => {
  const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO, encoding: "utf8" })) as {
    files: { path: string }[];
  }[];
  const files = pack.files.map((f) => f.path);
  expect(files).toEqual(expect.arrayContaining(["dist/LICENSE", "dist/consentgate.js", "dist/consentgate.mjs", "dist/consentgate.d.ts", "dist/consentgate.css"]));
  const licence = readFileSync(join(REPO, "dist/LICENSE"), "utf8");
  expect(licence).toMatch(/^MIT License/);
  expect(licence).toContain(readFileSync(join(REPO, "node_modules/preact/LICENSE"), "utf8").trim());
  expect(readFileSync(join(REPO, "dist/chunks/views.js"), "utf8")).not.toMatch(/\bfrom\s*["']preact/);
  expect(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).dependencies).toBeUndefined();
});

test("the ESM build has no `new URL(\"…\", import.meta.url)` for Vite to take for an asset it cannot find", () => {
  // Vite's asset plugin rewrites that exact shape at build time, and warns when no such file exists.
  const mjs = readFileSync(join(REPO, "dist/consentgate.mjs"), "utf8");
  expect(mjs).toContain("import.meta.url");
  expect(mjs).not.toMatch(/\bnew\s+URL\s*\(\s*("[^"]+"|'[^']+'|`[^`]+`)\s*,\s*import\.meta\.url\s*(,\s*)?\)/);
});
