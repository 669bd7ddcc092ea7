import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { addresses, bytea, users } from "./accounts.js";
import { amountMinor, createdAt, currency, currencyCheck, id, updatedAt } from "./columns.js";

export const clients = pgTable("clients", {
  id: id(),
  name: text().notNull(),
  salesContact: text(),
  taxId: text(),
  contactName: text(),
  contactPhone: text(),
  contactEmail: text(),
  addressId: text().references(() => addresses.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * A contract holds the client's fiduciary funding. `depositedMinor` and `committedMinor` are running totals
 * of the ledgers (funding_deposits, payments) kept in the same transaction as each entry; the check makes
 * overdrawing impossible whatever the concurrency, because every change to them locks this row.
 * A low-balance threshold is either a fixed amount (`lowBalanceMinor`) or a percentage of the deposits
 * (`lowBalancePercent`); `lowBalanceSince` is set, under that same row lock, when remaining funding falls below it
 * and cleared when it rises back to it, so each crossing alerts once.
 */
export const contracts = pgTable(
  "contracts",
  {
    id: id(),
    clientId: text()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    name: text().notNull(),
    clientSignatureDate: date(),
    startDate: date(),
    endDate: date(),
    totalValueMinor: amountMinor().default(sql`0`),
    currency: currency(),
    depositedMinor: amountMinor().default(sql`0`),
    committedMinor: amountMinor().default(sql`0`),
    lowBalanceMinor: bigint({ mode: "bigint" }),
    lowBalancePercent: numeric({ precision: 5, scale: 2 }),
    lowBalanceSince: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("contracts_client_idx").on(t.clientId),
    unique("contracts_id_currency_key").on(t.id, t.currency),
    currencyCheck("contracts_currency_iso", t.currency),
    check(
      "contracts_dates_ordered",
      sql`${t.endDate} IS NULL OR ${t.startDate} IS NULL OR ${t.endDate} >= ${t.startDate}`,
    ),
    check("contracts_total_value_nonnegative", sql`${t.totalValueMinor} >= 0`),
    check(
      "contracts_never_overdrawn",
      sql`${t.committedMinor} >= 0 AND ${t.committedMinor} <= ${t.depositedMinor}`,
    ),
    check(
      "contracts_low_balance_threshold",
      sql`num_nonnulls(${t.lowBalanceMinor}, ${t.lowBalancePercent}) <= 1 AND ${t.lowBalanceMinor} > 0 IS NOT FALSE
        AND ${t.lowBalancePercent} > 0 IS NOT FALSE AND ${t.lowBalancePercent} < 100 IS NOT FALSE`,
    ),
  ],
);

/** Users who asked to be told when a contract's funding runs low (they also need view_contract when told). */
export const contractFundingWatchers = pgTable(
  "contract_funding_watchers",
  {
    contractId: text()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.userId] }),
    index("contract_funding_watchers_user_idx").on(t.userId),
  ],
);

/** One row per crossing of a contract's low-balance threshold: what remained and what the threshold was. */
export const fundingAlerts = pgTable(
  "funding_alerts",
  {
    id: id(),
    contractId: text()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    remainingMinor: amountMinor(),
    thresholdMinor: amountMinor(),
    currency: currency(),
    /** How many watchers were e-mailed. */
    notified: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("funding_alerts_contract_idx").on(t.contractId, t.createdAt)],
);

/** Signed contract PDFs, kept in PostgreSQL so every server process can serve them. */
export const contractDocuments = pgTable(
  "contract_documents",
  {
    id: id(),
    contractId: text()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    filename: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    data: bytea().notNull(),
    uploadedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("contract_documents_contract_idx").on(t.contractId),
    check("contract_documents_size_positive", sql`${t.sizeBytes} > 0`),
  ],
);

/** The funding ledger: deposits are appended, never edited. A funded contract cannot be deleted (restrict). */
export const fundingDeposits = pgTable(
  "funding_deposits",
  {
    id: id(),
    contractId: text().notNull(),
    amountMinor: amountMinor(),
    currency: currency(),
    note: text(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "funding_deposits_contract_currency_fk",
      columns: [t.contractId, t.currency],
      foreignColumns: [contracts.id, contracts.currency],
    }).onDelete("restrict"),
    index("funding_deposits_contract_idx").on(t.contractId),
    check("funding_deposits_amount_positive", sql`${t.amountMinor} > 0`),
  ],
);

export const sites = pgTable(
  "sites",
  {
    id: id(),
    clientId: text()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    name: text().notNull(),
    addressId: text().references(() => addresses.id, { onDelete: "set null" }),
    /** The number participants call. */
    phone: text(),
    timeZone: text().notNull().default("America/New_York"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("sites_client_idx").on(t.clientId)],
);
