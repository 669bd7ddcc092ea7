import { desc, inArray, sql } from "drizzle-orm";
import { auditEntries } from "../../db/schema/index.js";
import { UserRef } from "../accounts/types.js";
import { builder } from "../core/builder.js";

type AuditEntry = typeof auditEntries.$inferSelect;

const AuditChangeRef = builder
  .objectRef<{ field: string; from: unknown; to: unknown }>("AuditChange")
  .implement({
    description: "One field's change, from its old value to its new one.",
    fields: (t) => ({
      field: t.exposeString("field", { description: "The field that changed, e.g. name or status." }),
      from: t.field({
        type: "JSON",
        nullable: true,
        description:
          "The value before the change (null when there was none), as JSON: a string, number, object…",
        resolve: (c) => c.from ?? null,
      }),
      to: t.field({
        type: "JSON",
        nullable: true,
        description: "The value after the change (null when it was removed), as JSON.",
        resolve: (c) => c.to ?? null,
      }),
    }),
  });

export const AuditEntryRef = builder.objectRef<AuditEntry>("AuditEntry").implement({
  description: "A change to an object: who made it (and as whom, after switch user), what changed, when.",
  fields: (t) => ({
    action: t.exposeString("action", {
      description: "What was done, in snake_case, e.g. edit_client or approve_payment.",
    }),
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
      description:
        "Each field changed, from old to new (empty when the action changed no field, e.g. a log-in).",
      resolve: (entry) => Object.entries(entry.changes).map(([field, c]) => ({ field, ...c })),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it happened." }),
  }),
});

const HISTORY_LIMIT = 100;

/**
 * Adds `auditHistory` (newest first, the latest 100) to an object type whose rows have an `id`. One statement
 * loads the history of every object in a response. Who may read it is the field's rule in the area's
 * permissions.ts; `description` says who that is.
 */
export function addAuditHistory(
  ref: Parameters<typeof builder.objectField>[0],
  options: { description?: string } = {},
) {
  builder.objectField(ref, "auditHistory", (t) =>
    t.loadableList({
      type: AuditEntryRef,
      description: `Changes to this object, newest first (at most ${HISTORY_LIMIT}).${options.description ? ` ${options.description}` : ""}`,
      load: async (ids: string[], ctx) => {
        // The newest HISTORY_LIMIT entries of each object, cut in SQL so a long history is not read whole.
        const ranked = ctx.db
          .select({
            id: auditEntries.id,
            rank: sql<number>`row_number() OVER (PARTITION BY ${auditEntries.resourceId} ORDER BY ${auditEntries.createdAt} DESC, ${auditEntries.id} DESC)`.as(
              "rank",
            ),
          })
          .from(auditEntries)
          .where(inArray(auditEntries.resourceId, ids))
          .as("ranked");
        const newest = ctx.db
          .select({ id: ranked.id })
          .from(ranked)
          .where(sql`${ranked.rank} <= ${HISTORY_LIMIT}`);
        const rows = await ctx.db
          .select()
          .from(auditEntries)
          .where(inArray(auditEntries.id, newest))
          .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id));
        const byResource = new Map<string, AuditEntry[]>(ids.map((id) => [id, []]));
        for (const row of rows) byResource.get(row.resourceId)?.push(row);
        return ids.map((id) => byResource.get(id) ?? []);
      },
      resolve: (parent) => (parent as { id: string }).id,
    }),
  );
}
