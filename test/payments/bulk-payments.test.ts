import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { milestones, milestoneVersions } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, grantPermissions, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

/*
 * payMilestones: an end-of-month batch of milestone payments, each item checked and answered on its own, in order,
 * under payMilestone's rules (milestone_payment on the enrollment's trial site, ids of the enrollment, pay once,
 * never overdraw), an item refused leaving the others paid.
 */

const PayMilestones = graphql(`
  mutation BulkPayMilestones($input: PayMilestonesInput!) {
    payMilestones(input: $input) {
      results {
        payment { id uid status milestoneName amount { amount } history { toStatus } }
        error { code message fields }
      }
    }
  }
`);
const PayMilestone = graphql(`
  mutation BulkPayMilestone($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id } } }
`);
const Schedule = graphql(`
  query BulkSchedule($trialId: ID!, $siteId: ID!) {
    paymentSchedule(trialId: $trialId, siteId: $siteId) { id uid name }
  }
`);

let server: TestServer;
let a: Organization;
let b: Organization;
let staff: string; // milestone payments on A's trial site 0; sees participants of trial site 1 without paying there
let theirStaff: string; // milestone payments on B's trial site 0

beforeAll(async () => {
  server = await startTestServer();
  a = await createOrganization(server, "Bulk A");
  b = await createOrganization(server, "Bulk B");
  const coordinator = await staffWith(
    server,
    ["milestone_payment", "view_payment_schedule", "view_payments", "view_participants"],
    { trialSiteId: a.trialSites[0]!.id },
  );
  await grantPermissions(server, coordinator.uid, ["view_participants"], {
    trialSiteId: a.trialSites[1]!.id,
  });
  staff = coordinator.token;
  theirStaff = (
    await staffWith(server, ["milestone_payment", "view_payments"], { trialSiteId: b.trialSites[0]!.id })
  ).token;
});
afterAll(() => server.close());

async function fund(org: Organization, depositedMinor: bigint) {
  await server.sql`UPDATE contracts SET deposited_minor = ${depositedMinor.toString()}, committed_minor = 0 WHERE id = ${org.contract.id}`;
}

async function ledger(org: Organization) {
  const [row] = await server.sql<{ deposited: string; committed: string; paid: string; count: number }[]>`
    SELECT c.deposited_minor::text AS deposited, c.committed_minor::text AS committed,
      (SELECT coalesce(sum(amount_minor), 0) FROM payments p WHERE p.contract_id = c.id AND p.status <> 'pending')::text AS paid,
      (SELECT count(*)::int FROM payments p WHERE p.contract_id = c.id) AS count
    FROM contracts c WHERE c.id = ${org.contract.id}`;
  return row!;
}

/** A milestone on the schedule of the organisation's trial site, with an amount in effect since 2020. */
async function milestone(
  org: Organization,
  amountMinor: bigint,
  options: { repeatable?: boolean; site?: number } = {},
) {
  const [row] = await server.db
    .insert(milestones)
    .values({
      trialSiteId: org.trialSites[options.site ?? 0]!.id,
      name: `Visit ${randomUUID().slice(0, 8)}`,
      repeatable: options.repeatable ?? false,
    })
    .returning();
  await server.db
    .insert(milestoneVersions)
    .values({ milestoneId: row!.id, amountMinor, currency: "USD", effectiveAt: new Date("2020-01-01") });
  return { uid: row!.id, id: gid.milestone(row!.id), name: row!.name };
}

const enrolled = (org: Organization, n: number, site = 0) =>
  Promise.all(Array.from({ length: n }, () => createEnrolledParticipant(server, org, site)));

const item = (enrollmentUid: string, milestoneId: string, extra: Record<string, unknown> = {}) => ({
  enrollmentId: gid.enrollment(enrollmentUid),
  milestoneId,
  ...extra,
});

const payAll = (items: Record<string, unknown>[], token = staff, headers?: Record<string, string>) =>
  server.request(PayMilestones, { input: { items: items as never } }, token, headers);

