import { resolveCursorConnection } from "@pothos/plugin-relay";
import { and, asc, desc, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { ID_PATTERN } from "../../db/ids.js";
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

/**
 * A cursor connection over rows newest first (creation time, then id to break ties), at most MAX_PAGE_SIZE a page
 * (a larger first or last is refused rather than cut).
 * `fetch` runs the caller's query with the page's extra condition, order and limit.
 */
export function newestFirst<T extends { createdAt: Date; id: string }>(
  args: PageArgs,
  columns: { createdAt: PgColumn; id: PgColumn },
  fetch: (page: { where: SQL | undefined; orderBy: SQL[]; limit: number }) => Promise<T[]>,
) {
  checkPageSizes(args);
  const key = sql`(${columns.createdAt}, ${columns.id})`;
  const bound = (cursor: string, arg: "before" | "after") => {
    const [at, id] = decodeCursor(cursor, arg);
    return sql`${key} ${sql.raw(arg === "after" ? "<" : ">")} (${at.toISOString()}::timestamptz, ${id})`;
  };
  return resolveCursorConnection<Promise<T[]>>(
    { args, toCursor: encodeCursor, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
    ({ before, after, limit, inverted }) => {
      const direction = inverted ? asc : desc;
      return fetch({
        where: and(after ? bound(after, "after") : undefined, before ? bound(before, "before") : undefined),
        orderBy: [direction(columns.createdAt), direction(columns.id)],
        limit,
      });
    },
  );
}
