import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEntries,
  contracts,
  enrollments,
  paymentAttachments,
  payments,
  taxpayerDetails,
} from "../../db/schema/index.js";
import { createLogger } from "../../server/logger.js";
import { graphql } from "../graphql/index.js";
import { insertPaypal, insertUnclaimedPayment, paymentRow, payoutJobs } from "../payments/claim-fixtures.js";
import { download, parseCsv, parseXlsx } from "../reports/fixtures.js";
import { registerUser, staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { eventually } from "../support/eventually.js";
import { gid } from "../support/ids.js";
import { createOrganization, grantPermissions, type Organization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const TaxYear = graphql(`
  query TaxYearTotals($id: ID!, $year: Int!) {
    participant(id: $id) {
      taxYear(year: $year) {
        taxYear payerName reportable { amount currency } nonReportable { amount currency } paymentCount
        threshold { amount currency } thresholdStatus taxpayerDetailsOnFile policy
      }
    }
  }
`);
const Thresholds = graphql(`
  query TaxThresholds($year: Int) {
    taxThresholds(taxYear: $year) { taxYear amount { amount currency } approachingPercent source }
  }
`);
const SetThreshold = graphql(`
  mutation TaxSetThreshold($input: SetTaxThresholdInput!) {
    setTaxThreshold(input: $input) { threshold { taxYear amount { amount currency } approachingPercent } }
  }
`);
const SetPolicy = graphql(`
  mutation TaxSetPolicy($input: SetClientTaxPolicyInput!) { setClientTaxPolicy(input: $input) { policy } }
`);
const SetDetails = graphql(`
  mutation TaxSetDetails($input: SetTaxpayerDetailsInput!) {
    setTaxpayerDetails(input: $input) {
      taxpayerDetails { maskedTin tinKind legalName certifiedAt }
      released { uid status claimHold { heldAt releasedAt } }
    }
  }
`);
const Details = graphql(`
  query TaxDetails($id: ID!) { participant(id: $id) { taxpayerDetails { maskedTin tinKind certifiedAt } } }
`);
const DetailsPrivate = graphql(`
  query TaxDetailsPrivate($id: ID!) {
    participant(id: $id) { taxpayerDetails { maskedTin legalName address { city } } }
  }
`);
const Claim = graphql(`
  mutation TaxClaim($input: ClaimPaymentsInput!) {
    claimPayments(input: $input) { claimed { uid } refused { paymentId code } }
  }
`);
const PaymentHold = graphql(`
  query TaxPaymentHold($id: ID!) {
    node(id: $id) { ... on Payment { status claimHold { heldAt releasedAt } } }
  }
`);
const Report = graphql(`
  mutation TaxReport($input: RequestTaxYearReportInput!) { requestTaxYearReport(input: $input) { url } }
`);

const YEAR = new Date().getUTCFullYear();
const SSN = "123-45-6789";
const SSN_DIGITS = "123456789";
const lines: string[] = [];
let server: TestServer;
let admin: string;
let org: Organization;

beforeAll(async () => {
  // No worker: claimed payments stay claimed, their payout jobs queued. Every log line is kept to search for TINs.
  server = await startTestServer({}, { log: createLogger("debug", { write: (line) => lines.push(line) }) });
  admin = await server.loginAdmin();
  org = await createOrganization(server);
  // This year's USD threshold in this test database: 100.00, approaching from 80%.
  const set = await server.request(
    SetThreshold,
    {
      input: {
        taxYear: YEAR,
        amount: { amount: "100.00", currency: "USD" },
        approachingPercent: 80,
        source: "test threshold",
      },
    },
    admin,
  );
  expect(set.errors).toBeUndefined();
});
afterAll(() => server.close());

/** Setup: an unclaimed payment of any kind (a reimbursement optionally with a receipt), funding moved with it. */
async function insertUnclaimed(
  enrollmentId: string,
  kind: "mileage" | "manual" | "reimbursement",
  amountMinor: bigint,
  receipt = false,
  target = org,
  currency = "USD",
) {
  await server.db
    .update(contracts)
    .set({
      depositedMinor: sql`${contracts.depositedMinor} + ${amountMinor}`,
      committedMinor: sql`${contracts.committedMinor} + ${amountMinor}`,
    })
    .where(eq(contracts.id, target.contract.id));
  const [payment] = await server.db
    .insert(payments)
    .values({
      enrollmentId,
      contractId: target.contract.id,
      kind,
      amountMinor,
      currency,
      status: "unclaimed",
      category: kind === "reimbursement" ? "Parking" : null,
    })
    .returning();
  if (receipt)
    await server.db.insert(paymentAttachments).values({
      paymentId: payment!.id,
      filename: "receipt.pdf",
      contentType: "application/pdf",
      sizeBytes: 4,
      data: Buffer.from("%PDF"),
    });
  return payment!;
}

/** A participant of `target` paid by PayPal, with `reportableMinor` of milestone payments already claimed. */
async function participantWithClaimed(reportableMinor: bigint, target = org) {
  const p = await createEnrolledParticipant(server, target);
  await insertPaypal(server, p.enrollment.id);
  if (reportableMinor > 0n) {
    await insertUnclaimedPayment(server, target, p.enrollment.id, reportableMinor);
    await claim(p.participant.id, p.token);
  }
  return p;
}

async function claim(participantId: string, token: string) {
  const result = await server.request(
    Claim,
    { input: { participantId: gid.participant(participantId) } },
    token,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.claimPayments;
}

async function totals(participantId: string, token: string, year = YEAR) {
  const result = await server.request(TaxYear, { id: gid.participant(participantId), year }, token);
  expect(result.errors).toBeUndefined();
  return result.data!.participant!.taxYear;
}

const details = (participantId: string, overrides: Record<string, unknown> = {}) => ({
  input: {
    participantId: gid.participant(participantId),
    tinKind: "SSN" as const,
    tin: SSN,
    legalName: "Pat Q. Participant",
    address: { street1: "1 Main St", city: "Springfield", state: "IL", postCode: "62701", country: "US" },
    certified: true,
    ...overrides,
  },
});

describe("thresholds are configuration", () => {
  it("are seeded for 2025 ($600) and 2026 ($2,000) and set only by Mural admins, audited", async () => {
    const seeded = await server.request(Thresholds, { year: 2025 }, admin);
    expect(seeded.data?.taxThresholds).toEqual([
      expect.objectContaining({
        taxYear: 2025,
        amount: { amount: "600.00", currency: "USD" },
        approachingPercent: 80,
      }),
    ]);
    const later = await server.request(Thresholds, { year: 2026 }, admin);
    expect(later.data?.taxThresholds[0]?.amount).toEqual(
      YEAR === 2026 ? { amount: "100.00", currency: "USD" } : { amount: "2000.00", currency: "USD" },
    );

    const staff = await staffWith(server, ["view_reports", "view_payments"], { clientId: org.client.id });
    const input = { taxYear: 2030, amount: { amount: "1.00", currency: "USD" }, source: "x" };
    await expectNothingWritten(server, async () => {
      expect(errorCode(await server.request(SetThreshold, { input }, staff.token))).toBe("FORBIDDEN");
    });
    for (const bad of [
      { ...input, amount: { amount: "-5.00", currency: "USD" } },
      { ...input, amount: { amount: "5.001", currency: "USD" } },
      { ...input, amount: { amount: "5.00", currency: "XXZ" } },
      { ...input, taxYear: 1999 },
      { ...input, approachingPercent: 0 },
      { ...input, source: " " },
    ]) {
      await expectNothingWritten(server, async () => {
        expect(errorCode(await server.request(SetThreshold, { input: bad }, admin))).toBe("BAD_USER_INPUT");
      });
    }
    const set = await server.request(SetThreshold, { input }, admin);
    expect(set.data?.setTaxThreshold.threshold).toEqual({
      taxYear: 2030,
      amount: { amount: "1.00", currency: "USD" },
      approachingPercent: 80,
    });
    const [audit] = await server.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.resourceId, "2030:USD"));
    expect(audit).toMatchObject({
      action: "set_tax_threshold",
      changes: { amount: { from: null, to: "1.00" } },
    });
  });
});

describe("classification", () => {
  it("counts milestone, manual, mileage and unreceipted reimbursements as reportable, receipted ones not", async () => {
    const p = await participantWithClaimed(1_000n);
    await insertUnclaimed(p.enrollment.id, "manual", 300n);
    await insertUnclaimed(p.enrollment.id, "mileage", 500n);
    await insertUnclaimed(p.enrollment.id, "reimbursement", 700n, true);
    await insertUnclaimed(p.enrollment.id, "reimbursement", 200n, false);
    // Unclaimed money has not reached the participant: it is not counted yet.
    expect((await totals(p.participant.id, p.token))[0]?.paymentCount).toBe(1);
    await claim(p.participant.id, p.token);
    expect(await totals(p.participant.id, p.token)).toEqual([
      {
        taxYear: YEAR,
        payerName: org.client.name,
        reportable: { amount: "20.00", currency: "USD" },
        nonReportable: { amount: "7.00", currency: "USD" },
        paymentCount: 5,
        threshold: { amount: "100.00", currency: "USD" },
        thresholdStatus: "BELOW",
        taxpayerDetailsOnFile: false,
        policy: "WARN",
      },
    ]);
    // Another year has nothing; a year out of range is refused.
    expect(await totals(p.participant.id, p.token, YEAR - 1)).toEqual([]);
    const bad = await server.request(TaxYear, { id: gid.participant(p.participant.id), year: -1 }, p.token);
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
  });

  it("shows the statement to the participant, their caregiver and staff with view_payments; nobody else", async () => {
    const p = await participantWithClaimed(2_500n);
    const caregiver = await createCaregiver(server, p.participant.id);
    const staff = await staffWith(server, ["view_participants", "view_payments"], {
      trialSiteId: org.trialSites[0]!.id,
    });
    for (const token of [p.token, caregiver.token, staff.token]) {
      expect((await totals(p.participant.id, token))[0]?.reportable.amount).toBe("25.00");
    }
    const otherOrg = await createOrganization(server);
    const foreignStaff = await staffWith(server, ["view_participants", "view_payments"], {
      clientId: otherOrg.client.id,
    });
    const stranger = await createEnrolledParticipant(server, org);
    const otherCaregiver = await createCaregiver(server, stranger.participant.id);
    for (const token of [foreignStaff.token, stranger.token, otherCaregiver.token]) {
      const result = await server.request(
        TaxYear,
        { id: gid.participant(p.participant.id), year: YEAR },
        token,
      );
      expect(errorCode(result)).toBe("NOT_FOUND");
      expect(result.data?.participant ?? null).toBeNull();
    }
    const noPayments = await staffWith(server, ["view_participants"], { trialSiteId: org.trialSites[0]!.id });
    const refused = await server.request(
      TaxYear,
      { id: gid.participant(p.participant.id), year: YEAR },
      noPayments.token,
    );
    expect(errorCode(refused)).toBe("FORBIDDEN");
  });
});

describe("currencies", () => {
  it("are totalled apart and never converted: each against its own threshold", async () => {
    const p = await participantWithClaimed(5_000n);
    const euro = await createOrganization(server);
    await server.db.update(contracts).set({ currency: "EUR" }).where(eq(contracts.id, euro.contract.id));
    const [enrollment] = await server.db
      .insert(enrollments)
      .values({
        participantId: p.participant.id,
        trialSiteId: euro.trialSites[0]!.id,
        trialId: euro.trial.id,
        subjectId: "S-EUR",
      })
      .returning();
    await insertPaypal(server, enrollment!.id);
    await insertUnclaimed(enrollment!.id, "manual", 20_000n, false, euro, "EUR");
    await claim(p.participant.id, p.token);
    const rows = await totals(p.participant.id, p.token);
    expect(rows.map((r) => [r.payerName, r.reportable, r.thresholdStatus])).toEqual(
      expect.arrayContaining([
        [org.client.name, { amount: "50.00", currency: "USD" }, "BELOW"],
        [euro.client.name, { amount: "200.00", currency: "EUR" }, "NO_THRESHOLD"],
      ]),
    );
    expect(rows).toHaveLength(2);
  });
});

describe("the threshold flag", () => {
  it.each([
    ["79.99", 7_999n, "BELOW"],
    ["80.00", 8_000n, "APPROACHING"],
    ["99.99", 9_999n, "APPROACHING"],
    ["100.00", 10_000n, "REACHED"],
    ["100.01", 10_001n, "REACHED"],
  ])("is %s against a 100.00 threshold: %s", async (_label, minor, status) => {
    const p = await participantWithClaimed(minor);
    const [total] = await totals(p.participant.id, p.token);
    expect(total?.thresholdStatus).toBe(status);
  });

  it("follows the configured figure of the year and currency: NO_THRESHOLD where none is set", async () => {
    const p = await participantWithClaimed(15_000n);
    expect((await totals(p.participant.id, p.token))[0]?.thresholdStatus).toBe("REACHED");
    await server.db.execute(sql`DELETE FROM tax_thresholds WHERE tax_year = ${YEAR} AND currency = 'USD'`);
    try {
      const [total] = await totals(p.participant.id, p.token);
      expect(total).toMatchObject({ thresholdStatus: "NO_THRESHOLD", threshold: null });
    } finally {
      await server.request(
        SetThreshold,
        { input: { taxYear: YEAR, amount: { amount: "100.00", currency: "USD" }, source: "test threshold" } },
        admin,
      );
    }
    expect((await totals(p.participant.id, p.token))[0]?.thresholdStatus).toBe("REACHED");
  });
});

describe("taxpayer details", () => {
  it("are stored sealed, shown only masked, and the TIN is never returned, audited or logged", async () => {
    const p = await participantWithClaimed(0n);
    const set = await server.request(SetDetails, details(p.participant.id), p.token);
    expect(set.errors).toBeUndefined();
    expect(set.data?.setTaxpayerDetails.taxpayerDetails).toMatchObject({
      maskedTin: "***-**-6789",
      tinKind: "SSN",
      legalName: "Pat Q. Participant",
    });
    const [row] = await server.db
      .select()
      .from(taxpayerDetails)
      .where(eq(taxpayerDetails.participantId, p.participant.id));
    expect(row?.tinLast4).toBe("6789");
    expect(row?.tinSealed.includes(Buffer.from(SSN_DIGITS))).toBe(false);

    const own = await server.request(DetailsPrivate, { id: gid.participant(p.participant.id) }, p.token);
    expect(own.data?.participant?.taxpayerDetails).toEqual({
      maskedTin: "***-**-6789",
      legalName: "Pat Q. Participant",
      address: { city: "Springfield" },
    });
    // Staff see that details exist, masked, and not the legal name or address.
    const staff = await staffWith(server, ["view_participants", "view_payments", "update_participant"], {
      clientId: org.client.id,
    });
    const seen = await server.request(Details, { id: gid.participant(p.participant.id) }, staff.token);
    expect(seen.data?.participant?.taxpayerDetails).toMatchObject({
      maskedTin: "***-**-6789",
      tinKind: "SSN",
    });
    const privateRead = await server.request(
      DetailsPrivate,
      { id: gid.participant(p.participant.id) },
      staff.token,
    );
    expect(errorCode(privateRead)).toBe("FORBIDDEN");
    expect(JSON.stringify(privateRead)).not.toContain("Pat Q.");
    // Not even an admin reads the full TIN: no field returns it.
    const asAdmin = await server.request(DetailsPrivate, { id: gid.participant(p.participant.id) }, admin);
    expect(JSON.stringify(asAdmin)).not.toMatch(/123-?45-?6789/);

    const audits = await server.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.resourceId, p.participant.id));
    expect(audits.some((a) => a.action === "set_taxpayer_details")).toBe(true);
    expect(JSON.stringify(audits)).not.toMatch(/123-?45-?6789/);
    expect(JSON.stringify(audits)).not.toContain("Pat Q.");
    expect(lines.join("")).not.toMatch(/123-?45-?6789|123 45 6789/);
  });

  it("are never logged: not the TIN nor the legal name, on success or refusal, at debug level", async () => {
    const p = await participantWithClaimed(0n);
    const from = lines.length;
    const refused = await server.request(
      SetDetails,
      details(p.participant.id, { tin: "666-12-3456", legalName: "Quill Refused-Name" }),
      p.token,
    );
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    const set = await server.request(SetDetails, details(p.participant.id), p.token);
    expect(set.errors).toBeUndefined();
    const own = await server.request(DetailsPrivate, { id: gid.participant(p.participant.id) }, p.token);
    expect(own.data?.participant?.taxpayerDetails?.legalName).toBe("Pat Q. Participant");
    const written = lines.slice(from);
    // The capture works: each request left its access line (pino-http, at info, with the operation and outcome).
    const access = written
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.message === "request" && entry.userId === p.user.id);
    expect(access.map((entry) => entry.operation)).toEqual([
      "TaxSetDetails",
      "TaxSetDetails",
      "TaxDetailsPrivate",
    ]);
    expect(access.map((entry) => entry.outcome)).toEqual(["BAD_USER_INPUT", "ok", "ok"]);
    // …and nothing of what was given is in any line, whatever its level.
    const text = written.join("");
    expect(text).not.toMatch(/123-?45-?6789|123 45 6789|666-?12-?3456|666 12 3456/);
    expect(text).not.toMatch(/Pat Q\.|Quill|Refused-Name|Springfield/);
  });

  it("are given by the participant or their caregiver only; staff and others change nothing", async () => {
    const p = await participantWithClaimed(0n);
    const caregiver = await createCaregiver(server, p.participant.id);
    const staff = await staffWith(server, ["view_participants", "view_payments", "update_participant"], {
      clientId: org.client.id,
    });
    const stranger = await createEnrolledParticipant(server, org);
    const otherCaregiver = await createCaregiver(server, stranger.participant.id);
    for (const [token, code] of [
      [staff.token, "FORBIDDEN"],
      [admin, "FORBIDDEN"],
      [stranger.token, "NOT_FOUND"],
      [otherCaregiver.token, "NOT_FOUND"],
    ] as const) {
      await expectNothingWritten(server, async () => {
        expect(errorCode(await server.request(SetDetails, details(p.participant.id), token))).toBe(code);
      });
    }
    const byCaregiver = await server.request(
      SetDetails,
      details(p.participant.id, { tinKind: "EIN", tin: "12-3456789" }),
      caregiver.token,
    );
    expect(byCaregiver.data?.setTaxpayerDetails.taxpayerDetails.maskedTin).toBe("**-***6789");
  });

  it.each([
    ["an SSN starting 000", { tin: "000-12-3456" }],
    ["an SSN starting 666", { tin: "666-12-3456" }],
    ["an SSN starting 9", { tin: "912-34-5678" }],
    ["an SSN with a zero group", { tin: "123-00-4567" }],
    ["too few digits", { tin: "12345678" }],
    ["letters", { tin: "12345678a" }],
    ["an ITIN not starting 9", { tinKind: "ITIN", tin: "123-70-4567" }],
    ["an EIN with an unassigned prefix", { tinKind: "EIN", tin: "00-1234567" }],
    ["no certification", { certified: false }],
    ["a blank legal name", { legalName: "  " }],
  ])("refuse %s without writing or echoing the number", async (_label, overrides) => {
    const p = await participantWithClaimed(0n);
    await expectNothingWritten(server, async () => {
      const result = await server.request(SetDetails, details(p.participant.id, overrides), p.token);
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      const tin = (overrides as { tin?: string }).tin;
      if (tin) expect(JSON.stringify(result)).not.toContain(tin.replace(/-/g, ""));
    });
  });
});

