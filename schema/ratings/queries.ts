import { visitRatings } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { unauthenticated } from "../core/errors.js";
import { pageOfRows } from "../core/pagination.js";
import { ParticipantRef } from "../participants/refs.js";
import { PaymentRef } from "../payments/refs.js";
import { TrialRef } from "../trials/refs.js";
import { rateableVisits, ratingsCondition } from "./ratings.js";
import { VisitRatingRef } from "./types.js";

builder.queryFields((t) => ({
  rateableVisits: t.field({
    type: [PaymentRef],
    description:
      "Your (or the participant you care for's) claimed or paid milestone visits not rated yet, oldest first.",
    resolve: (_root, _args, ctx) => {
      if (!ctx.viewer) throw unauthenticated();
      return rateableVisits(ctx.db, ctx.viewer.userId);
    },
  }),
  ratings: t.connection(
    {
      type: VisitRatingRef,
      description:
        "Visit ratings, newest first, with each enrollment's completed and total visits. Dates are inclusive (UTC) on when the rating was given. Needs view_reports; lists those of trial sites where you hold it.",
      args: {
        startDate: t.arg({
          type: "Date",
          required: false,
          description: "Only ratings given on or after this day (UTC).",
        }),
        endDate: t.arg({
          type: "Date",
          required: false,
          description: "Only ratings given on or before this day (UTC).",
        }),
        trialId: t.arg.globalID({
          for: TrialRef,
          required: false,
          description: "Only ratings in this trial (its global id).",
        }),
        participantId: t.arg.globalID({
          for: ParticipantRef,
          required: false,
          description: "Only this participant's ratings (their global id).",
        }),
      },
      resolve: async (_root, args, ctx) => {
        const condition = await ratingsCondition(ctx.access, {
          startDate: args.startDate,
          endDate: args.endDate,
          trialId: args.trialId?.id,
          participantId: args.participantId?.id,
        });
        return pageOfRows(ctx.db, visitRatings, condition, args);
      },
    },
    {
      name: "VisitRatingConnection",
      description: "A page of visit ratings, with the number in the whole list.",
    },
    { name: "VisitRatingEdge", description: "A visit rating in a page of ratings, with its cursor." },
  ),
}));
