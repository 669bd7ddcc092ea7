import { builder } from "../core/builder.js";
import { MoneyInput } from "../core/money.js";
import { requireTrialSite } from "../core/rules.js";
import { inTransaction } from "../core/transaction.js";
import { SiteRef } from "../organizations/refs.js";
import { EnrollmentRef, ParticipantRef } from "../participants/refs.js";
import { PaymentScheduleLineRef } from "../participants/schedule.js";
import { TrialRef } from "../trials/refs.js";
import { CLAIM_REFUSALS, claimPayments, type RefusedPayment, requirePaymentsOf } from "./claims.js";
import { setMileageRate } from "./mileage.js";
import { MileageRateInput } from "./mileage-types.js";
import {
  asError,
  type ItemError,
  MAX_MILESTONE_PAYMENTS,
  type MilestonePaymentResult,
  payMilestones,
  requireVisit,
} from "./milestone-payments.js";
import {
  addCategory,
  approvePayment,
  categoriesOf,
  payMileage,
  rejectPayment,
  requestReimbursement,
} from "./payments.js";
import { PaymentRef } from "./refs.js";
import { addMilestone } from "./schedule.js";

const AttachmentInput = builder.inputType("PaymentAttachmentInput", {
  description: "A receipt: a PDF, JPEG or PNG file of at most 5 MiB, base64-encoded.",
  fields: (t) => ({
    filename: t.string({ required: false, description: 'The file\'s name, e.g. "receipt.pdf".' }),
    dataBase64: t.string({ description: "The file's bytes, base64." }),
  }),
});

builder.relayMutationField(
  "addMilestone",
  {
    description: "The trial site, and the milestone with its amount.",
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef, description: "The trial's global id." }),
      siteId: t.globalID({ for: SiteRef, description: "The global id of a site taking part in the trial." }),
      name: t.string({
        description: "Unique per trial site; the same name again adds a new amount version.",
      }),
      amount: t.field({ type: MoneyInput, description: "In the trial's contract currency." }),
      sortOrder: t.int({
        required: false,
        description:
          "Its place in the schedule (lower first); when omitted, 0 for a new milestone and unchanged for a new version of one.",
      }),
      repeatable: t.boolean({ required: false, description: "Paid more than once per enrollment." }),
      effectiveAt: t.field({
        type: "DateTime",
        required: false,
        description: "From when this amount applies (default now); earlier payments keep theirs.",
      }),
    }),
  },
  {
    description:
      "Adds a milestone to a trial site's payment schedule, or a new amount version of one. Needs add_milestone on the trial site; CONFLICT for a second version at the same instant.",
    resolve: async (_root, { input }, ctx) => {
      const trialSiteId = await requireTrialSite(
        ctx.access,
        "add_milestone",
        input.trialId.id,
        input.siteId.id,
      );
      const line = await inTransaction(ctx, (tx, actor) =>
        addMilestone(tx, actor, {
          trialSiteId,
          trialId: input.trialId.id,
          name: input.name,
          amount: input.amount,
          sortOrder: input.sortOrder,
          repeatable: input.repeatable,
          effectiveAt: input.effectiveAt as Date | null | undefined,
        }),
      );
      return { line };
    },
  },
  {
    description: "The milestone as saved.",
    outputFields: (t) => ({
      milestone: t.field({
        type: PaymentScheduleLineRef,
        description: "The milestone, with its amount now (the new version's, once it is in effect).",
        resolve: (p) => p.line,
      }),
    }),
  },
);

/** payMilestone, and its input type: one item of payMilestones. */
const { inputType: PayMilestoneInput } = builder.relayMutationField(
  "payMilestone",
  {
    description: "A milestone payment to make: which milestone, for which enrollment, and for which visit.",
    inputFields: (t) => ({
      enrollmentId: t.id({ description: "The enrollment to pay (an Enrollment's id)." }),
      milestoneId: t.id({
        description:
          "The milestone to pay: the id of a PaymentScheduleLine of the enrollment's trial site (Enrollment.paymentSchedule, paymentSchedule, PayableVisit.milestoneId).",
      }),
      appointmentId: t.id({
        required: false,
        description: "The attended visit this pays, if any: an Appointment's id, of this enrollment.",
      }),
      note: t.string({ required: false, description: "Shown with the payment; at most 2,000 characters." }),
    }),
  },
  {
    description:
      "Pays a milestone of the enrollment's trial site at the amount in effect now. Needs milestone_payment on the trial site; only ENROLLED; once per enrollment unless repeatable (CONFLICT); INSUFFICIENT_FUNDS when the contract cannot cover it. Takes an Idempotency-Key.",
    resolve: async (_root, { input }, ctx) => {
      const [result] = await payMilestones(ctx, [input]);
      if (result!.error) throw asError(result!.error);
      return { payment: result!.payment };
    },
  },
  {
    description: "The payment made (or changed).",
    outputFields: (t) => ({
      payment: t.field({ type: PaymentRef, description: "The payment.", resolve: (p) => p.payment }),
    }),
  },
);

