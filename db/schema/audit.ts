import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, id } from "./columns.js";

export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/**
 * Who did what to which object, when, and as whom (after switch user). A trigger in the migrations refuses
 * UPDATE and DELETE: audit rows are append-only.
 */
export const auditEntries = pgTable(
  "audit_entries",
  {
    id: id(),
    actorUserId: text().references(() => users.id, { onDelete: "set null" }),
    actingAsUserId: text().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    resourceType: text().notNull(),
    resourceId: text().notNull(),
    changes: jsonb().$type<AuditChanges>().notNull().default({}),
    requestId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_entries_resource_idx").on(t.resourceId, t.createdAt),
    index("audit_entries_actor_idx").on(t.actorUserId, t.createdAt),
  ],
);
