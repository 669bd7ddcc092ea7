import { and, eq, inArray } from "drizzle-orm";
import { milestones, payments, visitRatings } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { actorOf } from "../core/context.js";
import { unauthenticated } from "../core/errors.js";
import { newestFirst } from "../core/pagination.js";
import { EnrollmentRef, ParticipantRef } from "../participants/refs.js";
import { TrialRef } from "../trials/refs.js";
import { rateableVisits, rateVisit, ratingsCondition, type VisitRating, visitProgress } from "./ratings.js";
import { PaymentRef } from "./refs.js";

export const VisitRatingRef = builder.loadableNodeRef<VisitRating>("VisitRating", {
  id: { resolve: (rating) => rating.id },
  load: (ids: string[], ctx) => ctx.db.select().from(visitRatings).where(inArray(visitRatings.id, ids)),
  sort: (rating) => rating.id,
});

VisitRatingRef.implement({
  description: "A participant's 1–10 rating of a milestone visit, with their enrollment's progress.",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The raw identifier, as the spec's uids." }),
    rating: t.exposeInt("rating"),
    note: t.exposeString("note", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    payment: t.field({ type: PaymentRef, resolve: (r) => r.paymentId }),
    enrollment: t.field({ type: EnrollmentRef, resolve: (r) => r.enrollmentId }),
    enrollmentUid: t.exposeString("enrollmentId"),
    milestone: t.loadable({
      type: "String",
      nullable: true,
      description: "The name of the rated visit's milestone.",
      load: async (paymentIds: string[], ctx) => {
        const rows = await ctx.db
          .select({ id: payments.id, name: milestones.name })
          .from(payments)
          .innerJoin(milestones, eq(milestones.id, payments.milestoneId))
          .where(inArray(payments.id, paymentIds));
        const byId = new Map(rows.map((r) => [r.id, r.name]));
        return paymentIds.map((id) => byId.get(id) ?? null);
      },
      resolve: (r) => r.paymentId,
    }),
    completedVisits: t.loadable({
      type: "Int",
      description: "The enrollment's milestone visits owed or paid out (not pending or rejected).",
      load: async (enrollmentIds: string[], ctx) =>
        (await visitProgress(ctx.db, enrollmentIds)).map((p) => p.completedVisits),
      resolve: (r) => r.enrollmentId,
    }),
    totalVisits: t.loadable({
      type: "Int",
      description: "The milestones of the enrollment's trial site.",
      load: async (enrollmentIds: string[], ctx) =>
        (await visitProgress(ctx.db, enrollmentIds)).map((p) => p.totalVisits),
      resolve: (r) => r.enrollmentId,
    }),
  }),
});

builder.queryFields((t) => ({
  rateableVisits: t.field({
    type: [PaymentRef],
    description:
      "Your (or the participant you care for's) claimed or paid milestone visits not rated yet, oldest first (the spec's get_rateable_visits).",
    resolve: (_root, _args, ctx) => {
      if (!ctx.viewer) throw unauthenticated();
      return rateableVisits(ctx.db, ctx.viewer.userId);
    },
  }),
  ratings: t.connection({
    type: VisitRatingRef,
    description:
      "Visit ratings, newest first, with each enrollment's completed and total visits (the spec's ratings). Dates are inclusive (UTC) on when the rating was given. Needs view_reports; lists those of trial sites where you hold it.",
    args: {
      startDate: t.arg({ type: "Date", required: false }),
      endDate: t.arg({ type: "Date", required: false }),
      trialId: t.arg.globalID({ for: TrialRef, required: false }),
      participantId: t.arg.globalID({ for: ParticipantRef, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const condition = await ratingsCondition(ctx.access, {
        startDate: args.startDate,
        endDate: args.endDate,
        trialId: args.trialId?.id,
        participantId: args.participantId?.id,
      });
      return newestFirst(args, visitRatings, (page) =>
        ctx.db
          .select()
          .from(visitRatings)
          .where(and(condition, page.where))
          .orderBy(...page.orderBy)
          .limit(page.limit),
      );
    },
  }),
}));

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
      rating: await ctx.db.transaction((tx) =>
        rateVisit(tx, ctx.access, actorOf(ctx), {
          paymentId: input.paymentId.id,
          rating: input.rating,
          note: input.note,
        }),
      ),
    }),
  },
  { outputFields: (t) => ({ rating: t.field({ type: VisitRatingRef, resolve: (p) => p.rating }) }) },
);
