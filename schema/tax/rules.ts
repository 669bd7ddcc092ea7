import type { Context } from "../core/context.js";
import { forbidden, notFound, unauthenticated } from "../core/errors.js";
import { actsForParticipant, seesParticipant } from "../core/participant-access.js";
import { type Argument, forArgument, rule } from "../core/rules.js";

/**
 * Only the participant whose global id `argument` reads, or their caregiver, gives taxpayer details (they certify
 * them): FORBIDDEN for staff who see the participant, NOT_FOUND for everyone else.
 */
export const certifiesForParticipant = <Args>(argument: Argument<Args>) =>
  forArgument("Participant", argument, async (ctx, { id }) => {
    if (await actsForParticipant(ctx.access, id)) return;
    throw (await seesParticipant(ctx.access, id))
      ? forbidden("Only the participant or their caregiver can give their taxpayer details.")
      : notFound("Participant");
  });

/** Field rule on TaxpayerDetails: the legal name and address are read by the participant and caregivers only. */
export const ownTaxpayerDetails = rule({ cache: "no_cache" })(
  async (parent: { participantId: string }, _args, ctx: Context) => {
    if (!ctx.viewer) return unauthenticated();
    return (await actsForParticipant(ctx.access, parent.participantId))
      ? true
      : forbidden("Only the participant or their caregiver read their legal name and address.");
  },
);
