import DataLoader from "dataloader";
import { and, desc, eq, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import {
  appointments,
  enrollments,
  milestones,
  milestoneVersions,
  payments,
  trialSites,
} from "../../db/schema/index.js";
import type { Context } from "../core/context.js";
import { notFound } from "../core/errors.js";
import { newestFirst, type PageArgs } from "../core/pagination.js";
import { participantsActedForBy } from "../core/participant-access.js";
import { perRequest } from "../core/request-cache.js";
import { type PaymentScheduleLine, scheduleOf } from "../participants/schedule.js";
import type { Payment } from "./refs.js";

/*
 * The payments lists read: which payments a viewer may see, the filters the lists take, and the lists that are
 * not plain pages of payments (recent per participant, payable visits, an enrollment's milestones).
 */

/** Plain lists (not connections) stop here. */
export const LIST_LIMIT = 500;

/**
 * A WHERE condition on `payments` keeping those the viewer may see: staff on trial sites where they hold
 * `permission` (default view_payments), and the participant's (or their caregiver's) own; undefined for admins
 * and those holding it everywhere.
 */
export async function paymentsVisibleSql(ctx: Context, permission: "view_payments" = "view_payments") {
  if (ctx.access.isAdmin) return undefined;
  const atTrialSite = await ctx.access.holdsSql("trialSite", permission);
  if (!atTrialSite) return undefined;
  return or(
    sql`${payments.enrollmentId} IN (SELECT e.id FROM ${enrollments} e WHERE e.trial_site_id IN (SELECT ${trialSites.id} FROM ${trialSites} WHERE ${atTrialSite}))`,
    sql`${payments.enrollmentId} IN (SELECT e.id FROM ${enrollments} e
      WHERE e.participant_id IN ${participantsActedForBy(ctx.access.userId ?? "")})`,
  );
}

/** What the payment lists filter on; every field optional. */
export interface PaymentFilter {
  trialId?: string;
  siteId?: string;
  participantId?: string;
  status?: Payment["status"];
  kind?: Payment["kind"];
}

/** The viewer's visible payments, narrowed by `filter`, as one WHERE condition. */
export async function visiblePayments(ctx: Context, filter: PaymentFilter): Promise<SQL | undefined> {
  const { trialId, siteId, participantId, status, kind } = filter;
  return and(
    await paymentsVisibleSql(ctx),
    trialId
      ? sql`${payments.enrollmentId} IN (SELECT id FROM ${enrollments} WHERE trial_id = ${trialId})`
      : undefined,
    siteId
      ? sql`${payments.enrollmentId} IN (SELECT e.id FROM ${enrollments} e JOIN ${trialSites} ts ON ts.id = e.trial_site_id WHERE ts.site_id = ${siteId})`
      : undefined,
    participantId
      ? sql`${payments.enrollmentId} IN (SELECT id FROM ${enrollments} WHERE participant_id = ${participantId})`
      : undefined,
    status ? eq(payments.status, status) : undefined,
    kind ? eq(payments.kind, kind) : undefined,
  );
}

/** Ids of the latest visible payment of each participant. */
export async function recentPaymentIds(ctx: Context): Promise<string[]> {
  const visible = await paymentsVisibleSql(ctx);
  const rows = await ctx.db.execute<{ id: string }>(sql`
    SELECT DISTINCT ON (e.participant_id) ${payments.id} AS id
    FROM ${payments} JOIN ${enrollments} e ON e.id = ${payments.enrollmentId}
    WHERE ${visible ?? sql`true`}
    ORDER BY e.participant_id, ${payments.createdAt} DESC, ${payments.id} DESC`);
  return rows.map((r) => r.id);
}

/** Throws NOT_FOUND unless the viewer sees the trial or is (or cares for) someone enrolled in it. */
export async function requireTrialReach(ctx: Context, trialId: string): Promise<void> {
  if (await ctx.access.sees({ type: "trial", id: trialId })) return;
  const [mine] = await ctx.db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.trialId, trialId),
        sql`${enrollments.participantId} IN ${participantsActedForBy(ctx.access.userId ?? "")}`,
      ),
    )
    .limit(1);
  if (!mine) throw notFound("Trial");
}

