import { rule } from "graphql-shield";
import type { Context } from "../../server/context.js";
import { requireForEnrollment } from "../access/participants.js";
import type { Permission } from "../access/permissions-list.js";
import { idOf } from "../access/rules.js";
import { notFound, unauthenticated } from "../errors.js";
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
