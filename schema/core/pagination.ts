import { resolveCursorConnection } from "@pothos/plugin-relay";
import { and, asc, count, desc, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/connection.js";
import { ID_PATTERN } from "../../db/ids.js";
import { builder } from "./builder.js";
import { badInput } from "./errors.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

/** What a sort key holds: how a cursor's value for it is checked, and cast when compared in SQL. */
type KeyType = "timestamp" | "integer" | "text" | "id";

/** One value a list is sorted by: its SQL (never NULL), its type, and where a row holds it (for the row's cursor). */
export interface SortKey<T> {
  sql: SQLWrapper;
  type: KeyType;
  of: (row: T) => Date | bigint | string;
}

/**
 * An order of a list: its keys compared in turn, all in one direction, the last one unique (an id) so each row has
 * its own place and a cursor names one. `name` is written into cursors, so a cursor handed out under another order
 * is refused rather than misread.
 */
export interface Ordering<T> {
  name: string;
  direction: "asc" | "desc";
  keys: readonly SortKey<T>[];
}

/** Both directions of each order: `orderings({ AMOUNT: keys })` gives AMOUNT_ASC and AMOUNT_DESC. */
export function orderings<T, N extends string>(keys: Record<N, readonly SortKey<T>[]>) {
  const made = {} as Record<`${N}_ASC` | `${N}_DESC`, Ordering<T>>;
  for (const [order, sortKeys] of Object.entries(keys) as [N, readonly SortKey<T>[]][]) {
    made[`${order}_ASC`] = { name: `${order}_ASC`, direction: "asc", keys: sortKeys };
    made[`${order}_DESC`] = { name: `${order}_DESC`, direction: "desc", keys: sortKeys };
  }
  return made;
}

/** The keys of a list by creation: the time, then the id to break ties. */
export const byCreation = <T extends { createdAt: Date; id: string }>(columns: {
  createdAt: PgColumn;
  id: PgColumn;
}): SortKey<T>[] => [
  { sql: columns.createdAt, type: "timestamp", of: (row) => row.createdAt },
  { sql: columns.id, type: "id", of: (row) => row.id },
];

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = new RegExp(`^${ID_PATTERN}$`);
const INTEGER = /^-?\d{1,19}$/;
const INT8_LIMIT = 2n ** 63n;
const TEXT_LIMIT = 1_000;

/**
 * Whether a cursor's value can be a key of `type`. Only a value PostgreSQL reads back as written may reach it: a
 * time must round-trip (no 30 February, no year 0000), an integer fit a bigint, text hold no NUL.
 */
function isKeyValue(type: KeyType, value: unknown): value is string {
  if (typeof value !== "string") return false;
  switch (type) {
    case "timestamp": {
      const date = new Date(value);
      return (
        TIMESTAMP.test(value) &&
        !Number.isNaN(date.getTime()) &&
        date.toISOString() === value &&
        date.getUTCFullYear() >= 1
      );
    }
    case "integer":
      return INTEGER.test(value) && BigInt(value) < INT8_LIMIT && BigInt(value) >= -INT8_LIMIT;
    case "id":
      return ID.test(value);
    case "text":
      return value.length <= TEXT_LIMIT && !value.includes("\u0000");
  }
}

const CAST: Record<KeyType, SQL> = {
  timestamp: sql.raw("::timestamptz"),
  integer: sql.raw("::bigint"),
  text: sql.raw("::text"),
  id: sql.raw("::text"),
};

const keyValue = (value: Date | bigint | string) =>
  value instanceof Date ? value.toISOString() : String(value);

/** A row's cursor: the order's name and the row's key values. */
const encodeCursor = <T>(ordering: Ordering<T>, row: T) =>
  Buffer.from(JSON.stringify([ordering.name, ...ordering.keys.map((key) => keyValue(key.of(row)))])).toString(
    "base64url",
  );

/** The key values of a cursor this list handed out in this order, else BAD_USER_INPUT naming the argument. */
function decodeCursor<T>(ordering: Ordering<T>, cursor: string, arg: "before" | "after"): string[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString());
  } catch {
    decoded = null;
  }
  const values = Array.isArray(decoded) ? decoded : [];
  const valid =
    values[0] === ordering.name &&
    values.length === ordering.keys.length + 1 &&
    ordering.keys.every((key, i) => isKeyValue(key.type, values[i + 1]));
  if (!valid) throw badInput([{ field: arg, message: "is not a cursor from this list in this order." }]);
  return values.slice(1) as string[];
}

