import { EventEmitter } from "node:events";
import { inArray, lt, sql } from "drizzle-orm";
import {
  type Runner,
  run,
  type Task,
  type TaskList,
  type WorkerEvents,
  Logger as WorkerLogger,
} from "graphile-worker";
import pg from "pg";
import { connect, type Database } from "../db/connection.js";
import { workerHeartbeats } from "../db/schema/index.js";
import { deliverWebhook, purgeWebhookDeliveries } from "../schema/apiaccess/webhooks.js";
import { sendAppointmentReminder } from "../schema/appointments/reminders.js";
import type { Config } from "../schema/core/config.js";
import { transientFailure } from "../schema/core/errors.js";
import { expireIdempotencyKeys } from "../schema/core/idempotency.js";
import { checkJobPayload, type JobHandler, type JobHandlers, type JobName } from "../schema/core/jobs.js";
import { createPayoutProvider, payOutPayment } from "../schema/payments/payouts.js";
import { createTransport, deliverNotification } from "./delivery.js";
import type { Logger } from "./logger.js";

export interface Worker {
  /** Stops taking jobs, waits for those running; from its first moment, lost connections are not errors. */
  stop: () => Promise<void>;
}

/**
 * graphile-worker's log lines through ours (its debug chatter stays at debug). A lost database connection is a
 * warning, without the client dumped (the worker reconnects), and nothing while stopping (connectionLost).
 */
function workerLogger(log: Logger, stopping: () => boolean) {
  return new WorkerLogger(() => (level, message, meta) => {
    if (transientFailure(meta?.error) === "connection lost" || unqueryable(meta?.error)) {
      connectionLost(log, stopping, `worker: ${message}`);
      return;
    }
    const at =
      level === "error" ? "error" : level === "warning" ? "warn" : level === "info" ? "info" : "debug";
    log[at](`worker: ${message}`, meta);
  });
}

/**
 * node-postgres' refusal to use a client whose connection already failed or closed (graphile-worker's UNLISTEN on
 * its LISTEN client, when the database went first): an Error with no code, known only by its message.
 */
function unqueryable(error: unknown) {
  return (
    error instanceof Error &&
    /^Client (has encountered a connection error|was closed) and is not queryable$/.test(error.message)
  );
}

/**
 * graphile-worker's connection pool, ours to end: graphile-worker removes its error handlers from a pool it made
 * before ending it, so a connection closed by the database at that moment crashed the process.
 */
function workerPool(databaseUrl: string, max: number, log: Logger, stopping: () => boolean) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  const lost = (error: Error) => {
    if (transientFailure(error) === "connection lost")
      connectionLost(log, stopping, `worker: database connection lost: ${error.message}`);
    else if (stopping()) log.debug("worker: database connection closed while stopping");
    else log.error("worker: database connection failed", { error });
  };
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  return pool;
}

/**
 * A lost connection is a warning, said a moment later unless the process has begun to stop by then: Ctrl-C reaches
 * an embedded PostgreSQL as well, which may close the connections before this process has seen the signal.
 */
function connectionLost(log: Logger, stopping: () => boolean, message: string) {
  if (stopping()) return log.debug(message);
  setTimeout(() => log[stopping() ? "debug" : "warn"](message), LOST_CONNECTION_GRACE_MS).unref();
}

const LOST_CONNECTION_GRACE_MS = 1000;

/** Runs a step of stopping; the database gone already (it is stopping too) is no failure of it. */
async function whileStopping(log: Logger, step: string, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    if (transientFailure(error) !== "connection lost") throw error;
    log.debug(`worker: ${step} skipped, the database connection is gone`);
  }
}

/**
 * graphile-worker's tasks: each job's payload is checked against the job's schema before its handler runs; a
 * bad payload fails the attempt (logged with the payload) and the handler never sees it.
 */
function taskList(handlers: JobHandlers, log: Logger): TaskList {
  const tasks: TaskList = {};
  let job: JobName;
  for (job in handlers) tasks[job] = checkedTask(job, handlers[job], log);
  return tasks;
}

function checkedTask<J extends JobName>(job: J, handler: JobHandler<J>, log: Logger): Task {
  return async (payload, helpers) => {
    const checked = checkJobPayload(job, payload);
    if ("error" in checked) {
      log.error(`worker: job ${helpers.job.id} not run: ${checked.error.message}`, { job, payload });
      throw checked.error;
    }
    await handler(checked.payload, { number: helpers.job.attempts, max: helpers.job.max_attempts });
  };
}

/**
 * Jobs of a process that died. graphile-worker 0.17 keeps a job locked by a dead pool (SIGKILL, a crash, a lost
 * host) for 4 hours, so a claimed payout would wait that long. Each process writes a heartbeat for its pools (by
 * the database's clock) six times per WORKER_LOST_AFTER_SECONDS, and on each beat releases
 * (force_unlock_workers) the jobs locked for longer than that by pools without a fresh heartbeat: pools that died,
 * or never wrote one. Any live process then runs the job, within that bound and a beat of the death. A pool alive
 * but stalled past the bound may see its job run twice; jobs are safe to run again (a payout pays one idempotency
 * key, which the provider pays once).
 */
