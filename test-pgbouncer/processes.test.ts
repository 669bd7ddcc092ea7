import { eq, inArray } from "drizzle-orm";
import { createClient } from "graphql-ws";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import {
  milestones,
  milestoneVersions,
  paymentEvents,
  payments,
  sandboxPayouts,
} from "../db/schema/index.js";
import { insertPaypal, insertUnclaimedPayment } from "../test/payments/claim-fixtures.js";
import { staffWith } from "../test/support/accounts.js";
import { eventually } from "../test/support/eventually.js";
import { gid } from "../test/support/ids.js";
import { createOrganization, type Organization } from "../test/support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../test/support/participants.js";
import { type PgBouncer, startPgBouncer } from "../test/support/pgbouncer.js";
import { type ServerProcess, startServerProcess } from "../test/support/processes.js";
import {
  errorCode,
  type GraphQLResponse,
  graphqlClient,
  startTestServer,
  type TestServer,
} from "../test/support/server.js";

/*
 * Three API processes and one that runs jobs, every one on DATABASE_URL through PgBouncer in transaction pooling
 * mode (prepared statements off), with DATABASE_DIRECT_URL for migrations, LISTEN and the job queue, as
 * production would run them behind a load balancer. This file's own server (in-process, straight to PostgreSQL,
 * no worker) only writes the fixtures and reads the database.
 */

