import { defineConfig } from "vitest/config";

// Real-Chromium tests: each file starts its own browser and fixture server
// (test/e2e/harness); each test gets a fresh browser context.
export default defineConfig({
  root: new URL("../..", import.meta.url).pathname,
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/e2e/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // What a test waits for in Chromium (a released frame's load, a beacon)
    // may take more than the default second on a busy shared 2-core machine.
    expect: { poll: { timeout: 5_000 } },
  },
});
