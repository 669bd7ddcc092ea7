import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { bytea, users } from "./accounts.js";
import { apiClients } from "./apiaccess.js";
import { createdAt, id } from "./columns.js";

/**
 * Expiring download links for reports, usable only by the one they were made for: a user, or an API client (any of
 * its access tokens).
 */
export const downloadLinks = pgTable(
  "download_links",
  {
    id: id(),
    tokenHash: bytea().notNull().unique(),
    userId: text().references(() => users.id, { onDelete: "cascade" }),
    apiClientId: text().references(() => apiClients.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    subjectId: text().notNull(),
    format: text(),
    /** What the report is narrowed to (a log's filters), as the link's maker gave it; null for none. */
    filters: jsonb().$type<Record<string, string>>(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("download_links_user_idx").on(t.userId),
    index("download_links_api_client_idx").on(t.apiClientId),
    check("download_links_one_owner", sql`num_nonnulls(${t.userId}, ${t.apiClientId}) = 1`),
  ],
);
