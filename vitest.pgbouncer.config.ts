import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * `npm run test:pgbouncer`: server processes behind Debian's PgBouncer (/usr/sbin/pgbouncer, which `.ci/run`
 * installs), kept out of `npm test`, which needs nothing but PostgreSQL.
 */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ["test-pgbouncer/**/*.test.ts"], testTimeout: 90_000 },
});
