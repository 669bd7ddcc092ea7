import { desc, inArray, type SQL } from "drizzle-orm";
import type { GraphQLResolveInfo } from "graphql";
import { payments } from "../../db/schema/index.js";
import { AppointmentRef } from "../appointments/refs.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { MoneyRef } from "../core/money.js";
import type { PageArgs } from "../core/pagination.js";
import { requireTrialSite } from "../core/rules.js";
import { SiteRef } from "../organizations/refs.js";
import { type Enrollment, EnrollmentRef, ParticipantRef } from "../participants/refs.js";
import { PaymentScheduleLineRef, scheduleOf } from "../participants/schedule.js";
import { TrialRef, TrialSiteRef } from "../trials/refs.js";
import { unclaimedPayments } from "./claims.js";
import {
  type EnrollmentMilestone,
  enrollmentMilestones,
  LIST_LIMIT,
  nestedPaymentsPage,
  type PayableVisit,
  type PaymentFilterArgs,
  type PaymentOrder,
  type PaymentParent,
  payableVisits,
  paymentColumnsAsked,
  paymentFilter,
  paymentsPage,
  paymentTotalsOf,
  recentPaymentIds,
  requireTrialReach,
  visiblePayments,
} from "./lists.js";
import { categoriesOf } from "./payments.js";
import { type Payment, PaymentRef } from "./refs.js";
import {
  DateTimeRangeInput,
  PaymentKindEnum,
  PaymentOrderEnum,
  PaymentStatusEnum,
  PaymentTotalsRef,
} from "./types.js";

/** The one connection type of payments, wherever a list of them is paged (one fragment serves them all). */
const PaymentConnection = builder.connectionObject(
  {
    type: PaymentRef,
    name: "PaymentConnection",
    description: "A page of payments, with the number in the whole list.",
  },
  { name: "PaymentEdge", description: "A payment in a page of payments, with its cursor." },
);

/** What every list of payments filters on, beside its own arguments (paymentFilter reads them). */
const paymentFilterArgs = builder.args((t) => ({
  kind: t.field({ type: PaymentKindEnum, required: false, description: "Only payments of this kind." }),
  createdAt: t.field({
    type: DateTimeRangeInput,
    required: false,
    description: "Only payments made in this span of time.",
  }),
}));

/** The status filter, for the lists not already of one status. */
const statusArg = builder.args((t) => ({
  status: t.field({ type: PaymentStatusEnum, required: false, description: "Only payments in this status." }),
}));

const orderArg = builder.args((t) => ({
  orderBy: t.field({
    type: PaymentOrderEnum,
    required: false,
    defaultValue: "CREATED_AT_DESC",
    description: "The order of the list; a cursor works only with the order it was given in.",
  }),
}));

/** The arguments of the lists of payments nested in an enrollment, participant or trial site. */
const nestedListArgs = { ...paymentFilterArgs, ...statusArg, ...orderArg };

/** Payments matching `where`, newest first, up to LIST_LIMIT (the spec's plain lists). */
const paymentsList = (ctx: Context, where: SQL | undefined): Promise<Payment[]> =>
  ctx.db
    .select()
    .from(payments)
    .where(where)
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(LIST_LIMIT);

const PayableVisitRef = builder.objectRef<PayableVisit>("PayableVisit").implement({
  description:
    "An attended visit of an enrolled participant whose milestone has not been paid yet: a template for payMilestone.",
  fields: (t) => ({
    appointmentId: t.globalID({
      description: "The visit: payMilestone's appointmentId.",
      resolve: (v) => ({ type: AppointmentRef.name, id: v.appointmentId }),
    }),
    milestoneId: t.globalID({
      description: "The milestone (its PaymentScheduleLine's id): payMilestone's milestoneId.",
      resolve: (v) => ({ type: PaymentScheduleLineRef.name, id: v.milestoneId }),
    }),
    milestoneName: t.exposeString("milestoneName", { description: "The milestone's name." }),
    scheduledAt: t.expose("scheduledAt", { type: "DateTime", description: "When the visit was scheduled." }),
    enrollment: t.field({
      type: EnrollmentRef,
      description: "The enrollment to pay: payMilestone's enrollmentId.",
      resolve: (v) => v.enrollmentId,
    }),
    amount: t.field({
      type: MoneyRef,
      description: "The amount in effect now.",
      resolve: (v) => ({ amountMinor: v.amountMinor, currency: v.currency }),
    }),
  }),
});

