import { randomBytes } from "node:crypto";
import {
  appointments,
  fundingDeposits,
  messages,
  milestones,
  milestoneVersions,
  payments,
  users,
} from "../../db/schema/index.js";
import { hashPassword } from "../../schema/accounts/passwords.js";
import { openSession } from "../../schema/accounts/sessions.js";
import { ADMIN_ROLE, assignRole } from "../../schema/core/roles.js";
import { registerUser } from "../support/accounts.js";
import { createOrganization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import type { TestServer } from "../support/server.js";

const ADMIN_PASSWORD = "Fuzz-admin-1!";
const adminHash = hashPassword(ADMIN_PASSWORD);

/**
 * Setup: a new Mural admin with a session (opened directly: no password hashing per admin). A test that changes
 * its viewer's account spoils no one else's session.
 */
export async function freshAdmin(server: TestServer) {
  const email = `admin-${randomBytes(4).toString("hex")}@example.com`;
  const [admin] = await server.db
    .insert(users)
    .values({
      email,
      firstName: "Other",
      lastName: "Admin",
      passwordHash: await adminHash,
      emailVerified: true,
    })
    .returning();
  await assignRole(server.db, { userId: admin!.id, roleName: ADMIN_ROLE, resource: {}, assignedBy: null });
  const { token } = await openSession(server.db, admin!.id, server.config);
  return { email, password: ADMIN_PASSWORD, token };
}

/**
 * Setup, straight into the database: one of every object a mutation can name — an organisation whose contract is
 * funded, a participant enrolled at its first trial site with a caregiver, a repeatable milestone with an amount,
 * an attended visit paid (UNCLAIMED), a reimbursement awaiting approval (PENDING), a message, and a staff user.
 * Returns raw ids by GraphQL type name.
 */
export async function oneOfEverything(server: TestServer) {
  const org = await createOrganization(server);
  const trialSite = org.trialSites[0]!;
  const { participant, enrollment } = await createEnrolledParticipant(server, org);
  const { caregiver } = await createCaregiver(server, participant.id);
  const staff = await registerUser(server);
  await server.db
    .insert(fundingDeposits)
    .values({ contractId: org.contract.id, amountMinor: 10_000_000n, currency: "USD" });
  const [milestone] = await server.db
    .insert(milestones)
    .values({ trialSiteId: trialSite.id, name: "Week 1", repeatable: true })
    .returning();
  const [version] = await server.db
    .insert(milestoneVersions)
    .values({
      milestoneId: milestone!.id,
      amountMinor: 10_000n,
      currency: "USD",
      effectiveAt: new Date("2020-01-01T00:00:00Z"),
    })
    .returning();
  const [visit] = await server.db
    .insert(appointments)
    .values({
      enrollmentId: enrollment.id,
      milestoneId: milestone!.id,
      scheduledAt: new Date("2024-01-01T10:00:00Z"),
      timeZone: "America/New_York",
      status: "attended",
    })
    .returning();
  const owed = { enrollmentId: enrollment.id, contractId: org.contract.id, currency: "USD" };
  const [unclaimed, pending] = await server.db
    .insert(payments)
    .values([
      {
        ...owed,
        kind: "milestone",
        status: "unclaimed",
        amountMinor: 10_000n,
        milestoneId: milestone!.id,
        milestoneVersionId: version!.id,
        milestoneOccurrence: 1,
        appointmentId: visit!.id,
      },
      { ...owed, kind: "reimbursement", status: "pending", amountMinor: 1_200n, category: "Parking" },
    ])
    .returning();
  // The contract's running totals, as the payments area keeps them.
  await server.sql`
    UPDATE contracts SET deposited_minor = 10000000, committed_minor = 10000 WHERE id = ${org.contract.id}`;
  const [message] = await server.db
    .insert(messages)
    .values({ enrollmentId: enrollment.id, senderUserId: participant.userId, body: "Hello" })
    .returning();
  return {
    org,
    milestoneName: milestone!.name,
    pendingPaymentId: pending!.id,
    ids: {
      Client: org.client.id,
      Contract: org.contract.id,
      Trial: org.trial.id,
      Site: trialSite.siteId,
      TrialSite: trialSite.id,
      Participant: participant.id,
      Enrollment: enrollment.id,
      Caregiver: caregiver.id,
      Appointment: visit!.id,
      Payment: unclaimed!.id,
      Message: message!.id,
      PaymentScheduleLine: milestone!.id,
      User: staff.uid,
    } as Record<string, string>,
  };
}
