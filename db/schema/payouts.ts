import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { amountMinor, createdAt, currency } from "./columns.js";

/**
 * The sandbox payout provider's own books (a real provider keeps these on its side): one settlement per
 * idempotency key, and how many times that key was asked for. A repeated key gets the first settlement back.
 */
export const sandboxPayouts = pgTable("sandbox_payouts", {
  idempotencyKey: text().primaryKey(),
  reference: text().notNull(),
  amountMinor: amountMinor(),
  currency: currency(),
  /** Calls with this key: the first settled it, later ones were answered with that settlement. */
  requests: integer().notNull().default(1),
  createdAt: createdAt(),
});
