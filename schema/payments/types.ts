import DataLoader from "dataloader";
import { asc, inArray } from "drizzle-orm";
import { milestones, paymentEvents, users } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { notFound, unauthenticated } from "../core/errors.js";
import { MoneyRef } from "../core/money.js";
import { actsForParticipant, placeOfEnrollment } from "../core/participant-access.js";
import { perRequest } from "../core/request-cache.js";
import { rule } from "../core/rules.js";
import { EnrollmentRef } from "../participants/refs.js";
import type { PaymentOrder, PaymentSum, PaymentTotals } from "./lists.js";
import { COMMITTED_STATUSES, type Payment, PaymentRef } from "./refs.js";

export const PaymentKindEnum = builder.enumType("PaymentKind", {
  description: "What a payment is for.",
  values: {
    MILESTONE: { value: "milestone", description: "A visit of the payment schedule." },
    MILEAGE: { value: "mileage", description: "Travel, entered by staff." },
    REIMBURSEMENT: {
      value: "reimbursement",
      description: "Expenses with receipts; approved before it is owed.",
    },
    MANUAL: {
      value: "manual",
      description: "Entered by staff outside the schedule; approved before it is owed.",
    },
  } as const,
});

export const PaymentStatusEnum = builder.enumType("PaymentStatus", {
  description:
    "Where a payment is in its life: PENDING → UNCLAIMED (approved; milestone payments start here) → CLAIMED → PAID or FAILED; PENDING → REJECTED.",
  values: {
    PENDING: { value: "pending", description: "Awaiting approval; commits no funding yet." },
    UNCLAIMED: { value: "unclaimed", description: "Owed, funding committed; not yet claimed." },
    CLAIMED: { value: "claimed", description: "The participant asked for it; the payout is under way." },
    PAID: { value: "paid", description: "Paid out to the participant's payout method." },
    FAILED: {
      value: "failed",
      description: "The payout failed (see failureReason); the money stays committed to the participant.",
    },
    REJECTED: { value: "rejected", description: "Refused, with a reason; never owed." },
  } as const,
});

export type PaymentEvent = typeof paymentEvents.$inferSelect;

interface NamedUser {
  id: string;
  firstName: string;
  lastName: string;
}

