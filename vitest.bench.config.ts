import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/** `npm run bench`: throughput measurements over HTTP, kept out of `npm test`. */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["bench/**/*.bench.test.ts"],
    testTimeout: 300_000,
    // One file at a time: each measures throughput and CPU, which another file running beside it would take.
    fileParallelism: false,
  },
});