/** The page size rule of every connection: first and last count 0 to MAX_PAGE_SIZE rows. */
function checkPageSizes(args: PageArgs) {
  const problems = (["first", "last"] as const)
    .filter((arg) => {
      const size = args[arg];
      return size != null && !(Number.isInteger(size) && size >= 0 && size <= MAX_PAGE_SIZE);
    })
    .map((arg) => ({ field: arg, message: `must be a whole number from 0 to ${MAX_PAGE_SIZE}.` }));
  if (problems.length) throw badInput(problems);
}

/** What a list's query adds for one page: the cursor's condition, the order and the limit. */
export interface Page {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
}

/**
 * A cursor connection over rows in `ordering`, at most MAX_PAGE_SIZE a page (a larger first or last is refused
 * rather than cut). Cursors hold the row's key values, so a page starts right after (or before) its cursor's row
 * whatever was added or removed since. `fetch` runs the caller's query with the page's condition, order and limit.
 */
export function keysetPage<T>(args: PageArgs, ordering: Ordering<T>, fetch: (page: Page) => Promise<T[]>) {
  checkPageSizes(args);
  const keys = sql.join(
    ordering.keys.map((key) => key.sql),
    sql`, `,
  );
  const bound = (cursor: string, arg: "before" | "after") => {
    const values = decodeCursor(ordering, cursor, arg);
    const given = sql.join(
      values.map((value, i) => sql`${value}${CAST[ordering.keys[i]!.type]}`),
      sql`, `,
    );
    const later = (arg === "after") === (ordering.direction === "asc");
    return sql`(${keys}) ${sql.raw(later ? ">" : "<")} (${given})`;
  };
  return resolveCursorConnection<Promise<T[]>>(
    {
      args,
      toCursor: (row) => encodeCursor(ordering, row),
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: MAX_PAGE_SIZE,
    },
    ({ before, after, limit, inverted }) => {
      const direction = (ordering.direction === "desc") !== inverted ? desc : asc;
      return fetch({
        where: and(after ? bound(after, "after") : undefined, before ? bound(before, "before") : undefined),
        orderBy: ordering.keys.map((key) => direction(key.sql)),
        limit,
      });
    },
  );
}

/** A cursor connection over rows newest first (creation time, then id): see keysetPage. */
export function newestFirst<T extends { createdAt: Date; id: string }>(
  args: PageArgs,
  columns: { createdAt: PgColumn; id: PgColumn },
  fetch: (page: Page) => Promise<T[]>,
) {
  return keysetPage(
    args,
    { name: "CREATED_AT_DESC", direction: "desc", keys: byCreation<T>(columns) },
    fetch,
  );
}

/** A connection with the size of its whole list, counted only if the client asks for totalCount. */
export async function withTotalCount<C extends object>(connection: Promise<C>, count: () => Promise<number>) {
  return { ...(await connection), totalCount: count };
}

/** How many rows of `table` match `where`: a list's totalCount. */
export async function countRows(db: Executor, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

/** A page of the rows of `table` matching `where`, newest first, with totalCount. */
export function pageOfRows<T extends PgTable & { createdAt: PgColumn; id: PgColumn }>(
  db: Executor,
  table: T,
  where: SQL | undefined,
  args: PageArgs,
) {
  type Row = T["$inferSelect"] & { createdAt: Date; id: string };
  return withTotalCount(
    newestFirst<Row>(args, table, (page) =>
      db
        .select()
        .from(table as PgTable)
        .where(and(where, page.where))
        .orderBy(...page.orderBy)
        .limit(page.limit)
        .then((rows) => rows as Row[]),
    ),
    () => countRows(db, table, where),
  );
}

builder.globalConnectionField("totalCount", (t) =>
  t.int({
    description: "How many items the whole list holds (every page), counted when asked for.",
    resolve: (connection) => connection.totalCount(),
  }),
);
