import { randomBytes } from "node:crypto";
import {
  clients,
  contracts,
  grants,
  milestones,
  milestoneVersions,
  sites,
  trialSites,
  trials,
} from "../../db/schema/index.js";
import type { ResourceRef } from "../../schema/core/roles.js";
import type { TestServer } from "./server.js";

// bench/ encodes its ids with this.
export { globalId } from "./ids.js";

/**
 * Test setup, written straight to the database (the features under test are exercised over HTTP): a client with
 * a USD contract, one trial and two sites of the client, both in the trial.
 */
export async function createOrganization(
  server: TestServer,
  name = `Client ${randomBytes(3).toString("hex")}`,
) {
  const db = server.db;
  const [client] = await db.insert(clients).values({ name }).returning();
  const [contract] = await db
    .insert(contracts)
    .values({ clientId: client!.id, name: `${name} contract`, currency: "USD", totalValueMinor: 30_100_000n })
    .returning();
  const [trial] = await db
    .insert(trials)
    .values({
      contractId: contract!.id,
      name: `${name} trial`,
      protocolId: `P-${randomBytes(4).toString("hex")}`,
    })
    .returning();
  const siteRows = await db
    .insert(sites)
    .values([
      { clientId: client!.id, name: `${name} north clinic` },
      { clientId: client!.id, name: `${name} south clinic` },
    ])
    .returning();
  const trialSiteRows = await db
    .insert(trialSites)
    .values(siteRows.map((site) => ({ trialId: trial!.id, siteId: site.id })))
    .returning();
  return { client: client!, contract: contract!, trial: trial!, sites: siteRows, trialSites: trialSiteRows };
}

export type Organization = Awaited<ReturnType<typeof createOrganization>>;

/** A milestone of `trialSiteId` paying `amountMinor` USD since 2020, written straight to the database. */
export async function insertMilestone(
  server: Pick<TestServer, "db">,
  trialSiteId: string,
  { name, amountMinor }: { name: string; amountMinor: bigint },
) {
  const [milestone] = await server.db.insert(milestones).values({ trialSiteId, name }).returning();
  await server.db.insert(milestoneVersions).values({
    milestoneId: milestone!.id,
    amountMinor,
    currency: "USD",
    effectiveAt: new Date("2020-01-01"),
  });
  return milestone!;
}

/** Grants permissions to a user (by raw id) on a resource, as setup. */
export async function grantPermissions(
  server: TestServer,
  userId: string,
  permissions: string[],
  resource: ResourceRef,
) {
  await server.db
    .insert(grants)
    .values(permissions.map((permissionName) => ({ userId, permissionName, ...resource })))
    .onConflictDoNothing();
}
