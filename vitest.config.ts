import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql 16 ships both index.js and index.mjs; libraries load the former under Node, so our code must too
  // (two copies of graphql cannot share a schema).
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    globalSetup: ["./test/setup/database.ts"],
    include: ["test/**/*.test.ts"],
    // Each file gets its own database cloned from a migrated template, so files run in parallel.
    pool: "forks",
    // Files mostly wait on HTTP and PostgreSQL: three at once keep two cores busy (vitest's default is cores - 1,
    // one file at a time on a 2-core machine).
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
