import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { Logger, runMigrations } from "graphile-worker";
import postgres from "postgres";
import { drizzleClient, type StatementObserver } from "./observe.js";
import * as schema from "./schema/index.js";

export type Database = ReturnType<typeof connect>["db"];
/** A transaction, or the database itself: business rules take either so callers choose the boundary. */
export type Executor = Parameters<Parameters<Database["transaction"]>[0]>[0] | Database;

const MIGRATIONS = new URL("./migrations", import.meta.url).pathname;

/**
 * One pooled postgres.js client per process. `onQuery` sees every statement (the tests count them); `observe` is
 * told of each of the app's statements and transactions where they are sent (for metrics and traces). `prepare:
 * false` behind a transaction pooler: no named prepared statements (each transaction may get another server
 * connection). `directUrl`: a connection straight to PostgreSQL for what a transaction pooler cannot carry (LISTEN,
 * see `sessionClient`).
 */
export function connect(
  url: string,
  options: {
    max?: number;
    onQuery?: (sql: string) => void;
    observe?: StatementObserver;
    prepare?: boolean;
    directUrl?: string;
  } = {},
) {
  const pooled = options.directUrl !== undefined && options.directUrl !== url;
  const prepare = options.prepare ?? true;
  const sql = postgres(url, {
    max: options.max ?? 10,
    prepare,
    onnotice: () => {},
    debug: options.onQuery ? (_conn, query) => options.onQuery?.(query) : undefined,
    // JIT off: PostgreSQL compiles any statement estimated above jit_above_cost, and a dashboard's one planned
    // statement (schema/core/read-plans.ts) for staff is estimated just above it: compiling took 400 ms of a 60 ms
    // query. A transaction pooler (PgBouncer) refuses the parameter: there set it on the database (README, Behind PgBouncer).
    connection: { application_name: "mural-link", ...(pooled ? {} : { jit: "off" }) },
  });
  const client = drizzleClient(sql, { observer: options.observe, prepare });
  // Keyed by the client drizzle holds (db.$client), which sessionClient looks up.
  if (options.directUrl && options.directUrl !== url) directUrls.set(client, options.directUrl);
  const db = drizzle(client, { schema, casing: "snake_case" });
  return { sql, db };
}

type Sql = ReturnType<typeof postgres>;
const directUrls = new WeakMap<Sql, string>();

/**
 * A client for session state that must outlive a transaction (LISTEN): a new one on the direct URL, which the caller
 * ends with `end`, when `db` was connected with one; otherwise `db`'s own client (postgres.js gives LISTEN a
 * dedicated connection of its own) and `end` does nothing.
 */
export function sessionClient(db: Database): { sql: Sql; end: () => Promise<void> } {
  const directUrl = directUrls.get(db.$client);
  if (!directUrl) return { sql: db.$client, end: async () => {} };
  const sql = postgres(directUrl, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: "mural-link" },
  });
  return { sql, end: () => sql.end({ timeout: 5 }) };
}

export async function applyMigrations(url: string) {
  const { sql, db } = connect(url, { max: 1 });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS });
  } finally {
    await sql.end();
  }
  // The job queue's own schema (graphile_worker), versioned by graphile-worker itself.
  await runMigrations({ connectionString: url, logger: new Logger(() => () => {}) });
}

/** Creates `name` on the server behind `adminUrl` if missing; used for the embedded default and tests. */
export async function ensureDatabase(adminUrl: string, name: string, template?: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (!exists) {
      await sql.unsafe(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    }
  } finally {
    await sql.end();
  }
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
