import { rule } from "graphql-shield";
import type { Context } from "../core/context.js";
import { forbidden, notFound, unauthenticated } from "../core/errors.js";
import { actsForParticipant, requireForEnrollment, seesParticipant } from "../core/participant-access.js";
import type { Permission } from "../core/permissions-list.js";
import { idOf } from "../core/rules.js";
import { paymentPlace } from "./payments.js";

/** Staff holding `permission` on the trial site of the payment whose global id is the argument at `path`. */
export const forPayment = (permission: Permission, path: string) =>
  rule({ cache: "no_cache" })(async (_parent, args: Record<string, unknown>, ctx: Context) => {
    try {
      if (!ctx.viewer) throw unauthenticated();
      const globalId = path
        .split(".")
        .reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], args);
      const place = await paymentPlace(ctx.db, idOf(globalId, "Payment"));
      if (!place) throw notFound("Payment");
      await requireForEnrollment(ctx.access, permission, place.enrollmentId).catch((error) => {
        throw (error as { extensions?: { code?: string } }).extensions?.code === "NOT_FOUND"
          ? notFound("Payment")
          : error;
      });
      return true;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });

/** The argument at a dotted path, e.g. "input.participantId". */
const argAt = (args: Record<string, unknown>, path: string): unknown =>
  path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], args);

/**
 * Only the participant named at `path` or their caregiver (staff may not act for them here): FORBIDDEN for staff
 * who see the participant, NOT_FOUND for everyone else.
 */
export const participantThemselves = (path: string) =>
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
