import { type Runner, run, type TaskList, Logger as WorkerLogger } from "graphile-worker";
import { connect } from "../db/connection.js";
import { sendAppointmentReminder } from "../schema/appointments/reminders.js";
import type { Config } from "../schema/core/config.js";
import type { JobPayloads } from "../schema/core/jobs.js";
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
 * The background worker: graphile-worker on the same PostgreSQL, running the jobs enqueued with enqueueJob
 * (server/jobs.ts). Any number of processes may run one; each job is run by one of them at a time.
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
  const taskList: TaskList = {
    deliver_notification: async (payload) => {
      const { outboxId } = payload as JobPayloads["deliver_notification"];
      await deliverNotification(db, transport, outboxId);
    },
    appointment_reminder: async (payload) => {
      const { appointmentId } = payload as JobPayloads["appointment_reminder"];
      await sendAppointmentReminder(db, appointmentId);
    },
    payout_payment: async (payload, helpers) => {
      const { paymentId } = payload as JobPayloads["payout_payment"];
      await payOutPayment(db, payoutProvider, paymentId, {
        number: helpers.job.attempts,
        max: helpers.job.max_attempts,
      });
    },
  };
  const runner: Runner = await run({
    connectionString: databaseUrl,
    concurrency: config.WORKER_CONCURRENCY,
    maxPoolSize: config.WORKER_CONCURRENCY + 2,
    pollInterval: 1000,
    noHandleSignals: true,
    logger: workerLogger(log),
    taskList,
  });
  return {
    stop: async () => {
      await runner.stop();
      await sql.end({ timeout: 5 });
    },
  };
}
