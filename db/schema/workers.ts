import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The background worker pools alive now: each process running jobs writes its pool's row every few seconds (by the
 * database's clock). A pool not heard from for WORKER_LOST_AFTER_SECONDS is presumed dead and the jobs it had
 * locked are released to the others (server/worker.ts).
 */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  /** graphile-worker's pool id: what its jobs' `locked_by` holds. */
  poolId: text().primaryKey(),
  seenAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
