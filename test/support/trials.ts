import { randomBytes } from "node:crypto";
import { enrollments, participants, sites, trials, users } from "../../db/schema/index.js";
import type { TestServer } from "./server.js";

/** A protocol id no other trial has. */
export const uniqueProtocol = (prefix = "P") => `${prefix}-${randomBytes(5).toString("hex")}`;

/** Setup: another trial under a contract, straight into the database. */
export async function insertTrial(server: TestServer, contractId: string, name = "Extra trial") {
  const [trial] = await server.db
    .insert(trials)
    .values({ contractId, name, protocolId: uniqueProtocol("X") })
    .returning();
  return trial!;
}

/** Setup: a site of a client that takes part in no trial yet. */
export async function insertSite(server: TestServer, clientId: string, name = "Spare clinic") {
  const [site] = await server.db.insert(sites).values({ clientId, name }).returning();
  return site!;
}

/** Setup: a participant (with their user) enrolled in a trial at a trial site. */
export async function enrollSomeone(
  server: TestServer,
  trialSite: { id: string; trialId: string; siteId: string },
) {
  const [user] = await server.db
    .insert(users)
    .values({
      email: `participant-${randomBytes(4).toString("hex")}@example.com`,
      firstName: "Pat",
      lastName: "Ient",
      userType: "participant",
    })
    .returning();
  const [participant] = await server.db
    .insert(participants)
    .values({ userId: user!.id, homeSiteId: trialSite.siteId })
    .returning();
  const [enrollment] = await server.db
    .insert(enrollments)
    .values({
      participantId: participant!.id,
      trialSiteId: trialSite.id,
      trialId: trialSite.trialId,
      subjectId: `S-${randomBytes(3).toString("hex")}`,
    })
    .returning();
  return enrollment!;
}
