import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { eventually } from "../support/eventually.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const AddMilestone = graphql(`
  mutation PayAddMilestone($input: AddMilestoneInput!) {
    addMilestone(input: $input) { milestone { id uid name repeatable effectiveAt amount { amount currency } } }
  }
`);
const Schedule = graphql(`
  query PaySchedule($trialId: ID!, $siteId: ID!) {
    paymentSchedule(trialId: $trialId, siteId: $siteId) { uid name amount { amount currency } }
  }
`);
const PayMilestone = graphql(`
  mutation PayPayMilestone($input: PayMilestoneInput!) {
    payMilestone(input: $input) {
      payment { id uid kind status milestoneName createdByName amount { amount currency } history { fromStatus toStatus actorName } }
    }
  }
`);
const PayMileage = graphql(`
  mutation PayPayMileage($input: PayMileageInput!) {
    payMileage(input: $input) { payment { id status kind amount { amount } } }
  }
`);
const Reimburse = graphql(`
  mutation PayReimburse($input: RequestReimbursementInput!) {
    requestReimbursement(input: $input) { payment { id uid status kind category amount { amount } } }
  }
`);
const Approve = graphql(`
  mutation PayApprove($input: ApprovePaymentInput!) {
    approvePayment(input: $input) { payment { id status history { fromStatus toStatus actorName reason } } }
  }
`);
const Reject = graphql(`
  mutation PayReject($input: RejectPaymentInput!) {
    rejectPayment(input: $input) { payment { id status rejectionReason history { fromStatus toStatus reason } } }
  }
`);
const Categories = graphql(`query PayCategories($trialId: ID!) { categories(trialId: $trialId) }`);
const AddCategory = graphql(`
  mutation PayAddCategory($input: AddCategoryInput!) { addCategory(input: $input) { categories } }
`);
const Payments = graphql(`
  query PayPayments($status: PaymentStatus) {
    payments(status: $status, first: 100) { edges { node { id uid status enrollment { id } } } }
  }
`);
const Pending = graphql(`
  query PayPending($participantId: ID!) {
    pendingReimbursements(participantId: $participantId) { id }
    pendingPayments(participantId: $participantId) { edges { node { id } } }
  }
`);
const ParticipantPayments = graphql(`
  query PayParticipantPayments($participantId: ID!) {
    participantPayments(participantId: $participantId) { id kind }
    recentPayments { id }
  }
`);
const Payable = graphql(`
  query PayPayable { payableVisits { appointmentId milestoneId milestoneName enrollment { id } amount { amount } } }
`);
const MilestonePayments = graphql(`
  query PayMilestonePayments($id: ID!) {
    node(id: $id) { ... on Enrollment { milestonePayments { milestone { name } timesPaid payable paid { amount } } } }
  }
