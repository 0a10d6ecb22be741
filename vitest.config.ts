import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "tests/**/*.test.ts",
      "supabase/functions/**/*.test.ts",
      "web/src/**/*.test.ts",
    ],
    globalSetup: ["tests/support/globalSetup.ts"],
    // A ceiling, not a speed check: the browser, CLI and messaging tests take seconds on a loaded 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
