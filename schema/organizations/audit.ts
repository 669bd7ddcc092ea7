import type { AuditChanges } from "../../db/schema/index.js";

/** The audit changes of a new object: each field given a value, from null to it. */
export function created(values: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, to] of Object.entries(values)) if (to != null) changes[field] = { from: null, to };
  return changes;
}
