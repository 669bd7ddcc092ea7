import { desc, inArray } from "drizzle-orm";
import { auditEntries } from "../../db/schema/index.js";
import { UserRef } from "../accounts/types.js";
import { builder } from "../builder.js";

type AuditEntry = typeof auditEntries.$inferSelect;

const AuditChangeRef = builder
  .objectRef<{ field: string; from: unknown; to: unknown }>("AuditChange")
  .implement({
    description: "One field's change; values are JSON.",
    fields: (t) => ({
      field: t.exposeString("field"),
      from: t.string({ nullable: true, resolve: (c) => (c.from == null ? null : JSON.stringify(c.from)) }),
      to: t.string({ nullable: true, resolve: (c) => (c.to == null ? null : JSON.stringify(c.to)) }),
    }),
  });

export const AuditEntryRef = builder.objectRef<AuditEntry>("AuditEntry").implement({
  description: "A change to an object: who made it (and as whom, after switch user), what changed, when.",
  fields: (t) => ({
    action: t.exposeString("action"),
    actorName: t.string({
      nullable: true,
      description: "The person who made the change (null for the system).",
      resolve: async (entry, _args, ctx) => {
        if (!entry.actorUserId) return null;
        const user = await UserRef.getDataloader(ctx).load(entry.actorUserId);
        return `${user.firstName} ${user.lastName}`;
      },
    }),
    actingAsName: t.string({
      nullable: true,
      description: "Whom the actor was acting as, when an admin had switched user.",
      resolve: async (entry, _args, ctx) => {
        if (!entry.actingAsUserId) return null;
        const user = await UserRef.getDataloader(ctx).load(entry.actingAsUserId);
        return `${user.firstName} ${user.lastName}`;
      },
    }),
    changes: t.field({
      type: [AuditChangeRef],
      resolve: (entry) => Object.entries(entry.changes).map(([field, c]) => ({ field, ...c })),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const HISTORY_LIMIT = 100;

/**
 * Adds `auditHistory` (newest first, the latest 100) to an object type whose rows have an `id`. One statement
 * loads the history of every object in a response.
 */
export function addAuditHistory(ref: Parameters<typeof builder.objectField>[0]) {
  builder.objectField(ref, "auditHistory", (t) =>
    t.loadableList({
      type: AuditEntryRef,
      description: `Changes to this object, newest first (at most ${HISTORY_LIMIT}).`,
      load: async (ids: string[], ctx) => {
        const rows = await ctx.db
          .select()
          .from(auditEntries)
          .where(inArray(auditEntries.resourceId, ids))
          .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id));
        const byResource = new Map<string, AuditEntry[]>(ids.map((id) => [id, []]));
        for (const row of rows) {
          const history = byResource.get(row.resourceId);
          if (history && history.length < HISTORY_LIMIT) history.push(row);
        }
        return ids.map((id) => byResource.get(id) ?? []);
      },
      resolve: (parent) => (parent as { id: string }).id,
    }),
  );
}
