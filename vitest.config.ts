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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
