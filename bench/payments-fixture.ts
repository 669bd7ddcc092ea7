import { randomBytes } from "node:crypto";
import { enrollments, fundingDeposits, participants, users } from "../db/schema/index.js";
import { createOrganization, globalId, insertMilestone } from "../test/support/organizations.js";
import type { TestServer } from "../test/support/server.js";

/**
 * The payments benches' data, written straight to the database: one client whose contract is funded far beyond
 * what they pay, a $50.00 milestone at its first trial site, and `count` enrollments there (each its own
 * participant and user), every one unpaid. Returns the milestone's and enrollments' global ids.
 */
export async function fundedMilestone(server: TestServer, count: number) {
  const org = await createOrganization(server);
  await server.db
    .insert(fundingDeposits)
    .values({ contractId: org.contract.id, amountMinor: 10_000_000_00n, currency: "USD" });
  await server.sql`UPDATE contracts SET deposited_minor = 1000000000 WHERE id = ${org.contract.id}`;
  const milestone = await insertMilestone(server, org.trialSites[0]!.id, {
    name: "Visit 1",
    amountMinor: 5000n,
  });
  const tag = randomBytes(3).toString("hex");
  const enrollmentIds: string[] = [];
  // In chunks: PostgreSQL takes at most 65,535 parameters a statement.
  for (let start = 0; start < count; start += 1000) {
    const size = Math.min(1000, count - start);
    const people = await server.db
      .insert(users)
      .values(
        Array.from({ length: size }, (_, i) => ({
          email: `bench-${tag}-${start + i}@example.com`,
          firstName: "B",
          lastName: `${start + i}`,
          userType: "participant" as const,
        })),
      )
      .returning({ id: users.id });
    const profiles = await server.db
      .insert(participants)
      .values(people.map((u) => ({ userId: u.id, homeSiteId: org.sites[0]!.id })))
      .returning({ id: participants.id });
    const rows = await server.db
      .insert(enrollments)
      .values(
        profiles.map((p, i) => ({
          participantId: p.id,
          trialSiteId: org.trialSites[0]!.id,
          trialId: org.trial.id,
          subjectId: `B${tag}${start + i}`,
        })),
      )
      .returning({ id: enrollments.id });
    enrollmentIds.push(...rows.map((r) => globalId("Enrollment", r.id)));
  }
  return { org, milestoneId: globalId("PaymentScheduleLine", milestone.id), enrollmentIds };
}
