import { eq } from "drizzle-orm";
import { caregivers } from "../../db/schema/index.js";
import type { MutationArguments } from "../core/arguments.js";
import type { Context } from "../core/context.js";
import { notFound, unauthenticated } from "../core/errors.js";
import { decodeGlobalId } from "../core/ids.js";
import { requireForParticipant, seesParticipant } from "../core/participant-access.js";
import type { Permission } from "../core/permissions-list.js";
import { type Argument, decide, forArgument, requireTrialSite, rule } from "../core/rules.js";
import type { Caregiver } from "./refs.js";

/** Object rule for Caregiver: the caregiver themself, or whoever sees their participant. */
export const canSeeCaregiver = rule({ cache: "no_cache" })(async (parent: Caregiver, _args, ctx: Context) => {
  if (!ctx.viewer) return unauthenticated();
  if (parent.userId === ctx.viewer.userId) return true;
  return (await seesParticipant(ctx.access, parent.participantId)) ? true : notFound("Caregiver");
});

/**
 * The caregiver whose global id `argument` reads is the viewer (with selfAllowed), or the viewer holds
 * `permission` for the caregiver's participant (NOT_FOUND when they may not even see them).
 */
export const forCaregiver = <Args>(
  permission: Permission,
  argument: Argument<Args>,
  options: { selfAllowed?: boolean } = {},
) =>
  forArgument("Caregiver", argument, async (ctx, { id }) => {
    const [caregiver] = await ctx.db
      .select({ userId: caregivers.userId, participantId: caregivers.participantId })
      .from(caregivers)
      .where(eq(caregivers.id, id));
    if (!caregiver) throw notFound("Caregiver");
    if (options.selfAllowed && caregiver.userId === ctx.viewer?.userId) return;
    if (!(await seesParticipant(ctx.access, caregiver.participantId))) throw notFound("Caregiver");
    await requireForParticipant(ctx.access, permission, caregiver.participantId);
  });

/**
 * addParticipant: add_participant on the site, or, when a trial is given, on the trial site where the site runs
 * it (a grant on the site covers that too): a trial site's coordinator registers participants for their trial
 * without reaching the site's other trials. NOT_FOUND for a trial or site the viewer may not see.
 */
export const canAddParticipant = rule({ cache: "no_cache" })(
  (_parent, { input }: MutationArguments["addParticipant"], ctx: Context) =>
    decide(async () => {
      if (!ctx.viewer) throw unauthenticated();
      const site = decodeGlobalId(input.siteId, "siteId", "Site");
      if (input.trialId == null) {
        await ctx.access.require("add_participant", { type: "site", id: site.id }, "Site");
        return;
      }
      const trial = decodeGlobalId(input.trialId, "trialId", "Trial");
      await requireTrialSite(ctx.access, "add_participant", trial.id, site.id);
    }),
);
