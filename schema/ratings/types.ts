import { eq, inArray } from "drizzle-orm";
import { milestones, payments, visitRatings } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { EnrollmentRef } from "../participants/refs.js";
import { PaymentRef } from "../payments/refs.js";
import { type VisitRating, visitProgress } from "./ratings.js";

export const VisitRatingRef = builder.loadableNodeRef<VisitRating>("VisitRating", {
  id: { resolve: (rating) => rating.id },
  load: (ids: string[], ctx) => ctx.db.select().from(visitRatings).where(inArray(visitRatings.id, ids)),
  sort: (rating) => rating.id,
});

VisitRatingRef.implement({
  description:
    "A participant's 1–10 rating of a milestone visit, with their enrollment's progress. Read by staff with view_reports on the trial site.",
  fields: (t) => ({
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    rating: t.exposeInt("rating", { description: "1 (worst) to 10 (best)." }),
    note: t.exposeString("note", { nullable: true, description: "What the participant wrote, if anything." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the rating was given." }),
    payment: t.field({
      type: PaymentRef,
      description: "The milestone payment of the rated visit.",
      resolve: (r) => r.paymentId,
    }),
    enrollment: t.field({
      type: EnrollmentRef,
      description: "The enrollment the visit belongs to.",
      resolve: (r) => r.enrollmentId,
    }),
    enrollmentId: t.globalID({
      description:
        "The global id of the rated enrollment, for those who may not read the enrollment itself (it needs view_enrollments).",
      resolve: (r) => ({ type: "Enrollment", id: r.enrollmentId }),
    }),
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