const EnrollmentMilestoneRef = builder.objectRef<EnrollmentMilestone>("EnrollmentMilestone").implement({
  description:
    "A milestone of the enrollment's payment schedule, with what was paid for it and whether it can be paid now.",
  fields: (t) => ({
    milestone: t.field({
      type: PaymentScheduleLineRef,
      description: "The milestone, with the amount in effect now.",
      resolve: (m) => m.line,
    }),
    timesPaid: t.exposeInt("timesPaid", { description: "Payments not rejected." }),
    paid: t.field({
      type: MoneyRef,
      description: "What its payments (not rejected) add up to.",
      resolve: (m) => ({ amountMinor: m.paidMinor, currency: m.line.currency }),
    }),
    payable: t.boolean({
      description: "Can still be paid: repeatable, or not paid yet.",
      resolve: (m) => m.line.repeatable || m.timesPaid === 0,
    }),
  }),
});

builder.objectField(EnrollmentRef, "milestonePayments", (t) =>
  t.loadableList({
    type: EnrollmentMilestoneRef,
    description:
      "The enrollment's payment schedule with what is paid and still payable. Staff with view_payment_schedule on the trial site, or the participant.",
    load: (list: Enrollment[], ctx) => enrollmentMilestones(ctx.db, list),
    resolve: (enrollment) => enrollment,
  }),
);

/** What a nested list of payments is given: page, filters and order. */
type NestedListArgs = PageArgs & PaymentFilterArgs & { orderBy?: PaymentOrder | null };

/** The resolver of the payments list of an enrollment, participant or trial site. */
const paymentsOf =
  (parent: PaymentParent) =>
  (row: { id: string }, args: NestedListArgs, ctx: Context, info: GraphQLResolveInfo) =>
    nestedPaymentsPage(
      ctx,
      parent,
      row.id,
      args,
      paymentFilter(args),
      args.orderBy ?? "CREATED_AT_DESC",
      paymentColumnsAsked(info),
    );

/** The resolver of the payment totals of an enrollment, trial site or trial. */
const totalsOf = (parent: PaymentParent) => (row: { id: string }, args: PaymentFilterArgs, ctx: Context) =>
  paymentTotalsOf(ctx, parent, row.id, paymentFilter(args));

const NEWEST_FIRST = "Newest first unless `orderBy` says otherwise.";
const TOTALS =
  "What the payments you may see here add up to: one entry per currency (none when there are none), optionally of one kind or made in a span of time.";

builder.objectField(EnrollmentRef, "payments", (t) =>
  t.connection(
    {
      type: PaymentRef,
      description: `The enrollment's payments you may see: all of them for staff with view_payments on its trial site and for its participant or caregiver. ${NEWEST_FIRST}`,
      args: nestedListArgs,
      resolve: paymentsOf("enrollment"),
    },
    PaymentConnection,
  ),
);

builder.objectField(ParticipantRef, "payments", (t) =>
  t.connection(
    {
      type: PaymentRef,
      description: `The payments of all the participant's enrollments that you may see: for the participant and their caregivers all of them; for staff with view_payments where the participant is, those of the trial sites where they hold it. ${NEWEST_FIRST}`,
      args: nestedListArgs,
      resolve: paymentsOf("participant"),
    },
    PaymentConnection,
  ),
);

builder.objectField(TrialSiteRef, "payments", (t) =>
  t.connection(
    {
      type: PaymentRef,
      description: `The payments of the enrollments at this trial site, for staff with view_payments on it (or above it). ${NEWEST_FIRST}`,
      args: nestedListArgs,
      resolve: paymentsOf("trialSite"),
    },
    PaymentConnection,
  ),
);

builder.objectField(EnrollmentRef, "paymentTotals", (t) =>
  t.field({
    type: [PaymentTotalsRef],
    description: `${TOTALS} Staff with view_payments on its trial site, or its participant or caregiver.`,
    args: paymentFilterArgs,
    resolve: totalsOf("enrollment"),
  }),
);

builder.objectField(TrialSiteRef, "paymentTotals", (t) =>
  t.field({
    type: [PaymentTotalsRef],
    description: `${TOTALS} Staff with view_payments on the trial site (or above it).`,
    args: paymentFilterArgs,
    resolve: totalsOf("trialSite"),
  }),
);

builder.objectField(TrialRef, "paymentTotals", (t) =>
  t.field({
    type: [PaymentTotalsRef],
    description: `${TOTALS} Staff with view_payments on the trial (or above it) or on any of its trial sites, who see the totals of the trial sites where they hold it.`,
    args: paymentFilterArgs,
    resolve: totalsOf("trial"),
  }),
);