/** "First Last" of users, by user id. */
const userNames = perRequest(
  (access) =>
    new DataLoader<string, string | null>(async (ids) => {
      const rows: NamedUser[] = await access.db
        .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
        .from(users)
        .where(inArray(users.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);

/** "First Last" of a user, batched per request; null for the system (no user). */
const userName = (ctx: Context, userId: string | null) =>
  userId ? userNames(ctx.access).load(userId) : null;

export const PaymentEventRef = builder.objectRef<PaymentEvent>("PaymentEvent").implement({
  description: "One status change of a payment (append-only history).",
  fields: (t) => ({
    fromStatus: t.expose("fromStatus", {
      type: PaymentStatusEnum,
      nullable: true,
      description: "The status before; null for the payment's creation.",
    }),
    toStatus: t.expose("toStatus", { type: PaymentStatusEnum, description: "The status after." }),
    actorName: t.string({
      nullable: true,
      description: "Who made the change (null for the system, e.g. the payout job).",
      resolve: (e, _a, ctx) => userName(ctx, e.actorUserId),
    }),
    actingAsName: t.string({
      nullable: true,
      description: "Whom the actor was acting as, when an admin had switched user.",
      resolve: (e, _a, ctx) => userName(ctx, e.actingAsUserId),
    }),
    reason: t.exposeString("reason", {
      nullable: true,
      description: "Why, when one was given (a rejection's reason, a payout's failure).",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it changed." }),
  }),
});

PaymentRef.implement({
  description:
    "Money owed (or requested) for a participant's enrollment. Read by the participant, their caregivers, and staff with view_payments on the enrollment's trial site.",
  fields: (t) => ({
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    kind: t.expose("kind", { type: PaymentKindEnum, description: "What it is for." }),
    status: t.expose("status", { type: PaymentStatusEnum, description: "Where it is in its life." }),
    amount: t.field({
      type: MoneyRef,
      description: "The amount, exact, in the currency of the trial's contract.",
      resolve: (p) => ({ amountMinor: p.amountMinor, currency: p.currency.trim() }),
    }),
    category: t.exposeString("category", {
      nullable: true,
      description: "A reimbursement's expense category (see `categories`); null for other kinds.",
    }),
    note: t.exposeString("note", { nullable: true, description: "A note given when it was made, if any." }),
    rejectionReason: t.exposeString("rejectionReason", {
      nullable: true,
      description: "Why it was rejected (REJECTED only).",
    }),
    failureReason: t.exposeString("failureReason", {
      nullable: true,
      description: "Why the payout failed, as the payout provider said (FAILED only).",
    }),
    milestoneName: t.loadable({
      type: "String",
      nullable: true,
      description:
        "The name of the milestone it pays (MILESTONE); for MILEAGE, the milestone visit travelled to, when named; null otherwise.",
      load: async (ids: string[], ctx) => {
        const rows = await ctx.db
          .select({ id: milestones.id, name: milestones.name })
          .from(milestones)
          .where(inArray(milestones.id, ids));
        const byId = new Map(rows.map((r) => [r.id, r.name]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      resolve: (p) => p.milestoneId ?? p.visitMilestoneId,
    }),
    enrollment: t.field({
      type: EnrollmentRef,
      description: "The enrollment it is paid under.",
      resolve: (p) => p.enrollmentId,
    }),
    createdByName: t.string({
      nullable: true,
      description: 'Who made it ("First Last"); null when made by the system.',
      resolve: (p, _a, ctx) => userName(ctx, p.createdBy),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was made." }),
    history: t.loadableList({
      type: PaymentEventRef,
      description: "Every status change, oldest first.",
      load: async (paymentIds: string[], ctx) => {
        const rows = await ctx.db
          .select()
          .from(paymentEvents)
          .where(inArray(paymentEvents.paymentId, paymentIds))
          .orderBy(asc(paymentEvents.createdAt), asc(paymentEvents.id));
        const grouped = new Map<string, PaymentEvent[]>(paymentIds.map((id) => [id, []]));
        for (const row of rows) grouped.get(row.paymentId)?.push(row);
        return paymentIds.map((id) => grouped.get(id) ?? []);
      },
      resolve: (p) => p.id,
    }),
  }),
});

/**
 * Whether the viewer may see a payment: its participant or caregiver, or staff with view_payments on its trial site.
 * It reads the enrollment's place, which the check that made or found the payment has usually read already; staff
 * are asked first about their grants, and others first whether the participant is theirs, so the answer seldom
 * needs the other read.
 */
export async function seesPayment(ctx: Context, payment: Pick<Payment, "enrollmentId">): Promise<boolean> {
  const place = await placeOfEnrollment(ctx.access, payment.enrollmentId);
  if (!place) return false;
  const holds = () => ctx.access.holds("view_payments", { type: "trialSite", id: place.trialSiteId });
  const own = () => actsForParticipant(ctx.access, place.participantId);
  return ctx.viewer?.userType === "staff" ? (await holds()) || own() : (await own()) || holds();
}

/** Object rule for Payment. */
export const canSeePayment = rule({ cache: "no_cache" })(async (parent: Payment, _args, ctx: Context) => {
  if (!ctx.viewer) return unauthenticated();
  return (await seesPayment(ctx, parent)) ? true : notFound("Payment");
});

export const PaymentOrderEnum = builder.enumType("PaymentOrder", {
  description: "How a list of payments is sorted.",
  values: {
    CREATED_AT_DESC: { description: "Newest first." },
    CREATED_AT_ASC: { description: "Oldest first." },
    AMOUNT_DESC: {
      description:
        "Largest amount first (amounts in different currencies compare by their count of minor units).",
    },
    AMOUNT_ASC: { description: "Smallest amount first." },
  } as const satisfies Record<PaymentOrder, unknown>,
});

export const DateTimeRangeInput = builder.inputType("DateTimeRange", {
  description:
    "A span of time: from an instant (included) up to another (excluded); either end may be left open.",
  fields: (t) => ({
    from: t.field({ type: "DateTime", required: false, description: "The first instant in the span." }),
    to: t.field({
      type: "DateTime",
      required: false,
      description: "The first instant after the span; must be later than `from`.",
    }),
  }),
});

const PaymentSumRef = builder.objectRef<PaymentSum & { currency: string }>("PaymentSum").implement({
  description: "How many payments there are and what they add up to.",
  fields: (t) => ({
    count: t.exposeInt("count", { description: "How many payments." }),
    amount: t.field({
      type: MoneyRef,
      description: "Their amounts added up, exactly.",
      resolve: (sum) => ({ amountMinor: sum.amountMinor, currency: sum.currency }),
    }),
  }),
});

export const PaymentTotalsRef = builder.objectRef<PaymentTotals>("PaymentTotals").implement({
  description:
    "What the payments you may see of an enrollment, trial site or trial add up to in one currency, by status: counted and summed exactly by the database.",
  fields: (t) => {
    /** The count and sum of the payments in `statuses`. */
    const sumOf = (statuses: readonly Payment["status"][], description: string) =>
      t.field({
        type: PaymentSumRef,
        description,
        resolve: (totals) => ({
          currency: totals.currency,
          count: statuses.reduce((n, status) => n + totals.byStatus[status].count, 0),
          amountMinor: statuses.reduce((sum, status) => sum + totals.byStatus[status].amountMinor, 0n),
        }),
      });
    return {
      currency: t.exposeString("currency", { description: "ISO 4217 code of every amount here." }),
      count: t.int({
        description: "Payments in every status.",
        resolve: (totals) => Object.values(totals.byStatus).reduce((n, sum) => n + sum.count, 0),
      }),
      pending: sumOf(["pending"], "Awaiting approval: no funding committed yet."),
      unclaimed: sumOf(["unclaimed"], "Owed, not yet claimed by the participant."),
      claimed: sumOf(["claimed"], "Claimed: being paid out."),
      paid: sumOf(["paid"], "Paid out."),
      failed: sumOf(["failed"], "Payout failed; the money stays committed to the participant."),
      rejected: sumOf(["rejected"], "Refused; never owed."),
      committed: sumOf(
        COMMITTED_STATUSES,
        "Unclaimed, claimed, paid and failed together: what these payments take from the contract's funding.",
      ),
    };
  },
});
