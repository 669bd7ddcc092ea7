import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "../../db/connection.js";
import {
  enrollments,
  messageReads,
  messages,
  participants,
  sites,
  trialSites,
  trials,
  users,
} from "../../db/schema/index.js";
import { type Actor, createdChanges, recordAudit } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import { notFound, parseInput } from "../core/errors.js";
import { queueEmail } from "../core/outbox.js";
import { ofEnrollmentsHeldSql, requireForEnrollment } from "../core/participant-access.js";
import { withEnrollment } from "../participants/enrollments.js";

/*
 * The messaging area's business rules. A conversation is an enrollment's: its participant and their caregivers
 * may always take part, site staff need the messaging permission on the enrollment's trial site (or above it).
 */

export const MAX_BODY = 5000;

/** A message as the API shows it: the row with its sender's name and its enrollment's subject id and trial. */
export interface MessageView {
  id: string;
  enrollmentId: string;
  senderUserId: string | null;
  body: string;
  createdAt: Date;
  senderFirstName: string | null;
  senderLastName: string | null;
  senderType: "staff" | "participant" | "caregiver" | null;
  subjectId: string;
  trialName: string;
}

/** Reads messages with what the API shows about them, in one statement. */
export function selectMessages(
  db: Executor,
  page: { where: SQL | undefined; orderBy?: SQL[]; limit?: number },
): Promise<MessageView[]> {
  const query = withEnrollment(
    db
      .select({
        id: messages.id,
        enrollmentId: messages.enrollmentId,
        senderUserId: messages.senderUserId,
        body: messages.body,
        createdAt: messages.createdAt,
        senderFirstName: users.firstName,
        senderLastName: users.lastName,
        senderType: users.userType,
        subjectId: enrollments.subjectId,
        trialName: trials.name,
      })
      .from(messages)
      .$dynamic(),
    messages.enrollmentId,
  )
    .leftJoin(users, eq(users.id, messages.senderUserId))
    .where(page.where)
    .orderBy(...(page.orderBy ?? []));
  return page.limit === undefined ? query : query.limit(page.limit);
}

/** Whether the viewer is a party to the enrollment's conversation. */
export async function isConversationParty(access: Access, enrollmentId: string): Promise<boolean> {
  try {
    await requireForEnrollment(access, "messaging", enrollmentId, { selfAllowed: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * A WHERE condition on `messages` keeping the conversations the viewer is party to: their own enrollments (as
 * participant or caregiver) and, as staff, enrollments on trial sites where they hold messaging. Undefined for
 * admins and system-wide grants.
 */
export const conversationsSql = (access: Access) =>
  ofEnrollmentsHeldSql(access, messages.enrollmentId, "messaging");

/** Messages the viewer has not read yet. */
export const unreadSql = (userId: string) =>
  sql`NOT EXISTS (SELECT 1 FROM ${messageReads} r WHERE r.message_id = ${messages.id} AND r.user_id = ${userId})`;

/** The viewer's inbox filter: conversations they are party to, optionally one enrollment's, optionally unread. */
export async function inboxSql(
  access: Access,
  options: { enrollmentId?: string | null; unreadOnly?: boolean | null },
): Promise<SQL | undefined> {
  return and(
    await conversationsSql(access),
    options.enrollmentId ? eq(messages.enrollmentId, options.enrollmentId) : undefined,
    options.unreadOnly ? unreadSql(access.userId ?? "") : undefined,
  );
}

export async function unreadCount(db: Database, access: Access, enrollmentId?: string | null) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(messages)
    .where(await inboxSql(access, { enrollmentId, unreadOnly: true }));
  return row?.n ?? 0;
}

const Body = z
  .string()
  .trim()
  .min(1, "must not be blank.")
  .max(MAX_BODY, `must be at most ${MAX_BODY} characters.`);

/**
 * Sends a message in an enrollment's conversation (the caller has checked the sender is a party): it is read by
 * its sender, and audited. Publish it (live.ts) once the transaction has committed.
 */
export async function sendMessage(
  tx: Executor,
  actor: Actor,
  input: { enrollmentId: string; body: string },
): Promise<MessageView> {
  const { body } = parseInput(z.object({ body: Body }), { body: input.body });
  const sender = actor.userId;
  const [row] = await tx
    .insert(messages)
    .values({ enrollmentId: input.enrollmentId, senderUserId: sender, body })
    .returning({ id: messages.id });
  if (sender) await tx.insert(messageReads).values({ messageId: row!.id, userId: sender });
  await recordAudit(tx, actor, {
    action: "send_message",
    resourceType: "message",
    resourceId: row!.id,
    changes: createdChanges({ enrollmentId: input.enrollmentId, senderUserId: sender, body }),
  });
  const [message] = await selectMessages(tx, { where: eq(messages.id, row!.id) });
  return message!;
}

/** Marks as read, for the viewer, those of `messageIds` they may see; returns the ids marked (or already read). */
export async function markMessagesRead(db: Database, access: Access, messageIds: string[]) {
  const me = access.userId;
  if (!me || messageIds.length === 0) return [];
  const visible = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(inArray(messages.id, messageIds), await conversationsSql(access)));
  if (visible.length) {
    await db
      .insert(messageReads)
      .values(visible.map((m) => ({ messageId: m.id, userId: me })))
      .onConflictDoNothing();
  }
  return visible.map((m) => m.id);
}

const BulkEmail = z.object({
  subject: z.string().trim().min(1, "must not be blank.").max(200, "must be at most 200 characters."),
  body: z.string().trim().min(1, "must not be blank.").max(20_000, "must be at most 20000 characters."),
});

/**
 * Queues one e-mail for each participant enrolled (status enrolled) at the trial site, skipping those who turned
 * e-mail off, and audits the send on the trial site. Run it in one transaction: all are queued, or none.
 */
export async function bulkEmail(
  tx: Executor,
  actor: Actor,
  input: { trialSiteId: string; subject: string; body: string },
) {
  const { subject, body } = parseInput(BulkEmail, input);
  const [place] = await tx
    .select({ trialId: trialSites.trialId, siteId: trialSites.siteId, siteName: sites.name })
    .from(trialSites)
    .innerJoin(sites, eq(sites.id, trialSites.siteId))
    .where(eq(trialSites.id, input.trialSiteId));
  if (!place) throw notFound("Trial site");
  const recipients = await tx
    .select({
      enrollmentId: enrollments.id,
      userId: users.id,
      email: users.email,
      emailEnabled: users.emailEnabled,
    })
    .from(enrollments)
    .innerJoin(participants, eq(participants.id, enrollments.participantId))
    .innerJoin(users, eq(users.id, participants.userId))
    .where(and(eq(enrollments.trialSiteId, input.trialSiteId), eq(enrollments.status, "enrolled")))
    .orderBy(enrollments.id);
  let queued = 0;
  let skipped = 0;
  for (const r of recipients) {
    if (!r.emailEnabled) {
      skipped++;
      continue;
    }
    await queueEmail(tx, {
      userId: r.userId,
      to: r.email,
      template: "bulk_email",
      subject,
      body,
      payload: { trialId: place.trialId, siteId: place.siteId, enrollmentId: r.enrollmentId },
    });
    queued++;
  }
  await recordAudit(tx, actor, {
    action: "bulk_email",
    resourceType: "trialSite",
    resourceId: input.trialSiteId,
    changes: createdChanges({ subject, body, queued, skipped }),
  });
  return { queued, skipped };
}
