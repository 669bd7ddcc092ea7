import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { contracts, paymentEvents } from "../../db/schema/index.js";
import { sandboxCalls } from "../../schema/payments/payouts.js";
import { graphql } from "../graphql/index.js";
import { eventually } from "../support/eventually.js";
import { gid } from "../support/ids.js";
import { createOrganization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { insertPaypal, insertUnclaimedPayment, paymentRow } from "./claim-fixtures.js";

const Claim = graphql(`
  mutation PayoutsClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }
`);

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** A server running the worker with the sandbox provider configured by `env`, and a claimed payment on it. */
async function claimedPayment(env: Record<string, string>) {
  const server = await startTestServer({ WORKER: "on", ...env });
  servers.push(server);
  const org = await createOrganization(server);
  const p = await createEnrolledParticipant(server, org);
  await insertPaypal(server, p.enrollment.id);
  const { payment } = await insertUnclaimedPayment(server, org, p.enrollment.id, 12_345n);
  const result = await server.request(
    Claim,
    { input: { participantId: gid.participant(p.participant.id) } },
    p.token,
  );
  expect(result.data?.claimPayments.message).toBe("1 payments claimed, 0 failed");
  return { server, org, payment };
}

const events = (server: TestServer, paymentId: string) =>
  server.db
    .select({ from: paymentEvents.fromStatus, to: paymentEvents.toStatus, reason: paymentEvents.reason })
    .from(paymentEvents)
    .where(eq(paymentEvents.paymentId, paymentId))
    .orderBy(paymentEvents.createdAt, paymentEvents.id);

const callsFor = (key: string) => sandboxCalls.filter((c) => c.idempotencyKey === key);

async function funding(server: TestServer, contractId: string) {
  const [row] = await server.db.select().from(contracts).where(eq(contracts.id, contractId));
  return { deposited: row!.depositedMinor, committed: row!.committedMinor };
}

describe("payouts through the sandbox provider", () => {
  it("settles a claimed payment by itself: paid, with a reference and an event", async () => {
    const { server, org, payment } = await claimedPayment({});
    const before = await funding(server, org.contract.id);
    const paid = await eventually(async () => {
      const row = await paymentRow(server, payment.id);
      return row.status === "paid" ? row : null;
    });
    expect(paid.payoutReference).toMatch(/^sandbox_/);
    expect(callsFor(payment.id)).toEqual([
      { idempotencyKey: payment.id, result: { status: "paid", reference: paid.payoutReference } },
    ]);
    expect((await events(server, payment.id)).map((e) => `${e.from}>${e.to}`)).toEqual([
      "unclaimed>claimed",
      "claimed>paid",
    ]);
    // The money was committed when the payment became owed; paying it out does not move the totals.
    expect(await funding(server, org.contract.id)).toEqual(before);
  });

  it("PAYOUT_SANDBOX_FAIL=first: the failed attempt is retried with the same key and paid exactly once", async () => {
    const { server, payment } = await claimedPayment({ PAYOUT_SANDBOX_FAIL: "first" });
    const paid = await eventually(async () => {
      const row = await paymentRow(server, payment.id);
      return row.status === "paid" ? row : null;
    }, 20_000);
    const calls = callsFor(payment.id);
    expect(calls.map((c) => c.idempotencyKey)).toEqual([payment.id, payment.id]);
    expect(calls.map((c) => c.result.status)).toEqual(["failed", "paid"]);
    expect(paid.payoutReference).toMatch(/^sandbox_/);
    expect((await events(server, payment.id)).filter((e) => e.to === "paid")).toHaveLength(1);

    // A stray re-run of the task (say, another process) does nothing more to a paid payment.
    const { payOutPayment, SandboxProvider } = await import("../../schema/payments/payouts.js");
    const status = await payOutPayment(server.db, new SandboxProvider(server.db), payment.id, {
      number: 1,
      max: 5,
    });
    expect(status).toBe("paid");
    expect(callsFor(payment.id)).toHaveLength(2);
    // And the provider itself answers a repeated key with the first result.
    const again = await new SandboxProvider(server.db).pay({
      idempotencyKey: payment.id,
      amountMinor: paid.amountMinor,
      currency: "USD",
      method: {} as never,
    });
    expect(again).toEqual({ status: "paid", reference: paid.payoutReference });
    expect((await paymentRow(server, payment.id)).payoutReference).toBe(paid.payoutReference);
  });

  it("PAYOUT_SANDBOX_FAIL=always: marked failed with the reason after the last attempt; the money stays committed", async () => {
    const { server, org, payment } = await claimedPayment({
      PAYOUT_SANDBOX_FAIL: "always",
      PAYOUT_MAX_ATTEMPTS: "2",
    });
    const before = await funding(server, org.contract.id);
    const failed = await eventually(async () => {
      const row = await paymentRow(server, payment.id);
      return row.status === "failed" ? row : null;
    }, 20_000);
    expect(failed.failureReason).toMatch(/declined/);
    expect(failed.payoutReference).toBeNull();
    expect(callsFor(payment.id).map((c) => c.result.status)).toEqual(["failed", "failed"]);
    const history = await events(server, payment.id);
    expect(history.map((e) => `${e.from}>${e.to}`)).toEqual(["unclaimed>claimed", "claimed>failed"]);
    expect(history[1]?.reason).toMatch(/after 2 attempts/);
    expect(await funding(server, org.contract.id)).toEqual(before);
    // The job finished (it does not linger as a permanently failed job).
    await eventually(async () => {
      const jobs = await server.sql`
        SELECT 1 FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
        WHERE t.identifier = 'payout_payment' AND j.payload->>'paymentId' = ${payment.id}`;
      return jobs.length === 0;
    });
  });
});
