import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Database } from "../db/connection.js";
import { notificationOutbox } from "../db/schema/index.js";
import type { Config } from "../schema/core/config.js";
import type { Logger } from "./logger.js";

type OutboxRow = typeof notificationOutbox.$inferSelect;

/** Sends one outbox message; throws when the transport fails (the job is then retried). */
export type Transport = (message: OutboxRow) => Promise<void>;

/**
 * E-mail goes through SMTP when SMTP_URL is set; SMS and push have no provider yet. What is not sent is, in
 * development, written to $DATA_DIR/outbox/<outbox id>.eml to read there. Logs say only that a message went where:
 * never its body (codes and tokens), its address or its payload.
 */
export function createTransport(config: Config, log: Logger): Transport {
  // nodemailer is imported when the first e-mail goes out, not at start-up (most processes send none).
  const url = config.SMTP_URL;
  let transporter: Promise<Transporter> | undefined;
  const smtp = url
    ? () => {
        transporter ??= import("nodemailer").then(({ default: nodemailer }) =>
          nodemailer.createTransport(url),
        );
        return transporter;
      }
    : null;
  const folder = config.NODE_ENV === "development" ? path.join(config.DATA_DIR, "outbox") : null;
  return async (message) => {
    const about = { outboxId: message.id, channel: message.channel, template: message.template };
    if (message.channel === "email" && smtp) {
      await (await smtp()).sendMail({
        from: config.MAIL_FROM,
        to: message.recipient,
        subject: message.subject ?? "",
        text: message.body,
      });
      log.info("message sent", about);
    } else if (folder) {
      const file = await writeToFolder(folder, config.MAIL_FROM, message);
      log.info("message written to the outbox folder, not sent", { ...about, file });
    } else {
      log.info("message not sent: no transport configured", about);
    }
  };
}

async function writeToFolder(folder: string, from: string, message: OutboxRow) {
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${message.id}.eml`);
  const headers = [
    `From: ${from}`,
    `To: ${message.recipient}`,
    `Subject: ${message.subject ?? ""}`,
    "Content-Type: text/plain; charset=utf-8",
  ];
  await writeFile(file, `${headers.join("\r\n")}\r\n\r\n${message.body}\n`);
  return file;
}

/**
 * The deliver_notification task: sends an outbox row and records the outcome. Idempotent: the row is locked while
 * it is sent, and a row already sent (or skipped) is left alone. A failure is recorded on the row (committed) and
 * then thrown, so graphile-worker retries the job with backoff.
 */
export async function deliverNotification(db: Database, transport: Transport, outboxId: string) {
  const failure = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.id, outboxId))
      .for("update");
    if (!row || row.status === "sent" || row.status === "skipped") return null;
    try {
      await transport(row);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await tx
        .update(notificationOutbox)
        .set({ status: "failed", attempts: sql`${notificationOutbox.attempts} + 1`, lastError: message })
        .where(eq(notificationOutbox.id, outboxId));
      return message;
    }
    await tx
      .update(notificationOutbox)
      .set({
        status: "sent",
        attempts: sql`${notificationOutbox.attempts} + 1`,
        lastError: null,
        sentAt: new Date(),
      })
      .where(eq(notificationOutbox.id, outboxId));
    return null;
  });
  if (failure) throw new Error(`Delivery of outbox entry ${outboxId} failed: ${failure}`);
}
