import { defineConfig } from "vitest/config";

// Unit and component tests: logic in happy-dom, no real browser.
export default defineConfig({
  root: new URL("..", import.meta.url).pathname,
  define: { __VERSION__: JSON.stringify("0.0.0-test"), __CSS__: JSON.stringify(""), __CSS_VIEWS__: JSON.stringify("") },
  test: {
    include: ["test/{unit,gate,ui}/**/*.test.{ts,tsx}"],
    environment: "happy-dom",
  },
});
