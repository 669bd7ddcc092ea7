import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "../../db/schema/index.js";
import { toDecimal } from "../../schema/core/money.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { startTestServer, type TestServer } from "../support/server.js";
import {
  download,
  fundAndPay,
  fundingLedger,
  parseCsv,
  parseXlsx,
  syncContractTotals,
  trialLedger,
  xlsxNumberFormat,
} from "./fixtures.js";

const RequestTrialReport = graphql(`
  mutation ReportsRequestTrialReport($input: RequestTrialPaymentReportInput!) {
    requestTrialPaymentReport(input: $input) { url expiresAt }
  }
`);
const RequestFundingReport = graphql(`
  mutation ReportsRequestFundingReport($input: RequestFundingReportInput!) {
    requestFundingReport(input: $input) { url expiresAt }
  }
`);

let server: TestServer;
let org: Organization;
let setup: Awaited<ReturnType<typeof fundAndPay>>;
let viewerToken: string;

async function trialLink(format: "CSV" | "XLSX") {
  const result = await server.request(
    RequestTrialReport,
    { input: { trialId: gid.trial(org.trial.id), format } },
    viewerToken,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.requestTrialPaymentReport;
}

async function fundingLink(format: "CSV" | "XLSX") {
  const result = await server.request(
    RequestFundingReport,
    { input: { contractId: gid.contract(org.contract.id), format } },
    viewerToken,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.requestFundingReport;
}

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  setup = await fundAndPay(server, org);
  viewerToken = (await staffWith(server, ["view_reports"], { clientId: org.client.id })).token;
});
afterAll(() => server.close());

