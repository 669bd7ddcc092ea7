import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { clients, contracts, sites } from "../../db/schema/index.js";
import { applyAddress, changeAddress, dropAddress } from "../accounts/addresses.js";
import { type Actor, changesBetween, createdChanges, recordAudit } from "../core/audit.js";
import { conflict, notFound, onViolation, PG_FOREIGN_KEY_VIOLATION, parseInput } from "../core/errors.js";
import * as rules from "./inputs.js";
import type { Client } from "./refs.js";

/** Locks a client for a change; NOT_FOUND when it is gone. */
async function lockClient(tx: Executor, clientId: string): Promise<Client> {
  const [client] = await tx.select().from(clients).where(eq(clients.id, clientId)).for("update");
  if (!client) throw notFound("Client");
  return client;
}

export async function createClient(tx: Executor, actor: Actor, input: unknown): Promise<Client> {
  const { address, ...fields } = parseInput(rules.createClient, input);
  const addressId = await applyAddress(tx, null, address);
  const [client] = await tx
    .insert(clients)
    .values({ ...fields, addressId })
    .returning();
  await recordAudit(tx, actor, {
    action: "create_client",
    resourceType: "client",
    resourceId: client!.id,
    changes: createdChanges({ ...fields, address }),
  });
  return client!;
}

/** Changes a client's details (undefined keeps a field, null clears an optional one). */
export async function editClient(
  tx: Executor,
  actor: Actor,
  clientId: string,
  input: unknown,
): Promise<Client> {
  const patch = parseInput(rules.editClient, input);
  const before = await lockClient(tx, clientId);
  const { address, ...fields } = patch;
  const { addressId, changes: addressChanges } = await changeAddress(tx, before.addressId, address);
  const [client] = await tx
    .update(clients)
    .set({ ...fields, addressId })
    .where(eq(clients.id, clientId))
    .returning();
  if (addressId !== before.addressId) await dropAddress(tx, before.addressId);
  const changes = {
    ...changesBetween(before, fields),
    ...addressChanges,
  };
  await recordAudit(tx, actor, {
    action: "edit_client",
    resourceType: "client",
    resourceId: clientId,
    changes,
  });
  return client!;
}

/** Deletes a client that has no contracts and no sites (the database restricts it too). */
export async function deleteClient(tx: Executor, actor: Actor, clientId: string): Promise<Client> {
  const client = await lockClient(tx, clientId);
  const [uses] = await tx.execute<{ contracts: boolean; sites: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM ${contracts} WHERE client_id = ${clientId}) AS contracts,
           EXISTS (SELECT 1 FROM ${sites} WHERE client_id = ${clientId}) AS sites`);
  if (uses?.contracts) throw conflict("This client has contracts; it cannot be deleted.");
  if (uses?.sites) throw conflict("This client has sites; delete them first.");
  await onViolation(() => tx.delete(clients).where(eq(clients.id, clientId)), {
    code: PG_FOREIGN_KEY_VIOLATION,
    error: () => conflict("This client has contracts or sites; it cannot be deleted."),
  });
  await dropAddress(tx, client.addressId);
  await recordAudit(tx, actor, {
    action: "delete_client",
    resourceType: "client",
    resourceId: clientId,
    changes: { name: { from: client.name, to: null } },
  });
  return client;
}
