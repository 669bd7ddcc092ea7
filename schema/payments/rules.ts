import DataLoader from "dataloader";
import { and, inArray } from "drizzle-orm";
import { trialSites } from "../../db/schema/index.js";
import type { Context } from "../core/context.js";
import { forbidden, notFound } from "../core/errors.js";
import { actsForParticipant, requireForEnrollment, seesParticipant } from "../core/participant-access.js";
import type { Permission } from "../core/permissions-list.js";
import { perRequest } from "../core/request-cache.js";
import { type Argument, canSee, chain, forArgument, rule } from "../core/rules.js";
import { paymentPlace } from "./payments.js";

/** Staff holding `permission` on the trial site of the payment whose global id `argument` reads. */
export const forPayment = <Args>(permission: Permission, argument: Argument<Args>) =>
  forArgument("Payment", argument, async (ctx, { id }) => {
    const place = await paymentPlace(ctx.db, id);
    if (!place) throw notFound("Payment");
    await requireForEnrollment(ctx.access, permission, place.enrollmentId).catch((error) => {
      throw (error as { extensions?: { code?: string } }).extensions?.code === "NOT_FOUND"
        ? notFound("Payment")
        : error;
    });
  });

/**
 * Only the participant whose global id `argument` reads, or their caregiver (staff may not act for them here):
 * FORBIDDEN for staff who see the participant, NOT_FOUND for everyone else.
 */
export const participantThemselves = <Args>(argument: Argument<Args>) =>
  forArgument("Participant", argument, async (ctx, { id }) => {
    if (await actsForParticipant(ctx.access, id)) return;
    throw (await seesParticipant(ctx.access, id))
      ? forbidden("Only the participant or their caregiver can claim their payments.")
      : notFound("Participant");
  });

/** Which of some trials have a trial site where the viewer holds view_payments: one statement per request. */
const holdsViewPaymentsInTrial = perRequest(
  (access) =>
    new DataLoader<string, boolean>(async (trialIds) => {
      const atTrialSite = await access.holdsSql("trialSite", "view_payments");
      if (!atTrialSite) return trialIds.map(() => true); // held everywhere
      const rows = await access.db
        .selectDistinct({ trialId: trialSites.trialId })
        .from(trialSites)
        .where(and(inArray(trialSites.trialId, [...trialIds]), atTrialSite));
      const found = new Set(rows.map((row) => row.trialId));
      return trialIds.map((id) => found.has(id));
    }),
);

/**
 * Field rule on a trial for what its payments add up to: whoever sees the trial (NOT_FOUND otherwise) and holds
 * view_payments on it, above it or on any of its trial sites (FORBIDDEN otherwise). The totals then count the
 * payments of the trial sites where they hold it.
 */
export const readsTrialPayments = chain(
  canSee("trial"),
  rule({ cache: "no_cache" })(async (trial: { id: string }, _args, ctx: Context) => {
    const holds =
      (await ctx.access.holds("view_payments", { type: "trial", id: trial.id })) ||
      (await holdsViewPaymentsInTrial(ctx.access).load(trial.id));
    return (
      holds || forbidden("You need the view_payments permission on this trial or one of its trial sites.")
    );
  }),
);
