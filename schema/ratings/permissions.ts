import { and, eq } from "drizzle-orm";
import { grants } from "../../db/schema/index.js";
import type { Context } from "../core/context.js";
import { forbidden, notFound, unauthenticated } from "../core/errors.js";
import { isAuthenticated, type Permissions, rule } from "../core/rules.js";
import { seesRating } from "./ratings.js";

/** Admins, and staff holding view_reports anywhere (the report then lists only where they hold it). */
const viewsReports = rule({ cache: "no_cache" })(async (_parent, _args, ctx: Context) => {
  if (!ctx.viewer) return unauthenticated();
  if (ctx.viewer.isAdmin) return true;
  const [held] = await ctx.db
    .select({ id: grants.id })
    .from(grants)
    .where(and(eq(grants.userId, ctx.viewer.userId), eq(grants.permissionName, "view_reports")))
    .limit(1);
  return held ? true : forbidden("You need the view_reports permission.");
});

/** Object rule for VisitRating: its participant or caregiver, or staff with view_reports on its trial site. */
const canSeeRating = rule({ cache: "no_cache" })(
  async (parent: { enrollmentId: string }, _args, ctx: Context) => {
    if (!ctx.viewer) return unauthenticated();
    return (await seesRating(ctx.access, parent.enrollmentId)) ? true : notFound("Rating");
  },
);

/** Who may use each ratings field. Fields not listed here are closed (the shield's fallback is deny). */
export const ratingsPermissions = {
  Query: {
    rateableVisits: isAuthenticated, // only the viewer's own (or cared-for participant's) visits
    ratings: viewsReports, // lists only enrollments of trial sites where the viewer holds view_reports
  },
  Mutation: {
    rateVisit: isAuthenticated, // the payment's participant or caregiver only: NOT_FOUND / FORBIDDEN from the resolver
  },
  VisitRating: canSeeRating,
} satisfies Permissions;