const ItemErrorRef = builder.objectRef<ItemError>("ItemError").implement({
  description:
    "Why one item of a batch was not carried out: the error a request of its own would have answered.",
  fields: (t) => ({
    code: t.exposeString("code", {
      description:
        "The error code, as in `extensions.code`: BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT, INSUFFICIENT_FUNDS or TRY_AGAIN (a repeatable milestone paid by other requests at the same moment: send the item again).",
    }),
    message: t.exposeString("message", { description: "What went wrong, for a person to act on." }),
    fields: t.stringList({
      description: "For BAD_USER_INPUT, the fields of the item at fault (as in `extensions.fields`).",
      resolve: (error) =>
        ((error.extensions.fields ?? []) as { field: string }[]).map((problem) => problem.field),
    }),
  }),
});

const PayMilestoneResultRef = builder.objectRef<MilestonePaymentResult>("PayMilestoneResult").implement({
  description: "The answer to one item of payMilestones: the payment made, or the error that stopped it.",
  fields: (t) => ({
    payment: t.field({
      type: PaymentRef,
      nullable: true,
      description: "The payment made; null when the item was refused.",
      resolve: (r) => r.payment ?? null,
    }),
    error: t.field({
      type: ItemErrorRef,
      nullable: true,
      description: "Why the item was refused; null when it was paid.",
      resolve: (r) => r.error ?? null,
    }),
  }),
});

builder.relayMutationField(
  "payMilestones",
  {
    description: "Milestone payments to make at once.",
    inputFields: (t) => ({
      items: t.field({
        type: [PayMilestoneInput],
        description: `The payments to make, 1 to ${MAX_MILESTONE_PAYMENTS} (more is BAD_USER_INPUT).`,
      }),
    }),
  },
  {
    description: `Pays many milestones at once (an end-of-month batch): each item as payMilestone would, checked and answered on its own, in order. An item refused (BAD_USER_INPUT, NOT_FOUND for an enrollment you may not see, FORBIDDEN without milestone_payment on its trial site, CONFLICT, INSUFFICIENT_FUNDS) does not stop the others. A contract that cannot fund every item pays them in order while its funding lasts. At most ${MAX_MILESTONE_PAYMENTS} items. Takes an Idempotency-Key; an answer in which nothing was paid is not kept for it.`,
    resolve: async (_root, { input }, ctx) => ({ results: await payMilestones(ctx, input.items) }),
  },
  {
    description: "What became of each item.",
    outputFields: (t) => ({
      results: t.field({
        type: [PayMilestoneResultRef],
        description: "One result per item, in the order of the items.",
        resolve: (p) => p.results,
      }),
    }),
  },
);

