import { eq } from "drizzle-orm";
import { rule } from "graphql-shield";
import { caregivers } from "../../db/schema/index.js";
import type { Context } from "../core/context.js";
import { notFound, unauthenticated } from "../core/errors.js";
import { requireForParticipant, seesParticipant } from "../core/participant-access.js";
import type { Permission } from "../core/permissions-list.js";
import { idOf } from "../core/rules.js";
import type { Caregiver } from "./refs.js";

/** Object rule for Caregiver: the caregiver themself, or whoever sees their participant. */
export const canSeeCaregiver = rule({ cache: "no_cache" })(async (parent: Caregiver, _args, ctx: Context) => {
  if (!ctx.viewer) return unauthenticated();
  if (parent.userId === ctx.viewer.userId) return true;
  return (await seesParticipant(ctx.access, parent.participantId)) ? true : notFound("Caregiver");
});

/**
 * The caregiver named by the global id at `path` is the viewer (with selfAllowed), or the viewer holds
 * `permission` for the caregiver's participant (NOT_FOUND when they may not even see them).
 */
export const forCaregiver = (permission: Permission, path: string, options: { selfAllowed?: boolean } = {}) =>
  rule({ cache: "no_cache" })(async (_parent, args: Record<string, unknown>, ctx: Context) => {
    try {
      if (!ctx.viewer) throw unauthenticated();
      const globalId = path
        .split(".")
        .reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], args);
      const [caregiver] = await ctx.db
        .select({ userId: caregivers.userId, participantId: caregivers.participantId })
        .from(caregivers)
        .where(eq(caregivers.id, idOf(globalId, "Caregiver")));
      if (!caregiver) throw notFound("Caregiver");
      if (options.selfAllowed && caregiver.userId === ctx.viewer.userId) return true;
      if (!(await seesParticipant(ctx.access, caregiver.participantId))) throw notFound("Caregiver");
      await requireForParticipant(ctx.access, permission, caregiver.participantId);
      return true;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
