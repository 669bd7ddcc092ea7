import { resolveCursorConnection } from "@pothos/plugin-relay";
import { and, asc, desc, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { badInput } from "./errors.js";

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

function decodeCursor(cursor: string): [Date, string] {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime()))
    throw badInput([{ field: "after", message: "is not a cursor from this list." }]);
  return [date, id];
}

/**
 * A cursor connection over rows newest first (creation time, then id to break ties), at most MAX_PAGE_SIZE a page.
 * `fetch` runs the caller's query with the page's extra condition, order and limit.
 */
export function newestFirst<T extends { createdAt: Date; id: string }>(
  args: PageArgs,
  columns: { createdAt: PgColumn; id: PgColumn },
  fetch: (page: { where: SQL | undefined; orderBy: SQL[]; limit: number }) => Promise<T[]>,
) {
  const key = sql`(${columns.createdAt}, ${columns.id})`;
  return resolveCursorConnection<Promise<T[]>>(
    { args, toCursor: encodeCursor, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
    ({ before, after, limit, inverted }) => {
      const bound = (cursor: string, op: "<" | ">") => {
        const [at, id] = decodeCursor(cursor);
        return sql`${key} ${sql.raw(op)} (${at.toISOString()}::timestamptz, ${id})`;
      };
      const direction = inverted ? asc : desc;
      return fetch({
        where: and(after ? bound(after, "<") : undefined, before ? bound(before, ">") : undefined),
        orderBy: [direction(columns.createdAt), direction(columns.id)],
        limit,
      });
    },
  );
}
