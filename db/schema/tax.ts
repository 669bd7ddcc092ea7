import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  integer,
  pgEnum,
  pgTable,
  pgView,
  primaryKey,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { addresses, bytea, users } from "./accounts.js";
import { amountMinor, createdAt, currency, currencyCheck, updatedAt } from "./columns.js";
import { clients } from "./organizations.js";
import { participants } from "./participants.js";
import { payments } from "./payments.js";

/**
 * The reporting threshold of a tax year in a currency (e.g. the US threshold for miscellaneous income). It is
 * configuration, changed by law from time to time: nothing in the code holds a figure; the migration seeds the US
 * rows for 2025 and 2026 and Mural admins keep them (setTaxThreshold, audited). `approachingPercent` of it is where
 * a participant is flagged as approaching.
 */
export const taxThresholds = pgTable(
  "tax_thresholds",
  {
    taxYear: integer().notNull(),
    currency: currency(),
    amountMinor: amountMinor(),
    approachingPercent: smallint().notNull().default(80),
    source: text().notNull(),
    updatedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.taxYear, t.currency] }),
    currencyCheck("tax_thresholds_currency", t.currency),
    check("tax_thresholds_amount_positive", sql`${t.amountMinor} > 0`),
    check("tax_thresholds_year", sql`${t.taxYear} BETWEEN 2000 AND 2200`),
    check("tax_thresholds_approaching", sql`${t.approachingPercent} BETWEEN 1 AND 100`),
  ],
);

/** What happens when a participant's reportable total from a payer reaches the threshold without a TIN on file. */
export const taxPolicy = pgEnum("tax_policy", ["warn", "hold_claims"]);

/** A payer's policy; a client with no row warns. */
export const clientTaxPolicies = pgTable("client_tax_policies", {
  clientId: text()
    .primaryKey()
    .references(() => clients.id, { onDelete: "cascade" }),
  policy: taxPolicy().notNull(),
  updatedBy: text().references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

export const tinKind = pgEnum("tin_kind", ["ssn", "itin", "ein"]);

/**
 * A participant's taxpayer details (W-9 style), given by the participant or a caregiver. The TIN is stored only
 * sealed (core/sealing.ts, key PAYOUT_ENCRYPTION_KEY, bound to the participant id) next to its last four digits;
 * the API never returns it whole.
 */
export const taxpayerDetails = pgTable("taxpayer_details", {
  participantId: text()
    .primaryKey()
    .references(() => participants.id, { onDelete: "cascade" }),
  tinKind: tinKind().notNull(),
  tinSealed: bytea().notNull(),
  tinLast4: text().notNull(),
  legalName: text().notNull(),
  addressId: text().references(() => addresses.id, { onDelete: "set null" }),
  certifiedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  certifiedBy: text().references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * A claim held because the participant crossed a payer's threshold without a TIN under the hold_claims policy.
 * Released (releasedAt set, the payment claimed) in the transaction that records the taxpayer details.
 */
export const claimHolds = pgTable("claim_holds", {
  paymentId: text()
    .primaryKey()
    .references(() => payments.id, { onDelete: "cascade" }),
  heldAt: createdAt(),
  heldBy: text().references(() => users.id, { onDelete: "set null" }),
  releasedAt: timestamp({ withTimezone: true, precision: 3 }),
});

/**
 * Every payment that reached its participant (claimed or paid), classified for tax: reportable income (milestone
 * and manual payments, mileage beyond distance × the rate kept on it, reimbursements without a receipt) or not (a
 * reimbursement with a receipt, mileage within that rate). A view,
 * not a stored flag, so the classification cannot drift from the payments. Its tax year is the UTC calendar year
 * of the claim (the moment the money was released to the participant). Written by hand in the migration.
 */
export const paymentTaxLines = pgView("payment_tax_lines", {
  paymentId: text().notNull(),
  participantId: text().notNull(),
  clientId: text().notNull(),
  contractId: text().notNull(),
  currency: currency(),
  kind: text().notNull(),
  status: text().notNull(),
  claimedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  taxYear: integer().notNull(),
  amountMinor: bigint({ mode: "bigint" }).notNull(),
  reportableMinor: bigint({ mode: "bigint" }).notNull(),
  nonReportableMinor: bigint({ mode: "bigint" }).notNull(),
}).existing();
