import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { bytea, users } from "./accounts.js";
import { amountMinor, createdAt, currency, id, updatedAt } from "./columns.js";
import { contracts } from "./organizations.js";
import { appointments, enrollments, paymentTypeCode } from "./participants.js";
import { distanceUnit, milestones, milestoneVersions } from "./trials.js";

export const paymentKind = pgEnum("payment_kind", ["milestone", "mileage", "reimbursement", "manual"]);
export const paymentStatus = pgEnum("payment_status", [
  "pending",
  "unclaimed",
  "claimed",
  "paid",
  "failed",
  "rejected",
]);

/**
 * Money owed to a participant. Its contract and currency are copied from the enrollment's trial so the
 * composite key ties a payment's currency to its contract's funding. A milestone is paid once per enrollment
 * (occurrence 1) unless repeatable, when each payment takes the next occurrence; the unique index holds that
 * under any concurrency.
 */
export const payments = pgTable(
  "payments",
  {
    id: id(),
    enrollmentId: text()
      .notNull()
      .references(() => enrollments.id, { onDelete: "restrict" }),
    contractId: text().notNull(),
    kind: paymentKind().notNull(),
    milestoneId: text().references(() => milestones.id, { onDelete: "restrict" }),
    milestoneVersionId: text().references(() => milestoneVersions.id, { onDelete: "restrict" }),
    milestoneOccurrence: integer(),
    appointmentId: text().references(() => appointments.id, { onDelete: "set null" }),
    /** Mileage: the milestone visit travelled to (a milestone payment's own milestone is milestoneId). */
    visitMilestoneId: text().references(() => milestones.id, { onDelete: "restrict" }),
    amountMinor: amountMinor(),
    currency: currency(),
    /** Mileage: the distance travelled, in mileageRateUnit (the trial's unit when paid), when given. */
    mileageDistance: numeric({ precision: 9, scale: 2 }),
    /**
     * Mileage: the trial's rate when paid (minor units per mileageRateUnit), kept so a later rate change does not
     * reclassify the payment; null when the trial had none.
     */
    mileageRateMinor: bigint({ mode: "bigint" }),
    mileageRateUnit: distanceUnit(),
    category: text(),
    note: text(),
    status: paymentStatus().notNull(),
    rejectionReason: text(),
    payoutType: paymentTypeCode(),
    payoutIdempotencyKey: text().unique(),
    payoutReference: text(),
    failureReason: text(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "payments_contract_currency_fk",
      columns: [t.contractId, t.currency],
      foreignColumns: [contracts.id, contracts.currency],
    }).onDelete("restrict"),
    uniqueIndex("payments_milestone_once_key")
      .on(t.enrollmentId, t.milestoneId, t.milestoneOccurrence)
      .where(sql`${t.milestoneId} IS NOT NULL AND ${t.status} <> 'rejected'`),
    index("payments_enrollment_idx").on(t.enrollmentId, t.createdAt),
    index("payments_status_idx").on(t.status),
    check("payments_amount_positive", sql`${t.amountMinor} > 0`),
    check(
      "payments_mileage_distance",
      sql`${t.mileageDistance} IS NULL OR (${t.kind} = 'mileage' AND ${t.mileageDistance} > 0 AND ${t.mileageDistance} <= 10000)`,
    ),
    check(
      "payments_mileage_rate",
      sql`(${t.mileageRateMinor} IS NULL) = (${t.mileageRateUnit} IS NULL) AND (${t.mileageRateMinor} IS NULL OR (${t.mileageDistance} IS NOT NULL AND ${t.mileageRateMinor} > 0))`,
    ),
    check("payments_visit_milestone_mileage", sql`${t.visitMilestoneId} IS NULL OR ${t.kind} = 'mileage'`),
    check(
      "payments_milestone_fields",
      sql`(${t.kind} = 'milestone') = (${t.milestoneId} IS NOT NULL AND ${t.milestoneVersionId} IS NOT NULL AND ${t.milestoneOccurrence} >= 1)`,
    ),
    check(
      "payments_rejection_has_reason",
      sql`${t.status} <> 'rejected' OR ${t.rejectionReason} IS NOT NULL`,
    ),
  ],
);

/** Every status change of a payment: who (and as whom), when, from what to what. Append-only. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: id(),
    paymentId: text()
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    fromStatus: paymentStatus(),
    toStatus: paymentStatus().notNull(),
    actorUserId: text().references(() => users.id, { onDelete: "set null" }),
    actingAsUserId: text().references(() => users.id, { onDelete: "set null" }),
    reason: text(),
    createdAt: createdAt(),
  },
  (t) => [index("payment_events_payment_idx").on(t.paymentId, t.createdAt)],
);

/** Receipts for reimbursements. */
export const paymentAttachments = pgTable(
  "payment_attachments",
  {
    id: id(),
    paymentId: text()
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    filename: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    data: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("payment_attachments_payment_idx").on(t.paymentId)],
);

/** A participant's 1–10 rating of a paid milestone visit, once per payment. */
export const visitRatings = pgTable(
  "visit_ratings",
  {
    id: id(),
    paymentId: text()
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    enrollmentId: text()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    ratedBy: text().references(() => users.id, { onDelete: "set null" }),
    rating: smallint().notNull(),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("visit_ratings_payment_key").on(t.paymentId),
    check("visit_ratings_range", sql`${t.rating} BETWEEN 1 AND 10`),
  ],
);
