import { defineConfig } from "vitest/config";

// Real-Chromium tests: each file starts its own browser and fixture server.
export default defineConfig({
  root: new URL("../..", import.meta.url).pathname,
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
