import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, insertMilestone, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { type ServerProcess, startServerProcess } from "../support/processes.js";
import { errorCode, graphqlClient, startTestServer, type TestServer } from "../support/server.js";

/*
 * Low-balance alerts: a threshold on a contract (an amount or a percentage of deposits), watchers who opt in, and
 * one alert per crossing below it: an e-mail in the outbox for each watcher still holding view_contract and a row
 * on Contract.fundingAlerts. Under concurrent payments from two server processes the crossing still alerts once.
 */

const SetThreshold = graphql(`
  mutation AlertSetThreshold($input: SetLowBalanceThresholdInput!) {
    setLowBalanceThreshold(input: $input) {
      contract { id lowBalanceThreshold { amount { amount currency } percentOfDeposits belowSince } }
    }
  }
`);
const Watch = graphql(`
  mutation AlertWatch($input: WatchContractFundingInput!) {
    watchContractFunding(input: $input) { contract { id watchingFunding } }
  }
`);
const ContractAlerts = graphql(`
  query AlertContract($id: ID!) {
    contract(id: $id) {
      watchingFunding
      funding { remaining { amount } }
      lowBalanceThreshold { amount { amount } percentOfDeposits belowSince }
      fundingAlerts(first: 10) {
        totalCount
        edges { node { remaining { amount currency } threshold { amount } notifiedCount createdAt } }
      }
    }
  }
`);
const MyAlerts = graphql(`
  query AlertMine {
    fundingAlerts(first: 10) { totalCount edges { node { contract { id name } remaining { amount } } } }
  }
`);
const AddFunding = graphql(`
  mutation AlertAddFunding($input: AddFundingInput!) {
    addFunding(input: $input) { contract { funding { remaining { amount } } } }
  }
`);
const PayMileage = graphql(`
  mutation AlertPayMileage($input: PayMileageInput!) {
    payMileage(input: $input) { payment { id status } }
  }
`);
const PayMilestone = graphql(`
  mutation AlertPayMilestone($input: PayMilestoneInput!) {
    payMilestone(input: $input) { payment { id status } }
  }
`);
const Reimburse = graphql(`
  mutation AlertReimburse($input: RequestReimbursementInput!) {
    requestReimbursement(input: $input) { payment { id status } }
  }
`);
const Approve = graphql(`
  mutation AlertApprove($input: ApprovePaymentInput!) {
    approvePayment(input: $input) { payment { id status } }
  }
`);

const PAYER = ["travel_payment", "manual_payment", "approve_payments", "view_payments", "view_enrollments"];

let server: TestServer;
let adminToken: string;
let a: Organization;
let b: Organization;
let manager: { token: string; uid: string }; // edit_contract and view_contract on A's contract
let payer: string; // pays on A's trial site 0
let enrollmentId: string;

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.loginAdmin();
  a = await createOrganization(server, "Alert A");
  b = await createOrganization(server, "Alert B");
  manager = await staffWith(server, ["edit_contract", "view_contract"], { contractId: a.contract.id });
  payer = (await staffWith(server, PAYER, { trialSiteId: a.trialSites[0]!.id })).token;
  enrollmentId = (await createEnrolledParticipant(server, a, 0)).enrollment.id;
});
afterAll(() => server.close());

/** A new contract of client A (with a trial, a trial site and an enrolled participant), funded with `deposit`. */
async function fundedContract(deposit: string) {
  const org = await createOrganization(server, "Alert extra");
  const { enrollment } = await createEnrolledParticipant(server, org, 0);
  const funded = await server.request(
    AddFunding,
    { input: { contractId: gid.contract(org.contract.id), amount: { amount: deposit, currency: "USD" } } },
    adminToken,
  );
  expect(funded.errors).toBeUndefined();
  return { org, enrollmentId: enrollment.id };
}

const setThreshold = (contractId: string, input: Record<string, unknown>, token = manager.token) =>
  server.request(SetThreshold, { input: { contractId: gid.contract(contractId), ...input } }, token);
const watch = (contractId: string, token: string, watching = true) =>
  server.request(Watch, { input: { contractId: gid.contract(contractId), watching } }, token);