builder.relayMutationField(
  "payMileage",
  {
    description: "Travel to pay: for which enrollment, to which visit, and how much.",
    inputFields: (t) => ({
      enrollmentId: t.id({ description: "The enrollment to pay (an Enrollment's id)." }),
      milestoneId: t.id({
        required: false,
        description:
          "The milestone visit travelled to: the id of a PaymentScheduleLine of the enrollment's trial site, as payMilestone takes it. Omitted with an appointmentId, the appointment's milestone.",
      }),
      appointmentId: t.id({
        required: false,
        description: "The visit travelled to: an Appointment's id, of this enrollment.",
      }),
      amount: t.field({ type: MoneyInput, description: "Positive, in the trial's contract currency." }),
      distance: t.string({
        required: false,
        description:
          'The distance travelled, in the unit of the trial\'s mileageRate: a decimal above 0 and at most 10,000, with at most 2 decimals, e.g. "12.5". Up to distance × rate the payment is a reimbursement, not reportable income; without a distance (or a rate) all of it is reportable.',
      }),
      note: t.string({
        required: false,
        description: "Shown with the payment, e.g. the trip; at most 2,000 characters.",
      }),
    }),
  },
  {
    description:
      "Pays travel to a visit: owed (UNCLAIMED) at once. Takes an Idempotency-Key. Needs travel_payment on the trial site; the milestone and appointment it names are checked as payMilestone checks them (NOT_FOUND, or BAD_USER_INPUT naming the field when they belong to another enrollment); INSUFFICIENT_FUNDS when the contract cannot cover it.",
    resolve: async (_root, { input }, ctx) => {
      const visit = await requireVisit(ctx.access, input);
      return {
        payment: await inTransaction(ctx, (tx, actor) =>
          payMileage(tx, actor, {
            ...visit,
            amount: input.amount,
            distance: input.distance,
            note: input.note,
          }),
        ),
      };
    },
  },
  {
    description: "The payment made (or changed).",
    outputFields: (t) => ({
      payment: t.field({ type: PaymentRef, description: "The payment.", resolve: (p) => p.payment }),
    }),
  },
);

builder.relayMutationField(
  "requestReimbursement",
  {
    description: "The enrollment, the expense and its receipts.",
    inputFields: (t) => ({
      enrollmentId: t.globalID({
        for: EnrollmentRef,
        description: "The enrollment the expense was for (its global id).",
      }),
      amount: t.field({ type: MoneyInput, description: "Positive, in the trial's contract currency." }),
      category: t.string({ description: "One of the trial's categories (see `categories`)." }),
      note: t.string({ required: false, description: "What the expense was; at most 2,000 characters." }),
      attachments: t.field({ type: [AttachmentInput], required: false, description: "Receipts." }),
    }),
  },
  {
    description:
      "Requests a reimbursement: PENDING until approved (approvePayment). Takes an Idempotency-Key. The participant or caregiver, or staff with manual_payment on the trial site.",
    resolve: async (_root, { input }, ctx) => ({
      payment: await inTransaction(ctx, (tx, actor) =>
        requestReimbursement(tx, actor, {
          enrollmentId: input.enrollmentId.id,
          amount: input.amount,
          category: input.category,
          note: input.note,
          attachments: input.attachments?.map((a) => ({
            filename: a.filename ?? "",
            dataBase64: a.dataBase64,
          })),
        }),
      ),
    }),
  },
  {
    description: "The payment made (or changed).",
    outputFields: (t) => ({
      payment: t.field({ type: PaymentRef, description: "The payment.", resolve: (p) => p.payment }),
    }),
  },
);

builder.relayMutationField(
  "approvePayment",
  {
    description: "The payment to approve.",
    inputFields: (t) => ({
      paymentId: t.globalID({ for: PaymentRef, description: "The payment's global id." }),
    }),
  },
  {
    description:
      "Approves a PENDING payment: it becomes UNCLAIMED and commits funding. Needs approve_payments on the trial site; CONFLICT unless pending; INSUFFICIENT_FUNDS when the contract cannot cover it.",
    resolve: async (_root, { input }, ctx) => ({
      payment: await inTransaction(ctx, (tx, actor) => approvePayment(tx, actor, input.paymentId.id)),
    }),
  },
  {
    description: "The payment made (or changed).",
    outputFields: (t) => ({
      payment: t.field({ type: PaymentRef, description: "The payment.", resolve: (p) => p.payment }),
    }),
  },
);

builder.relayMutationField(
  "rejectPayment",
  {
    description: "The payment to reject and why.",
    inputFields: (t) => ({
      paymentId: t.globalID({ for: PaymentRef, description: "The payment's global id." }),
      reason: t.string({ description: "Shown to the participant." }),
    }),
  },
  {
    description:
      "Rejects a PENDING payment with a reason. Needs approve_payments on the trial site; CONFLICT unless pending.",
    resolve: async (_root, { input }, ctx) => ({
      payment: await inTransaction(ctx, (tx, actor) =>
        rejectPayment(tx, actor, input.paymentId.id, input.reason),
      ),
    }),
  },
  {
    description: "The payment made (or changed).",
    outputFields: (t) => ({
      payment: t.field({ type: PaymentRef, description: "The payment.", resolve: (p) => p.payment }),
    }),
  },
);

