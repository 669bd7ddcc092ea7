import { randomBytes } from "node:crypto";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { inject } from "vitest";
import { connect, ensureDatabase, withDatabase } from "../../db/connection.js";
import { ensureFirstAdmin } from "../../schema/accounts/bootstrap.js";
import { loadConfig } from "../../schema/core/config.js";
import { startApp } from "../../server/app.js";
import { createLogger, type Logger } from "../../server/logger.js";
import { observeDatabase } from "../../server/telemetry.js";

export const ADMIN_EMAIL = "admin@example.com";
export const ADMIN_PASSWORD = "Admin-pass-1!";

export interface GraphQLResponse<T> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [k: string]: unknown } }[];
  extensions?: Record<string, unknown>;
}

/** Settings every test server process shares (a second process of a test must read what the first wrote). */
export const TEST_ENV = {
  // Production refuses to start without its own key; tests running as production use this one.
  PAYOUT_ENCRYPTION_KEY: Buffer.alloc(32, "test-payout-key").toString("base64"),
  // Rate limits no test file reaches (all its calls come from one IP): the rate limits' tests set small ones.
  API_RATE_POINTS: "100000000",
  ANONYMOUS_RATE_POINTS: "100000000",
};

/** A database of its own for a test, cloned from the migrated template (dropped when the run ends); its URL. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `${inject("databasePrefix")}_${randomBytes(4).toString("hex")}`;
  await ensureDatabase(adminUrl, name, inject("templateDatabase"));
  return withDatabase(adminUrl, name);
}

/**
 * A real server for one test file: its own database cloned from the migrated template, the app listening on a
 * free port, and helpers that speak HTTP to it. `statements` counts every SQL statement the app sends. The app logs
 * nothing unless given `options.log`; its pool holds `options.poolSize` connections (10).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { log?: Logger; poolSize?: number } = {},
) {
  const databaseUrl = await createTestDatabase();
  const statements = { count: 0 };
  const { sql, db } = connect(databaseUrl, {
    max: options.poolSize ?? 10,
    observe: observeDatabase,
    onQuery: (query) => {
      // postgres.js looks up array types once per new connection: not the app's work, so not counted.
      if (!query.includes("pg_catalog.pg_type")) statements.count++;
    },
  });
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "test",
    DATABASE_URL: undefined,
    DATABASE_DIRECT_URL: undefined,
    DATABASE_PREPARED_STATEMENTS: undefined,
    // No background worker unless a test asks for one (WORKER: "on"): its writes would race expectNothingWritten.
    WORKER: "off",
    ...TEST_ENV,
    ...env,
  });
  await ensureFirstAdmin(db, ADMIN_EMAIL, ADMIN_PASSWORD);
  const app = await startApp(
    { config, db, log: options.log ?? createLogger("silent"), databaseUrl },
    0,
    "127.0.0.1",
  );
  const client = graphqlClient(app.url);

  return {
    url: app.url,
    metricsUrl: app.metricsUrl,
    /** This server's own database, for a second server process in the same test. */
    databaseUrl,
    db,
    sql,
    config,
    statements,
    ...client,
    loginAdmin: () => client.login(ADMIN_EMAIL, ADMIN_PASSWORD),
    async close() {
      await app.close();
      // As the server does: postgres.js 3.4.9 never finishes ending a connection that died mid-query.
      await sql.end({ timeout: 5 });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Speaks GraphQL over HTTP to the server at `url`, as an API client would. */
export function graphqlClient(url: string) {
  async function request<T = Record<string, unknown>, V = Record<string, unknown>>(
    query: string | TypedDocumentNode<T, V>,
    variables?: V,
    token?: string | null,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query: typeof query === "string" ? query : print(query), variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, "status" | "headers">;
    return { status: response.status, headers: response.headers, ...body };
  }

  async function login(email: string, password: string): Promise<string> {
    const result = await request<{ login: { token: string } }>(
      `mutation($input: LoginInput!) { login(input: $input) { token } }`,
      { input: { email, password } },
    );
    if (!result.data?.login) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.token;
  }

  return { request, login };
}

/** The single error code of a response, for assertions. */
export const errorCode = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code;