const pay = (
  enrollment: string,
  amount: string,
  token: string,
  client: Pick<TestServer, "request"> = server,
) =>
  client.request(
    PayMileage,
    { input: { enrollmentId: gid.enrollment(enrollment), amount: { amount, currency: "USD" } } },
    token,
  );
const deposit = (contractId: string, amount: string) =>
  server.request(
    AddFunding,
    { input: { contractId: gid.contract(contractId), amount: { amount, currency: "USD" } } },
    adminToken,
  );

/** Low-balance e-mails in the outbox for a contract, by recipient. */
async function alertEmails(contractId: string) {
  const rows = await server.sql<{ recipient: string; n: number }[]>`
    SELECT recipient, count(*)::int AS n FROM notification_outbox
    WHERE template = 'low_balance' AND payload->>'contractId' = ${contractId} GROUP BY recipient`;
  return Object.fromEntries(rows.map((row) => [row.recipient, row.n]));
}
const alertRows = async (contractId: string) =>
  (
    await server.sql<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM funding_alerts WHERE contract_id = ${contractId}`
  )[0]!.n;

describe("setting a threshold", () => {
  it("sets an amount or a percentage, audited, and clears it", async () => {
    const amount = await setThreshold(a.contract.id, { amount: { amount: "30.00", currency: "USD" } });
    expect(amount.errors).toBeUndefined();
    // Nothing deposited yet: remaining funding is below it from the start (and no alert is sent for that).
    expect(amount.data!.setLowBalanceThreshold.contract.lowBalanceThreshold).toMatchObject({
      amount: { amount: "30.00", currency: "USD" },
      percentOfDeposits: null,
    });
    expect(amount.data!.setLowBalanceThreshold.contract.lowBalanceThreshold!.belowSince).not.toBeNull();
    await server.sql`UPDATE contracts SET deposited_minor = 100001 WHERE id = ${a.contract.id}`;
    const percent = await setThreshold(a.contract.id, { percentOfDeposits: "12.5" });
    expect(percent.errors).toBeUndefined();
    // 12.5% of 1000.01, rounded up to the cent.
    expect(percent.data!.setLowBalanceThreshold.contract.lowBalanceThreshold).toMatchObject({
      amount: { amount: "125.01" },
      percentOfDeposits: "12.5",
    });
    const cleared = await setThreshold(a.contract.id, {});
    expect(cleared.data!.setLowBalanceThreshold.contract.lowBalanceThreshold).toBeNull();
    const audit = (await auditEntriesFor(server, a.contract.id)).filter(
      (e) => e.action === "set_low_balance_threshold",
    );
    expect(audit.map((e) => e.changes.lowBalanceThreshold)).toEqual([
      { from: null, to: "30.00 USD" },
      { from: "30.00 USD", to: "12.5% of deposits" },
      { from: "12.5% of deposits", to: null },
    ]);
    expect(audit[0]).toMatchObject({ actor_user_id: manager.uid });
    await server.sql`UPDATE contracts SET deposited_minor = 0 WHERE id = ${a.contract.id}`;
  });

  it.each([
    ["a negative amount", { amount: { amount: "-5.00", currency: "USD" } }, "amount.amount"],
    ["a zero amount", { amount: { amount: "0", currency: "USD" } }, "amount.amount"],
    ["another currency", { amount: { amount: "5.00", currency: "EUR" } }, "amount.currency"],
    ["a percentage of 0", { percentOfDeposits: "0" }, "percentOfDeposits"],
    ["a percentage of 100", { percentOfDeposits: "100" }, "percentOfDeposits"],
    ["a percentage above 100", { percentOfDeposits: "150" }, "percentOfDeposits"],
    ["a negative percentage", { percentOfDeposits: "-5" }, "percentOfDeposits"],
    ["a percentage with three decimals", { percentOfDeposits: "1.125" }, "percentOfDeposits"],
    ["not a number", { percentOfDeposits: "lots" }, "percentOfDeposits"],
    [
      "both an amount and a percentage",
      { amount: { amount: "5.00", currency: "USD" }, percentOfDeposits: "5" },
      "percentOfDeposits",
    ],
  ])("refuses %s with BAD_USER_INPUT, writing nothing", async (_case, input, field) => {
    const result = await expectNothingWritten(server, () => setThreshold(a.contract.id, input));
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(result.errors![0]!.extensions)).toContain(field);
  });

  it("refuses another client's contract (NOT_FOUND) and a viewer without edit_contract (FORBIDDEN), writing nothing", async () => {
    const other = await expectNothingWritten(server, () =>
      setThreshold(b.contract.id, { amount: { amount: "5.00", currency: "USD" } }),
    );
    expect(errorCode(other)).toBe("NOT_FOUND");
    const viewer = await staffWith(server, ["view_contract"], { contractId: a.contract.id });
    const forbidden = await expectNothingWritten(server, () =>
      setThreshold(a.contract.id, { amount: { amount: "5.00", currency: "USD" } }, viewer.token),
    );
    expect(errorCode(forbidden)).toBe("FORBIDDEN");
  });
});

describe("watching a contract's funding", () => {
  it("opts in and out with view_contract, audited", async () => {
    const viewer = await staffWith(server, ["view_contract"], { clientId: a.client.id });
    const on = await watch(a.contract.id, viewer.token);
    expect(on.errors).toBeUndefined();
    expect(on.data!.watchContractFunding.contract.watchingFunding).toBe(true);
    const again = await watch(a.contract.id, viewer.token);
    expect(again.data!.watchContractFunding.contract.watchingFunding).toBe(true);
    const off = await watch(a.contract.id, viewer.token, false);
    expect(off.data!.watchContractFunding.contract.watchingFunding).toBe(false);
    const audit = (await auditEntriesFor(server, a.contract.id)).filter((e) => e.action.includes("watch"));
    expect(audit.map((e) => e.action)).toEqual(["watch_contract_funding", "unwatch_contract_funding"]);
  });

  it("refuses a user without view_contract and another client's contract, writing nothing", async () => {
    const trialStaff = await staffWith(server, ["view_trials", "view_payments"], { trialId: a.trial.id });
    const without = await expectNothingWritten(server, () => watch(a.contract.id, trialStaff.token));
    expect(errorCode(without)).toBe("FORBIDDEN");
    const viewer = await staffWith(server, ["view_contract"], { contractId: a.contract.id });
    const other = await expectNothingWritten(server, () => watch(b.contract.id, viewer.token));
    expect(errorCode(other)).toBe("NOT_FOUND");
    // Nor can they read whether others' contracts are watched, or their alerts.
    const read = await server.request(ContractAlerts, { id: gid.contract(a.contract.id) }, trialStaff.token);
    expect(errorCode(read)).toBe("FORBIDDEN");
  });
});

describe("alerts", () => {
  it("fire once per crossing, not again until funding rises to the threshold and falls again; only to watchers still holding view_contract", async () => {
    await deposit(a.contract.id, "100.00");
    expect(
      (await setThreshold(a.contract.id, { amount: { amount: "30.00", currency: "USD" } })).errors,
    ).toBeUndefined();
    const first = await staffWith(server, ["view_contract"], { clientId: a.client.id });
    const second = await staffWith(server, ["view_contract"], { contractId: a.contract.id });
    const quitter = await staffWith(server, ["view_contract"], { contractId: a.contract.id });
    const bystander = await staffWith(server, ["view_contract"], { contractId: a.contract.id });
    for (const user of [first, second, quitter])
      expect((await watch(a.contract.id, user.token)).errors).toBeUndefined();
    expect((await pay(enrollmentId, "50.00", payer)).errors).toBeUndefined(); // 50.00 left
    expect(await alertRows(a.contract.id)).toBe(0);
    expect((await pay(enrollmentId, "25.00", payer)).errors).toBeUndefined(); // 25.00 left: crossed
    expect(await alertEmails(a.contract.id)).toEqual({
      [first.email]: 1,
      [second.email]: 1,
      [quitter.email]: 1,
    });
    const read = await server.request(ContractAlerts, { id: gid.contract(a.contract.id) }, second.token);
    expect(read.errors).toBeUndefined();
    expect(read.data!.contract!.fundingAlerts).toMatchObject({
      totalCount: 1,
      edges: [
        {
          node: {
            remaining: { amount: "25.00", currency: "USD" },
            threshold: { amount: "30.00" },
            notifiedCount: 3,
          },
        },
      ],
    });
    expect(read.data!.contract!.lowBalanceThreshold!.belowSince).not.toBeNull();

    await pay(enrollmentId, "5.00", payer); // 20.00: still below, no new alert
    await deposit(a.contract.id, "5.00"); // 25.00: still below
    await pay(enrollmentId, "1.00", payer); // 24.00
    expect(await alertRows(a.contract.id)).toBe(1);

    await deposit(a.contract.id, "6.00"); // 30.00: back to the threshold, so the next fall is a new crossing
    const back = await server.request(ContractAlerts, { id: gid.contract(a.contract.id) }, second.token);
    expect(back.data!.contract!.lowBalanceThreshold!.belowSince).toBeNull();
    // One watcher loses view_contract, one opts out; a bystander never opted in.
    await server.sql`DELETE FROM grants WHERE user_id = ${second.uid}`;
    await watch(a.contract.id, quitter.token, false);
    await pay(enrollmentId, "0.01", payer); // 29.99: crossed again
    expect(await alertRows(a.contract.id)).toBe(2);
    expect(await alertEmails(a.contract.id)).toEqual({
      [first.email]: 2,
      [second.email]: 1,
      [quitter.email]: 1,
    });
    expect(await alertEmails(a.contract.id)).not.toHaveProperty(bystander.email);
    const mail = await server.sql<{ subject: string; body: string }[]>`
      SELECT subject, body FROM notification_outbox WHERE template = 'low_balance' AND recipient = ${first.email}
      ORDER BY created_at DESC LIMIT 1`;
    expect(mail[0]!.body).toContain("29.99 USD");
    expect(mail[0]!.body).toContain("30.00 USD");
    // The in-app notices: the watcher's own list; none for one who lost view_contract or never watched.
    const mine = await server.request(MyAlerts, {}, first.token);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.fundingAlerts.totalCount).toBe(2);
    expect(mine.data!.fundingAlerts.edges.map((e) => e.node.remaining.amount)).toEqual(["29.99", "25.00"]);
    expect(mine.data!.fundingAlerts.edges[0]!.node.contract.id).toBe(gid.contract(a.contract.id));
    for (const user of [second, bystander]) {
      const none = await server.request(MyAlerts, {}, user.token);
      expect(none.data!.fundingAlerts.totalCount).toBe(0);
    }
  });

  it("an approval that crosses a percentage threshold alerts; setting a threshold above remaining funding does not", async () => {
    const { org, enrollmentId: enrolled } = await fundedContract("1000.00");
    const boss = await staffWith(server, ["edit_contract", "view_contract"], { contractId: org.contract.id });
    const staff = (await staffWith(server, PAYER, { trialSiteId: org.trialSites[0]!.id })).token;
    expect((await watch(org.contract.id, boss.token)).errors).toBeUndefined();
    const set = await setThreshold(org.contract.id, { percentOfDeposits: "10" }, boss.token);
    expect(set.data?.setLowBalanceThreshold.contract.lowBalanceThreshold).toMatchObject({
      amount: { amount: "100.00" },
      belowSince: null,
    });
    const asked = await server.request(
      Reimburse,
      {
        input: {
          enrollmentId: gid.enrollment(enrolled),
          amount: { amount: "900.01", currency: "USD" },
          category: "Hotel",
        },
      },
      staff,
    );
    expect(asked.errors).toBeUndefined();
    expect(await alertRows(org.contract.id)).toBe(0); // pending: nothing committed yet
    const approved = await server.request(
      Approve,
      { input: { paymentId: asked.data!.requestReimbursement.payment.id } },
      staff,
    );
    expect(approved.errors).toBeUndefined();
    expect(await alertRows(org.contract.id)).toBe(1);
    expect(await alertEmails(org.contract.id)).toEqual({ [boss.email]: 1 });
    // A new, higher threshold set while below: no alert on setting it, none on the next payment.
    await setThreshold(org.contract.id, { amount: { amount: "500.00", currency: "USD" } }, boss.token);
    await pay(enrolled, "1.00", staff);
    expect(await alertRows(org.contract.id)).toBe(1);
  });
});

describe("alerts under concurrent payments from two server processes", () => {
  let second: ServerProcess;
  beforeAll(async () => {
    second = await startServerProcess(server.databaseUrl);
  }, 60_000);
  afterAll(() => second?.stop());

  it("a contract crossing its threshold once alerts each watcher exactly once", async () => {
    const { org, enrollmentId: enrolled } = await fundedContract("100.00");
    const boss = await staffWith(server, ["edit_contract", "view_contract"], { contractId: org.contract.id });
    const other = await staffWith(server, ["view_contract"], { clientId: org.client.id });
    const staff = (await staffWith(server, PAYER, { trialSiteId: org.trialSites[0]!.id })).token;
    await watch(org.contract.id, boss.token);
    await watch(org.contract.id, other.token);
    await setThreshold(org.contract.id, { amount: { amount: "50.00", currency: "USD" } }, boss.token);
    const elsewhere = graphqlClient(second.url);
    // 40 payments of 2.00, half through each process, all at once: 20.00 remain, the threshold crossed once.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => pay(enrolled, "2.00", staff, i % 2 ? server : elsewhere)),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const [row] = await server.sql<{ remaining: string }[]>`
      SELECT (deposited_minor - committed_minor)::text AS remaining FROM contracts WHERE id = ${org.contract.id}`;
    expect(row!.remaining).toBe("2000");
    expect(await alertRows(org.contract.id)).toBe(1);
    expect(await alertEmails(org.contract.id)).toEqual({ [boss.email]: 1, [other.email]: 1 });
    const [alert] = await server.sql<{ remaining: string }[]>`
      SELECT remaining_minor::text AS remaining FROM funding_alerts WHERE contract_id = ${org.contract.id}`;
    // Payments of 2.00 from 100.00: the one that crossed 50.00 left 48.00.
    expect(alert!.remaining).toBe("4800");
  });

  it("milestone payments (each made by one statement unless it crosses) crossing it at once alert each watcher once", async () => {
    const { org } = await fundedContract("40.00");
    const boss = await staffWith(server, ["edit_contract", "view_contract"], { contractId: org.contract.id });
    const staff = (
      await staffWith(server, ["milestone_payment", "view_payments"], { trialSiteId: org.trialSites[0]!.id })
    ).token;
    await watch(org.contract.id, boss.token);
    await setThreshold(org.contract.id, { amount: { amount: "25.00", currency: "USD" } }, boss.token);
    const line = await insertMilestone(server, org.trialSites[0]!.id, {
      name: "Alert visit",
      amountMinor: 200n,
    });
    const people = await Promise.all(
      Array.from({ length: 12 }, () => createEnrolledParticipant(server, org, 0)),
    );
    const elsewhere = graphqlClient(second.url);
    // 12 payments of 2.00 from 40.00, half through each process, all at once: 16.00 remain, 25.00 crossed once.
    const results = await Promise.all(
      people.map(({ enrollment }, i) =>
        (i % 2 ? server : elsewhere).request(
          PayMilestone,
          { input: { enrollmentId: gid.enrollment(enrollment.id), milestoneId: gid.milestone(line.id) } },
          staff,
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const [row] = await server.sql<{ remaining: string }[]>`
      SELECT (deposited_minor - committed_minor)::text AS remaining FROM contracts WHERE id = ${org.contract.id}`;
    expect(row!.remaining).toBe("1600");
    expect(await alertRows(org.contract.id)).toBe(1);
    expect(await alertEmails(org.contract.id)).toEqual({ [boss.email]: 1 });
    const [alert] = await server.sql<{ remaining: string }[]>`
      SELECT remaining_minor::text AS remaining FROM funding_alerts WHERE contract_id = ${org.contract.id}`;
    // The payment that crossed 25.00 left 24.00.
    expect(alert!.remaining).toBe("2400");
  });
});
