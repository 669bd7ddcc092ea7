import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { addresses, bytea, users } from "./accounts.js";
import { createdAt, id, updatedAt } from "./columns.js";
import { sites } from "./organizations.js";
import { milestones, trialSites } from "./trials.js";

/** A participant's health-adjacent profile; name, e-mail, phone and address live on their user. */
export const participants = pgTable(
  "participants",
  {
    id: id(),
    userId: text()
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: "restrict" }),
    homeSiteId: text()
      .notNull()
      .references(() => sites.id, { onDelete: "restrict" }),
    /** The trial site whose staff registered them (addParticipant with a trial), who may see them through it. */
    registeredTrialSiteId: text().references(() => trialSites.id, { onDelete: "restrict" }),
    dateOfBirth: date(),
    emergencyContact: text(),
    emergencyPhone: text(),
    timeZone: text().notNull().default("America/New_York"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("participants_home_site_idx").on(t.homeSiteId),
    index("participants_registered_trial_site_idx").on(t.registeredTrialSiteId),
  ],
);

export const caregiverRelationship = pgEnum("caregiver_relationship", ["parent", "guardian", "nurse"]);

/** A caregiver is a user who may act for one participant. */
export const caregivers = pgTable(
  "caregivers",
  {
    id: id(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    participantId: text()
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    relationship: caregiverRelationship().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("caregivers_user_participant_key").on(t.userId, t.participantId),
    index("caregivers_participant_idx").on(t.participantId),
  ],
);

export const enrollmentStatus = pgEnum("enrollment_status", ["enrolled", "dropped", "completed"]);

/** A participant in a trial at a site. `trialId` repeats the trial site's so subject ids are unique per trial. */
export const enrollments = pgTable(
  "enrollments",
  {
    id: id(),
    participantId: text()
      .notNull()
      .references(() => participants.id, { onDelete: "restrict" }),
    trialSiteId: text().notNull(),
    trialId: text().notNull(),
    subjectId: text().notNull(),
    status: enrollmentStatus().notNull().default("enrolled"),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "enrollments_trial_site_fk",
      columns: [t.trialSiteId, t.trialId],
      foreignColumns: [trialSites.id, trialSites.trialId],
    }).onDelete("restrict"),
    unique("enrollments_trial_subject_key").on(t.trialId, t.subjectId),
    unique("enrollments_participant_trial_key").on(t.participantId, t.trialId),
    index("enrollments_trial_site_idx").on(t.trialSiteId),
  ],
);

export const paymentTypeCode = pgEnum("payment_type_code", [
  "bank_account",
  "paypal",
  "venmo",
  "check",
  "debit_card",
]);

/** The ways a participant can be paid; rows are reference data written by a migration. */
export const paymentTypes = pgTable("payment_types", {
  code: paymentTypeCode().primaryKey(),
  name: text().notNull(),
  description: text().notNull(),
});

/**
 * How an enrollment's money is paid out. Each type needs its own details (checked below); account and card
 * numbers are stored encrypted with only the last four digits readable.
 */
export const payoutMethods = pgTable(
  "payout_methods",
  {
    id: id(),
    enrollmentId: text()
      .notNull()
      .unique()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    paymentType: paymentTypeCode()
      .notNull()
      .references(() => paymentTypes.code),
    email: text(),
    phone: text(),
    addressId: text().references(() => addresses.id, { onDelete: "set null" }),
    accountHolder: text(),
    routingNumber: text(),
    accountNumberEncrypted: bytea(),
    accountLast4: text(),
    updatedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "payout_methods_details_per_type",
      sql`CASE ${t.paymentType}
        WHEN 'paypal' THEN ${t.email} IS NOT NULL
        WHEN 'venmo' THEN ${t.phone} IS NOT NULL
        WHEN 'check' THEN ${t.addressId} IS NOT NULL
        WHEN 'bank_account' THEN ${t.routingNumber} IS NOT NULL AND ${t.accountNumberEncrypted} IS NOT NULL AND ${t.accountLast4} IS NOT NULL
        WHEN 'debit_card' THEN ${t.accountNumberEncrypted} IS NOT NULL AND ${t.accountLast4} IS NOT NULL
      END`,
    ),
  ],
);

export const appointmentStatus = pgEnum("appointment_status", [
  "scheduled",
  "attended",
  "missed",
  "cancelled",
]);

export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    enrollmentId: text()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    milestoneId: text().references(() => milestones.id, { onDelete: "set null" }),
    scheduledAt: timestamp({ withTimezone: true }).notNull(),
    timeZone: text().notNull(),
    description: text(),
    status: appointmentStatus().notNull().default("scheduled"),
    statusChangedBy: text().references(() => users.id, { onDelete: "set null" }),
    statusChangedAt: timestamp({ withTimezone: true }),
    reminderSentAt: timestamp({ withTimezone: true }),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("appointments_enrollment_idx").on(t.enrollmentId, t.scheduledAt)],
);
