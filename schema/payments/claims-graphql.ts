import { builder } from "../core/builder.js";
import { actorOf } from "../core/context.js";
import { ParticipantRef } from "../participants/refs.js";
import { claimPayments, type RefusedPayment, unclaimedPayments } from "./claims.js";
import { PaymentRef } from "./refs.js";

const RefusedPaymentRef = builder.objectRef<RefusedPayment>("RefusedPayment").implement({
  description: "A payment a claim did not claim, and why.",
  fields: (t) => ({
    paymentId: t.globalID({ resolve: (r) => ({ type: PaymentRef.name, id: r.paymentId }) }),
    reason: t.exposeString("reason"),
  }),
});

builder.queryField("unclaimedPayments", (t) =>
  t.field({
    type: [PaymentRef],
    description:
      "A participant's unclaimed payments, oldest first (the spec's get_unclaimed_payments). The participant and their caregivers see all; staff need view_payments (and see those of trial sites where they hold it).",
    args: { participantId: t.arg.globalID({ for: ParticipantRef }) },
    resolve: (_root, args, ctx) => unclaimedPayments(ctx.db, ctx.access, args.participantId.id),
  }),
);

builder.relayMutationField(
  "claimPayments",
  {
    inputFields: (t) => ({
      participantId: t.globalID({ for: ParticipantRef }),
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
      "Claims a participant's unclaimed payments and starts their payouts (the spec's claim_payments). Only the participant or their caregiver may claim. Each payment is claimed at most once, even by concurrent claims; one whose enrollment has no payout method is refused with a reason.",
    resolve: async (_root, { input }, ctx) =>
      ctx.db.transaction((tx) =>
        claimPayments(tx, actorOf(ctx), ctx.config, {
          participantId: input.participantId.id,
          paymentIds: input.paymentIds?.map((p) => p.id) ?? null,
        }),
      ),
  },
  {
    outputFields: (t) => ({
      claimed: t.field({ type: [PaymentRef], resolve: (p) => p.claimed }),
      refused: t.field({ type: [RefusedPaymentRef], resolve: (p) => p.refused }),
      message: t.exposeString("message", { description: 'e.g. "1 payments claimed, 0 failed".' }),
    }),
  },
);
