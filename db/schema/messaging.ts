import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, id } from "./columns.js";
import { enrollments } from "./participants.js";

/** A message in an enrollment's conversation between the participant (and caregivers) and site staff. */
export const messages = pgTable(
  "messages",
  {
    id: id(),
    enrollmentId: text()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    senderUserId: text().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("messages_enrollment_idx").on(t.enrollmentId, t.createdAt),
    check("messages_body_not_blank", sql`length(trim(${t.body})) > 0`),
  ],
);

export const messageReads = pgTable(
  "message_reads",
  {
    messageId: text()
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    readAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] })],
);

export const notificationChannel = pgEnum("notification_channel", ["email", "sms", "push"]);
export const notificationStatus = pgEnum("notification_status", ["pending", "sent", "failed", "skipped"]);

/**
 * Every outgoing e-mail/SMS/push, written in the same transaction as its cause and delivered later by the
 * job queue (SMTP when configured, otherwise logged).
 */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: id(),
    userId: text().references(() => users.id, { onDelete: "set null" }),
    channel: notificationChannel().notNull(),
    recipient: text().notNull(),
    template: text().notNull(),
    subject: text(),
    body: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: notificationStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("notification_outbox_pending_idx").on(t.createdAt).where(sql`${t.status} = 'pending'`),
    index("notification_outbox_user_idx").on(t.userId, t.template),
  ],
);
