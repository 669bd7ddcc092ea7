import { forbidden, notFound } from "../core/errors.js";
import { actsForParticipant, requireForEnrollment, seesParticipant } from "../core/participant-access.js";
import type { Permission } from "../core/permissions-list.js";
import { type Argument, forArgument } from "../core/rules.js";
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