`);

const STAFF = [
  "add_milestone",
  "view_payment_schedule",
  "milestone_payment",
  "travel_payment",
  "manual_payment",
  "approve_payments",
  "view_payments",
  "view_participants",
  "view_enrollments",
];
const PDF = Buffer.from("%PDF-1.4\n%receipt\n").toString("base64");

let server: TestServer;
let a: Organization;
let b: Organization;
let staff: string; // STAFF on A's trial site 0
let elsewhere: string; // STAFF on B's trial site 0
let editor: string; // edit_trial on A's trial

async function fund(org: Organization, depositedMinor: bigint) {
  await server.sql`UPDATE contracts SET deposited_minor = ${depositedMinor.toString()}, committed_minor = 0 WHERE id = ${org.contract.id}`;
}
async function funding(org: Organization) {
  const [row] = await server.sql<{ deposited: string; committed: string }[]>`
    SELECT deposited_minor::text AS deposited, committed_minor::text AS committed FROM contracts WHERE id = ${org.contract.id}`;
  return row!;
}
async function milestone(
  org: Organization,
  name: string,
  amount: string,
  extra: Record<string, unknown> = {},
) {
  const result = await server.request(
    AddMilestone,
    {
      input: {
        trialId: gid.trial(org.trial.id),
        siteId: gid.site(org.sites[0]!.id),
        name,
        amount: { amount, currency: "USD" },
        ...extra,
      },
    },
    org === a ? staff : elsewhere,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.addMilestone.milestone;
}
const pay = (enrollmentId: string, milestoneId: string, token = staff, appointmentId?: string) =>
  server.request(
    PayMilestone,
    { input: { enrollmentId: gid.enrollment(enrollmentId), milestoneId, appointmentId } },
    token,
  );

beforeAll(async () => {
  server = await startTestServer();
  a = await createOrganization(server, "Pay A");
  b = await createOrganization(server, "Pay B");
  staff = (await staffWith(server, STAFF, { trialSiteId: a.trialSites[0]!.id })).token;
  elsewhere = (await staffWith(server, STAFF, { trialSiteId: b.trialSites[0]!.id })).token;
  editor = (await staffWith(server, ["edit_trial"], { trialId: a.trial.id })).token;
});
afterAll(() => server.close());

describe("schedules", () => {
  it("adds a milestone; currency must be the contract's; same instant is a CONFLICT", async () => {
    const line = await milestone(a, "Screening", "75.00", { sortOrder: 1 });
    expect(line).toMatchObject({ name: "Screening", amount: { amount: "75.00", currency: "USD" } });
    const at = new Date(Date.now() - 60_000).toISOString();
    await milestone(a, "Baseline", "10.00", { effectiveAt: at });
    const again = await expectNothingWritten(server, () =>
      server.request(
        AddMilestone,
        {
          input: {
            trialId: gid.trial(a.trial.id),
            siteId: gid.site(a.sites[0]!.id),
            name: "Baseline",
            amount: { amount: "11.00", currency: "USD" },
            effectiveAt: at,
          },
        },
        staff,
      ),
    );
    expect(errorCode(again)).toBe("CONFLICT");
    const eur = await expectNothingWritten(server, () =>
      server.request(
        AddMilestone,
        {
          input: {
            trialId: gid.trial(a.trial.id),
            siteId: gid.site(a.sites[0]!.id),
            name: "Euro",
            amount: { amount: "1.00", currency: "EUR" },
          },
        },
        staff,
      ),
    );
    expect(errorCode(eur)).toBe("BAD_USER_INPUT");
    const cross = await expectNothingWritten(server, () =>
      server.request(
        AddMilestone,
        {
          input: {
            trialId: gid.trial(a.trial.id),
            siteId: gid.site(a.sites[0]!.id),
            name: "Sneaky",
            amount: { amount: "1.00", currency: "USD" },
          },
        },
        elsewhere,
      ),
    );
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(errorCode(cross));
    const schedule = await server.request(
      Schedule,
      { trialId: gid.trial(a.trial.id), siteId: gid.site(a.sites[0]!.id) },
      staff,
    );
    expect(schedule.data!.paymentSchedule.map((l) => l.name)).toEqual(
      expect.arrayContaining(["Screening", "Baseline"]),
    );
  });

  it("pays the amount of the version in effect, not a future one", async () => {
    await fund(a, 1_000_000n);
    const line = await milestone(a, "Week 1", "20.00");
    await milestone(a, "Week 1", "99.00", { effectiveAt: new Date(Date.now() + 86_400_000).toISOString() });
    const p = await createEnrolledParticipant(server, a, 0);
    const result = await pay(p.enrollment.id, line.id);
    expect(result.errors).toBeUndefined();
    expect(result.data!.payMilestone.payment).toMatchObject({
      kind: "MILESTONE",
      status: "UNCLAIMED",
      milestoneName: "Week 1",
      amount: { amount: "20.00", currency: "USD" },
      history: [{ fromStatus: null, toStatus: "UNCLAIMED" }],
    });
    // Backdate the future version: from its date on, it is used.
    await server.sql`UPDATE milestone_versions SET effective_at = now() - interval '1 hour' WHERE amount_minor = 2000 AND milestone_id = ${line.uid}`;
    await server.sql`UPDATE milestone_versions SET effective_at = now() - interval '1 minute' WHERE amount_minor = 9900 AND milestone_id = ${line.uid}`;
    const p2 = await createEnrolledParticipant(server, a, 0);
    const second = await pay(p2.enrollment.id, line.id);
    expect(second.data!.payMilestone.payment.amount.amount).toBe("99.00");
    expect(
      (await auditEntriesFor(server, result.data!.payMilestone.payment.uid)).map((x) => x.action),
    ).toEqual(["milestone_payment"]);
  });
});

describe("paying a milestone", () => {
  it("50 identical concurrent requests pay exactly once and commit funding once", async () => {
    await fund(a, 1_000_000n);
    const line = await milestone(a, "Concurrent visit", "12.34");
    const p = await createEnrolledParticipant(server, a, 0);
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 50 }, () => pay(p.enrollment.id, line.id)));
    const seconds = (performance.now() - started) / 1000;
    console.log(`50 concurrent payMilestone: ${(50 / seconds).toFixed(0)} requests/s`);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === "CONFLICT")).toHaveLength(49);
    const [count] = await server.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM payments WHERE enrollment_id = ${p.enrollment.id}`;
    expect(count!.n).toBe(1);
    expect((await funding(a)).committed).toBe("1234");
  });

  it("a contract funded for k payments, 2k concurrent payments: exactly k, remaining 0, the rest INSUFFICIENT_FUNDS", async () => {
    const k = 10;
    await fund(b, BigInt(k) * 500n);
    const line = await milestone(b, "Funded visit", "5.00");
    const people = await Promise.all(
      Array.from({ length: 2 * k }, () => createEnrolledParticipant(server, b, 0)),
    );
    const started = performance.now();
    const results = await Promise.all(people.map((p) => pay(p.enrollment.id, line.id, elsewhere)));
    const seconds = (performance.now() - started) / 1000;
    console.log(`${2 * k} concurrent funded payMilestone: ${((2 * k) / seconds).toFixed(0)} requests/s`);
    expect(results.filter((r) => !r.errors)).toHaveLength(k);
    const refused = results.filter((r) => r.errors);
    expect(refused.every((r) => errorCode(r) === "INSUFFICIENT_FUNDS")).toBe(true);
    expect(refused[0]!.errors![0]!.message).toContain("remaining funding is 0.00");
    const [row] = await server.sql<{ remaining: string; paid: string }[]>`
      SELECT (c.deposited_minor - c.committed_minor)::text AS remaining,
        (SELECT coalesce(sum(amount_minor), 0) FROM payments WHERE contract_id = c.id)::text AS paid
      FROM contracts c WHERE c.id = ${b.contract.id}`;
    expect(row).toEqual({ remaining: "0", paid: String(k * 500) });
    // One more refusal leaves the ledger as it was.
    const extra = await createEnrolledParticipant(server, b, 0);
    const again = await expectNothingWritten(server, () => pay(extra.enrollment.id, line.id, elsewhere));
    expect(errorCode(again)).toBe("INSUFFICIENT_FUNDS");
  });

  it("a payment waiting for its enrollment holds up no other payment of the contract: the contract is locked last", async () => {
    await fund(a, 1_000_000n);
    const line = await milestone(a, "Lock order", "2.00");
    const held = await createEnrolledParticipant(server, a, 0);
    const free = await createEnrolledParticipant(server, a, 0);
    const before = BigInt((await funding(a)).committed);
    // A connection of the test's own: one for the transaction holding the enrollment, one to watch the app's wait.
    const other = postgres(server.databaseUrl, { max: 2, onnotice: () => {} });
    try {
      const waiting = await other.begin(async (tx) => {
        await tx`SELECT 1 FROM enrollments WHERE id = ${held.enrollment.id} FOR UPDATE`;
        const request = pay(held.enrollment.id, line.id);
        await eventually(async () => {
          const [row] = await other<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`;
          return row!.n > 0;
        });
        // Had the waiting payment locked the contract first, this one would wait for it, and so for this test.
        expect((await pay(free.enrollment.id, line.id)).errors).toBeUndefined();
        return { request };
      });
      expect((await waiting.request).errors).toBeUndefined();
    } finally {
      await other.end();
    }
    expect(BigInt((await funding(a)).committed) - before).toBe(400n);
  });

  it("a repeatable milestone pays twice; a non-repeatable one refuses a second payment", async () => {
    await fund(a, 1_000_000n);
    const rep = await milestone(a, "Weekly call", "3.00", { repeatable: true });
    const once = await milestone(a, "Once only", "4.00");
    const p = await createEnrolledParticipant(server, a, 0);
    expect((await pay(p.enrollment.id, rep.id)).errors).toBeUndefined();
    expect((await pay(p.enrollment.id, rep.id)).errors).toBeUndefined();
    expect((await pay(p.enrollment.id, once.id)).errors).toBeUndefined();
    const second = await expectNothingWritten(server, () => pay(p.enrollment.id, once.id));
    expect(errorCode(second)).toBe("CONFLICT");
    const view = await server.request(MilestonePayments, { id: gid.enrollment(p.enrollment.id) }, staff);
    const lines = (
      view.data!.node as {
        milestonePayments: { milestone: { name: string }; timesPaid: number; payable: boolean }[];
      }
    ).milestonePayments;
    expect(lines.find((l) => l.milestone.name === "Weekly call")).toMatchObject({
      timesPaid: 2,
      payable: true,
    });
    expect(lines.find((l) => l.milestone.name === "Once only")).toMatchObject({
      timesPaid: 1,
      payable: false,
    });
  });

  it("refuses a dropped enrollment and cross-site staff, writing nothing", async () => {
    await fund(a, 1_000_000n);
    const line = await milestone(a, "Drop check", "5.00");
    const p = await createEnrolledParticipant(server, a, 0);
    const cross = await expectNothingWritten(server, () => pay(p.enrollment.id, line.id, elsewhere));
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(errorCode(cross));
    const self = await expectNothingWritten(server, () => pay(p.enrollment.id, line.id, p.token));
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(errorCode(self));
    await server.sql`UPDATE enrollments SET status = 'dropped' WHERE id = ${p.enrollment.id}`;
    const dropped = await expectNothingWritten(server, () => pay(p.enrollment.id, line.id));
    expect(errorCode(dropped)).toBe("CONFLICT");
  });

  it("mileage takes a positive amount from the caller and commits funding", async () => {
    await fund(a, 1_000n);
    const p = await createEnrolledParticipant(server, a, 0);
    const input = (amount: string) => ({
      input: { enrollmentId: gid.enrollment(p.enrollment.id), amount: { amount, currency: "USD" } },
    });
    const ok = await server.request(PayMileage, input("2.25"), staff);
    expect(ok.data!.payMileage.payment).toMatchObject({
      kind: "MILEAGE",
      status: "UNCLAIMED",
      amount: { amount: "2.25" },
    });
    expect((await funding(a)).committed).toBe("225");
    for (const bad of ["-1", "0", "1.234"]) {
      const r = await expectNothingWritten(server, () => server.request(PayMileage, input(bad), staff));
      expect(errorCode(r)).toBe("BAD_USER_INPUT");
    }
    const over = await expectNothingWritten(server, () => server.request(PayMileage, input("9.00"), staff));
    expect(errorCode(over)).toBe("INSUFFICIENT_FUNDS");
    expect(over.errors![0]!.message).toContain("7.75");
  });
});

describe("reimbursements", () => {
  it("categories: defaults until the trial has its own", async () => {
    const c = await createOrganization(server, "Cat C");
    const catEditor = (await staffWith(server, ["edit_trial"], { trialId: c.trial.id })).token;
    const before = await server.request(Categories, { trialId: gid.trial(c.trial.id) }, catEditor);
    expect(before.data!.categories).toEqual([
      "Airfare",
      "Hotel",
      "Meal",
      "Other",
      "Parking",
      "Tolls",
      "Transportation",
    ]);
    const denied = await expectNothingWritten(server, () =>
      server.request(AddCategory, { input: { trialId: gid.trial(c.trial.id), category: "x" } }, editor),
    );
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(errorCode(denied));
    const added = await server.request(
      AddCategory,
      { input: { trialId: gid.trial(c.trial.id), category: "Applesauce" } },
      catEditor,
    );
    expect(added.data!.addCategory.categories).toEqual(["Applesauce"]);
  });

  it("a participant requests; staff approve (committing funding) or reject with a reason; history kept", async () => {
    await fund(a, 100_000n);
    const p = await createEnrolledParticipant(server, a, 0);
    const carer = await createCaregiver(server, p.participant.id);
    const request = (token: string, extra: Record<string, unknown> = {}) =>
      server.request(
        Reimburse,
        {
          input: {
            enrollmentId: gid.enrollment(p.enrollment.id),
            amount: { amount: "53.00", currency: "USD" },
            category: "Meal",
            attachments: [{ filename: "receipt.pdf", dataBase64: PDF }],
            ...extra,
          },
        },
        token,
      );
    const bad = await expectNothingWritten(server, () => request(p.token, { category: "Yachts" }));
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    const notPdf = await expectNothingWritten(server, () =>
      request(p.token, { attachments: [{ dataBase64: Buffer.from("hello").toString("base64") }] }),
    );
    expect(errorCode(notPdf)).toBe("BAD_USER_INPUT");
    const mine = await request(p.token);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.requestReimbursement.payment).toMatchObject({ status: "PENDING", category: "Meal" });
    expect((await funding(a)).committed).toBe("0");
    const theirs = await request(carer.token);
    expect(theirs.errors).toBeUndefined();
    const [att] = await server.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM payment_attachments WHERE payment_id = ${mine.data!.requestReimbursement.payment.uid}`;
    expect(att!.n).toBe(1);

    const pending = await server.request(
      Pending,
      { participantId: gid.participant(p.participant.id) },
      staff,
    );
    expect(pending.data!.pendingReimbursements).toHaveLength(2);
    expect(pending.data!.pendingPayments.edges).toHaveLength(2);

    const id1 = mine.data!.requestReimbursement.payment.id;
    const id2 = theirs.data!.requestReimbursement.payment.id;
    const crossApprove = await expectNothingWritten(server, () =>
      server.request(Approve, { input: { paymentId: id1 } }, elsewhere),
    );
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(errorCode(crossApprove));
    const selfApprove = await expectNothingWritten(server, () =>
      server.request(Approve, { input: { paymentId: id1 } }, p.token),
    );
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(errorCode(selfApprove));

    const approved = await server.request(Approve, { input: { paymentId: id1 } }, staff);
    expect(approved.data!.approvePayment.payment.status).toBe("UNCLAIMED");
    expect(approved.data!.approvePayment.payment.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, "PENDING"],
      ["PENDING", "UNCLAIMED"],
    ]);
    expect((await funding(a)).committed).toBe("5300");
    const twice = await expectNothingWritten(server, () =>
      server.request(Approve, { input: { paymentId: id1 } }, staff),
    );
    expect(errorCode(twice)).toBe("CONFLICT");

    const noReason = await expectNothingWritten(server, () =>
      server.request(Reject, { input: { paymentId: id2, reason: " " } }, staff),
    );
    expect(errorCode(noReason)).toBe("BAD_USER_INPUT");
    const rejected = await server.request(
      Reject,
      { input: { paymentId: id2, reason: "No receipt total" } },
      staff,
    );
    expect(rejected.data!.rejectPayment.payment).toMatchObject({
      status: "REJECTED",
      rejectionReason: "No receipt total",
      history: [
        { fromStatus: null, toStatus: "PENDING" },
        { fromStatus: "PENDING", toStatus: "REJECTED", reason: "No receipt total" },
      ],
    });
    expect((await funding(a)).committed).toBe("5300");
    const approveRejected = await expectNothingWritten(server, () =>
      server.request(Approve, { input: { paymentId: id2 } }, staff),
    );
    expect(errorCode(approveRejected)).toBe("CONFLICT");
  });
});

describe("lists", () => {
  it("the participant sees only their own payments; cross-site staff see none of them", async () => {
    await fund(a, 100_000n);
    const line = await milestone(a, "List visit", "1.00");
    const p = await createEnrolledParticipant(server, a, 0);
    const other = await createEnrolledParticipant(server, a, 0);
    await pay(p.enrollment.id, line.id);
    await pay(other.enrollment.id, line.id);
    const own = await server.request(Payments, {}, p.token);
    const enrollmentIds = new Set(own.data!.payments.edges.map((e) => e.node.enrollment.id));
    expect([...enrollmentIds]).toEqual([gid.enrollment(p.enrollment.id)]);
    const theirs = await server.request(
      ParticipantPayments,
      { participantId: gid.participant(p.participant.id) },
      p.token,
    );
    expect(theirs.data!.participantPayments).toHaveLength(1);
    expect(theirs.data!.recentPayments).toHaveLength(1);
    const peek = await server.request(
      ParticipantPayments,
      { participantId: gid.participant(other.participant.id) },
      p.token,
    );
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(errorCode(peek));
    const cross = await server.request(Payments, {}, elsewhere);
    const crossIds = cross.data!.payments.edges.map((e) => e.node.enrollment.id);
    expect(crossIds).not.toContain(gid.enrollment(p.enrollment.id));
    const staffView = await server.request(
      ParticipantPayments,
      { participantId: gid.participant(p.participant.id) },
      staff,
    );
    expect(staffView.data!.participantPayments).toHaveLength(1);
  });

  it("payable visits: attended, with a milestone, enrolled, not yet paid", async () => {
    await fund(a, 100_000n);
    const line = await milestone(a, "Payable visit", "8.00");
    const p = await createEnrolledParticipant(server, a, 0);
    const insertVisit = (status: "attended" | "scheduled") =>
      server.db
        .insert(appointments)
        .values({
          enrollmentId: p.enrollment.id,
          milestoneId: line.uid,
          scheduledAt: new Date(Date.now() - 3_600_000),
          timeZone: "America/New_York",
          status,
        })
        .returning();
    const [attended] = await insertVisit("attended");
    await insertVisit("scheduled");
    const visits = async () =>
      (await server.request(Payable, {}, staff)).data!.payableVisits.filter(
        (v) => v.enrollment.id === gid.enrollment(p.enrollment.id),
      );
    const [visit] = await visits();
    expect(visit).toEqual(
      expect.objectContaining({
        appointmentId: gid.appointment(attended!.id),
        milestoneId: line.id,
        milestoneName: "Payable visit",
        amount: { amount: "8.00" },
      }),
    );
    const elsewhereVisits = (await server.request(Payable, {}, elsewhere)).data!.payableVisits;
    expect(elsewhereVisits.map((v) => v.enrollment.id)).not.toContain(gid.enrollment(p.enrollment.id));
    // A payable visit is payMilestone's input as it stands.
    const paid = await pay(p.enrollment.id, visit!.milestoneId, staff, visit!.appointmentId);
    expect(paid.errors).toBeUndefined();
    expect(await visits()).toEqual([]);
  });
});