const PAY = `mutation PgbPay($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id } } }`;
const CLAIM = `mutation PgbClaim($input: ClaimPaymentsInput!) {
  claimPayments(input: $input) { claimed { uid } refused { paymentId reason } }
}`;
const SEND = `mutation PgbSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;
const RECEIVED = `subscription PgbReceived { messageReceived { id body } }`;
const VIEWER = `{ viewer { user { email } } }`;
const LOGOUT = `mutation PgbLogout { logout { loggedOut } }`;
const STAFF = ["milestone_payment", "view_payments", "view_participants", "view_enrollments", "messaging"];

/** Four processes starting at once on a loaded 2-core machine take a while (each ~20 s at load 20). */
const STARTUP_MS = 120_000;

let server: TestServer;
let bouncer: PgBouncer;
let api: ServerProcess[] = [];
const started: ServerProcess[] = [];
let org: Organization;
let staff: Awaited<ReturnType<typeof staffWith>>;

beforeAll(async () => {
  server = await startTestServer();
  bouncer = await startPgBouncer(inject("adminDatabaseUrl"));
  const env = { DATABASE_DIRECT_URL: server.databaseUrl, DATABASE_POOL_SIZE: "5" };
  const pooled = bouncer.pooled(server.databaseUrl);
  const start = async (worker: "only" | "off") => {
    const process = await startServerProcess(pooled, { ...env, WORKER: worker }, STARTUP_MS);
    started.push(process);
    return process;
  };
  // One process of background jobs alone (WORKER=only) and three API processes that run none.
  api = (await Promise.all([start("only"), start("off"), start("off"), start("off")])).slice(1);
  org = await createOrganization(server);
  staff = await staffWith(server, STAFF, { trialSiteId: org.trialSites[0]!.id });
}, STARTUP_MS + 60_000);

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
  await bouncer?.stop();
  await server?.close();
});

/** The API process `i` of the three, round robin. */
const through = (i: number) => graphqlClient(api[i % 3]!.url);

/** A milestone at the organisation's first trial site paying `amountMinor` cents. */
async function milestone(amountMinor: bigint) {
  const [row] = await server.db
    .insert(milestones)
    .values({ trialSiteId: org.trialSites[0]!.id, name: `Visit ${amountMinor}-${Date.now()}` })
    .returning();
  await server.db
    .insert(milestoneVersions)
    .values({ milestoneId: row!.id, amountMinor, currency: "USD", effectiveAt: new Date("2020-01-01") });
  return { id: gid.milestone(row!.id), raw: row!.id };
}

async function fund(depositedMinor: bigint) {
  await server.sql`UPDATE contracts SET deposited_minor = ${depositedMinor.toString()}, committed_minor = 0
    WHERE id = ${org.contract.id}`;
}

/** The contract's funding, and what the milestone `milestoneId` (raw) has paid. */
async function ledger(milestoneId = "") {
  const [row] = await server.sql<{ remaining: string; committed: string; paid: string }[]>`
    SELECT (c.deposited_minor - c.committed_minor)::text AS remaining, c.committed_minor::text AS committed,
      (SELECT coalesce(sum(amount_minor), 0) FROM payments
       WHERE contract_id = c.id AND milestone_id = ${milestoneId})::text AS paid
    FROM contracts c WHERE c.id = ${org.contract.id}`;
  return row!;
}

/** PgBouncer's admin console (simple protocol only): a SHOW command's rows. */
async function show(what: "STATS" | "CLIENTS") {
  const client = new pg.Client({
    connectionString: bouncer.pooled(server.databaseUrl).replace(/\/[^/]*$/, "/pgbouncer"),
  });
  await client.connect();
  try {
    return (await client.query(`SHOW ${what}`)).rows as Record<string, string>[];
  } finally {
    await client.end();
  }
}

describe("processes behind PgBouncer in transaction pooling mode", () => {
  it("every process talks to the database through PgBouncer", async () => {
    const database = new URL(server.databaseUrl).pathname.slice(1);
    const transactions = async () =>
      Number((await show("STATS")).find((row) => row.database === database)?.total_xact_count ?? 0);
    const before = await transactions();
    for (let i = 0; i < 3; i++) {
      const result = await through(i).request(VIEWER, {}, staff.token);
      expect(result.data).toEqual({ viewer: { user: { email: staff.email } } });
    }
    // Each answer read the session (and refreshed it): PgBouncer carried those transactions.
    expect((await transactions()) - before).toBeGreaterThanOrEqual(3);
    const clients = (await show("CLIENTS")).filter((row) => row.database === database);
    expect(clients.length).toBeGreaterThanOrEqual(4);
  });

  it("pays a milestone once when 30 identical requests race across the three processes", async () => {
    await fund(1_000_000n);
    const line = await milestone(1_234n);
    const p = await createEnrolledParticipant(server, org, 0);
    const input = { enrollmentId: gid.enrollment(p.enrollment.id), milestoneId: line.id };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => through(i).request(PAY, { input }, staff.token)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === "CONFLICT")).toHaveLength(29);
    const rows = await server.db.select().from(payments).where(eq(payments.enrollmentId, p.enrollment.id));
    expect(rows.map((r) => r.amountMinor)).toEqual([1_234n]);
    expect((await ledger()).committed).toBe("1234");
  });

  it("never overdraws: 2k payments on funding for k, across the three, pay k and never go below zero", async () => {
    const k = 8;
    await fund(BigInt(k) * 500n);
    const line = await milestone(500n);
    const people = await Promise.all(
      Array.from({ length: 2 * k }, () => createEnrolledParticipant(server, org, 0)),
    );
    // The remaining funding, read over and over while the payments race.
    let racing = true;
    const seen: bigint[] = [];
    const watching = (async () => {
      while (racing) seen.push(BigInt((await ledger()).remaining));
    })();
    const results = await Promise.all(
      people.map((p, i) =>
        through(i).request(
          PAY,
          { input: { enrollmentId: gid.enrollment(p.enrollment.id), milestoneId: line.id } },
          staff.token,
        ),
      ),
    );
    racing = false;
    await watching;
    expect(results.filter((r) => !r.errors)).toHaveLength(k);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(k).fill("INSUFFICIENT_FUNDS"));
    expect(await ledger(line.raw)).toEqual({
      remaining: "0",
      committed: String(k * 500),
      paid: String(k * 500),
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((remaining) => remaining >= 0n)).toBe(true);
  });

  it("claims each payment once when claims race across the three; the worker pays each out once", async () => {
    await fund(0n);
    const p = await createEnrolledParticipant(server, org, 0);
    const caregiver = await createCaregiver(server, p.participant.id);
    await insertPaypal(server, p.enrollment.id);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await insertUnclaimedPayment(server, org, p.enrollment.id, BigInt(1_000 + i))).payment.id);
    const input = { participantId: gid.participant(p.participant.id) };
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        through(i).request<{ claimPayments: { claimed: { uid: string }[] } }>(
          CLAIM,
          { input },
          i % 2 ? caregiver.token : p.token,
        ),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const claimed = results.flatMap((r) => r.data!.claimPayments.claimed.map((c) => c.uid));
    expect(claimed.sort()).toEqual([...ids].sort());
    await expectPaidOnce(ids);
  });

  it("delivers a message sent through one process to subscriptions held on the other two", async () => {
    const p = await createEnrolledParticipant(server, org, 0);
    const [onB, onC] = [subscribe(api[1]!, p.token), subscribe(api[2]!, p.token)];
    try {
      // Each process LISTENs (straight to PostgreSQL) with its first subscriber; nothing sent before is replayed.
      await eventually(async () => {
        const [row] = await server.sql<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND query ILIKE 'listen%mural_link_messages%'`;
        return row!.n >= 2;
      });
      const sent = await through(0).request<{ sendMessage: { message: { id: string } } }>(
        SEND,
        { input: { enrollmentId: gid.enrollment(p.enrollment.id), body: "across PgBouncer" } },
        staff.token,
      );
      expect(sent.errors).toBeUndefined();
      const id = sent.data!.sendMessage.message.id;
      await eventually(() => onB.received.length > 0 && onC.received.length > 0);
      expect(onB.received).toEqual([{ id, body: "across PgBouncer" }]);
      expect(onC.received).toEqual([{ id, body: "across PgBouncer" }]);
    } finally {
      await Promise.all([onB.dispose(), onC.dispose()]);
    }
  });

  it("a session made on one process is valid on the others, and logged out on one is refused on all", async () => {
    const token = await through(0).login(staff.email, staff.password);
    for (const i of [1, 2]) {
      expect((await through(i).request(VIEWER, {}, token)).data).toEqual({
        viewer: { user: { email: staff.email } },
      });
    }
    expect((await through(1).request(LOGOUT, {}, token)).data).toEqual({ logout: { loggedOut: true } });
    for (const i of [0, 2]) {
      const after = await through(i).request(VIEWER, {}, token);
      expect(after.data?.viewer ?? null).toBeNull();
    }
  });

  it("loses no job when an API process is killed (SIGKILL) while its requests are queuing them", async () => {
    const p = await createEnrolledParticipant(server, org, 0);
    await insertPaypal(server, p.enrollment.id);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await insertUnclaimedPayment(server, org, p.enrollment.id, BigInt(2_000 + i))).payment.id);
    const victim = api[2]!;
    const client = graphqlClient(victim.url);
    const answered: GraphQLResponse<unknown>[] = [];
    const requests = ids.map((id) =>
      client
        .request(
          CLAIM,
          { input: { participantId: gid.participant(p.participant.id), paymentIds: [gid.payment(id)] } },
          p.token,
        )
        .then((r) => answered.push(r))
        .catch(() => undefined),
    );
    // Killed once the first claim has committed, with the others in flight or not yet sent.
    await eventually(() => answered.length > 0);
    const exited = new Promise((resolve) => victim.child.once("exit", resolve));
    victim.child.kill("SIGKILL");
    await exited;
    await Promise.all(requests);
    const rows = await server.db.select().from(payments).where(inArray(payments.id, ids));
    const claimed = rows.filter((r) => r.status !== "unclaimed").map((r) => r.id);
    expect(claimed.length).toBeGreaterThanOrEqual(1);
    // Every claim that committed queued its payout in the same transaction; the worker runs each.
    await expectPaidOnce(claimed);
    // A claim that did not commit left nothing behind: no job, no event.
    const unclaimed = rows.filter((r) => r.status === "unclaimed").map((r) => r.id);
    if (unclaimed.length) {
      expect(
        await server.db.select().from(paymentEvents).where(inArray(paymentEvents.paymentId, unclaimed)),
      ).toEqual([]);
      const [jobs] = await server.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE payload->>'paymentId' = ANY(${unclaimed})`;
      expect(jobs!.n).toBe(0);
    }
  });
});

/** Each payment paid by the worker, once: one `paid` event and one settlement asked for once. */
async function expectPaidOnce(ids: string[]) {
  await eventually(async () => {
    const rows = await server.db.select().from(payments).where(inArray(payments.id, ids));
    return rows.length === ids.length && rows.every((r) => r.status === "paid");
  }, 30_000);
  const events = await server.db.select().from(paymentEvents).where(inArray(paymentEvents.paymentId, ids));
  for (const id of ids)
    expect(events.filter((e) => e.paymentId === id && e.toStatus === "paid")).toHaveLength(1);
  const settled = await server.db
    .select()
    .from(sandboxPayouts)
    .where(inArray(sandboxPayouts.idempotencyKey, ids));
  expect(settled.map((s) => [s.idempotencyKey, s.requests]).sort()).toEqual(ids.map((id) => [id, 1]).sort());
}

/** A graphql-ws subscription to messageReceived on `process`, as `token`. */
function subscribe(process: ServerProcess, token: string) {
  const client = createClient({
    url: `${process.url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const received: { id: string; body: string }[] = [];
  const errors: unknown[] = [];
  client.subscribe<{ messageReceived: { id: string; body: string } }>(
    { query: RECEIVED },
    {
      next: (result) => {
        if (result.data?.messageReceived) received.push(result.data.messageReceived);
        if (result.errors) errors.push(...result.errors);
      },
      error: (error) => errors.push(error),
      complete: () => {},
    },
  );
  return { received, errors, dispose: () => client.dispose() };
}