export interface PayableVisit {
  appointmentId: string;
  enrollmentId: string;
  milestoneId: string;
  milestoneName: string;
  scheduledAt: Date;
  amountMinor: bigint;
  currency: string;
}

/** Attended visits with an unpaid milestone, of enrolled participants, where the viewer holds milestone_payment. */
export async function payableVisits(ctx: Context): Promise<PayableVisit[]> {
  const atTrialSite = ctx.access.isAdmin
    ? undefined
    : await ctx.access.holdsSql("trialSite", "milestone_payment");
  const rows = await ctx.db.execute<{
    appointment_id: string;
    enrollment_id: string;
    milestone_id: string;
    name: string;
    scheduled_at: string | Date;
    amount_minor: string;
    currency: string;
  }>(sql`
    SELECT a.id AS appointment_id, a.enrollment_id, m.id AS milestone_id, m.name, a.scheduled_at,
      v.amount_minor::text AS amount_minor, v.currency
    FROM ${appointments} a
    JOIN ${enrollments} e ON e.id = a.enrollment_id AND e.status = 'enrolled'
    JOIN ${milestones} m ON m.id = a.milestone_id AND m.trial_site_id = e.trial_site_id
    JOIN LATERAL (
      SELECT mv.amount_minor, mv.currency FROM ${milestoneVersions} mv
      WHERE mv.milestone_id = m.id AND mv.effective_at <= now() ORDER BY mv.effective_at DESC LIMIT 1
    ) v ON true
    WHERE a.status = 'attended'
      AND ${atTrialSite ? sql`e.trial_site_id IN (SELECT ${trialSites.id} FROM ${trialSites} WHERE ${atTrialSite})` : sql`true`}
      AND NOT EXISTS (
        SELECT 1 FROM ${payments} p WHERE p.enrollment_id = e.id AND p.milestone_id = m.id AND p.status <> 'rejected'
          AND (NOT m.repeatable OR p.appointment_id = a.id))
    ORDER BY a.scheduled_at, a.id
    LIMIT ${LIST_LIMIT}`);
  return rows.map((r) => ({
    appointmentId: r.appointment_id,
    enrollmentId: r.enrollment_id,
    milestoneId: r.milestone_id,
    milestoneName: r.name,
    scheduledAt: new Date(r.scheduled_at),
    amountMinor: BigInt(r.amount_minor),
    currency: r.currency.trim(),
  }));
}

export interface EnrollmentMilestone {
  line: PaymentScheduleLine;
  timesPaid: number;
  paidMinor: bigint;
}

/**
 * Each enrollment's schedule with what was paid per milestone, for many enrollments in two statements (the
 * schedules of their trial sites, and the paid sums grouped by enrollment and milestone).
 */
export async function enrollmentMilestones(
  db: Executor,
  list: readonly { id: string; trialSiteId: string }[],
): Promise<EnrollmentMilestone[][]> {
  const trialSiteIds = [...new Set(list.map((e) => e.trialSiteId))];
  const [schedules, paid] = await Promise.all([
    scheduleOf(db, trialSiteIds),
    db
      .select({
        enrollmentId: payments.enrollmentId,
        milestoneId: payments.milestoneId,
        n: sql<number>`count(*)::int`,
        total: sql<string>`coalesce(sum(${payments.amountMinor}), 0)::text`,
      })
      .from(payments)
      .where(
        and(
          inArray(
            payments.enrollmentId,
            list.map((e) => e.id),
          ),
          sql`${payments.status} <> 'rejected'`,
          sql`${payments.milestoneId} IS NOT NULL`,
        ),
      )
      .groupBy(payments.enrollmentId, payments.milestoneId),
  ]);
  const scheduleBySite = new Map(trialSiteIds.map((id, i) => [id, schedules[i] ?? []]));
  const paidByKey = new Map(paid.map((p) => [`${p.enrollmentId}:${p.milestoneId}`, p]));
  return list.map((enrollment) =>
    (scheduleBySite.get(enrollment.trialSiteId) ?? []).map((line) => {
      const sum = paidByKey.get(`${enrollment.id}:${line.milestoneId}`);
      return { line, timesPaid: Number(sum?.n ?? 0), paidMinor: BigInt(sum?.total ?? "0") };
    }),
  );
}

