import { and, eq } from "drizzle-orm";
import { rule } from "graphql-shield";
import { grants } from "../../db/schema/index.js";
import type { Context } from "../core/context.js";
import { forbidden, notFound, unauthenticated } from "../core/errors.js";
import { actsForParticipant, seesParticipant } from "../core/participant-access.js";
import { forParticipant, idOf, isAuthenticated } from "../core/rules.js";
import { seesRating } from "./ratings.js";

/** The argument at a dotted path, e.g. "input.participantId". */
const argAt = (args: Record<string, unknown>, path: string): unknown =>
  path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], args);

/**
 * Only the participant named at `path` or their caregiver (staff may not act for them here): FORBIDDEN for staff
 * who see the participant, NOT_FOUND for everyone else.
 */
const participantThemselves = (path: string) =>
  rule({ cache: "no_cache" })(async (_parent, args, ctx: Context) => {
    if (!ctx.viewer) return unauthenticated();
    try {
      const participantId = idOf(argAt(args, path), "Participant");
      if (await actsForParticipant(ctx.access, participantId)) return true;
      return (await seesParticipant(ctx.access, participantId))
        ? forbidden("Only the participant or their caregiver can claim their payments.")
        : notFound("Participant");
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });

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

/** Who may use each claims, payouts and ratings field; merged into the payments area's map (./index.ts). */
export const claimsPermissions = {
  Query: {
    unclaimedPayments: forParticipant("view_payments", "participantId", { selfAllowed: true }), // staff: only payments of trial sites where they hold it (resolver)
    rateableVisits: isAuthenticated, // only the viewer's own (or cared-for participant's) visits
    ratings: viewsReports, // lists only enrollments of trial sites where the viewer holds view_reports
  },
  Mutation: {
    claimPayments: participantThemselves("input.participantId"),
    rateVisit: isAuthenticated, // the payment's participant or caregiver only: NOT_FOUND / FORBIDDEN from the resolver
  },
  VisitRating: canSeeRating,
  RefusedPayment: { "*": isAuthenticated }, // reached only through claimPayments' payload
};
