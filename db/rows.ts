import { Column, getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/** Reads a table's rows from hand-written SQL: the select list, and the mapping of each raw row. */
export interface RowReader<T> {
  /** `"table"."column"`, … for every column, in the table's own name (qualify with it in FROM). */
  columns: SQL;
  /** The same for some columns only, by key; the row read then holds null for the others. */
  columnsOf: (keys: readonly string[]) => SQL;
  /** A raw row (postgres.js, keyed by column name) as drizzle's select would give it. */
  read: (raw: Record<string, unknown>) => T;
}

/**
 * The rows of `table` as drizzle maps them (camelCase keys, each column's own decoding), for the read paths that
 * load thousands of rows at once: drizzle's general mapper checks every value's kind and path and costs more than
 * the query there. Built once per table.
 */
export function rowReader<T extends PgTable>(table: T): RowReader<T["$inferSelect"]> {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    // The connection's casing is snake_case: a column named by its key is stored under the key in snake_case.
    name: column.keyAsName ? toSnakeCase(column.name) : column.name,
    // Most columns (text, enums) keep the driver's value: no call for them.
    decode:
      column.mapFromDriverValue === Column.prototype.mapFromDriverValue
        ? undefined
        : (value: unknown) => column.mapFromDriverValue(value),
  }));
  const tableName = getTableName(table);
  const select = (chosen: typeof columns) =>
    sql.raw(chosen.map((c) => `"${tableName}"."${c.name}"`).join(", "));
  return {
    columns: select(columns),
    columnsOf: (keys) => select(columns.filter((c) => keys.includes(c.key))),
    read: (raw) => {
      const row: Record<string, unknown> = {};
      for (const { key, name, decode } of columns) {
        const value = raw[name];
        row[key] = value === null || value === undefined ? null : decode ? decode(value) : value;
      }
      return row as T["$inferSelect"];
    },
  };
}

/**
 * `column = ANY(ids)` with the ids as ONE array parameter: a list of thousands of parents costs one value to
 * send and to build, where `IN ($1, …, $n)` costs a parameter each.
 */
export function isAnyOf(column: SQL.Aliased | SQL | PgColumn, ids: readonly string[]): SQL {
  const literal = `{${ids.map((id) => `"${id.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  return sql`${column} = ANY(${literal}::text[])`;
}
