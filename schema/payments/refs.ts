import { inArray } from "drizzle-orm";
import { payments } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";

export type Payment = typeof payments.$inferSelect;

/**
 * Statuses whose money is committed from the contract's funding: owed, being paid, paid, or failed (a failed
 * payout stays committed to the participant, as contracts.committed_minor keeps it).
 */
export const COMMITTED_STATUSES = [
  "unclaimed",
  "claimed",
  "paid",
  "failed",
] as const satisfies readonly Payment["status"][];

/** Payments, loadable by id in batches; their fields are added in ./types.ts. */
export const PaymentRef = builder.loadableNodeRef<Payment>("Payment", {
  id: { resolve: (payment) => payment.id },
  load: (ids: string[], ctx) => ctx.db.select().from(payments).where(inArray(payments.id, ids)),
  sort: (payment) => payment.id,
});
