import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { bytea, users } from "./accounts.js";
import { createdAt, id } from "./columns.js";

/** Expiring download links for reports and stored documents, usable only by the user they were made for. */
export const downloadLinks = pgTable(
  "download_links",
  {
    id: id(),
    tokenHash: bytea().notNull().unique(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    subjectId: text().notNull(),
    format: text(),
    /** The tax year of a year-end report; null for other reports. */
    taxYear: integer(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("download_links_user_idx").on(t.userId)],
);
