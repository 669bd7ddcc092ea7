import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentEvents } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertPaypal, insertUnclaimedPayment, paymentRow, payoutJobs } from "./claim-fixtures.js";

const Unclaimed = graphql(`
  query ClaimsUnclaimed($participantId: ID!) {
    unclaimedPayments(participantId: $participantId) { uid status amount { amount currency } }
  }
`);
const Claim = graphql(`
  mutation ClaimsClaim($input: ClaimPaymentsInput!) {
    claimPayments(input: $input) { message claimed { id uid status } refused { paymentId reason } }
  }
`);

let server: TestServer;
let org: Organization;

beforeAll(async () => {
  // No worker: the payout jobs stay queued for inspection.
  server = await startTestServer();
  org = await createOrganization(server);
});
afterAll(() => server.close());

describe("unclaimedPayments", () => {
  it("lists a participant's unclaimed payments to them, their caregiver and staff with view_payments", async () => {
    const p = await createEnrolledParticipant(server, org);
    const { payment } = await insertUnclaimedPayment(server, org, p.enrollment.id, 7_500n);
    const caregiver = await createCaregiver(server, p.participant.id);
    const staff = await staffWith(server, ["view_payments", "view_participants"], {
      trialSiteId: org.trialSites[0]!.id,
    });
    const vars = { participantId: gid.participant(p.participant.id) };
    for (const token of [p.token, caregiver.token, staff.token]) {
      const result = await server.request(Unclaimed, vars, token);
      expect(result.errors).toBeUndefined();
      expect(result.data?.unclaimedPayments).toEqual([
        { uid: payment.id, status: "UNCLAIMED", amount: { amount: "75.00", currency: "USD" } },
      ]);
    }
    const other = await createEnrolledParticipant(server, org);
    expect(errorCode(await server.request(Unclaimed, vars, other.token))).toBe("NOT_FOUND");
    const noPermission = await staffWith(server, ["view_participants"], {
      trialSiteId: org.trialSites[0]!.id,
    });
    expect(errorCode(await server.request(Unclaimed, vars, noPermission.token))).toBe("FORBIDDEN");
  });
});

describe("claimPayments", () => {
  it("claims once, sets the payout type and key, records the event and queues one payout job", async () => {
    const p = await createEnrolledParticipant(server, org);
    await insertPaypal(server, p.enrollment.id);
    const { payment } = await insertUnclaimedPayment(server, org, p.enrollment.id);
    const result = await server.request(
      Claim,
      { input: { participantId: gid.participant(p.participant.id) } },
      p.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.claimPayments.message).toBe("1 payments claimed, 0 failed");
    expect(result.data?.claimPayments.claimed).toEqual([
      { id: gid.payment(payment.id), uid: payment.id, status: "CLAIMED" },
    ]);
    const row = await paymentRow(server, payment.id);
    expect(row).toMatchObject({ status: "claimed", payoutType: "paypal", payoutIdempotencyKey: payment.id });
    const events = await server.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, payment.id));
    expect(events).toMatchObject([{ fromStatus: "unclaimed", toStatus: "claimed", actorUserId: p.user.id }]);
    expect(await payoutJobs(server, payment.id)).toEqual([
      { key: `payout_payment:${payment.id}`, attempts: 0, max_attempts: 5 },
    ]);

    // Claiming again claims nothing and queues nothing more.
    const again = await server.request(
      Claim,
      {
        input: {
          participantId: gid.participant(p.participant.id),
          paymentIds: [gid.payment(payment.id)],
        },
      },
      p.token,
    );
    expect(again.data?.claimPayments.message).toBe("0 payments claimed, 1 failed");
    expect(again.data?.claimPayments.refused[0]?.reason).toMatch(/claimed/);
    expect(await payoutJobs(server, payment.id)).toHaveLength(1);
  });

  it("two concurrent claims claim each payment once, with one payout job each", async () => {
    const p = await createEnrolledParticipant(server, org);
    const caregiver = await createCaregiver(server, p.participant.id);
    await insertPaypal(server, p.enrollment.id);
    const rows = [];
    for (let i = 0; i < 5; i++) {
      // Each payment needs its own milestone (a milestone is paid once per enrollment).
      rows.push((await insertUnclaimedPayment(server, org, p.enrollment.id, BigInt(1_000 + i))).payment);
    }
    const input = { participantId: gid.participant(p.participant.id) };
    const results = await Promise.all([
      server.request(Claim, { input }, p.token),
      server.request(Claim, { input }, caregiver.token),
      server.request(Claim, { input }, p.token),
    ]);
    for (const r of results) expect(r.errors).toBeUndefined();
    const claimedUids = results.flatMap((r) => r.data!.claimPayments.claimed.map((c) => c.uid));
    expect(claimedUids.sort()).toEqual(rows.map((r) => r.id).sort());
    for (const row of rows) {
      expect((await paymentRow(server, row.id)).status).toBe("claimed");
      expect(await payoutJobs(server, row.id)).toHaveLength(1);
      const events = await server.db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, row.id));
      expect(events).toHaveLength(1);
    }
  });

  it("refuses a payment whose enrollment has no payout method, writing nothing", async () => {
    const p = await createEnrolledParticipant(server, org);
    const { payment } = await insertUnclaimedPayment(server, org, p.enrollment.id);
    const input = { participantId: gid.participant(p.participant.id) };
    const result = await expectNothingWritten(server, () => server.request(Claim, { input }, p.token));
    expect(result.errors).toBeUndefined();
    expect(result.data?.claimPayments).toEqual({
      message: "0 payments claimed, 1 failed",
      claimed: [],
      refused: [{ paymentId: gid.payment(payment.id), reason: expect.stringMatching(/payout method/) }],
    });
    expect((await paymentRow(server, payment.id)).status).toBe("unclaimed");
    expect(await payoutJobs(server, payment.id)).toEqual([]);
  });

  it("refuses payments of another participant named by id: NOT_FOUND, as a nonexistent one", async () => {
    const p = await createEnrolledParticipant(server, org);
    const other = await createEnrolledParticipant(server, org);
    await insertPaypal(server, p.enrollment.id);
    await insertPaypal(server, other.enrollment.id);
    const { payment } = await insertUnclaimedPayment(server, org, other.enrollment.id);
    const input = {
      participantId: gid.participant(p.participant.id),
      paymentIds: [gid.payment(payment.id)],
    };
    const result = await expectNothingWritten(server, () => server.request(Claim, { input }, p.token));
    expect(errorCode(result)).toBe("NOT_FOUND");
    expect((await paymentRow(server, payment.id)).status).toBe("unclaimed");
  });

  it("staff, admins and other participants cannot claim, and nothing is written", async () => {
    const p = await createEnrolledParticipant(server, org);
    await insertPaypal(server, p.enrollment.id);
    await insertUnclaimedPayment(server, org, p.enrollment.id);
    const staff = await staffWith(server, ["view_participants", "view_payments", "manual_payment"], {
      trialSiteId: org.trialSites[0]!.id,
    });
    const other = await createEnrolledParticipant(server, org);
    const admin = await server.loginAdmin();
    const input = { participantId: gid.participant(p.participant.id) };
    for (const [token, code] of [
      [staff.token, "FORBIDDEN"],
      [admin, "FORBIDDEN"],
      [other.token, "NOT_FOUND"],
      [null, "UNAUTHENTICATED"],
    ] as const) {
      const result = await expectNothingWritten(server, () => server.request(Claim, { input }, token));
      expect(errorCode(result)).toBe(code);
      expect(result.data?.claimPayments ?? null).toBeNull();
    }
  });
});
