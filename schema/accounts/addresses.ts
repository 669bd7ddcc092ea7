import { eq } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { type AuditChanges, addresses } from "../../db/schema/index.js";
import { changesBetween } from "../core/audit.js";
import type { AddressInput } from "./inputs.js";

/** Postal addresses, owned by a user, client, site or participant: one row each, never shared. */
export async function insertAddress(tx: Executor, input: AddressInput) {
  const [row] = await tx.insert(addresses).values(input).returning({ id: addresses.id });
  return row!.id;
}

export type AddressValue = Omit<typeof addresses.$inferSelect, "id" | "createdAt" | "updatedAt">;

/** An address as it appears in audit entries (no ids or timestamps), or null. */
export async function addressForAudit(tx: Executor, id: string | null): Promise<AddressValue | null> {
  if (!id) return null;
  const row = await tx.query.addresses.findFirst({ where: eq(addresses.id, id) });
  if (!row) return null;
  const { id: _id, createdAt: _c, updatedAt: _u, ...value } = row;
  return value;
}

/**
 * Applies an address change to an object owning its address row: undefined keeps it, null removes it, a value
 * updates it in place (or creates it). Returns the address id the object should point at.
 */
export async function applyAddress(
  tx: Executor,
  currentId: string | null,
  input: AddressInput | null | undefined,
): Promise<string | null> {
  if (input === undefined) return currentId;
  if (input === null) return null;
  if (!currentId) return insertAddress(tx, input);
  await tx.update(addresses).set(input).where(eq(addresses.id, currentId));
  return currentId;
}

/**
 * Applies an address change (as applyAddress) and returns the address id the owner should point at, with the
 * audit change of its `address` (none when it stays the same). Once the owner points away from its old row, the
 * caller drops it (dropAddress).
 */
export async function changeAddress(
  tx: Executor,
  currentId: string | null,
  input: AddressInput | null | undefined,
): Promise<{ addressId: string | null; changes: AuditChanges }> {
  const from = await addressForAudit(tx, currentId);
  const addressId = await applyAddress(tx, currentId, input);
  const to = await addressForAudit(tx, addressId);
  return { addressId, changes: changesBetween({ address: from }, { address: to }) };
}

/** Deletes an address row no longer referenced (after its owner pointed away from it or was deleted). */
export async function dropAddress(tx: Executor, id: string | null) {
  if (id) await tx.delete(addresses).where(eq(addresses.id, id));
}
