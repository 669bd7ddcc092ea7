import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { fundingDeposits, payments } from "../../db/schema/index.js";
import type { Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import type { TestServer } from "../support/server.js";

/** The statuses whose money the payments area keeps committed on the contract. */
export const COMMITTED = ["unclaimed", "claimed", "paid", "failed"];

/**
 * Setup straight into the database (the payment mutations are built elsewhere): two deposits and one payment of
 * each kind of status, with the contract's running totals kept equal to the ledgers, as the real flows keep them.
 */
export async function fundAndPay(server: TestServer, org: Organization) {
  const { enrollment: first } = await createEnrolledParticipant(server, org, 0);
  const { enrollment: second } = await createEnrolledParticipant(server, org, 1);
  const deposits = [100_000n, 25_055n];
  await server.db.insert(fundingDeposits).values(
    deposits.map((amountMinor, i) => ({
      contractId: org.contract.id,
      amountMinor,
      currency: "USD",
      note: `deposit ${i + 1}`,
      // One statement gives every row the same now(); distinct times keep the report's order deterministic.
      createdAt: new Date(Date.now() - (deposits.length - i) * 1000),
    })),
  );
  const base = { contractId: org.contract.id, currency: "USD" };
  const rows = await server.db
    .insert(payments)
    .values([
      { ...base, enrollmentId: first.id, kind: "manual", status: "unclaimed", amountMinor: 12_345n },
      // 0.10 + 0.20: exactly 0.30, as floats never quite manage.
      { ...base, enrollmentId: first.id, kind: "mileage", status: "unclaimed", amountMinor: 10n },
      { ...base, enrollmentId: second.id, kind: "mileage", status: "paid", amountMinor: 20n },
      { ...base, enrollmentId: second.id, kind: "manual", status: "paid", amountMinor: 10_001n },
      { ...base, enrollmentId: second.id, kind: "manual", status: "claimed", amountMinor: 1n },
      {
        ...base,
        enrollmentId: first.id,
        kind: "reimbursement",
        category: "parking",
        status: "pending",
        amountMinor: 5_000n,
      },
      {
        ...base,
        enrollmentId: second.id,
        kind: "reimbursement",
        category: "meals",
        status: "rejected",
        rejectionReason: "no receipt",
        amountMinor: 777n,
      },
    ])
    .returning();
  await syncContractTotals(server, org.contract.id);
  return { enrollments: [first, second], payments: rows };
}

/** Keeps contracts.deposited_minor / committed_minor equal to the ledgers after setup wrote to them. */
export async function syncContractTotals(server: TestServer, contractId: string) {
  await server.sql`
    UPDATE contracts c SET
      deposited_minor = (SELECT coalesce(sum(amount_minor), 0) FROM funding_deposits WHERE contract_id = c.id),
      committed_minor = (SELECT coalesce(sum(amount_minor), 0) FROM payments
                         WHERE contract_id = c.id AND status::text = ANY(${COMMITTED}))
    WHERE c.id = ${contractId}`;
}

/** The ledger of a trial, summed by PostgreSQL: per status, and committed. */
export async function trialLedger(server: TestServer, trialId: string) {
  const perStatus = await server.sql<{ status: string; total: string }[]>`
    SELECT p.status::text AS status, sum(p.amount_minor)::text AS total
    FROM payments p JOIN enrollments e ON e.id = p.enrollment_id
    WHERE e.trial_id = ${trialId} GROUP BY p.status`;
  const [committed] = await server.sql<{ total: string }[]>`
    SELECT coalesce(sum(p.amount_minor), 0)::text AS total
    FROM payments p JOIN enrollments e ON e.id = p.enrollment_id
    WHERE e.trial_id = ${trialId} AND p.status::text = ANY(${COMMITTED})`;
  return {
    perStatus: Object.fromEntries(perStatus.map((r) => [r.status, BigInt(r.total)])),
    committed: BigInt(committed!.total),
  };
}

/** The funding ledger of a contract, summed by PostgreSQL, and the contract's running totals. */
export async function fundingLedger(server: TestServer, contractId: string) {
  const [row] = await server.sql<
    { deposited: string; committed: string; running_deposited: string; running_committed: string }[]
  >`
    SELECT
      (SELECT coalesce(sum(amount_minor), 0) FROM funding_deposits WHERE contract_id = ${contractId})::text AS deposited,
      (SELECT coalesce(sum(amount_minor), 0) FROM payments
        WHERE contract_id = ${contractId} AND status::text = ANY(${COMMITTED}))::text AS committed,
      c.deposited_minor::text AS running_deposited, c.committed_minor::text AS running_committed
    FROM contracts c WHERE c.id = ${contractId}`;
  return {
    deposited: BigInt(row!.deposited),
    committed: BigInt(row!.committed),
    runningDeposited: BigInt(row!.running_deposited),
    runningCommitted: BigInt(row!.running_committed),
  };
}

/** GET a report link with a session. */
export async function download(server: TestServer, url: string, token?: string | null) {
  const response = await fetch(`${server.url}${url}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

export const parseCsv = (body: Buffer): string[][] => parse(body.toString("utf8"));

/** The first worksheet as rows of cell values (index 0 = column A). */
export async function parseXlsx(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1));
  });
  return rows;
}

/** The number format of the first money cell found in a column, to check XLSX amounts are formatted. */
export async function xlsxNumberFormat(body: Buffer, rowIndex: number, column: number) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!.getRow(rowIndex + 1).getCell(column + 1).numFmt;
}
