import { expect } from "vitest";
import type { TestServer } from "./server.js";

/**
 * A digest of every row of every table (sessions and rate_limits aside: each request refreshes a session's idle
 * timer and spends its caller's rate limit). Equal digests before and after a refused request prove it wrote nothing.
 */
export async function databaseDigest(
  server: TestServer,
  except: string[] = [],
): Promise<Record<string, string>> {
  const tables = await server.sql<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('sessions', 'rate_limits') ORDER BY 1`;
  const digest: Record<string, string> = {};
  for (const { tablename } of tables) {
    if (except.includes(tablename)) continue;
    const [row] = await server.sql.unsafe(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${tablename}" t`,
    );
    digest[tablename] = `${row?.n}:${row?.h}`;
  }
  return digest;
}

/**
 * Runs `action` and checks that the database is exactly as before (but for the tables `except` names, such as the
 * API request log an API client's every request adds to); returns what the action returned.
 */
export async function expectNothingWritten<T>(
  server: TestServer,
  action: () => Promise<T>,
  except: string[] = [],
): Promise<T> {
  const before = await databaseDigest(server, except);
  const result = await action();
  expect(await databaseDigest(server, except)).toEqual(before);
  return result;
}

/** The newest e-mail of a kind sent to an address, as the recipient would read it. */
export async function lastEmail(server: TestServer, to: string, template: string) {
  const [row] = await server.sql<{ subject: string; body: string; payload: { token?: string } }[]>`
    SELECT subject, body, payload FROM notification_outbox
    WHERE recipient = ${to.toLowerCase()} AND template = ${template} ORDER BY created_at DESC, id DESC LIMIT 1`;
  return row;
}

export async function auditEntriesFor(server: TestServer, resourceId: string) {
  return server.sql<
    {
      action: string;
      actor_user_id: string | null;
      acting_as_user_id: string | null;
      changes: Record<string, { from: unknown; to: unknown }>;
    }[]
  >`
    SELECT action, actor_user_id, acting_as_user_id, changes FROM audit_entries WHERE resource_id = ${resourceId} ORDER BY created_at, id`;
}