function watchPools(db: Database, events: WorkerEvents, lostAfterMs: number, log: Logger) {
  const pools = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let beating: Promise<void> = Promise.resolve();
  // Beats start with the first pool, so a runner that fails to start leaves no timer behind.
  events.on("pool:create", ({ workerPool }) => {
    pools.add(workerPool.id);
    timer ??= setInterval(() => {
      beating = beat().catch((error) => log.warn("worker: heartbeat failed", error));
    }, lostAfterMs / 6);
  });
  const lostBefore = sql`now() - ${lostAfterMs}::float8 * interval '1 millisecond'`;
  const beat = async () => {
    if (pools.size > 0) {
      await db
        .insert(workerHeartbeats)
        .values([...pools].map((poolId) => ({ poolId })))
        .onConflictDoUpdate({ target: workerHeartbeats.poolId, set: { seenAt: sql`now()` } });
    }
    const [released] = await db.execute<{ pools: string[] }>(sql`
      WITH lost AS (
        SELECT DISTINCT j.locked_by AS pool_id FROM graphile_worker._private_jobs j
        WHERE j.locked_at < ${lostBefore} AND NOT EXISTS (
          SELECT 1 FROM ${workerHeartbeats} h WHERE h.pool_id = j.locked_by AND h.seen_at >= ${lostBefore}))
      SELECT array_agg(pool_id) AS pools, graphile_worker.force_unlock_workers(array_agg(pool_id))
      FROM lost HAVING count(*) > 0`);
    if (released) log.warn("worker: released the jobs of lost worker pools", { pools: released.pools });
    await db.delete(workerHeartbeats).where(lt(workerHeartbeats.seenAt, lostBefore));
  };
  return {
    /**
     * After the pools stopped (their jobs finished or were returned): no heartbeat outlives them. With the database
     * gone, the heartbeats are left to expire as a dead process's do.
     */
    stop: async () => {
      clearInterval(timer);
      await beating;
      if (pools.size > 0)
        await whileStopping(log, "removing heartbeats", async () => {
          await db.delete(workerHeartbeats).where(inArray(workerHeartbeats.poolId, [...pools]));
        });
    },
  };
}

/**
 * The background worker: graphile-worker on the same PostgreSQL, running the jobs enqueued with enqueueJob
 * (schema/core/jobs.ts). Any number of processes may run one; each job is run by one of them at a time.
 */
export async function startWorker(deps: {
  databaseUrl: string;
  config: Config;
  log: Logger;
}): Promise<Worker> {
  const { databaseUrl, config, log } = deps;
  // Tasks use their own small pool, apart from the API's requests.
  const { sql: client, db } = connect(databaseUrl, {
    max: Math.min(config.WORKER_CONCURRENCY, 4),
    prepare: config.preparedStatements,
    // With a direct URL, databaseUrl is a pooler's: connect() then leaves out what a pooler refuses (jit).
    directUrl: config.DATABASE_DIRECT_URL,
  });
  // The queue itself LISTENs for new jobs and keeps named statements: straight to PostgreSQL when DATABASE_URL
  // goes through a transaction pooler.
  const queueUrl = config.DATABASE_DIRECT_URL ?? databaseUrl;
  const transport = createTransport(config, log);
  const payoutProvider = createPayoutProvider(config, db);
  const handlers: JobHandlers = {
    deliver_notification: ({ outboxId }) => deliverNotification(db, transport, outboxId),
    appointment_reminder: ({ appointmentId }) => sendAppointmentReminder(db, appointmentId),
    payout_payment: ({ paymentId }, attempt) => payOutPayment(db, payoutProvider, paymentId, attempt),
    expire_idempotency_keys: () => expireIdempotencyKeys(db, config.idempotencyKeyMs),
    deliver_webhook: ({ deliveryId }) =>
      deliverWebhook(
        db,
        {
          secretKey: config.webhookSecretKey,
          retryMs: config.webhookRetryMs,
          timeoutMs: config.webhookTimeoutMs,
          allowPrivateNetworks: config.webhookAllowPrivateNetworks,
        },
        deliveryId,
      ),
    purge_webhook_deliveries: () => purgeWebhookDeliveries(db, config.webhookDeliveryRetentionMs),
  };
  let stopping = false;
  const pgPool = workerPool(queueUrl, config.WORKER_CONCURRENCY + 2, log, () => stopping);
  const events: WorkerEvents = new EventEmitter();
  const pools = watchPools(db, events, config.workerLostAfterMs, log);
  const runner: Runner = await run({
    pgPool,
    concurrency: config.WORKER_CONCURRENCY,
    noPreparedStatements: !config.DATABASE_DIRECT_URL && !config.preparedStatements,
    pollInterval: 1000,
    noHandleSignals: true,
    logger: workerLogger(log, () => stopping),
    taskList: taskList(handlers, log),
    // graphile-worker runs each crontab line once per slot, whichever process gets it.
    crontab: ["17 * * * * expire_idempotency_keys", "47 * * * * purge_webhook_deliveries"].join("\n"),
    events,
  }).catch(async (error: unknown) => {
    await pgPool.end();
    throw error;
  });
  return {
    stop: async () => {
      stopping = true;
      await whileStopping(log, "returning unfinished jobs", () => runner.stop());
      await pools.stop();
      await Promise.all([client.end({ timeout: 5 }), pgPool.end()]);
    },
  };
}
