import { type Runner, run, type Task, type TaskList, Logger as WorkerLogger } from "graphile-worker";
import { connect } from "../db/connection.js";
import { sendAppointmentReminder } from "../schema/appointments/reminders.js";
import type { Config } from "../schema/core/config.js";
import { checkJobPayload, type JobHandler, type JobHandlers, type JobName } from "../schema/core/jobs.js";
import { createPayoutProvider, payOutPayment } from "../schema/payments/payouts.js";
import { createTransport, deliverNotification } from "./delivery.js";
import type { Logger } from "./logger.js";

export interface Worker {
  stop: () => Promise<void>;
}

/** graphile-worker's log lines through ours (its debug chatter stays at debug). */
function workerLogger(log: Logger) {
  return new WorkerLogger(() => (level, message, meta) => {
    const at =
      level === "error" ? "error" : level === "warning" ? "warn" : level === "info" ? "info" : "debug";
    log[at](`worker: ${message}`, meta);
  });
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
  const { sql, db } = connect(databaseUrl, { max: Math.min(config.WORKER_CONCURRENCY, 4) });
  const transport = createTransport(config, log);
  const payoutProvider = createPayoutProvider(config, db);
  const handlers: JobHandlers = {
    deliver_notification: ({ outboxId }) => deliverNotification(db, transport, outboxId),
    appointment_reminder: ({ appointmentId }) => sendAppointmentReminder(db, appointmentId),
    payout_payment: ({ paymentId }, attempt) => payOutPayment(db, payoutProvider, paymentId, attempt),
  };
  const runner: Runner = await run({
    connectionString: databaseUrl,
    concurrency: config.WORKER_CONCURRENCY,
    maxPoolSize: config.WORKER_CONCURRENCY + 2,
    pollInterval: 1000,
    noHandleSignals: true,
    logger: workerLogger(log),
    taskList: taskList(handlers, log),
  });
  return {
    stop: async () => {
      await runner.stop();
      await sql.end({ timeout: 5 });
    },
  };
}
