import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";
import { enrollments, milestones, payments, trialSites, visitRatings } from "../../db/schema/index.js";
import type { Actor } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import {
  badInput,
  conflict,
  forbidden,
  notFound,
  onViolation,
  PG_UNIQUE_VIOLATION,
  parseInput,
} from "../core/errors.js";
import { actsForParticipant, participantsActedForBy, seesParticipant } from "../core/participant-access.js";
import type { Payment } from "../payments/refs.js";

/*
 * Visit ratings: a participant (or their caregiver) rates a milestone visit 1–10 once it is claimed or paid, once
 * per visit (the unique key on the payment holds that under concurrency). Staff with view_reports read them with
 * the enrollment's progress: completed visits (its milestone payments that are owed or paid out) against total
 * visits (the milestones of its trial site).
 */

export type VisitRating = typeof visitRatings.$inferSelect;

const RATEABLE = ["claimed", "paid"] as const;

/** The payments of participants `userId` is or cares for. */
const actedForBy = (userId: string) => sql`${enrollments.participantId} IN ${participantsActedForBy(userId)}`;

/** The viewer's own claimed or paid milestone visits not rated yet, oldest first. */
export async function rateableVisits(db: Executor, userId: string): Promise<Payment[]> {
  const rows = await db
    .select({ payment: payments })
    .from(payments)
    .innerJoin(enrollments, eq(enrollments.id, payments.enrollmentId))
    .where(
      and(
        actedForBy(userId),
        eq(payments.kind, "milestone"),
        inArray(payments.status, [...RATEABLE]),
        sql`NOT EXISTS (SELECT 1 FROM ${visitRatings} WHERE ${visitRatings.paymentId} = ${payments.id})`,
      ),
    )
    .orderBy(asc(payments.createdAt), asc(payments.id))
    .limit(500);
  return rows.map((r) => r.payment);
}

const RateInput = z.object({
  rating: z.number().int("must be a whole number").min(1, "must be 1 to 10").max(10, "must be 1 to 10"),
  note: z.string().trim().max(2000).nullish(),
});

/**
 * Rates a visit. NOT_FOUND unless the viewer acts for the payment's participant (staff who see it get FORBIDDEN:
 * only the participant rates); BAD_USER_INPUT for a rating out of range or a payment that is no claimed or paid
 * milestone visit; CONFLICT when it was rated already.
 */
export async function rateVisit(
  tx: Executor,
  access: Access,
  actor: Actor,
  input: { paymentId: string; rating: number; note?: string | null },
): Promise<VisitRating> {
  const [row] = await tx
    .select({ payment: payments, participantId: enrollments.participantId })
    .from(payments)
    .innerJoin(enrollments, eq(enrollments.id, payments.enrollmentId))
    .where(eq(payments.id, input.paymentId));
  if (!row) throw notFound("Payment");
  if (!(await actsForParticipant(access, row.participantId))) {
    if (await seesParticipant(access, row.participantId))
      throw forbidden("Only the participant (or their caregiver) can rate their visit.");
    throw notFound("Payment");
  }
  const values = parseInput(RateInput, { rating: input.rating, note: input.note });
  const { payment } = row;
  if (payment.kind !== "milestone" || !(RATEABLE as readonly string[]).includes(payment.status)) {
    throw badInput([{ field: "paymentId", message: "only a claimed or paid milestone visit can be rated." }]);
  }
  const rated = () => conflict("This visit was rated already.");
  const [existing] = await tx
    .select({ id: visitRatings.id })
    .from(visitRatings)
    .where(eq(visitRatings.paymentId, payment.id));
  if (existing) throw rated();
  const [rating] = await onViolation(
    () =>
      tx
        .insert(visitRatings)
        .values({
          paymentId: payment.id,
          enrollmentId: payment.enrollmentId,
          ratedBy: actor.userId,
          rating: values.rating,
          note: values.note || null,
        })
        .returning(),
    { code: PG_UNIQUE_VIOLATION, constraint: "visit_ratings_payment_key", error: rated },
  );
  return rating!;
}

export interface RatingFilter {
  startDate?: string | null;
  endDate?: string | null;
  trialId?: string | null;
  participantId?: string | null;
}

/**
 * The WHERE condition of the ratings report: the filters (dates are inclusive, in UTC, on when the rating was
 * given) and the viewer's reach (view_reports on the enrollment's trial site or above; admins see all).
 */
export async function ratingsCondition(access: Access, filter: RatingFilter): Promise<SQL | undefined> {
  if (filter.startDate && filter.endDate && filter.endDate < filter.startDate)
    throw badInput([{ field: "endDate", message: "must not be before startDate." }]);
  const held = await access.holdsSql("trialSite", "view_reports");
  const onEnrollments = (condition: SQL) =>
    sql`${visitRatings.enrollmentId} IN (SELECT ${enrollments.id} FROM ${enrollments} WHERE ${condition})`;
  return and(
    held
      ? onEnrollments(
          sql`${enrollments.trialSiteId} IN (SELECT ${trialSites.id} FROM ${trialSites} WHERE ${held})`,
        )
      : undefined,
    filter.trialId ? onEnrollments(sql`${enrollments.trialId} = ${filter.trialId}`) : undefined,
    filter.participantId
      ? onEnrollments(sql`${enrollments.participantId} = ${filter.participantId}`)
      : undefined,
    filter.startDate ? sql`${visitRatings.createdAt} >= ${filter.startDate}::date` : undefined,
    filter.endDate ? sql`${visitRatings.createdAt} < (${filter.endDate}::date + 1)` : undefined,
  );
}

export interface VisitProgress {
  completedVisits: number;
  totalVisits: number;
}

/**
 * Per enrollment: its milestone payments owed or paid out, i.e. not pending or rejected (completed visits; one per
 * milestone occurrence, by the payments' unique index), and the milestones of its trial site (total visits).
 */
export async function visitProgress(
  db: Executor,
  enrollmentIds: readonly string[],
): Promise<VisitProgress[]> {
  // Written with explicit aliases: the correlated subqueries must name the outer enrollment's columns.
  const rows = await db.execute<{ id: string; completed: number; total: number }>(sql`
    SELECT e.id,
      (SELECT count(*)::int FROM ${payments} p WHERE p.enrollment_id = e.id AND p.kind = 'milestone'
        AND p.status IN ('unclaimed', 'claimed', 'paid', 'failed')) AS completed,
      (SELECT count(*)::int FROM ${milestones} m WHERE m.trial_site_id = e.trial_site_id) AS total
    FROM ${enrollments} e WHERE ${inArray(sql`e.id`, [...enrollmentIds])}`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return enrollmentIds.map((id) => ({
    completedVisits: byId.get(id)?.completed ?? 0,
    totalVisits: byId.get(id)?.total ?? 0,
  }));
}

/** Whether the viewer may read a rating: the participant (or caregiver), or staff with view_reports there. */
export async function seesRating(access: Access, enrollmentId: string): Promise<boolean> {
  if (access.isAdmin) return true;
  const [row] = await access.db
    .select({ participantId: enrollments.participantId, trialSiteId: enrollments.trialSiteId })
    .from(enrollments)
    .where(eq(enrollments.id, enrollmentId));
  if (!row) return false;
  if (await actsForParticipant(access, row.participantId)) return true;
  return access.holds("view_reports", { type: "trialSite", id: row.trialSiteId });
}
