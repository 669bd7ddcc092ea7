import { fillPlaceholders, type Query, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "./connection.js";

/** Names a value of a statement: its parameter, or (compiled) a placeholder filled at each run. */
export type ValueOf<V> = (name: keyof V & string) => SQLWrapper;

/** A statement as `build` writes it, with each value a parameter as drizzle sends it (for a transaction's `tx`). */
export const withValues = <V extends Record<string, unknown>>(
  build: (value: ValueOf<V>) => SQL,
  values: V,
): SQL => build((name) => sql.param(values[name]));

// The casing connect gives drizzle.
const dialect = new PgDialect({ casing: "snake_case" });

/**
 * A statement turned into SQL text and parameters, to be sent as it is (sendBuilt), as often as needed: drizzle
 * builds a long statement's text anew at every run, a third of a millisecond and ~75 KB of garbage for a milestone
 * payment's.
 */
export const buildStatement = (statement: SQL): Query => dialect.sqlToQuery(statement);

/**
 * Sends a built statement through the pool's client as drizzle would (a named prepared statement, observed), with
 * its parameters or `params`. Returns the raw rows, as `db.execute` does.
 */
export const sendBuilt = <R extends Record<string, unknown>>(
  db: Database,
  query: Query,
  params: readonly unknown[] = query.params,
): Promise<R[]> => db.$client.unsafe(query.sql, params as never[]) as unknown as Promise<R[]>;

/**
 * A statement on the hot path whose text never changes, only its values: `build` writes it once, with a
 * placeholder for each named value, and it is built once (buildStatement). Each run fills the values in.
 */
export function compiledStatement<V extends Record<string, unknown>>(build: (value: ValueOf<V>) => SQL) {
  let query: Query | undefined;
  return <R extends Record<string, unknown>>(db: Database, values: V): Promise<R[]> => {
    query ??= buildStatement(build((name) => sql.placeholder(name)));
    return sendBuilt<R>(db, query, fillPlaceholders(query.params, values));
  };
}