describe("the hold_claims policy", () => {
  it("is set by Mural admins only", async () => {
    const staff = await staffWith(server, ["view_clients", "grant"], { clientId: org.client.id });
    const input = { clientId: gid.client(org.client.id), policy: "HOLD_CLAIMS" as const };
    await expectNothingWritten(server, async () => {
      expect(errorCode(await server.request(SetPolicy, { input }, staff.token))).toBe("FORBIDDEN");
    });
  });

  it("holds a claim crossing the threshold without a TIN, and giving the TIN releases it", async () => {
    const held = await createOrganization(server);
    const set = await server.request(
      SetPolicy,
      { input: { clientId: gid.client(held.client.id), policy: "HOLD_CLAIMS" } },
      admin,
    );
    expect(set.data?.setClientTaxPolicy.policy).toBe("HOLD_CLAIMS");

    const p = await participantWithClaimed(9_000n, held);
    const { payment: over } = await insertUnclaimedPayment(server, held, p.enrollment.id, 2_000n);
    const receipted = await insertUnclaimed(p.enrollment.id, "reimbursement", 500n, true, held);
    const result = await claim(p.participant.id, p.token);
    expect(result.claimed.map((c) => c.uid)).toEqual([receipted.id]);
    expect(result.refused).toEqual([{ paymentId: gid.payment(over.id), code: "HELD_FOR_TAXPAYER_DETAILS" }]);
    expect((await paymentRow(server, over.id)).status).toBe("unclaimed");
    expect(await payoutJobs(server, over.id)).toEqual([]);
    const shown = await server.request(PaymentHold, { id: gid.payment(over.id) }, p.token);
    expect(shown.data?.node).toMatchObject({ status: "UNCLAIMED", claimHold: { releasedAt: null } });
    // Claiming again holds it again; nothing moves.
    expect((await claim(p.participant.id, p.token)).refused[0]?.code).toBe("HELD_FOR_TAXPAYER_DETAILS");
    const [total] = await totals(p.participant.id, p.token);
    expect(total).toMatchObject({
      policy: "HOLD_CLAIMS",
      thresholdStatus: "APPROACHING",
      taxpayerDetailsOnFile: false,
    });

    const given = await server.request(SetDetails, details(p.participant.id), p.token);
    expect(given.errors).toBeUndefined();
    expect(given.data?.setTaxpayerDetails.released).toEqual([
      {
        uid: over.id,
        status: "CLAIMED",
        claimHold: { heldAt: expect.any(String), releasedAt: expect.any(String) },
      },
    ]);
    expect((await paymentRow(server, over.id)).status).toBe("claimed");
    expect(await payoutJobs(server, over.id)).toHaveLength(1);
    expect((await totals(p.participant.id, p.token))[0]).toMatchObject({
      reportable: { amount: "110.00", currency: "USD" },
      thresholdStatus: "REACHED",
      taxpayerDetailsOnFile: true,
    });
    // With details on file, later claims over the threshold go through.
    const { payment: later } = await insertUnclaimedPayment(server, held, p.enrollment.id, 1_000n);
    expect((await claim(p.participant.id, p.token)).claimed.map((c) => c.uid)).toEqual([later.id]);
  });

  it("six claims sent at once that cross the threshold together: they run one at a time, four pass, two are held", async () => {
    const held = await createOrganization(server);
    await server.request(
      SetPolicy,
      { input: { clientId: gid.client(held.client.id), policy: "HOLD_CLAIMS" } },
      admin,
    );
    const p = await participantWithClaimed(0n, held);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await insertUnclaimedPayment(server, held, p.enrollment.id, 2_000n)).payment.id);
    const claimOne = (id: string) =>
      server.request(
        Claim,
        { input: { participantId: gid.participant(p.participant.id), paymentIds: [gid.payment(id)] } },
        p.token,
      );

    // The test holds the six payments' rows until all six claims wait on a lock: each claim waits either at its
    // UPDATE (after its threshold check) or, behind another claim of the participant, before its check. Were the
    // claims not run one at a time, all six would have checked against the same 0.00 and all six passed.
    const own = postgres(server.databaseUrl, { max: 2, onnotice: () => {} });
    try {
      const { pending } = await own.begin(async (tx) => {
        await tx`SELECT 1 FROM payments WHERE id IN ${tx(ids)} FOR UPDATE`;
        const pending = Promise.all(ids.map(claimOne));
        await eventually(async () => {
          const [row] = await own<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`;
          return row!.n >= ids.length;
        });
        return { pending };
      });
      const results = await pending;
      for (const r of results) expect(r.errors).toBeUndefined();
      // 20.00 each against 100.00: four make 80.00; a fifth would reach the threshold, so it and the sixth are held.
      expect(results.flatMap((r) => r.data!.claimPayments.claimed)).toHaveLength(4);
      expect(results.flatMap((r) => r.data!.claimPayments.refused.map((x) => x.code))).toEqual([
        "HELD_FOR_TAXPAYER_DETAILS",
        "HELD_FOR_TAXPAYER_DETAILS",
      ]);
    } finally {
      await own.end();
    }
    const statuses = await Promise.all(ids.map(async (id) => (await paymentRow(server, id)).status));
    expect(statuses.filter((s) => s === "claimed")).toHaveLength(4);
    expect((await totals(p.participant.id, p.token))[0]).toMatchObject({
      reportable: { amount: "80.00", currency: "USD" },
      thresholdStatus: "APPROACHING",
    });
  });

  it("does not hold below the threshold, nor under the warn policy (which flags instead)", async () => {
    const held = await createOrganization(server);
    await server.request(
      SetPolicy,
      { input: { clientId: gid.client(held.client.id), policy: "HOLD_CLAIMS" } },
      admin,
    );
    const below = await participantWithClaimed(5_000n, held);
    await insertUnclaimedPayment(server, held, below.enrollment.id, 4_999n);
    expect((await claim(below.participant.id, below.token)).refused).toEqual([]);

    const warned = await participantWithClaimed(9_000n);
    await insertUnclaimedPayment(server, org, warned.enrollment.id, 2_000n);
    expect((await claim(warned.participant.id, warned.token)).refused).toEqual([]);
    expect((await totals(warned.participant.id, warned.token))[0]).toMatchObject({
      policy: "WARN",
      thresholdStatus: "REACHED",
      taxpayerDetailsOnFile: false,
    });
  });
});

describe("the year-end report", () => {
  it("lists each participant with the masked TIN and totals equal to the ledger", async () => {
    const payer = await createOrganization(server);
    const a = await participantWithClaimed(12_345n, payer);
    await insertUnclaimed(a.enrollment.id, "reimbursement", 655n, true, payer);
    await claim(a.participant.id, a.token);
    await server.request(SetDetails, details(a.participant.id), a.token);
    const b = await participantWithClaimed(1n, payer);
    await insertUnclaimed(b.enrollment.id, "mileage", 10n, false, payer);
    await insertUnclaimedPayment(server, payer, b.enrollment.id, 20n);
    await claim(b.participant.id, b.token);
    // Owed but not claimed: not in the year's totals.
    await insertUnclaimedPayment(server, payer, b.enrollment.id, 999n);

    const viewer = await staffWith(server, ["view_reports"], { clientId: payer.client.id });
    const link = await server.request(
      Report,
      { input: { clientId: gid.client(payer.client.id), taxYear: YEAR, format: "CSV" } },
      viewer.token,
    );
    expect(link.errors).toBeUndefined();
    const { response, body } = await download(server, link.data!.requestTaxYearReport.url, viewer.token);
    expect(response.status).toBe(200);
    const rows = parseCsv(body);
    expect(rows[0]).toEqual([
      "Participant ID",
      "Participant",
      "Masked TIN",
      "Currency",
      "Reportable",
      "Non-reportable",
      "Payments",
      "Threshold",
      "Threshold status",
    ]);
    const byId = new Map(rows.map((r) => [r[0], r]));
    expect(byId.get(a.participant.id)?.slice(2)).toEqual([
      "***-**-6789",
      "USD",
      "123.45",
      "6.55",
      "2",
      "100.00",
      "reached",
    ]);
    expect(byId.get(b.participant.id)?.slice(2)).toEqual(["", "USD", "0.31", "0.00", "3", "100.00", "below"]);
    expect(body.toString()).not.toMatch(/123-?45-?6789/);

    // The ledger, summed here from the payments: claimed or paid, of the payer's contract.
    const [ledger] = await server.sql<{ total: string }[]>`
      SELECT sum(amount_minor)::text AS total FROM payments
      WHERE contract_id = ${payer.contract.id} AND status IN ('claimed', 'paid')`;
    expect(ledger?.total).toBe(String(12_345 + 655 + 1 + 10 + 20));
    const cell = (label: string, column: number) => rows.find((r) => r[0] === label)?.[column];
    const minor = (amount: string | undefined) => Math.round(Number(amount) * 100);
    expect(minor(cell("Total reportable", 4)) + minor(cell("Total non-reportable", 5))).toBe(
      Number(ledger!.total),
    );
    expect(minor(cell("Ledger total (claimed and paid)", 4))).toBe(Number(ledger!.total));
    expect(cell("Total reportable", 4)).toBe("123.76");

    const xlsx = await server.request(
      Report,
      { input: { clientId: gid.client(payer.client.id), taxYear: YEAR, format: "XLSX" } },
      viewer.token,
    );
    const sheet = await parseXlsx(
      (await download(server, xlsx.data!.requestTaxYearReport.url, viewer.token)).body,
    );
    expect(sheet.find((r) => r[0] === a.participant.id)?.slice(2, 5)).toEqual(["***-**-6789", "USD", 123.45]);
  });

  it("needs view_reports on the client; bad years are refused", async () => {
    const otherOrg = await createOrganization(server);
    const foreign = await staffWith(server, ["view_reports"], { clientId: otherOrg.client.id });
    const input = { clientId: gid.client(org.client.id), taxYear: YEAR, format: "CSV" as const };
    const refused = await server.request(Report, { input }, foreign.token);
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(errorCode(refused));
    const viewer = await staffWith(server, ["view_reports"], { clientId: org.client.id });
    expect(errorCode(await server.request(Report, { input: { ...input, taxYear: 99 } }, viewer.token))).toBe(
      "BAD_USER_INPUT",
    );
    const participant = await createEnrolledParticipant(server, org);
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(
      errorCode(await server.request(Report, { input }, participant.token)),
    );
  });
});

const RosterTaxYears = graphql(`
  query TaxRosterYears($id: ID!, $year: Int!) {
    trial(id: $id) {
      trialSites {
        nodes {
          enrollments(first: 100) {
            nodes { participant { uid taxYear(year: $year) { reportable { amount } paymentCount } } }
          }
        }
      }
    }
  }
`);

describe("Participant.taxYear in a list", () => {
  it("takes the same number of SQL statements for 2 and 6 participants, each with their own totals", async () => {
    const staff = await registerUser(server);
    const rosterOf = async (count: number) => {
      const target = await createOrganization(server);
      await grantPermissions(
        server,
        staff.uid,
        ["view_participants", "view_enrollments", "view_trials", "view_payments"],
        { trialId: target.trial.id },
      );
      const expected = new Map<string, string>();
      for (let i = 0; i < count; i++) {
        const p = await participantWithClaimed(BigInt(100 * (i + 1)), target);
        expected.set(p.participant.id, `${i + 1}.00`);
      }
      return { target, expected };
    };
    const measure = async ({ target, expected }: Awaited<ReturnType<typeof rosterOf>>) => {
      const ask = () =>
        server.request(RosterTaxYears, { id: gid.trial(target.trial.id), year: YEAR }, staff.token);
      // Once uncounted first: the server then remembers the viewer as they are now (grants were given since login).
      await ask();
      const before = server.statements.count;
      const result = await ask();
      const statements = server.statements.count - before;
      expect(result.errors).toBeUndefined();
      const seen = result.data!.trial.trialSites.nodes.flatMap((s) => s.enrollments.nodes);
      expect(
        new Map(seen.map((e) => [e.participant.uid, e.participant.taxYear[0]?.reportable.amount])),
      ).toEqual(expected);
      return statements;
    };
    const small = await rosterOf(2);
    const large = await rosterOf(6);
    expect(await measure(large)).toBe(await measure(small));
  });
});
