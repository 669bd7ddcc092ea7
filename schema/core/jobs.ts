import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";

/** A row id as db/ids.ts makes them, so a global id or a blank is refused. */
const rowId = z.string().regex(/^[0-9A-Za-z]{27}$/, "Expected a 27-character row id.");

const payloads = {
  deliver_notification: z.object({ outboxId: rowId }),
  appointment_reminder: z.object({ appointmentId: rowId }),
  payout_payment: z.object({ paymentId: rowId }),
  deliver_webhook: z.object({ deliveryId: rowId }),
  /** Hourly (server/worker.ts's crontab); graphile-worker's `_cron` details are dropped. */
  expire_idempotency_keys: z.object({}),
  /** Hourly too: finished webhook deliveries past WEBHOOK_DELIVERY_RETENTION_DAYS. */
  purge_webhook_deliveries: z.object({}),
};

/** The background jobs the worker runs. */
export type JobName = keyof typeof payloads;
export type JobPayload<J extends JobName> = z.output<(typeof payloads)[J]>;

/**
 * The registry of jobs: each job's payload schema, checked when the job is enqueued and again when it runs.
 * Each job's handler lives with its area; server/worker.ts must give one for every job (JobHandlers).
 */
export const JOBS: { readonly [J in JobName]: z.ZodType<JobPayload<J>> } = payloads;

/** This attempt at a job (it counts) and how many it may have, as graphile-worker counts them. */
export interface JobAttempt {
  number: number;
  max: number;
}

export type JobHandler<J extends JobName> = (payload: JobPayload<J>, attempt: JobAttempt) => Promise<unknown>;
export type JobHandlers = { readonly [J in JobName]: JobHandler<J> };

/** `payload` as `job`'s, or an error saying what is wrong with it. */
export function checkJobPayload<J extends JobName>(
  job: J,
  payload: unknown,
): { payload: JobPayload<J> } | { error: Error } {
  const checked = JOBS[job].safeParse(payload);
  if (checked.success) return { payload: checked.data };
  return { error: new Error(`Bad payload for job ${job}: ${z.prettifyError(checked.error)}`) };
}

export interface JobOptions {
  /** When the job may run first; now when omitted. */
  runAt?: Date;
  /** A job with the same key is replaced (rescheduling replaces the earlier job instead of adding one). */
  jobKey?: string;
  maxAttempts?: number;
}

/**
 * Queues a background job on `tx` with graphile-worker's own SQL function, so the job exists only if the
 * transaction that caused it commits. Throws on a payload that is not the job's, before anything is queued.
 */
export async function enqueueJob<J extends JobName>(
  tx: Executor,
  job: J,
  payload: JobPayload<J>,
  options: JobOptions = {},
) {
  const checked = checkJobPayload(job, payload);
  if ("error" in checked) throw checked.error;
  await tx.execute(sql`SELECT ${addJob(job, sql`${JSON.stringify(checked.payload)}::json`, options)}`);
}

/**
 * graphile-worker's add_job as an SQL expression, for a statement that queues one job per row it makes (one
 * statement, however many rows). The payload is built by that statement: it is checked when the job runs.
 */
export function addJob(job: JobName, payload: SQL, options: JobOptions = {}): SQL {
  return sql`graphile_worker.add_job(
    identifier => ${job}::text,
    payload => ${payload},
    run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text
  )`;
}

/** Drops a queued job by key (if it is not running), in the caller's transaction. */
export async function removeJob(tx: Executor, jobKey: string) {
  await tx.execute(sql`SELECT graphile_worker.remove_job(${jobKey}::text)`);
}
