import { randomBytes } from "node:crypto";
import { caregivers, enrollments, participants, users } from "../../db/schema/index.js";
import { hashPassword } from "../../schema/accounts/passwords.js";
import type { Organization } from "./organizations.js";
import type { TestServer } from "./server.js";

export const PARTICIPANT_PASSWORD = "Participant-1!";
const passwordHash = hashPassword(PARTICIPANT_PASSWORD);

/** A verified login of a participant or caregiver, with PARTICIPANT_PASSWORD and a unique e-mail and last name. */
async function insertLogin(
  server: TestServer,
  userType: "participant" | "caregiver",
  firstName: string,
  lastName: string,
) {
  const tag = randomBytes(4).toString("hex");
  const [user] = await server.db
    .insert(users)
    .values({
      email: `${userType}-${tag}@example.com`,
      firstName,
      lastName: `${lastName} ${tag}`,
      userType,
      passwordHash: await passwordHash,
      emailVerified: true,
    })
    .returning();
  return user!;
}

/** Test setup, written straight to the database: a participant (with a login) whose home site is `siteId`. */
export async function createParticipant(server: TestServer, siteId: string) {
  const user = await insertLogin(server, "participant", "Pat", "Ient");
  const [participant] = await server.db
    .insert(participants)
    .values({ userId: user.id, homeSiteId: siteId, dateOfBirth: "1970-01-01", timeZone: "America/New_York" })
    .returning();
  return { user, participant: participant! };
}

/**
 * Test setup, written straight to the database: a participant whose home site is the organisation's site
 * `siteIndex`, enrolled in its trial there. Returns raw ids and a logged-in token.
 */
export async function createEnrolledParticipant(server: TestServer, org: Organization, siteIndex = 0) {
  const { user, participant } = await createParticipant(server, org.sites[siteIndex]!.id);
  const [enrollment] = await server.db
    .insert(enrollments)
    .values({
      participantId: participant.id,
      trialSiteId: org.trialSites[siteIndex]!.id,
      trialId: org.trial.id,
      subjectId: `S-${randomBytes(4).toString("hex")}`,
    })
    .returning();
  return {
    user,
    participant,
    enrollment: enrollment!,
    token: await server.login(user.email, PARTICIPANT_PASSWORD),
  };
}

/** A caregiver login for a participant, as setup. */
export async function createCaregiver(server: TestServer, participantId: string) {
  const user = await insertLogin(server, "caregiver", "Carey", "Giver");
  const [caregiver] = await server.db
    .insert(caregivers)
    .values({ userId: user.id, participantId, relationship: "parent" })
    .returning();
  return { user, caregiver: caregiver!, token: await server.login(user.email, PARTICIPANT_PASSWORD) };
}
