import type { Executor } from "../../db/connection.js";
import { notificationOutbox } from "../../db/schema/index.js";

export interface Email {
  userId: string | null;
  to: string;
  template: string;
  subject: string;
  body: string;
  payload?: Record<string, unknown>;
}

/**
 * Queues an e-mail in the outbox, inside the caller's transaction so it exists only if the cause commits.
 * Account-security mail (verification, reset, lockout) is always sent; marketing-style mail must check the
 * user's contact preferences before calling this.
 */
export async function queueEmail(tx: Executor, email: Email) {
  const [row] = await tx
    .insert(notificationOutbox)
    .values({
      userId: email.userId,
      channel: "email",
      recipient: email.to,
      template: email.template,
      subject: email.subject,
      body: email.body,
      payload: email.payload ?? {},
    })
    .returning({ id: notificationOutbox.id });
  return row!.id;
}
