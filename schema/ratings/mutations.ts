import { builder } from "../core/builder.js";
import { inTransaction } from "../core/transaction.js";
import { PaymentRef } from "../payments/refs.js";
import { rateVisit } from "./ratings.js";
import { VisitRatingRef } from "./types.js";

builder.relayMutationField(
  "rateVisit",
  {
    description: "The visit (by its payment), the rating and an optional note.",
    inputFields: (t) => ({
      paymentId: t.globalID({
        for: PaymentRef,
        description: "The claimed or paid milestone payment of the visit.",
      }),
      rating: t.int({ description: "1 (worst) to 10 (best)." }),
      note: t.string({ required: false, description: "A comment on the visit; at most 2,000 characters." }),
    }),
  },
  {
    description:
      "Rates a visit 1–10: by its participant or their caregiver only, once per visit (CONFLICT after).",
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
  {
    description: "The rating as saved.",
    outputFields: (t) => ({
      rating: t.field({ type: VisitRatingRef, description: "The rating.", resolve: (p) => p.rating }),
    }),
  },
);
