import { eq, sql } from "drizzle-orm";
import { auditEntries, contracts, payments } from "../../db/schema/index.js";
import { staffWith } from "../support/accounts.js";
import { createOrganization, globalId } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import type { TestServer } from "../support/server.js";

export const PAY_MILEAGE = `mutation($input: PayMileageInput!) {
  payMileage(input: $input) { payment { id uid status createdAt amount { amount currency } } }
}`;

export interface PaidMileage {
  payMileage: { payment: { id: string; uid: string; status: string; amount: { amount: string } } };
}

/**
 * Setup: a funded contract, an enrolled participant and a coordinator who pays their mileage (payMileage makes a
 * new payment each time it runs, so a double execution shows as a second payment).
 */
export async function mileageSetup(server: TestServer) {
  const org = await createOrganization(server);
  await server.db
    .update(contracts)
    .set({ depositedMinor: 1_000_000n })
    .where(eq(contracts.id, org.contract.id));
  const { enrollment } = await createEnrolledParticipant(server, org);
  const staff = await staffWith(server, ["travel_payment", "view_payments"], {
    trialSiteId: org.trialSites[0]!.id,
  });
  const input = (amount: string, note?: string) => ({
    input: { enrollmentId: globalId("Enrollment", enrollment.id), amount: { amount, currency: "USD" }, note },
  });
  return {
    org,
    enrollment,
    staff,
    /** payMileage over HTTP as the coordinator, with extra headers (an Idempotency-Key). */
    pay: (amount: string, headers: Record<string, string> = {}, note?: string) =>
      server.request<PaidMileage>(PAY_MILEAGE, input(amount, note), staff.token, headers),
    /** What paying has written: the enrollment's payments, the money committed, the audit entries of payments. */
    written: async () => {
      const rows = await server.db.select().from(payments).where(eq(payments.enrollmentId, enrollment.id));
      const [contract] = await server.db.select().from(contracts).where(eq(contracts.id, org.contract.id));
      const [audit] = await server.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEntries)
        .where(eq(auditEntries.action, "mileage_payment"));
      return { payments: rows.length, committedMinor: contract!.committedMinor, audited: audit!.n };
    },
  };
}
