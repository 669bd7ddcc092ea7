import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, milestones, milestoneVersions, payments, trials } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { insertPaypal } from "../payments/claim-fixtures.js";
import { staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

/* Mileage within distance × the trial's mileage rate is a reimbursement; only the rest is reportable income. */

const SetRate = graphql(`
  mutation MileageRateSet($input: SetMileageRateInput!) {
    setMileageRate(input: $input) { trial { mileageRate { amount { amount currency } unit } } }
  }
`);
const ReadRate = graphql(`
  query MileageRateRead($id: ID!) { node(id: $id) { ... on Trial { mileageRate { amount { amount } unit } } } }
`);
const Pay = graphql(`
  mutation MileageRatePay($input: PayMileageInput!) {
    payMileage(input: $input) { payment { id distance mileageRate { amount { amount } unit } } }
  }
`);
const Listed = graphql(`
  query MileageRateListed($id: ID!) {
    participant(id: $id) { payments { nodes { distance mileageRate { amount { amount } unit } } } }
  }
`);
const Claim = graphql(`
  mutation MileageRateClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { claimed { uid } } }
`);
const TaxYear = graphql(`
  query MileageRateTaxYear($id: ID!, $year: Int!) {
    participant(id: $id) { taxYear(year: $year) { reportable { amount } nonReportable { amount } paymentCount } }
  }
`);

const YEAR = new Date().getUTCFullYear();
let server: TestServer;
let org: Organization;
let editor: string; // edit_trial and view_trials on the trial
let payer: string; // travel_payment on trial site 0
let line: string; // a milestone visit of trial site 0

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server, "Mileage rate");
  await server.sql`UPDATE contracts SET deposited_minor = 10000000 WHERE id = ${org.contract.id}`;
  editor = (await staffWith(server, ["edit_trial", "view_trials"], { trialId: org.trial.id })).token;
  payer = (
    await staffWith(server, ["travel_payment", "view_payments"], { trialSiteId: org.trialSites[0]!.id })
  ).token;
  const [milestone] = await server.db
    .insert(milestones)
    .values({ trialSiteId: org.trialSites[0]!.id, name: "Week 1" })
    .returning();
  await server.db
    .insert(milestoneVersions)
    .values({ milestoneId: milestone!.id, amountMinor: 1_000n, currency: "USD", effectiveAt: new Date(0) });
  line = gid.milestone(milestone!.id);
});
afterAll(() => server.close());

async function setRate(
  rate: { amount: string; currency?: string; unit?: "MILE" | "KM" } | null,
  token = editor,
) {
  return server.request(
    SetRate,
    {
      input: {
        trialId: gid.trial(org.trial.id),
        rate: rate && { currency: "USD", unit: "MILE" as const, ...rate },
      },
    },
    token,
  );
}

async function participant() {
  const p = await createEnrolledParticipant(server, org, 0);
  await insertPaypal(server, p.enrollment.id);
  return p;
}

async function payMileage(enrollmentId: string, amount: string, distance?: string | null) {
  return server.request(
    Pay,
    {
      input: {
        enrollmentId: gid.enrollment(enrollmentId),
        milestoneId: line,
        amount: { amount, currency: "USD" },
        ...(distance === undefined ? {} : { distance }),
      },
    },
    payer,
  );
}

/** The participant's claimed totals this year, after claiming what they are owed. */
async function claimedTotals(p: Awaited<ReturnType<typeof participant>>) {
  const claimed = await server.request(
    Claim,
    { input: { participantId: gid.participant(p.participant.id) } },
    p.token,
  );
  expect(claimed.errors).toBeUndefined();
  const result = await server.request(
    TaxYear,
    { id: gid.participant(p.participant.id), year: YEAR },
    p.token,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.participant!.taxYear[0];
}

describe("a trial's mileage rate", () => {
  it("is set and removed by edit_trial, read with view_trials, audited", async () => {
    const set = await setRate({ amount: "0.70" });
    expect(set.errors).toBeUndefined();
    expect(set.data?.setMileageRate.trial.mileageRate).toEqual({
      amount: { amount: "0.70", currency: "USD" },
      unit: "MILE",
    });
    const read = await server.request(ReadRate, { id: gid.trial(org.trial.id) }, editor);
    expect(read.data?.node).toEqual({ mileageRate: { amount: { amount: "0.70" }, unit: "MILE" } });
    const audits = await server.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.resourceId, org.trial.id));
    expect(audits.find((a) => a.action === "set_mileage_rate")?.changes).toEqual({
      mileageRate: { from: null, to: "0.70 USD per mile" },
    });
    const removed = await setRate(null);
    expect(removed.data?.setMileageRate.trial.mileageRate).toBeNull();
  });

  it("is refused in another currency, not positive, or without edit_trial; nothing changes", async () => {
    await setRate({ amount: "0.50", unit: "KM" });
    const payerOnly = await staffWith(server, ["view_trials"], { trialId: org.trial.id });
    const other = await createOrganization(server, "Other client");
    const stranger = (await staffWith(server, ["edit_trial", "view_trials"], { trialId: other.trial.id }))
      .token;
    for (const [rate, token, code] of [
      [{ amount: "0.50", currency: "EUR" }, editor, "BAD_USER_INPUT"],
      [{ amount: "0" }, editor, "BAD_USER_INPUT"],
      [{ amount: "-0.50" }, editor, "BAD_USER_INPUT"],
      [{ amount: "0.505" }, editor, "BAD_USER_INPUT"],
      [{ amount: "0.90" }, payerOnly.token, "FORBIDDEN"],
      [{ amount: "0.90" }, stranger, "NOT_FOUND"],
    ] as const) {
      await expectNothingWritten(server, async () => {
        expect(errorCode(await setRate(rate, token))).toBe(code);
      });
    }
    const [trial] = await server.db.select().from(trials).where(eq(trials.id, org.trial.id));
    expect([trial?.mileageRateMinor, trial?.mileageRateUnit]).toEqual([50n, "km"]);
  });
});

