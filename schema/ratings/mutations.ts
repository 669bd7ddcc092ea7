import { builder } from "../core/builder.js";
import { inTransaction } from "../core/transaction.js";
import { PaymentRef } from "../payments/refs.js";
import { rateVisit } from "./ratings.js";
import { VisitRatingRef } from "./types.js";

builder.relayMutationField(
  "rateVisit",
  {
    inputFields: (t) => ({
      paymentId: t.globalID({
        for: PaymentRef,
        description: "The claimed or paid milestone payment of the visit.",
      }),
      rating: t.int({ description: "1 (worst) to 10 (best)." }),
      note: t.string({ required: false }),
    }),
  },
  {
    description:
      "Rates a visit 1–10 (the spec's rate_visit): by its participant or their caregiver only, once per visit (CONFLICT after).",
    resolve: async (_root, { input }, ctx) => ({
      rating: await inTransaction(ctx, (tx, actor) =>
        rateVisit(tx, ctx.access, actor, {
          paymentId: input.paymentId.id,
          rating: input.rating,
          note: input.note,
        }),
      ),
    }),
  },
  { outputFields: (t) => ({ rating: t.field({ type: VisitRatingRef, resolve: (p) => p.rating }) }) },
);
