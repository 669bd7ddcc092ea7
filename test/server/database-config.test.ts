import { describe, expect, it } from "vitest";
import { loadConfig } from "../../schema/core/config.js";

const POOLED = "postgres://mural@pgbouncer:6432/mural";
const DIRECT = "postgres://mural@postgres:5432/mural";

describe("DATABASE_DIRECT_URL and DATABASE_PREPARED_STATEMENTS", () => {
  it("keeps prepared statements on without a direct URL, and turns them off with one (behind a pooler)", () => {
    expect(loadConfig({ DATABASE_URL: DIRECT }).preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_URL: POOLED, DATABASE_DIRECT_URL: DIRECT }).preparedStatements).toBe(false);
  });

  it("follows DATABASE_PREPARED_STATEMENTS when it is set (PgBouncer 1.21+ with max_prepared_statements)", () => {
    const env = { DATABASE_URL: POOLED, DATABASE_DIRECT_URL: DIRECT };
    expect(loadConfig({ ...env, DATABASE_PREPARED_STATEMENTS: "on" }).preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_URL: POOLED, DATABASE_PREPARED_STATEMENTS: "off" }).preparedStatements).toBe(
      false,
    );
    expect(() => loadConfig({ ...env, DATABASE_PREPARED_STATEMENTS: "yes" })).toThrow(
      /DATABASE_PREPARED_STATEMENTS/,
    );
  });

  it("refuses a direct URL without DATABASE_URL (the embedded database has no pooler)", () => {
    expect(() => loadConfig({ DATABASE_DIRECT_URL: DIRECT })).toThrow(
      /DATABASE_DIRECT_URL is set without DATABASE_URL/,
    );
  });
});
