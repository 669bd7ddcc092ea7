import type { Executor } from "../../db/connection.js";
import { type AuditChanges, auditEntries } from "../../db/schema/index.js";

/** Who is acting: the logged-in user, and whom they are acting as after switch user. */
export interface Actor {
  realUserId: string | null;
  userId: string | null;
  requestId?: string;
}

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId: string;
  changes?: AuditChanges;
}

/** Whom the actor is acting as after switch user (null when they act as themselves), as their entries record it. */
export const actingAsOf = (actor: Actor) => (actor.userId !== actor.realUserId ? actor.userId : null);

/**
 * The insert of audit entries, not yet run (a drizzle query runs when awaited): recordAudit runs it; a business
 * rule writing many rows at once may run it inside a statement of its own.
 */
export const auditInsert = (tx: Executor, actor: Actor, entries: AuditEntry[]) =>
  tx.insert(auditEntries).values(
    entries.map((entry) => ({
      actorUserId: actor.realUserId,
      actingAsUserId: actingAsOf(actor),
      requestId: actor.requestId,
      changes: {},
      ...entry,
    })),
  );

export async function recordAudit(tx: Executor, actor: Actor, entry: AuditEntry) {
  await auditInsert(tx, actor, [entry]);
}

/** The audit changes of a new object: each field given a value, from null to it. */
export function createdChanges(values: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, to] of Object.entries(values)) if (to != null) changes[field] = { from: null, to };
  return changes;
}

/** The fields of `patch` whose value differs from `before`, as from → to pairs. */
export function changesBetween<T extends Record<string, unknown>>(
  before: T,
  patch: Partial<T>,
): AuditChanges {
  const changes: AuditChanges = {};
  for (const [key, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = before[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to };
  }
  return changes;
}
