import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentEvents, sandboxPayouts } from "../../db/schema/index.js";
import { loadConfig } from "../../schema/core/config.js";
import { createLogger } from "../../server/logger.js";
import { startWorker, type Worker } from "../../server/worker.js";
import { graphql } from "../graphql/index.js";
import { eventually } from "../support/eventually.js";
import { createOrganization, globalId, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { type ServerProcess, startServerProcess } from "../support/processes.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { insertPaypal, insertUnclaimedPayment, paymentRow } from "./claim-fixtures.js";

/*
 * A payout's worker process dies (SIGKILL) after the provider settled and before the result was recorded. Another
 * process must finish it within WORKER_LOST_AFTER_SECONDS (a beat and graphile-worker's 1 s poll aside), paying
 * nothing twice; and a worker that is merely slow must keep its job however long it takes.
 */
const LOST_AFTER_SECONDS = 2;
/** The child's provider answers this long after settling: longer than the bound, so only heartbeats keep its job. */
const SANDBOX_DELAY_MS = 4_000;

let server: TestServer;
let org: Organization;
let participant: Awaited<ReturnType<typeof createEnrolledParticipant>>;
let child: ServerProcess;
let localWorker: Worker | null = null;

/** A worker in this process on the test's database, as another server process would run it. */
async function startLocalWorker() {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "test",
    WORKER_LOST_AFTER_SECONDS: String(LOST_AFTER_SECONDS),
  });
  localWorker = await startWorker({ databaseUrl: server.databaseUrl, config, log: createLogger("silent") });
}

async function stopLocalWorker() {
  await localWorker?.stop();
  localWorker = null;
}

const RecoveryClaim = graphql(`
  mutation RecoveryClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }
`);

/** A claimed payment, and the settlement the child's provider made for it (the child now waits to answer). */
async function claimSettledByChild() {
  const { payment } = await insertUnclaimedPayment(server, org, participant.enrollment.id, 4_200n);
  const claim = await server.request(
    RecoveryClaim,
    {
      input: {
        participantId: globalId("Participant", participant.participant.id),
        paymentIds: [globalId("Payment", payment.id)],
      },
    },
    participant.token,
  );
  expect(claim.data?.claimPayments.message).toBe("1 payments claimed, 0 failed");
  const settlement = await eventually(async () => (await settlements(payment.id))[0]);
  return { payment, settlement };
}

const settlements = (key: string) =>
  server.db.select().from(sandboxPayouts).where(eq(sandboxPayouts.idempotencyKey, key));
const paidEvents = async (paymentId: string) =>
  (await server.db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId))).filter(
    (e) => e.toStatus === "paid",
  );
const paid = (paymentId: string) =>
  eventually(async () => {
    const row = await paymentRow(server, paymentId);
    return row.status === "paid" ? row : null;
  }, 30_000);

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  participant = await createEnrolledParticipant(server, org);
  await insertPaypal(server, participant.enrollment.id);
  child = await startServerProcess(server.databaseUrl, {
    WORKER: "on",
    WORKER_LOST_AFTER_SECONDS: String(LOST_AFTER_SECONDS),
    PAYOUT_SANDBOX_DELAY_MS: String(SANDBOX_DELAY_MS),
  });
});

afterAll(async () => {
  await child?.stop();
  await stopLocalWorker();
  await server?.close();
});

describe("payouts survive the death of their worker process", () => {
  it("a live worker keeps its job past the bound: its heartbeat stops the others from taking it", async () => {
    const { payment, settlement } = await claimSettledByChild();
    // Another worker watches for the whole wait, twice the bound.
    await startLocalWorker();
    const row = await paid(payment.id);
    await stopLocalWorker();
    expect(row.payoutReference).toBe(settlement.reference);
    // The child's job was never released: the provider was asked once.
    expect((await settlements(payment.id)).map((s) => s.requests)).toEqual([1]);
    expect(await paidEvents(payment.id)).toHaveLength(1);
  });

  it("a worker killed mid-payout: another one pays it within the bound, exactly once", async () => {
    const { payment, settlement } = await claimSettledByChild();
    const exited = new Promise((resolve) => child.child.once("exit", resolve));
    child.child.kill("SIGKILL");
    await exited;
    const killedAt = Date.now();
    expect((await paymentRow(server, payment.id)).status).toBe("claimed");

    await startLocalWorker();
    const row = await paid(payment.id);
    // The bound, a beat (a sixth of it), graphile-worker's 1 s poll, and room for a busy machine.
    expect(Date.now() - killedAt).toBeLessThan(LOST_AFTER_SECONDS * 1000 * (1 + 1 / 6) + 1_000 + 4_000);
    // The provider was asked again with the same key and answered with its first (and only) settlement.
    expect(row.payoutReference).toBe(settlement.reference);
    const [only, ...more] = await settlements(payment.id);
    expect(more).toHaveLength(0);
    expect(only).toMatchObject({ reference: settlement.reference, amountMinor: 4_200n, requests: 2 });
    const events = await paidEvents(payment.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.reason).toBe(`Paid out, reference ${settlement.reference}.`);
  });
});
