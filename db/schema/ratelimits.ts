import { bigint, integer, pgTable, varchar } from "drizzle-orm/pg-core";

/**
 * The rate limits' counters (server/rate-limits.ts), in the layout rate-limiter-flexible's PostgreSQL store reads
 * and writes: one row per caller and window (`client:<id>` or `ip:<address>`), the points spent and when the window
 * ends (epoch milliseconds). Shared by every server process; expired rows are deleted by the store.
 */
export const rateLimits = pgTable("rate_limits", {
  key: varchar({ length: 255 }).primaryKey(),
  points: integer().notNull().default(0),
  expire: bigint({ mode: "number" }),
});
