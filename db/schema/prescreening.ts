import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, id, updatedAt } from "./columns.js";
import { enrollments, participants } from "./participants.js";
import { trialSites, trials } from "./trials.js";

/**
 * A trial's pre-screening questionnaire (seed 002's "study"): `studyId` is the public identifier partners use
 * (`DEMO3`). Its questions live in versions.
 */
export const questionnaires = pgTable("questionnaires", {
  id: id(),
  trialId: text()
    .notNull()
    .unique()
    .references(() => trials.id, { onDelete: "cascade" }),
  studyId: text().notNull().unique(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const questionnaireVersionStatus = pgEnum("questionnaire_version_status", ["draft", "published"]);

/**
 * One version of a questionnaire: its questions, consents, locales and UI config as one document (validated by
 * the prescreening area). Editing writes the one draft; publishing freezes it (a trigger refuses any change to a
 * published version), and candidates keep the version they started with.
 */
export const questionnaireVersions = pgTable(
  "questionnaire_versions",
  {
    id: id(),
    questionnaireId: text()
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    status: questionnaireVersionStatus().notNull().default("draft"),
    content: jsonb().notNull(),
    publishedAt: timestamp({ withTimezone: true, precision: 3 }),
    publishedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("questionnaire_versions_number_key").on(t.questionnaireId, t.number),
    uniqueIndex("questionnaire_versions_one_draft").on(t.questionnaireId).where(sql`${t.status} = 'draft'`),
  ],
);

/** Whether a trial site recruits candidates, and where it is (to match candidates to it). */
export const recruitingSites = pgTable(
  "recruiting_sites",
  {
    trialSiteId: text()
      .primaryKey()
      .references(() => trialSites.id, { onDelete: "cascade" }),
    recruiting: boolean().notNull().default(false),
    /** ISO 3166-1 alpha-2; null matches candidates of any country. */
    country: text(),
    /** Candidates whose postal code starts with it; null matches any postal code. */
    postalCodePrefix: text(),
    updatedAt: updatedAt(),
  },
  (t) => [check("recruiting_sites_country_iso", sql`${t.country} IS NULL OR ${t.country} ~ '^[A-Z]{2}$'`)],
);

export const candidateStatus = pgEnum("candidate_status", ["in_progress", "dropout", "completed"]);

/**
 * A person pre-screening for a trial, created by a partner (or staff) under the partner's own candidate id:
 * `owner` is who created it ("user:<id>" or "apiClient:<id>"), and (owner, externalId) is unique. PII sits in
 * `pii` and is set to null when data consent is withdrawn; answers and events stay.
 */
export const candidates = pgTable(
  "candidates",
  {
    id: id(),
    trialId: text()
      .notNull()
      .references(() => trials.id, { onDelete: "cascade" }),
    versionId: text()
      .notNull()
      .references(() => questionnaireVersions.id, { onDelete: "restrict" }),
    owner: text().notNull(),
    externalId: text().notNull(),
    referrerToken: text(),
    locale: text().notNull(),
    /**
     * Coarse region for the funnel metrics, never PII: the ISO 3166-1 alpha-2 region of the locale at creation,
     * and the first three characters of the postal code given with the details (null again when they are erased).
     */
    country: text(),
    postalPrefix: text(),
    status: candidateStatus().notNull().default("in_progress"),
    answers: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    eligible: boolean(),
    pii: jsonb().$type<Record<string, string | null>>(),
    consents: jsonb().$type<{ dataConsent: boolean; leadConsent: boolean; lookalikeConsent: boolean }>(),
    preferences: jsonb().$type<Record<string, string | null>>(),
    preferredTrialSiteId: text().references(() => trialSites.id, { onDelete: "set null" }),
    referredTrialSiteId: text().references(() => trialSites.id, { onDelete: "set null" }),
    participantId: text().references(() => participants.id, { onDelete: "set null" }),
    enrollmentId: text().references(() => enrollments.id, { onDelete: "set null" }),
    submittedAt: timestamp({ withTimezone: true, precision: 3 }),
    anonymisedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("candidates_owner_external_key").on(t.owner, t.externalId),
    index("candidates_trial_idx").on(t.trialId),
    index("candidates_referred_idx").on(t.referredTrialSiteId),
    // The funnel metrics read a trial's candidates by start time; the referral log its referrals by time.
    index("candidates_trial_started_idx").on(t.trialId, t.createdAt),
    index("candidates_trial_referral_log_idx")
      .on(t.trialId, t.submittedAt, t.id)
      .where(sql`${t.referredTrialSiteId} IS NOT NULL`),
    check("candidates_country_iso", sql`${t.country} IS NULL OR ${t.country} ~ '^[A-Z]{2}$'`),
    check("candidates_postal_prefix_coarse", sql`char_length(${t.postalPrefix}) <= 3`),
  ],
);

/**
 * The funnel: every step of a candidate with its time (started, answered, eligibility, details, consents,
 * submitted, referred, enrolled, consent withdrawn). Never holds PII; append-only.
 */
export const candidateEvents = pgTable(
  "candidate_events",
  {
    id: id(),
    candidateId: text()
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    trialId: text().notNull(),
    /** The order events happened in (those of one transaction share their created_at). */
    sequence: bigint({ mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("candidate_events_candidate_idx").on(t.candidateId, t.sequence),
    index("candidate_events_trial_idx").on(t.trialId, t.kind),
    // A dropout's last answer, for the metrics' dropout points.
    index("candidate_events_answers_idx").on(t.candidateId, t.sequence).where(sql`${t.kind} = 'answered'`),
  ],
);
