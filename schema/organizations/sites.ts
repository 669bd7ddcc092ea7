import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { participants, sites, trialSites } from "../../db/schema/index.js";
import { applyAddress, changeAddress, dropAddress } from "../accounts/addresses.js";
import { type Actor, changesBetween, createdChanges, recordAudit } from "../core/audit.js";
import { conflict, notFound, onViolation, PG_FOREIGN_KEY_VIOLATION, parseInput } from "../core/errors.js";
import * as rules from "./inputs.js";
import type { Site } from "./refs.js";

/** Locks a site for a change; NOT_FOUND when it is gone. */
async function lockSite(tx: Executor, siteId: string): Promise<Site> {
  const [site] = await tx.select().from(sites).where(eq(sites.id, siteId)).for("update");
  if (!site) throw notFound("Site");
  return site;
}

export async function createSite(tx: Executor, actor: Actor, clientId: string, raw: unknown): Promise<Site> {
  const input = parseInput(rules.createSite, raw);
  const { address, ...fields } = input;
  const addressId = await applyAddress(tx, null, address);
  const [site] = (await onViolation(
    () =>
      tx
        .insert(sites)
        .values({ ...fields, clientId, addressId })
        .returning(),
    {
      code: PG_FOREIGN_KEY_VIOLATION,
      error: () => notFound("Client"), // deleted meanwhile
    },
  )) as [Site];
  await recordAudit(tx, actor, {
    action: "create_site",
    resourceType: "site",
    resourceId: site.id,
    changes: createdChanges({
      clientId,
      name: site.name,
      phone: site.phone,
      timeZone: site.timeZone,
      address,
    }),
  });
  return site;
}

/** Changes a site's details (undefined keeps a field; a null address removes it). */
export async function editSite(tx: Executor, actor: Actor, siteId: string, input: unknown): Promise<Site> {
  const patch = parseInput(rules.editSite, input);
  const before = await lockSite(tx, siteId);
  const { address, ...fields } = patch;
  const { addressId, changes: addressChanges } = await changeAddress(tx, before.addressId, address);
  const [site] = await tx
    .update(sites)
    .set({ ...fields, addressId })
    .where(eq(sites.id, siteId))
    .returning();
  if (addressId !== before.addressId) await dropAddress(tx, before.addressId);
  await recordAudit(tx, actor, {
    action: "edit_site",
    resourceType: "site",
    resourceId: siteId,
    changes: {
      ...changesBetween(before, fields),
      ...addressChanges,
    },
  });
  return site!;
}

/** Deletes a site that takes part in no trial and is no participant's home site (the database restricts both). */
export async function deleteSite(tx: Executor, actor: Actor, siteId: string): Promise<Site> {
  const site = await lockSite(tx, siteId);
  const [uses] = await tx.execute<{ trials: boolean; participants: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM ${trialSites} WHERE site_id = ${siteId}) AS trials,
           EXISTS (SELECT 1 FROM ${participants} WHERE home_site_id = ${siteId}) AS participants`);
  if (uses?.trials) throw conflict("This site takes part in a trial; it cannot be deleted.");
  if (uses?.participants) throw conflict("This site is the home site of participants; it cannot be deleted.");
  await onViolation(() => tx.delete(sites).where(eq(sites.id, siteId)), {
    code: PG_FOREIGN_KEY_VIOLATION,
    error: () => conflict("This site takes part in a trial or has participants; it cannot be deleted."),
  });
  await dropAddress(tx, site.addressId);
  await recordAudit(tx, actor, {
    action: "delete_site",
    resourceType: "site",
    resourceId: siteId,
    changes: { name: { from: site.name, to: null } },
  });
  return site;
}