const codes = (result: Awaited<ReturnType<typeof payAll>>) =>
  result.data!.payMilestones.results.map((r) => (r.payment ? "PAID" : r.error!.code));

describe("payMilestones", () => {
  it("answers each item on its own, in order: the valid ones are paid, each refusal as payMilestone would answer it", async () => {
    await fund(a, 1_000_000n);
    await fund(b, 1_000_000n);
    const visit = await milestone(a, 2_500n);
    const otherSite = await milestone(a, 2_500n, { site: 1 });
    const theirs = await milestone(b, 2_500n);
    const [p1, p2, p3, dropped] = await enrolled(a, 4);
    const [atSite1] = await enrolled(a, 1, 1);
    const [foreign] = await enrolled(b, 1);
    await server.sql`UPDATE enrollments SET status = 'dropped' WHERE id = ${dropped!.enrollment.id}`;
    const bBefore = await ledger(b);

    const result = await payAll([
      item(p1!.enrollment.id, visit.id),
      item(foreign!.enrollment.id, theirs.id), // another client's enrollment
      item(p2!.enrollment.id, visit.id),
      item(p2!.enrollment.id, visit.id), // the same milestone again
      item(p3!.enrollment.id, theirs.id), // another client's milestone
      item(p3!.enrollment.id, otherSite.id), // a milestone of the other trial site, which this staff cannot see
      item(p3!.enrollment.id, gid.enrollment(p3!.enrollment.id)), // another type's id
      item(atSite1!.enrollment.id, otherSite.id), // seen, but no milestone_payment there
      item(dropped!.enrollment.id, visit.id),
      item(p3!.enrollment.id, visit.id, { note: "x".repeat(2001) }),
      item(p3!.enrollment.id, visit.id, { note: "Week 4, on time" }),
    ]);
    expect(result.errors).toBeUndefined();
    expect(codes(result)).toEqual([
      "PAID",
      "NOT_FOUND",
      "PAID",
      "CONFLICT",
      "NOT_FOUND",
      "NOT_FOUND",
      "BAD_USER_INPUT",
      "FORBIDDEN",
      "CONFLICT",
      "BAD_USER_INPUT",
      "PAID",
    ]);
    const results = result.data!.payMilestones.results;
    expect(results[1]!.error!.message).toBe("Enrollment was not found.");
    expect(results[3]!.error!.message).toBe(
      `Milestone "${visit.name}" has already been paid for this enrollment.`,
    );
    expect(results[4]!.error!.message).toBe("Milestone was not found.");
    expect(results[6]!.error!.fields).toEqual(["milestoneId"]);
    expect(results[8]!.error!.message).toMatch(/Only enrolled participants/);
    expect(results[9]!.error!.fields).toEqual(["note"]);
    expect(results[0]!.payment).toMatchObject({
      status: "UNCLAIMED",
      milestoneName: visit.name,
      amount: { amount: "25.00" },
      history: [{ toStatus: "UNCLAIMED" }],
    });

    // Exactly the three paid, funded, with history and audit; the other client's books untouched.
    const paid = results.flatMap((r) => (r.payment ? [r.payment] : []));
    expect(await ledger(a)).toMatchObject({ committed: "7500", paid: "7500", count: 3 });
    for (const payment of paid)
      expect((await auditEntriesFor(server, payment.uid)).map((e) => e.action)).toEqual([
        "milestone_payment",
      ]);
    expect(await ledger(b)).toEqual(bBefore);
  });

  it("pays a repeatable milestone twice in one batch, at consecutive occurrences", async () => {
    await fund(a, 1_000_000n);
    const weekly = await milestone(a, 700n, { repeatable: true });
    const [p] = await enrolled(a, 1);
    const first = await server.request(
      PayMilestone,
      { input: item(p!.enrollment.id, weekly.id) as never },
      staff,
    );
    expect(first.errors).toBeUndefined();
    const result = await payAll([item(p!.enrollment.id, weekly.id), item(p!.enrollment.id, weekly.id)]);
    expect(codes(result)).toEqual(["PAID", "PAID"]);
    const rows = await server.sql<{ occurrence: number }[]>`
      SELECT milestone_occurrence AS occurrence FROM payments WHERE enrollment_id = ${p!.enrollment.id} ORDER BY 1`;
    expect(rows.map((r) => r.occurrence)).toEqual([1, 2, 3]);
  });

  it("concurrent payments of a repeatable milestone each take the next occurrence", async () => {
    await fund(a, 1_000_000n);
    const weekly = await milestone(a, 200n, { repeatable: true });
    const [p] = await enrolled(a, 1);
    const results = await Promise.all([
      ...Array.from({ length: 3 }, () =>
        server.request(PayMilestone, { input: item(p!.enrollment.id, weekly.id) as never }, staff),
      ),
      payAll([item(p!.enrollment.id, weekly.id), item(p!.enrollment.id, weekly.id)]),
    ]);
    for (const result of results) expect(result.errors).toBeUndefined();
    const rows = await server.sql<{ occurrence: number }[]>`
      SELECT milestone_occurrence AS occurrence FROM payments WHERE enrollment_id = ${p!.enrollment.id} ORDER BY 1`;
    expect(rows.map((r) => r.occurrence)).toEqual([1, 2, 3, 4, 5]);
  });

  it("pays in order while the contract's funding lasts; the rest answer INSUFFICIENT_FUNDS and nothing is overdrawn", async () => {
    await fund(b, 3_000n);
    const visit = await milestone(b, 1_000n);
    const people = await enrolled(b, 5);
    const result = await payAll(
      people.map((p) => item(p.enrollment.id, visit.id)),
      theirStaff,
    );
    expect(codes(result)).toEqual(["PAID", "PAID", "PAID", "INSUFFICIENT_FUNDS", "INSUFFICIENT_FUNDS"]);
    expect(result.data!.payMilestones.results[3]!.error!.message).toBe(
      "The contract's remaining funding is 0.00 USD.",
    );
    expect(await ledger(b)).toMatchObject({ deposited: "3000", committed: "3000", paid: "3000", count: 3 });
  });

  it("concurrent batches against funding for fewer payments than asked: exactly what the funding allows, remaining 0", async () => {
    await fund(a, 25n * 500n);
    const before = await ledger(a);
    const visit = await milestone(a, 500n);
    const people = await enrolled(a, 40);
    const batches = [0, 1, 2, 3].map((k) => people.slice(k * 10, k * 10 + 10));
    const results = await Promise.all(
      batches.map((batch) => payAll(batch.map((p) => item(p.enrollment.id, visit.id)))),
    );
    const all = results.flatMap(codes);
    expect(all.filter((code) => code === "PAID")).toHaveLength(25);
    expect(all.filter((code) => code === "INSUFFICIENT_FUNDS")).toHaveLength(15);
    expect(await ledger(a)).toMatchObject({
      deposited: String(25 * 500),
      committed: String(25 * 500),
      paid: String(Number(before.paid) + 25 * 500),
      count: before.count + 25,
    });
  });

  it("two identical batches at once pay each milestone once", async () => {
    await fund(a, 1_000_000n);
    const before = await ledger(a);
    const visit = await milestone(a, 300n);
    const people = await enrolled(a, 8);
    const items = people.map((p) => item(p.enrollment.id, visit.id));
    const results = await Promise.all([payAll(items), payAll(items), payAll([...items].reverse())]);
    const all = results.flatMap(codes);
    expect(all.filter((code) => code === "PAID")).toHaveLength(8);
    expect(all.filter((code) => code === "CONFLICT")).toHaveLength(16);
    expect(await ledger(a)).toMatchObject({
      count: before.count + 8,
      paid: String(Number(before.paid) + 8 * 300),
    });
  });

  it("takes the ids the schema shows: a PaymentScheduleLine's id is the milestoneId", async () => {
    await fund(a, 1_000_000n);
    const visit = await milestone(a, 900n);
    const schedule = await server.request(
      Schedule,
      { trialId: gid.trial(a.trial.id), siteId: gid.site(a.sites[0]!.id) },
      staff,
    );
    const line = schedule.data!.paymentSchedule.find((l) => l.uid === visit.uid)!;
    expect(line.id).toBe(visit.id);
    const [p] = await enrolled(a, 1);
    expect(codes(await payAll([item(p!.enrollment.id, line.id)]))).toEqual(["PAID"]);
    // A raw uid is not an id: BAD_USER_INPUT naming the field, for the batch's item as for payMilestone.
    const [q] = await enrolled(a, 1);
    const raw = await expectNothingWritten(server, () => payAll([item(q!.enrollment.id, visit.uid)]));
    expect(raw.data!.payMilestones.results[0]!.error).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: ["milestoneId"],
    });
    const single = await expectNothingWritten(server, () =>
      server.request(PayMilestone, { input: item(q!.enrollment.id, visit.uid) as never }, staff),
    );
    expect(errorCode(single)).toBe("BAD_USER_INPUT");
    expect(single.errors![0]!.extensions!.fields).toEqual([
      expect.objectContaining({ field: "milestoneId" }),
    ]);
  });

  it("holds 1 to 500 items; more, or none, is BAD_USER_INPUT and writes nothing", async () => {
    const visit = await milestone(a, 100n);
    const [p] = await enrolled(a, 1);
    for (const count of [0, 501]) {
      const result = await expectNothingWritten(server, () =>
        payAll(Array.from({ length: count }, () => item(p!.enrollment.id, visit.id))),
      );
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      expect(result.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: "items" })]);
    }
  });

  it("refuses a caller without a session, and answers a participant's own enrollment as not theirs to pay", async () => {
    const visit = await milestone(a, 100n);
    const [p] = await enrolled(a, 1);
    const anonymous = await expectNothingWritten(server, () =>
      payAll([item(p!.enrollment.id, visit.id)], ""),
    );
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
    const self = await expectNothingWritten(server, () =>
      payAll([item(p!.enrollment.id, visit.id)], p!.token),
    );
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(codes(self)[0]);
  });

  it("under an Idempotency-Key: a repeat answers the first answer and writes nothing; an answer that paid nothing is not kept", async () => {
    await fund(a, 0n);
    const visit = await milestone(a, 400n);
    const people = await enrolled(a, 2);
    const items = people.map((p) => item(p.enrollment.id, visit.id));
    const key = { "Idempotency-Key": randomUUID() };
    const broke = await expectNothingWritten(server, () => payAll(items, staff, key));
    expect(codes(broke)).toEqual(["INSUFFICIENT_FUNDS", "INSUFFICIENT_FUNDS"]);
    await fund(a, 1_000_000n);
    const first = await payAll(items, staff, key);
    expect(codes(first)).toEqual(["PAID", "PAID"]);
    const again = await expectNothingWritten(server, () => payAll(items, staff, key));
    expect(again.data).toEqual(first.data);
    const other = await expectNothingWritten(server, () => payAll(items.slice(0, 1), staff, key));
    expect(errorCode(other)).toBe("CONFLICT");
  });

  it("reads and writes in a fixed number of statements, whatever the number of items", async () => {
    await fund(a, 1_000_000n);
    const visit = await milestone(a, 100n);
    const statementsFor = async (n: number) => {
      const people = await enrolled(a, n);
      const before = server.statements.count;
      const result = await payAll(people.map((p) => item(p.enrollment.id, visit.id)));
      expect(codes(result).every((code) => code === "PAID")).toBe(true);
      return server.statements.count - before;
    };
    const few = await statementsFor(2);
    expect(await statementsFor(40)).toBe(few);
  });
});