/** The first pages of many enrollments' payments, one loader per filter and page size, for one request. */
const firstPageLoaders = perRequest(() => new Map<string, DataLoader<string, Payment[]>>());

/**
 * A page of one enrollment's visible payments, newest first. First pages — what a dashboard asks for every
 * enrollment at once — load together: one statement ranks each enrollment's payments and keeps the newest
 * `limit` of each. A later page (after a cursor) or one from the end is one enrollment's own statement.
 */
export function enrollmentPaymentsPage(
  ctx: Context,
  enrollmentId: string,
  args: PageArgs,
  filter: PaymentFilter,
) {
  return newestFirst(args, payments, async (page) => {
    if (page.where || args.last != null) {
      return ctx.db
        .select()
        .from(payments)
        .where(and(eq(payments.enrollmentId, enrollmentId), await visiblePayments(ctx, filter), page.where))
        .orderBy(...page.orderBy)
        .limit(page.limit);
    }
    const key = JSON.stringify([filter, page.limit]);
    const loaders = firstPageLoaders(ctx.access);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => newestPerEnrollment(ctx, ids, filter, page.limit));
      loaders.set(key, loader);
    }
    return loader.load(enrollmentId);
  });
}

async function newestPerEnrollment(
  ctx: Context,
  enrollmentIds: readonly string[],
  filter: PaymentFilter,
  limit: number,
): Promise<Payment[][]> {
  const ranked = ctx.db
    .select({
      id: payments.id,
      rank: sql<number>`row_number() OVER (PARTITION BY ${payments.enrollmentId}
        ORDER BY ${payments.createdAt} DESC, ${payments.id} DESC)`.as("rank"),
    })
    .from(payments)
    .where(and(inArray(payments.enrollmentId, [...enrollmentIds]), await visiblePayments(ctx, filter)))
    .as("ranked");
  const rows = await ctx.db
    .select({ payment: payments })
    .from(payments)
    .innerJoin(ranked, eq(ranked.id, payments.id))
    .where(lte(ranked.rank, limit))
    .orderBy(desc(payments.createdAt), desc(payments.id));
  const byEnrollment = new Map(enrollmentIds.map((id) => [id, [] as Payment[]]));
  for (const { payment } of rows) byEnrollment.get(payment.enrollmentId)?.push(payment);
  return enrollmentIds.map((id) => byEnrollment.get(id) ?? []);
}

/** How many visible payments match `where` (a list's totalCount). */
export async function countPayments(ctx: Context, where: SQL | undefined): Promise<number> {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(payments).where(where);
  return row?.n ?? 0;
}

/** Counts of many enrollments' visible payments, one statement per filter for one request. */
const countLoaders = perRequest(() => new Map<string, DataLoader<string, number>>());

export function countEnrollmentPayments(ctx: Context, enrollmentId: string, filter: PaymentFilter) {
  const key = JSON.stringify(filter);
  const loaders = countLoaders(ctx.access);
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.db
        .select({ enrollmentId: payments.enrollmentId, n: sql<number>`count(*)::int` })
        .from(payments)
        .where(and(inArray(payments.enrollmentId, [...ids]), await visiblePayments(ctx, filter)))
        .groupBy(payments.enrollmentId);
      const byId = new Map(rows.map((r) => [r.enrollmentId, r.n]));
      return ids.map((id) => byId.get(id) ?? 0);
    });
    loaders.set(key, loader);
  }
  return loader.load(enrollmentId);
}
