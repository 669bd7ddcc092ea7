import type { Executor } from "../../db/connection.js";
import { notificationOutbox } from "../../db/schema/index.js";
import { enqueueJob } from "./jobs.js";

export interface Email {
  userId: string | null;
  to: string;
  template: string;
  subject: string;
  body: string;
  payload?: Record<string, unknown>;
}

export interface Sms {
  userId: string | null;
  to: string;
  template: string;
  body: string;
  payload?: Record<string, unknown>;
}

/** A failing transport is retried this many times (with graphile-worker's exponential backoff). */
const DELIVERY_ATTEMPTS = 10;

async function queue(
  tx: Executor,
  message: {
    channel: "email" | "sms";
    userId: string | null;
    to: string;
    template: string;
    subject: string | null;
    body: string;
    payload?: Record<string, unknown>;
  },
) {
  const [row] = await tx
    .insert(notificationOutbox)
    .values({
      userId: message.userId,
      channel: message.channel,
      recipient: message.to,
      template: message.template,
      subject: message.subject,
      body: message.body,
      payload: message.payload ?? {},
    })
    .returning({ id: notificationOutbox.id });
  await enqueueJob(tx, "deliver_notification", { outboxId: row!.id }, { maxAttempts: DELIVERY_ATTEMPTS });
  return row!.id;
}

/**
 * Queues an e-mail in the outbox and its delivery job, inside the caller's transaction so both exist only if the
 * cause commits. Account-security mail (verification, reset, lockout) is always sent; other mail must check the
 * user's contact preferences (emailEnabled) before calling this.
 */
export function queueEmail(tx: Executor, email: Email) {
  return queue(tx, { channel: "email", ...email });
}

/**
 * Queues a text message (not sent until an SMS provider is configured) and its delivery job, in the caller's
 * transaction. Callers check the user's smsEnabled preference first.
 */
export function queueSms(tx: Executor, sms: Sms) {
  return queue(tx, { channel: "sms", subject: null, ...sms });
}