describe("trial payment report", () => {
  it("lists every payment of the trial as CSV, with totals per status equal to the ledger", async () => {
    const link = await trialLink("CSV");
    expect(link.url).toMatch(/^\/files\/reports\/[A-Za-z0-9_-]{40,}$/);
    expect(new Date(link.expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    const { response, body } = await download(server, link.url, viewerToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="?trial-payments-.+\.csv"?$/,
    );
    expect(response.headers.get("cache-control")).toContain("no-store");

    const [header, ...rows] = parseCsv(body);
    expect(header).toEqual([
      "Payment ID",
      "Date",
      "Subject ID",
      "Site",
      "Kind",
      "Milestone",
      "Category",
      "Status",
      "Amount",
      "Currency",
    ]);
    const paymentRows = rows.filter((r) => !r[0]!.startsWith("Total"));
    expect(paymentRows.map((r) => r[0]).sort()).toEqual(setup.payments.map((p) => p.id).sort());
    const parking = paymentRows.find((r) => r[6] === "parking")!;
    expect(parking.slice(2)).toEqual([
      setup.enrollments[0]!.subjectId,
      org.sites[0]!.name,
      "reimbursement",
      "",
      "parking",
      "pending",
      "50.00",
      "USD",
    ]);
    expect(paymentRows.find((r) => r[8] === "0.10")).toBeDefined();

    const ledger = await trialLedger(server, org.trial.id);
    const totals = Object.fromEntries(
      rows.filter((r) => r[0]!.startsWith("Total ")).map((r) => [r[0], r[8]]),
    );
    for (const status of ["pending", "unclaimed", "claimed", "paid", "failed", "rejected"]) {
      expect(totals[`Total ${status}`]).toBe(toDecimal(ledger.perStatus[status] ?? 0n, "USD"));
    }
    expect(totals["Total committed"]).toBe(toDecimal(ledger.committed, "USD"));
    expect(totals["Total committed"]).toBe("223.77"); // 123.45 + 0.10 + 0.20 + 100.01 + 0.01
    expect(totals["Total unclaimed"]).toBe("123.55");
  });

  it("is an XLSX workbook whose amounts are numbers in a 2-decimal format and whose totals equal the ledger", async () => {
    const link = await trialLink("XLSX");
    const { response, body } = await download(server, link.url, viewerToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="?trial-payments-.+\.xlsx"?$/,
    );
    const rows = await parseXlsx(body);
    expect(rows[0]![0]).toBe("Payment ID");
    const paymentRows = rows.slice(1).filter((r) => !String(r[0]).startsWith("Total"));
    expect(paymentRows).toHaveLength(setup.payments.length);
    expect(paymentRows.every((r) => typeof r[8] === "number")).toBe(true);
    expect(paymentRows.every((r) => r[1] instanceof Date)).toBe(true);
    expect(await xlsxNumberFormat(body, 1, 8)).toBe("#,##0.00");

    const ledger = await trialLedger(server, org.trial.id);
    const totals = Object.fromEntries(
      rows.filter((r) => String(r[0]).startsWith("Total ")).map((r) => [r[0], r[8]]),
    );
    expect(totals["Total committed"]).toBe(Number(toDecimal(ledger.committed, "USD")));
    expect(totals["Total paid"]).toBe(Number(toDecimal(ledger.perStatus.paid!, "USD")));
    expect(totals["Total rejected"]).toBe(7.77);
  });

  it("is built from live data when downloaded, not when requested", async () => {
    const link = await trialLink("CSV");
    const [late] = await server.db
      .insert(payments)
      .values({
        enrollmentId: setup.enrollments[0]!.id,
        contractId: org.contract.id,
        currency: "USD",
        kind: "manual",
        status: "pending",
        amountMinor: 1n,
      })
      .returning();
    const rows = parseCsv((await download(server, link.url, viewerToken)).body);
    expect(rows.map((r) => r[0])).toContain(late!.id);
    await server.db.delete(payments).where((await import("drizzle-orm")).eq(payments.id, late!.id));
  });
});

describe("funding report", () => {
  it("lists deposits and payments as CSV with deposited, committed and remaining equal to the ledgers", async () => {
    await syncContractTotals(server, org.contract.id);
    const link = await fundingLink("CSV");
    const { response, body } = await download(server, link.url, viewerToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="?funding-.+\.csv"?$/);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const [header, ...rows] = parseCsv(body);
    expect(header![0]).toBe("Entry");
    expect(rows.filter((r) => r[0] === "Deposit").map((r) => r[8])).toEqual(["1000.00", "250.55"]);
    expect(rows.filter((r) => r[0] === "Payment")).toHaveLength(setup.payments.length);

    const ledger = await fundingLedger(server, org.contract.id);
    const totals = Object.fromEntries(rows.filter((r) => r[0] === "Total").map((r) => [r[1], r[8]]));
    expect(totals).toEqual({
      Deposited: toDecimal(ledger.deposited, "USD"),
      Committed: toDecimal(ledger.committed, "USD"),
      Remaining: toDecimal(ledger.deposited - ledger.committed, "USD"),
    });
    // The contract's running totals tell the same story.
    expect(ledger.runningDeposited).toBe(ledger.deposited);
    expect(ledger.runningCommitted).toBe(ledger.committed);
    expect(totals.Remaining).toBe("1026.78"); // 1250.55 − 223.77
  });

  it("is an XLSX workbook with the same totals", async () => {
    const link = await fundingLink("XLSX");
    const { response, body } = await download(server, link.url, viewerToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="?funding-.+\.xlsx"?$/,
    );
    const rows = await parseXlsx(body);
    const ledger = await fundingLedger(server, org.contract.id);
    const totals = Object.fromEntries(rows.filter((r) => r[0] === "Total").map((r) => [r[1], r[8]]));
    expect(totals).toEqual({
      Deposited: Number(toDecimal(ledger.deposited, "USD")),
      Committed: Number(toDecimal(ledger.committed, "USD")),
      Remaining: Number(toDecimal(ledger.deposited - ledger.committed, "USD")),
    });
    expect(rows.filter((r) => r[0] === "Deposit").map((r) => r[8])).toEqual([1000, 250.55]);
  });
});
