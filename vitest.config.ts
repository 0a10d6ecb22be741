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
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
