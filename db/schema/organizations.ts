import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
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
  ],
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
