import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { contracts, milestones, milestoneVersions, payments, payoutMethods } from "../../db/schema/index.js";
import type { Organization } from "../support/organizations.js";
import type { TestServer } from "../support/server.js";

/**
 * Setup, straight into the database (the payments engineer's mutations are built separately): an unclaimed
 * milestone payment of an enrollment, its milestone at the organisation's first trial site, and the contract's
 * funding moved consistently (deposited and committed both grow by the amount).
 */
export async function insertUnclaimedPayment(
  server: TestServer,
  org: Organization,
  enrollmentId: string,
  amountMinor = 7_500n,
  trialSiteIndex = 0,
) {
  const [milestone] = await server.db
    .insert(milestones)
    .values({
      trialSiteId: org.trialSites[trialSiteIndex]!.id,
      name: `Visit ${randomBytes(3).toString("hex")}`,
    })
    .returning();
  const [version] = await server.db
    .insert(milestoneVersions)
    .values({ milestoneId: milestone!.id, amountMinor, currency: "USD" })
    .returning();
  await server.db
    .update(contracts)
    .set({
      depositedMinor: sql`${contracts.depositedMinor} + ${amountMinor}`,
      committedMinor: sql`${contracts.committedMinor} + ${amountMinor}`,
    })
    .where(eq(contracts.id, org.contract.id));
  const [payment] = await server.db
    .insert(payments)
    .values({
      enrollmentId,
      contractId: org.contract.id,
      kind: "milestone",
      milestoneId: milestone!.id,
      milestoneVersionId: version!.id,
      milestoneOccurrence: 1,
      amountMinor,
      currency: "USD",
      note: "test suite",
      status: "unclaimed",
    })
    .returning();
  return { payment: payment!, milestone: milestone! };
}

/** Setup: the enrollment is paid by PayPal. */
export async function insertPaypal(server: TestServer, enrollmentId: string) {
  await server.db.insert(payoutMethods).values({
    enrollmentId,
    paymentType: "paypal",
    email: `pay-${randomBytes(3).toString("hex")}@example.com`,
  });
}

export async function paymentRow(server: TestServer, id: string) {
  const [row] = await server.db.select().from(payments).where(eq(payments.id, id));
  return row!;
}

export async function payoutJobs(server: TestServer, paymentId: string) {
  return server.sql<{ key: string | null; attempts: number; max_attempts: number }[]>`
    SELECT j.key, j.attempts, j.max_attempts FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'payout_payment' AND j.payload->>'paymentId' = ${paymentId}`;
}