builder.queryFields((t) => ({
  paymentSchedule: t.field({
    type: [PaymentScheduleLineRef],
    description:
      "A trial site's payment schedule with the amounts in effect now. Needs view_payment_schedule on the trial site. For one enrollment, see Enrollment.milestonePayments.",
    args: {
      trialId: t.arg.globalID({ for: TrialRef, description: "The trial's global id." }),
      siteId: t.arg.globalID({
        for: SiteRef,
        description: "The global id of a site taking part in the trial.",
      }),
    },
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
      "The expense categories of a trial: its own once any were added, otherwise the defaults. For whoever sees the trial or is enrolled in it.",
    args: { trialId: t.arg.globalID({ for: TrialRef, description: "The trial's global id." }) },
    resolve: async (_root, args, ctx) => {
      await requireTrialReach(ctx, args.trialId.id);
      return categoriesOf(ctx.db, args.trialId.id);
    },
  }),
  payments: t.connection(
    {
      type: PaymentRef,
      description:
        "Payments you may see: staff where they hold view_payments, participants and caregivers their own; optionally of one trial or site, status, kind or span of time. Newest first unless `orderBy` says otherwise.",
      args: {
        trialId: t.arg.globalID({
          for: TrialRef,
          required: false,
          description: "Only payments in this trial (its global id).",
        }),
        siteId: t.arg.globalID({
          for: SiteRef,
          required: false,
          description: "Only payments at this site, in any trial (its global id).",
        }),
        ...nestedListArgs,
      },
      resolve: (_root, args, ctx) =>
        paymentsPage(
          ctx,
          args,
          {
            ...paymentFilter(args),
            trialId: args.trialId?.id,
            siteId: args.siteId?.id,
          },
          args.orderBy ?? "CREATED_AT_DESC",
        ),
    },
    PaymentConnection,
  ),
  pendingPayments: t.connection(
    {
      type: PaymentRef,
      description:
        "PENDING payments (awaiting approval) you may see; optionally of one participant, kind or span of time. Newest first unless `orderBy` says otherwise.",
      args: {
        participantId: t.arg.globalID({
          for: ParticipantRef,
          required: false,
          description: "Only this participant's payments (their global id).",
        }),
        ...paymentFilterArgs,
        ...orderArg,
      },
      resolve: (_root, args, ctx) =>
        paymentsPage(
          ctx,
          args,
          {
            ...paymentFilter(args),
            status: "pending",
            participantId: args.participantId?.id,
          },
          args.orderBy ?? "CREATED_AT_DESC",
        ),
    },
    PaymentConnection,
  ),
  pendingReimbursements: t.field({
    type: [PaymentRef],
    description: "A participant's reimbursements not yet approved or rejected, newest first.",
    args: {
      participantId: t.arg.globalID({ for: ParticipantRef, description: "The participant's global id." }),
    },
    resolve: async (_root, args, ctx) =>
      paymentsList(
        ctx,
        await visiblePayments(ctx, {
          participantId: args.participantId.id,
          kind: "reimbursement",
          status: "pending",
        }),
      ),
  }),
  participantPayments: t.field({
    type: [PaymentRef],
    description:
      "Payments made to a participant, optionally in one trial, newest first. Staff with view_payments, or the participant.",
    args: {
      participantId: t.arg.globalID({ for: ParticipantRef, description: "The participant's global id." }),
      trialId: t.arg.globalID({
        for: TrialRef,
        required: false,
        description: "Only payments in this trial (its global id).",
      }),
    },
    resolve: async (_root, args, ctx) =>
      paymentsList(
        ctx,
        await visiblePayments(ctx, { participantId: args.participantId.id, trialId: args.trialId?.id }),
      ),
  }),
  recentPayments: t.field({
    type: [PaymentRef],
    description: "The latest payment of each participant you may see, newest first.",
    resolve: async (_root, _args, ctx) =>
      paymentsList(ctx, inArray(payments.id, await recentPaymentIds(ctx))),
  }),
  payableVisits: t.field({
    type: [PayableVisitRef],
    description:
      "Attended visits with a milestone, of enrolled participants, whose milestone is not paid yet: ready for payMilestone. Where you hold milestone_payment.",
    resolve: (_root, _args, ctx) => payableVisits(ctx),
  }),
}));

builder.queryField("unclaimedPayments", (t) =>
  t.field({
    type: [PaymentRef],
    description:
      "A participant's unclaimed payments, oldest first. The participant and their caregivers see all; staff need view_payments (and see those of trial sites where they hold it).",
    args: {
      participantId: t.arg.globalID({ for: ParticipantRef, description: "The participant's global id." }),
    },
    resolve: (_root, args, ctx) => unclaimedPayments(ctx.db, ctx.access, args.participantId.id),
  }),
);
