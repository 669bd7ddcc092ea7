import { sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";

/** The background tasks the worker (server/worker.ts) runs, and the payload each expects. */
export interface JobPayloads {
  deliver_notification: { outboxId: string };
  appointment_reminder: { appointmentId: string };
  payout_payment: { paymentId: string };
}
export type TaskName = keyof JobPayloads;

export interface JobOptions {
  /** When the job may run first; now when omitted. */
  runAt?: Date;
  /** A job with the same key is replaced (rescheduling replaces the earlier job instead of adding one). */
  jobKey?: string;
  maxAttempts?: number;
}

/**
 * Queues a background job on `tx` with graphile-worker's own SQL function, so the job exists only if the
 * transaction that caused it commits.
 */
export async function enqueueJob<T extends TaskName>(
  tx: Executor,
  task: T,
  payload: JobPayloads[T],
  options: JobOptions = {},
) {
  await tx.execute(sql`SELECT graphile_worker.add_job(
    identifier => ${task}::text,
    payload => ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text
  )`);
}

/** Drops a queued job by key (if it is not running), in the caller's transaction. */
export async function removeJob(tx: Executor, jobKey: string) {
  await tx.execute(sql`SELECT graphile_worker.remove_job(${jobKey}::text)`);
}
