import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { amountMinor, createdAt, currency, currencyCheck, id, updatedAt } from "./columns.js";
import { contracts, sites } from "./organizations.js";

/** The unit a trial's mileage rate and a mileage payment's distance are in. */
export const distanceUnit = pgEnum("distance_unit", ["mile", "km"]);

export const trialStatus = pgEnum("trial_status", ["draft", "live", "paused", "closed"]);
export const trialPhase = pgEnum("trial_phase", [
  "early_phase_1",
  "phase_1",
  "phase_1_2",
  "phase_2",
  "phase_2_3",
  "phase_3",
  "phase_4",
  "not_applicable",
]);
export const irbStatus = pgEnum("irb_status", [
  "not_submitted",
  "submitted",
  "approved",
  "rejected",
  "expired",
]);

export const trials = pgTable(
  "trials",
  {
    id: id(),
    contractId: text()
      .notNull()
      .references(() => contracts.id, { onDelete: "restrict" }),
    name: text().notNull(),
    protocolId: text().notNull().unique(),
    status: trialStatus().notNull().default("draft"),
    phase: trialPhase(),
    irbStatus: irbStatus().notNull().default("not_submitted"),
    /** A sandbox trial (demo or test data): the only trials sandbox API credentials reach. */
    sandbox: boolean().notNull().default(false),
    /**
     * The mileage rate, in minor units of the trial's contract currency per mileageRateUnit: mileage within it
     * (distance × rate) is a reimbursement, not reportable income. Both or neither.
     */
    mileageRateMinor: bigint({ mode: "bigint" }),
    mileageRateUnit: distanceUnit(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("trials_contract_idx").on(t.contractId),
    check(
      "trials_mileage_rate",
      sql`(${t.mileageRateMinor} IS NULL) = (${t.mileageRateUnit} IS NULL) AND (${t.mileageRateMinor} IS NULL OR ${t.mileageRateMinor} > 0)`,
    ),
  ],
);

/**
 * A site taking part in a trial. Deleting a trial removes its trial sites, which enrollments restrict, so a
 * trial with enrollments cannot be deleted; a site in any trial cannot be deleted either.
 */
export const trialSites = pgTable(
  "trial_sites",
  {
    id: id(),
    trialId: text()
      .notNull()
      .references(() => trials.id, { onDelete: "cascade" }),
    siteId: text()
      .notNull()
      .references(() => sites.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("trial_sites_trial_site_key").on(t.trialId, t.siteId),
    unique("trial_sites_id_trial_key").on(t.id, t.trialId),
    index("trial_sites_site_idx").on(t.siteId),
  ],
);

/** A line of a trial site's IRB-approved payment schedule ("Week 1"); its amount lives in versions. */
export const milestones = pgTable(
  "milestones",
  {
    id: id(),
    trialSiteId: text()
      .notNull()
      .references(() => trialSites.id, { onDelete: "cascade" }),
    name: text().notNull(),
    sortOrder: integer().notNull().default(0),
    /** Most milestones are paid once per enrollment; some studies pay one more than once. */
    repeatable: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [unique("milestones_trial_site_name_key").on(t.trialSiteId, t.name)],
);

/** The amount of a milestone from `effectiveAt` on; a payment uses the latest version in effect. */
export const milestoneVersions = pgTable(
  "milestone_versions",
  {
    id: id(),
    milestoneId: text()
      .notNull()
      .references(() => milestones.id, { onDelete: "cascade" }),
    amountMinor: amountMinor(),
    currency: currency(),
    effectiveAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("milestone_versions_effective_key").on(t.milestoneId, t.effectiveAt),
    check("milestone_versions_amount_positive", sql`${t.amountMinor} > 0`),
    currencyCheck("milestone_versions_currency_iso", t.currency),
  ],
);

/** Trial-specific expense categories; once a trial has any, they replace the default list. */
export const expenseCategories = pgTable(
  "expense_categories",
  {
    id: id(),
    trialId: text()
      .notNull()
      .references(() => trials.id, { onDelete: "cascade" }),
    name: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("expense_categories_trial_name_key").on(t.trialId, t.name)],
);