describe("mileage classification", () => {
  it("within distance × rate is not reportable; above it only the excess is", async () => {
    await setRate({ amount: "0.70", unit: "MILE" });
    const p = await participant();
    // 20 miles × 0.70 = 14.00: a 12.40 payment is all reimbursement.
    const under = await payMileage(p.enrollment.id, "12.40", "20");
    expect(under.errors).toBeUndefined();
    expect(under.data?.payMileage.payment).toMatchObject({
      distance: "20.00",
      mileageRate: { amount: { amount: "0.70" }, unit: "MILE" },
    });
    // 10.5 miles × 0.70 = 7.35: of a 10.00 payment, 2.65 is reportable.
    expect((await payMileage(p.enrollment.id, "10.00", "10.5")).errors).toBeUndefined();
    // Listed (reading only the columns asked for), each shows its distance and the rate it keeps.
    const listed = await server.request(Listed, { id: gid.participant(p.participant.id) }, p.token);
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.participant?.payments.nodes.map((n) => n.distance).sort()).toEqual([
      "10.50",
      "20.00",
    ]);
    expect(listed.data?.participant?.payments.nodes.map((n) => n.mileageRate?.amount.amount)).toEqual([
      "0.70",
      "0.70",
    ]);
    expect(await claimedTotals(p)).toEqual({
      reportable: { amount: "2.65" },
      nonReportable: { amount: "19.75" },
      paymentCount: 2,
    });
  });

  it("without a distance, or on a trial without a rate, is reportable in full", async () => {
    await setRate({ amount: "0.70", unit: "MILE" });
    const p = await participant();
    const noDistance = await payMileage(p.enrollment.id, "5.00");
    expect(noDistance.data?.payMileage.payment).toMatchObject({ distance: null, mileageRate: null });
    await setRate(null);
    const noRate = await payMileage(p.enrollment.id, "3.00", "100");
    expect(noRate.data?.payMileage.payment).toMatchObject({ distance: "100.00", mileageRate: null });
    expect(await claimedTotals(p)).toEqual({
      reportable: { amount: "8.00" },
      nonReportable: { amount: "0.00" },
      paymentCount: 2,
    });
  });

  it("keeps the rate it was paid at when the trial's rate changes later", async () => {
    await setRate({ amount: "1.00", unit: "KM" });
    const p = await participant();
    expect((await payMileage(p.enrollment.id, "10.00", "10")).errors).toBeUndefined();
    const before = await claimedTotals(p);
    expect(before).toMatchObject({ reportable: { amount: "0.00" }, nonReportable: { amount: "10.00" } });
    await setRate({ amount: "0.10", unit: "KM" });
    expect(await claimedTotals(p)).toEqual(before);
    await setRate(null);
    expect(await claimedTotals(p)).toEqual(before);
  });

  it("refuses a distance that is not above 0, over 10,000 or malformed, writing nothing", async () => {
    await setRate({ amount: "0.70", unit: "MILE" });
    const p = await participant();
    for (const distance of ["0", "-5", "0.00", "10000.01", "abc", "1.234", ""]) {
      await expectNothingWritten(server, async () => {
        const result = await payMileage(p.enrollment.id, "5.00", distance);
        expect(errorCode(result)).toBe("BAD_USER_INPUT");
        expect(JSON.stringify(result.errors)).toContain("distance");
      });
    }
    expect((await payMileage(p.enrollment.id, "5.00", "10000")).errors).toBeUndefined();
  });

  it("pays no one in another client's trial", async () => {
    const other = await createOrganization(server, "Elsewhere");
    const theirs = await createEnrolledParticipant(server, other, 0);
    await expectNothingWritten(server, async () => {
      expect(errorCode(await payMileage(theirs.enrollment.id, "5.00", "10"))).toBe("NOT_FOUND");
    });
    const rows = await server.db
      .select()
      .from(payments)
      .where(eq(payments.enrollmentId, theirs.enrollment.id));
    expect(rows).toEqual([]);
  });
});
