import { and, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import {
  appointments,
  caregivers,
  enrollments,
  milestones,
  milestoneVersions,
  participants,
  payments,
  trialSites,
} from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { forbidden, notFound } from "../core/errors.js";
import { MoneyRef } from "../core/money.js";
import { newestFirst } from "../core/pagination.js";
import { actsForParticipant } from "../core/participant-access.js";
import { requireTrialSite } from "../core/rules.js";
import { SiteRef } from "../organizations/refs.js";
import { EnrollmentRef, ParticipantRef } from "../participants/refs.js";
import { PaymentScheduleLineRef, scheduleOf } from "../participants/schedule.js";
import { TrialRef } from "../trials/refs.js";
import { unclaimedPayments } from "./claims.js";
import { categoriesOf } from "./payments.js";
import { type Payment, PaymentRef } from "./refs.js";
import { PaymentKindEnum, PaymentStatusEnum } from "./types.js";

const LIST_LIMIT = 500;

/**
 * A WHERE condition on `payments` keeping those the viewer may see: staff on trial sites where they hold
 * `permission` (default view_payments), and the participant's (or their caregiver's) own; undefined for admins
 * and those holding it everywhere.
 */
export async function paymentsVisibleSql(ctx: Context, permission: "view_payments" = "view_payments") {
  if (ctx.access.isAdmin) return undefined;
  const atTrialSite = await ctx.access.holdsSql("trialSite", permission);
  if (!atTrialSite) return undefined;
  const me = ctx.access.userId ?? "";
  return or(
    sql`${payments.enrollmentId} IN (SELECT e.id FROM ${enrollments} e WHERE e.trial_site_id IN (SELECT ${trialSites.id} FROM ${trialSites} WHERE ${atTrialSite}))`,
    sql`${payments.enrollmentId} IN (SELECT e.id FROM ${enrollments} e JOIN ${participants} p ON p.id = e.participant_id
      WHERE p.user_id = ${me} OR p.id IN (SELECT participant_id FROM ${caregivers} WHERE user_id = ${me}))`,
  );
}

const ofParticipant = (participantId: string) =>
  sql`${payments.enrollmentId} IN (SELECT id FROM ${enrollments} WHERE participant_id = ${participantId})`;

interface PayableVisit {
  appointmentId: string;
  enrollmentId: string;
  milestoneId: string;
  milestoneName: string;
  scheduledAt: Date;
  amountMinor: bigint;
  currency: string;
}

const PayableVisitRef = builder.objectRef<PayableVisit>("PayableVisit").implement({
  description:
    "An attended visit of an enrolled participant whose milestone has not been paid yet: a template for payMilestone.",
  fields: (t) => ({
    appointmentUid: t.exposeString("appointmentId"),
    milestoneUid: t.exposeString("milestoneId"),
    milestoneName: t.exposeString("milestoneName"),
    scheduledAt: t.expose("scheduledAt", { type: "DateTime" }),
    enrollment: t.field({ type: EnrollmentRef, resolve: (v) => v.enrollmentId }),
    amount: t.field({
      type: MoneyRef,
      description: "The amount in effect now.",
      resolve: (v) => ({ amountMinor: v.amountMinor, currency: v.currency }),
    }),
  }),
});

interface EnrollmentMilestone {
  line: {
    milestoneId: string;
    trialSiteId: string;
    name: string;
    sortOrder: number;
    repeatable: boolean;
    amountMinor: bigint;
    currency: string;
    effectiveAt: Date;
  };
  timesPaid: number;
  paidMinor: bigint;
}

const EnrollmentMilestoneRef = builder.objectRef<EnrollmentMilestone>("EnrollmentMilestone").implement({
  description:
    "A milestone of the enrollment's payment schedule, with what was paid for it and whether it can be paid now.",
  fields: (t) => ({
    milestone: t.field({ type: PaymentScheduleLineRef, resolve: (m) => m.line }),
    timesPaid: t.exposeInt("timesPaid", { description: "Payments not rejected." }),
    paid: t.field({
      type: MoneyRef,
      resolve: (m) => ({ amountMinor: m.paidMinor, currency: m.line.currency }),
    }),
    payable: t.boolean({
      description: "Can still be paid: repeatable, or not paid yet.",
      resolve: (m) => m.line.repeatable || m.timesPaid === 0,
    }),
  }),
});

builder.objectField(EnrollmentRef, "milestonePayments", (t) =>
  t.field({
    type: [EnrollmentMilestoneRef],
    description:
      "The enrollment's payment schedule (get_payment_schedule by enrollment) with what is paid and still payable. Staff with view_payment_schedule on the trial site, or the participant.",
    resolve: async (enrollment, _args, ctx) => {
      const self = await actsForParticipant(ctx.access, enrollment.participantId);
      if (
        !self &&
        !(await ctx.access.holds("view_payment_schedule", { type: "trialSite", id: enrollment.trialSiteId }))
      )
        throw forbidden("You need the view_payment_schedule permission on this enrollment's trial site.");
      const [lines] = await scheduleOf(ctx.db, [enrollment.trialSiteId]);
      const paid = await ctx.db
        .select({
          milestoneId: payments.milestoneId,
          n: sql<number>`count(*)::int`,
          total: sql<string>`coalesce(sum(${payments.amountMinor}), 0)::text`,
        })
        .from(payments)
        .where(
          and(
            eq(payments.enrollmentId, enrollment.id),
            sql`${payments.status} <> 'rejected'`,
            sql`${payments.milestoneId} IS NOT NULL`,
          ),
        )
        .groupBy(payments.milestoneId);
      const byId = new Map(paid.map((p) => [p.milestoneId, p]));
      return (lines ?? []).map((line) => ({
        line,
        timesPaid: Number(byId.get(line.milestoneId)?.n ?? 0),
        paidMinor: BigInt(byId.get(line.milestoneId)?.total ?? "0"),
      }));
    },
  }),
);

builder.queryFields((t) => ({
  paymentSchedule: t.field({
    type: [PaymentScheduleLineRef],
    description:
      "A trial site's payment schedule with the amounts in effect now (the spec's get_payment_schedule). Needs view_payment_schedule on the trial site. For one enrollment, see Enrollment.milestonePayments.",
    args: { trialId: t.arg.globalID({ for: TrialRef }), siteId: t.arg.globalID({ for: SiteRef }) },
    resolve: async (_root, args, ctx) => {
      const trialSiteId = await requireTrialSite(
        ctx.access,
        "view_payment_schedule",
        args.trialId.id,
        args.siteId.id,
      );
      const [lines] = await scheduleOf(ctx.db, [trialSiteId]);
      return lines ?? [];
    },
  }),
  categories: t.stringList({
    description:
      "The expense categories of a trial (the spec's get_categories): its own once any were added, otherwise the defaults. For whoever sees the trial or is enrolled in it.",
    args: { trialId: t.arg.globalID({ for: TrialRef }) },
    resolve: async (_root, args, ctx) => {
      const trialId = args.trialId.id;
      if (!(await ctx.access.sees({ type: "trial", id: trialId }))) {
        const me = ctx.access.userId ?? "";
        const [mine] = await ctx.db
          .select({ id: enrollments.id })
          .from(enrollments)
          .innerJoin(participants, eq(participants.id, enrollments.participantId))
          .where(
            and(
              eq(enrollments.trialId, trialId),
              or(
                eq(participants.userId, me),
                sql`${participants.id} IN (SELECT participant_id FROM ${caregivers} WHERE user_id = ${me})`,
              ),
            ),
          )
          .limit(1);
        if (!mine) throw notFound("Trial");
      }
      return categoriesOf(ctx.db, trialId);
    },
  }),
  payments: t.connection({
    type: PaymentRef,
    description:
      "Payments you may see, newest first (the spec's get_payments): staff where they hold view_payments, participants and caregivers their own; optionally of one trial, site or status.",
    args: {
      trialId: t.arg.globalID({ for: TrialRef, required: false }),
      siteId: t.arg.globalID({ for: SiteRef, required: false }),
      status: t.arg({ type: PaymentStatusEnum, required: false }),
      kind: t.arg({ type: PaymentKindEnum, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const filters: (SQL | undefined)[] = [await paymentsVisibleSql(ctx)];
      if (args.trialId)
        filters.push(
          sql`${payments.enrollmentId} IN (SELECT id FROM ${enrollments} WHERE trial_id = ${args.trialId.id})`,
        );
      if (args.siteId)
        filters.push(
          sql`${payments.enrollmentId} IN (SELECT e.id FROM ${enrollments} e JOIN ${trialSites} ts ON ts.id = e.trial_site_id WHERE ts.site_id = ${args.siteId.id})`,
        );
      if (args.status) filters.push(eq(payments.status, args.status));
      if (args.kind) filters.push(eq(payments.kind, args.kind));
      return newestFirst(args, payments, (page) =>
        ctx.db
          .select()
          .from(payments)
          .where(and(...filters, page.where))
          .orderBy(...page.orderBy)
          .limit(page.limit),
      );
    },
  }),
  pendingPayments: t.connection({
    type: PaymentRef,
    description:
      "PENDING payments (awaiting approval) you may see, newest first (the spec's get_pending_payments); optionally of one participant.",
    args: { participantId: t.arg.globalID({ for: ParticipantRef, required: false }) },
    resolve: async (_root, args, ctx) => {
      const filters: (SQL | undefined)[] = [await paymentsVisibleSql(ctx), eq(payments.status, "pending")];
      if (args.participantId) filters.push(ofParticipant(args.participantId.id));
      return newestFirst(args, payments, (page) =>
        ctx.db
          .select()
          .from(payments)
          .where(and(...filters, page.where))
          .orderBy(...page.orderBy)
          .limit(page.limit),
      );
    },
  }),
  pendingReimbursements: t.field({
    type: [PaymentRef],
    description:
      "A participant's reimbursements not yet approved or rejected, newest first (the spec's get_pending_reimbursements).",
    args: { participantId: t.arg.globalID({ for: ParticipantRef }) },
    resolve: async (_root, args, ctx) =>
      ctx.db
        .select()
        .from(payments)
        .where(
          and(
            await paymentsVisibleSql(ctx),
            ofParticipant(args.participantId.id),
            eq(payments.kind, "reimbursement"),
            eq(payments.status, "pending"),
          ),
        )
        .orderBy(desc(payments.createdAt), desc(payments.id))
        .limit(LIST_LIMIT),
  }),
  participantPayments: t.field({
    type: [PaymentRef],
    description:
      "Payments made to a participant, optionally in one trial, newest first (the spec's get_participant_payments). Staff with view_payments, or the participant.",
    args: {
      participantId: t.arg.globalID({ for: ParticipantRef }),
      trialId: t.arg.globalID({ for: TrialRef, required: false }),
    },
    resolve: async (_root, args, ctx) =>
      ctx.db
        .select()
        .from(payments)
        .where(
          and(
            await paymentsVisibleSql(ctx),
            ofParticipant(args.participantId.id),
            args.trialId
              ? sql`${payments.enrollmentId} IN (SELECT id FROM ${enrollments} WHERE trial_id = ${args.trialId.id})`
              : undefined,
          ),
        )
        .orderBy(desc(payments.createdAt), desc(payments.id))
        .limit(LIST_LIMIT),
  }),
  recentPayments: t.field({
    type: [PaymentRef],
    description:
      "The latest payment of each participant you may see, newest first (the spec's get_recent_payments).",
    resolve: async (_root, _args, ctx) => {
      const visible = await paymentsVisibleSql(ctx);
      const rows = await ctx.db.execute<{ id: string }>(sql`
        SELECT DISTINCT ON (e.participant_id) ${payments.id} AS id
        FROM ${payments} JOIN ${enrollments} e ON e.id = ${payments.enrollmentId}
        WHERE ${visible ?? sql`true`}
        ORDER BY e.participant_id, ${payments.createdAt} DESC, ${payments.id} DESC`);
      if (!rows.length) return [];
      const list: Payment[] = await ctx.db
        .select()
        .from(payments)
        .where(
          inArray(
            payments.id,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(desc(payments.createdAt), desc(payments.id))
        .limit(LIST_LIMIT);
      return list;
    },
  }),
  payableVisits: t.field({
    type: [PayableVisitRef],
    description:
      "Attended visits with a milestone, of enrolled participants, whose milestone is not paid yet (the spec's get_payable_visits): ready for payMilestone. Where you hold milestone_payment.",
    resolve: async (_root, _args, ctx) => {
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
    },
  }),
}));

builder.queryField("unclaimedPayments", (t) =>
  t.field({
    type: [PaymentRef],
    description:
      "A participant's unclaimed payments, oldest first (the spec's get_unclaimed_payments). The participant and their caregivers see all; staff need view_payments (and see those of trial sites where they hold it).",
    args: { participantId: t.arg.globalID({ for: ParticipantRef }) },
    resolve: (_root, args, ctx) => unclaimedPayments(ctx.db, ctx.access, args.participantId.id),
  }),
);
