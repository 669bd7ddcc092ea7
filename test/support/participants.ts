import { randomBytes } from "node:crypto";
import { caregivers, enrollments, participants, users } from "../../db/schema/index.js";
import { hashPassword } from "../../schema/accounts/passwords.js";
import type { Organization } from "./organizations.js";
import type { TestServer } from "./server.js";

export const PARTICIPANT_PASSWORD = "Participant-1!";
const passwordHash = hashPassword(PARTICIPANT_PASSWORD);

/**
 * Test setup, written straight to the database: a participant (with a login) whose home site is the
 * organisation's site `siteIndex`, enrolled in its trial there. Returns raw ids and a logged-in token.
 */
export async function createEnrolledParticipant(server: TestServer, org: Organization, siteIndex = 0) {
  const tag = randomBytes(4).toString("hex");
  const [user] = await server.db
    .insert(users)
    .values({
      email: `participant-${tag}@example.com`,
      firstName: "Pat",
      lastName: `Ient ${tag}`,
      userType: "participant",
      passwordHash: await passwordHash,
      emailVerified: true,
    })
    .returning();
  const site = org.sites[siteIndex]!;
  const trialSite = org.trialSites[siteIndex]!;
  const [participant] = await server.db
    .insert(participants)
    .values({
      userId: user!.id,
      homeSiteId: site.id,
      dateOfBirth: "1970-01-01",
      timeZone: "America/New_York",
    })
    .returning();
  const [enrollment] = await server.db
    .insert(enrollments)
    .values({
      participantId: participant!.id,
      trialSiteId: trialSite.id,
      trialId: org.trial.id,
      subjectId: `S-${tag}`,
    })
    .returning();
  return {
    user: user!,
    participant: participant!,
    enrollment: enrollment!,
    token: await server.login(user!.email, PARTICIPANT_PASSWORD),
  };
}

/** A caregiver login for a participant, as setup. */
export async function createCaregiver(server: TestServer, participantId: string) {
  const tag = randomBytes(4).toString("hex");
  const [user] = await server.db
    .insert(users)
    .values({
      email: `caregiver-${tag}@example.com`,
      firstName: "Carey",
      lastName: `Giver ${tag}`,
      userType: "caregiver",
      passwordHash: await passwordHash,
      emailVerified: true,
    })
    .returning();
  const [caregiver] = await server.db
    .insert(caregivers)
    .values({ userId: user!.id, participantId, relationship: "parent" })
    .returning();
  return { user: user!, caregiver: caregiver!, token: await server.login(user!.email, PARTICIPANT_PASSWORD) };
}
