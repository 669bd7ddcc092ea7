import { rule } from "graphql-shield";
import type { Context } from "../core/context.js";
import { notFound, unauthenticated } from "../core/errors.js";
import { requireForEnrollment } from "../core/participant-access.js";
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