builder.relayMutationField(
  "addCategory",
  {
    description: "The trial and the new category.",
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef, description: "The trial's global id." }),
      category: t.string({ description: 'The category\'s name, e.g. "Childcare".' }),
    }),
  },
  {
    description:
      "Adds an expense category to a trial; once a trial has any, they replace the defaults. Needs edit_trial on the trial.",
    resolve: async (_root, { input }, ctx) => {
      await inTransaction(ctx, (tx, actor) => addCategory(tx, actor, input.trialId.id, input.category));
      return { categories: await categoriesOf(ctx.db, input.trialId.id) };
    },
  },
  {
    description: "The trial's categories after the change.",
    outputFields: (t) => ({
      categories: t.stringList({
        description: "Every category of the trial now.",
        resolve: (p) => p.categories,
      }),
    }),
  },
);

const ClaimRefusalEnum = builder.enumType("ClaimRefusal", {
  description: "Why a claim left a payment alone.",
  values: Object.fromEntries(
    Object.entries(CLAIM_REFUSALS).map(([code, description]) => [code, { description }]),
  ) as Record<keyof typeof CLAIM_REFUSALS, { description: string }>,
});

const RefusedPaymentRef = builder.objectRef<RefusedPayment>("RefusedPayment").implement({
  description: "A payment a claim did not claim, and why.",
  fields: (t) => ({
    paymentId: t.globalID({
      description: "The payment's global id.",
      resolve: (r) => ({ type: PaymentRef.name, id: r.paymentId }),
    }),
    code: t.expose("code", { type: ClaimRefusalEnum, description: "Why, as a stable code to branch on." }),
    reason: t.exposeString("reason", { description: "Why, for a person." }),
  }),
});

builder.relayMutationField(
  "claimPayments",
  {
    description: "Whose payments to claim, and which.",
    inputFields: (t) => ({
      participantId: t.globalID({
        for: ParticipantRef,
        description: "The participant (yourself, or the one you are caregiver of).",
      }),
      paymentIds: t.globalIDList({
        for: PaymentRef,
        required: false,
        description:
          "The payments to claim (at most 100); omitted: every unclaimed payment of the participant.",
      }),
    }),
  },
  {
    description:
      "Claims a participant's unclaimed payments and starts their payouts. Only the participant or their caregiver may claim. Each payment is claimed at most once, even by concurrent claims; one that cannot be claimed (not unclaimed, no payout method) is listed in `refused` with a code and a reason. Takes an Idempotency-Key.",
    resolve: async (_root, { input }, ctx) => {
      const claim = {
        participantId: input.participantId.id,
        paymentIds: input.paymentIds?.map((p) => p.id) ?? null,
      };
      await requirePaymentsOf(ctx.access, claim.participantId, claim.paymentIds);
      return inTransaction(ctx, (tx, actor) => claimPayments(tx, actor, ctx.config, claim));
    },
  },
  {
    description: "What the claim did: the payments claimed and those refused.",
    outputFields: (t) => ({
      claimed: t.field({
        type: [PaymentRef],
        description: "The payments claimed, now CLAIMED; their payouts run in the background.",
        resolve: (p) => p.claimed,
      }),
      refused: t.field({
        type: [RefusedPaymentRef],
        description:
          "The payments named (or, with none named, still unclaimed) that were not claimed, each with why.",
        resolve: (p) => p.refused,
      }),
      message: t.exposeString("message", { description: 'e.g. "1 payments claimed, 0 failed".' }),
    }),
  },
);

builder.relayMutationField(
  "setMileageRate",
  {
    description: "The trial and its new mileage rate.",
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef, description: "The trial's global id." }),
      rate: t.field({
        type: MileageRateInput,
        required: false,
        description: "The rate, in the trial's contract currency; null (or omitted) removes it.",
      }),
    }),
  },
  {
    description:
      "Sets a trial's mileage rate: mileage paid from now on within distance × rate is a reimbursement, not reportable income; payments already made keep the rate they were made with. Needs edit_trial on the trial; BAD_USER_INPUT for a rate that is not positive or not in the contract's currency. Audited.",
    resolve: async (_root, { input }, ctx) => ({
      trial: await inTransaction(ctx, (tx, actor) => setMileageRate(tx, actor, input.trialId.id, input.rate)),
    }),
  },
  {
    description: "The trial, with its rate.",
    outputFields: (t) => ({
      trial: t.field({ type: TrialRef, description: "The trial.", resolve: (p) => p.trial }),
    }),
  },
);
