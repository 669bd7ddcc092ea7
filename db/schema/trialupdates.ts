import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { bytea, users } from "./accounts.js";
import { apiClients } from "./apiaccess.js";
import { createdAt, id } from "./columns.js";
import { irbStatus, trialSites, trials } from "./trials.js";

/** What sponsors push about their trials (seed 000): site recruitment status, recruitment notes, IRB documents. */

export const recruitmentStatus = pgEnum("recruitment_status", [
  "not_started",
  "recruiting",
  "paused",
  "closed_to_enrollment",
  "completed",
]);

/**
 * A trial site's recruitment status, once someone set it (a trial site without a row has not started). Who set it
 * is a person or an API client, never both; each change is in the audit trail.
 */
export const trialSiteRecruitment = pgTable(
  "trial_site_recruitment",
  {
    trialSiteId: text()
      .primaryKey()
      .references(() => trialSites.id, { onDelete: "cascade" }),
    status: recruitmentStatus().notNull(),
    changedByUserId: text().references(() => users.id, { onDelete: "set null" }),
    changedByApiClientId: text().references(() => apiClients.id, { onDelete: "set null" }),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "trial_site_recruitment_one_author",
      sql`${t.changedByUserId} IS NULL OR ${t.changedByApiClientId} IS NULL`,
    ),
  ],
);

/** Notes on a trial site's recruitment, appended by staff or API clients; a trigger keeps them unchanged. */
export const recruitmentNotes = pgTable(
  "recruitment_notes",
  {
    id: id(),
    trialSiteId: text()
      .notNull()
      .references(() => trialSites.id, { onDelete: "cascade" }),
    text: text().notNull(),
    authorUserId: text().references(() => users.id, { onDelete: "set null" }),
    authorApiClientId: text().references(() => apiClients.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("recruitment_notes_trial_site_idx").on(t.trialSiteId, t.createdAt),
    check("recruitment_notes_one_author", sql`${t.authorUserId} IS NULL OR ${t.authorApiClientId} IS NULL`),
  ],
);

/**
 * Every version of a trial's IRB documents (approval letters, protocol approvals), numbered 1, 2, … per trial; a
 * new upload never replaces an old one. `irbStatus` is the trial's IRB status set with the upload, if any.
 */
export const irbDocuments = pgTable(
  "irb_documents",
  {
    id: id(),
    trialId: text()
      .notNull()
      .references(() => trials.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    filename: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    irbStatus: irbStatus(),
    uploadedByUserId: text().references(() => users.id, { onDelete: "set null" }),
    uploadedByApiClientId: text().references(() => apiClients.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("irb_documents_trial_version_key").on(t.trialId, t.version),
    check("irb_documents_version_positive", sql`${t.version} > 0`),
    check("irb_documents_size_positive", sql`${t.sizeBytes} > 0`),
    check(
      "irb_documents_one_uploader",
      sql`${t.uploadedByUserId} IS NULL OR ${t.uploadedByApiClientId} IS NULL`,
    ),
  ],
);

/** An IRB document version's bytes, apart so that listing versions never reads them. */
export const irbDocumentFiles = pgTable("irb_document_files", {
  documentId: text()
    .primaryKey()
    .references(() => irbDocuments.id, { onDelete: "cascade" }),
  data: bytea().notNull(),
});
