import { parseCursorConnectionArgs } from "@pothos/core";
import DataLoader from "dataloader";
import { and, asc, count, desc, eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import type { Executor } from "../../db/connection.js";
import { ID_PATTERN } from "../../db/ids.js";
import { isAnyOf, type RowReader, rowReader } from "../../db/rows.js";
import type { Access } from "./authorization.js";
import { builder } from "./builder.js";
import { badInput } from "./errors.js";
import { perRequest } from "./request-cache.js";
import { shownBy } from "./shield.js";

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
  const { before, after, limit, inverted, expectedSize, hasPreviousPage, hasNextPage } =
    parseCursorConnectionArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE });
  const direction = (ordering.direction === "desc") !== inverted ? desc : asc;
  return fetch({
    where: and(after ? bound(after, "after") : undefined, before ? bound(before, "before") : undefined),
    orderBy: ordering.keys.map((key) => direction(key.sql)),
    limit,
  }).then((rows) => {
    const nodes = rows.slice(0, expectedSize);
    if (inverted) nodes.reverse();
    return {
      edges: nodes.map((node) => new Edge(ordering, node)),
      pageInfo: new PageInfo(ordering, nodes, args.after ?? args.before ?? "", {
        hasPreviousPage: hasPreviousPage(rows.length),
        hasNextPage: hasNextPage(rows.length),
      }),
    };
  });
}

/** An edge whose cursor is written only if a client asks for it (a dashboard reading thousands asks for none). */
class Edge<T> {
  constructor(
    private readonly ordering: Ordering<T>,
    readonly node: T,
  ) {}
  get cursor() {
    return encodeCursor(this.ordering, this.node);
  }
}

