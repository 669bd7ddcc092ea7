import { parseCursorConnectionArgs } from "@pothos/core";
import DataLoader from "dataloader";
import { and, asc, desc, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { ID_PATTERN } from "../../db/ids.js";
import type { Access } from "./authorization.js";
import { badInput } from "./errors.js";
import { perRequest } from "./request-cache.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");

const CURSOR = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)\\|(${ID_PATTERN})$`);

/**
 * A cursor this list handed out, else BAD_USER_INPUT naming the argument it came in. The time must read back as
 * written (no 30 February, no year 0000): anything else would reach PostgreSQL and fail there.
 */
function decodeCursor(cursor: string, arg: "before" | "after"): [Date, string] {
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString());
  const date = new Date(match?.[1] ?? "");
  if (
    !match?.[2] ||
    Number.isNaN(date.getTime()) ||
    date.toISOString() !== match[1] ||
    date.getUTCFullYear() < 1
  )
    throw badInput([{ field: arg, message: "is not a cursor from this list." }]);
  return [date, match[2]];
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

/** Which end of a list comes first: by creation time, then id to break ties. */
export type Order = "newestFirst" | "oldestFirst";

/** A page's extra condition (its cursors), order and size, for the caller's query. */
export interface Page {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
}

/**
 * A cursor connection over rows in `order`, at most MAX_PAGE_SIZE a page (a larger first or last is refused
 * rather than cut). `fetch` runs the caller's query with the page's extra condition, order and limit.
 */
export function inOrder<T extends { createdAt: Date; id: string }>(
  order: Order,
  args: PageArgs,
  columns: { createdAt: PgColumn; id: PgColumn },
  fetch: (page: Page) => Promise<T[]>,
) {
  checkPageSizes(args);
  const key = sql`(${columns.createdAt}, ${columns.id})`;
  const later = order === "newestFirst" ? "<" : ">";
  const earlier = order === "newestFirst" ? ">" : "<";
  const bound = (cursor: string, arg: "before" | "after") => {
    const [at, id] = decodeCursor(cursor, arg);
    return sql`${key} ${sql.raw(arg === "after" ? later : earlier)} (${at.toISOString()}::timestamptz, ${id})`;
  };
  const { before, after, limit, inverted, expectedSize, hasPreviousPage, hasNextPage } =
    parseCursorConnectionArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE });
  const direction = (order === "newestFirst") !== inverted ? desc : asc;
  return fetch({
    where: and(after ? bound(after, "after") : undefined, before ? bound(before, "before") : undefined),
    orderBy: [direction(columns.createdAt), direction(columns.id)],
    limit,
  }).then((rows) => {
    const nodes = rows.slice(0, expectedSize);
    if (inverted) nodes.reverse();
    return {
      edges: nodes.map((node) => new Edge(node)),
      pageInfo: new PageInfo(nodes, args.after ?? args.before ?? "", {
        hasPreviousPage: hasPreviousPage(rows.length),
        hasNextPage: hasNextPage(rows.length),
      }),
    };
  });
}

/** An edge whose cursor is written only if a client asks for it (most pages are read without). */
class Edge<T extends { createdAt: Date; id: string }> {
  constructor(readonly node: T) {}
  get cursor() {
    return encodeCursor(this.node);
  }
}

/** A page's info; its cursors, too, are written when asked for. */
class PageInfo {
  constructor(
    private readonly nodes: { createdAt: Date; id: string }[],
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
    return first ? encodeCursor(first) : this.given;
  }
  get endCursor() {
    const last = this.nodes.at(-1);
    return last ? encodeCursor(last) : this.given;
  }
}

/** A cursor connection over rows newest first (see inOrder). */
export const newestFirst = <T extends { createdAt: Date; id: string }>(
  args: PageArgs,
  columns: { createdAt: PgColumn; id: PgColumn },
  fetch: (page: Page) => Promise<T[]>,
) => inOrder("newestFirst", args, columns, fetch);

/**
 * A list under each parent object, read as a connection (a trial's trial sites, a trial site's enrollments):
 * the table, the column naming the parent (and its key in a row), the order, and the rows the viewer may see.
 */
export interface Children<T> {
  table: PgTable & { id: PgColumn; createdAt: PgColumn };
  parent: PgColumn;
  parentOf: (row: T) => string;
  order: Order;
  visible: (access: Access) => Promise<SQL | undefined>;
}

const firstPageLoaders = perRequest(() => new Map<unknown, unknown>());
const countLoaders = perRequest(() => new Map<unknown, DataLoader<string, number>>());

/**
 * A page of one parent's children. First pages, which a dashboard asks for every parent at once, load together:
 * one statement ranks each parent's visible rows and keeps the first `limit` of each. A later page (after a
 * cursor) or one from the end is that parent's own statement.
 */
export function childrenPage<T extends { createdAt: Date; id: string }>(
  access: Access,
  children: Children<T>,
  parentId: string,
  args: PageArgs,
) {
  const { table, parent } = children;
  return inOrder<T>(children.order, args, table, async (page) => {
    const visible = await children.visible(access);
    if (page.where || args.last != null) {
      const rows = await access.db
        .select()
        .from(table as PgTable)
        .where(and(eq(parent, parentId), visible, page.where))
        .orderBy(...page.orderBy)
        .limit(page.limit);
      return rows as T[];
    }
    // One loader per list and page size: parents asking for the same page size share a statement.
    const loaders = firstPageLoaders(access);
    const key = `${page.limit}`;
    const forChildren = (loaders.get(children) ?? new Map()) as Map<string, DataLoader<string, T[]>>;
    loaders.set(children, forChildren as never);
    const loader =
      forChildren.get(key) ?? new DataLoader((ids) => firstPages(access, children, visible, ids, page));
    forChildren.set(key, loader);
    return loader.load(parentId);
  });
}

async function firstPages<T extends { createdAt: Date; id: string }>(
  access: Access,
  { table, parent, parentOf }: Children<T>,
  visible: SQL | undefined,
  parentIds: readonly string[],
  page: Page,
): Promise<T[][]> {
  const ranked = access.db
    .select({
      id: table.id,
      rank: sql<number>`row_number() OVER (PARTITION BY ${parent} ORDER BY ${sql.join(page.orderBy, sql`, `)})`.as(
        "rank",
      ),
    })
    .from(table as PgTable)
    .where(and(inArray(parent, [...parentIds]), visible))
    .as("ranked");
  const rows = await access.db
    .select({ row: table as PgTable })
    .from(table as PgTable)
    .innerJoin(ranked, eq(ranked.id, table.id))
    .where(lte(ranked.rank, page.limit))
    .orderBy(...page.orderBy);
  const byParent = new Map(parentIds.map((id) => [id, [] as T[]]));
  for (const { row } of rows) byParent.get(parentOf(row as T))?.push(row as T);
  return parentIds.map((id) => byParent.get(id) ?? []);
}

/** How many children of a parent the viewer may see (a connection's totalCount): one statement per request. */
export function childrenCount<T>(access: Access, children: Children<T>, parentId: string): Promise<number> {
  const loaders = countLoaders(access);
  let loader = loaders.get(children);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const { table, parent } = children;
      const rows = await access.db
        .select({ parentId: sql<string>`${parent}`, n: sql<number>`count(*)::int` })
        .from(table as PgTable)
        .where(and(inArray(parent, [...ids]), await children.visible(access)))
        .groupBy(parent);
      const counts = new Map(rows.map((r) => [r.parentId, r.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
    loaders.set(children, loader);
  }
  return loader.load(parentId);
}

/** Each connection's way to count its whole list, for its totalCount field. */
const totals = new WeakMap<object, () => Promise<number>>();

/** A connection whose totalCount counts the whole list (every page), only when a client asks for it. */
export async function withTotalCount<C extends object>(
  connection: Promise<C>,
  count: () => Promise<number>,
): Promise<C> {
  const resolved = await connection;
  totals.set(resolved, count);
  return resolved;
}

/** The totalCount of a connection made by withTotalCount. */
export const totalCountOf = (connection: object): Promise<number> | number => totals.get(connection)?.() ?? 0;