/** A page's info; its cursors, too, are written when asked for. */
class PageInfo<T> {
  constructor(
    private readonly ordering: Ordering<T>,
    private readonly nodes: T[],
    private readonly given: string,
    readonly more: { hasPreviousPage: boolean; hasNextPage: boolean },
  ) {}
  get hasPreviousPage() {
    return this.more.hasPreviousPage;
  }
  get hasNextPage() {
    return this.more.hasNextPage;
  }
  get startCursor() {
    const first = this.nodes[0];
    return first === undefined ? this.given : encodeCursor(this.ordering, first);
  }
  get endCursor() {
    const last = this.nodes.at(-1);
    return last === undefined ? this.given : encodeCursor(this.ordering, last);
  }
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

/**
 * A list under each parent object, read as a connection (a trial's trial sites, a trial site's enrollments):
 * the table, the column naming the parent (and where a row holds it), the order, and the rows the viewer may see.
 */
export interface Children<T> {
  table: PgTable & { id: PgColumn };
  parent: PgColumn;
  parentOf: (row: T) => string;
  ordering: Ordering<T>;
  /** The viewer's visibility of the rows, in SQL. */
  visible: (access: Access) => Promise<SQL | undefined>;
  /**
   * The GraphQL type of the rows when `visible` is the SQL form of its object rule: the rows it keeps then need no
   * per-object decision. Without it, each row meets the rule.
   */
  type?: string;
}

const firstPageLoaders = perRequest(() => new Map<unknown, unknown>());
const countLoaders = perRequest(() => new Map<unknown, DataLoader<string, number>>());

/**
 * A page of one parent's children, with totalCount. First pages, which a dashboard asks for every parent at once,
 * load together: one statement ranks each parent's visible rows and keeps the first `limit` of each; their counts
 * are one more. A later page (after a cursor) or one from the end is that parent's own statement.
 */
export function childrenPage<T>(access: Access, children: Children<T>, parentId: string, args: PageArgs) {
  const { table, parent } = children;
  const page = keysetPage<T>(args, children.ordering, async (page) => {
    const visible = await children.visible(access);
    if (page.where || args.last != null) {
      const rows = await access.db
        .select()
        .from(table as PgTable)
        .where(and(eq(parent, parentId), visible, page.where))
        .orderBy(...page.orderBy)
        .limit(page.limit);
      if (children.type) shownBy(access, children.type, rows);
      return rows as T[];
    }
    // One loader per list and page size: parents asking for the same page size share a statement.
    const loaders = firstPageLoaders(access);
    const forChildren = (loaders.get(children) ?? new Map()) as Map<number, DataLoader<string, T[]>>;
    loaders.set(children, forChildren);
    const loader =
      forChildren.get(page.limit) ??
      new DataLoader((ids) => firstPages(access, children, visible, ids, page));
    forChildren.set(page.limit, loader);
    return loader.load(parentId);
  });
  return withTotalCount(page, () => childrenCount(access, children, parentId));
}

/** Per table, the reader of its rows (built once). */
const readers = new WeakMap<PgTable, RowReader<unknown>>();
const readerOf = (table: PgTable) => {
  let reader = readers.get(table);
  if (!reader) {
    reader = rowReader(table);
    readers.set(table, reader);
  }
  return reader;
};

async function firstPages<T>(
  access: Access,
  { table, parent, parentOf, type }: Children<T>,
  visible: SQL | undefined,
  parentIds: readonly string[],
  page: Page,
): Promise<T[][]> {
  const reader = readerOf(table);
  const order = sql.join(page.orderBy, sql`, `);
  const raw = await access.db.execute<Record<string, unknown>>(sql`
    SELECT ${reader.columns} FROM ${table} JOIN (
      SELECT ${table.id} AS id, row_number() OVER (PARTITION BY ${parent} ORDER BY ${order}) AS rank
      FROM ${table} WHERE ${and(isAnyOf(parent, parentIds), visible)}
    ) ranked ON ranked.id = ${table.id}
    WHERE ranked.rank <= ${page.limit}
    ORDER BY ${order}`);
  const rows = raw.map((row) => reader.read(row) as T);
  const byParent = new Map(parentIds.map((id) => [id, [] as T[]]));
  for (const row of rows) byParent.get(parentOf(row))?.push(row);
  if (type) shownBy(access, type, rows as object[]);
  return parentIds.map((id) => byParent.get(id) ?? []);
}

/** How many children of a parent the viewer may see: one statement for every parent of a request. */
function childrenCount<T>(access: Access, children: Children<T>, parentId: string): Promise<number> {
  const loaders = countLoaders(access);
  const loader =
    loaders.get(children) ??
    new DataLoader<string, number>(async (ids) => {
      const { table, parent } = children;
      const rows = await access.db
        .select({ parentId: sql<string>`${parent}`, n: count() })
        .from(table as PgTable)
        .where(and(isAnyOf(parent, ids), await children.visible(access)))
        .groupBy(parent);
      const counts = new Map(rows.map((r) => [r.parentId, r.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
  loaders.set(children, loader);
  return loader.load(parentId);
}

/**
 * The names of the fields a connection field's selection asks of its nodes (under `edges { node }` and `nodes`,
 * through fragments). Fields under @skip/@include count as asked: a list reads
 * at least the columns its answer needs.
 */
export function nodeFieldsAsked(info: GraphQLResolveInfo): Set<string> {
  const asked = new Set<string>();
  const fieldsIn = (set: SelectionSetNode | undefined, each: (field: FieldNode) => void) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) each(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsIn(selection.selectionSet, each);
      else fieldsIn(info.fragments[selection.name.value]?.selectionSet, each);
    }
  };
  const node = (field: FieldNode) => asked.add(field.name.value);
  for (const connection of info.fieldNodes)
    fieldsIn(connection.selectionSet, (field) => {
      if (field.name.value === "nodes") fieldsIn(field.selectionSet, node);
      if (field.name.value === "edges")
        fieldsIn(field.selectionSet, (edge) => {
          if (edge.name.value === "node") fieldsIn(edge.selectionSet, node);
        });
    });
  return asked;
}
