import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import {
  contracts,
  enrollments,
  fundingDeposits,
  milestones,
  paymentStatus,
  payments,
  sites,
  trialSites,
  trials,
} from "../../db/schema/index.js";
import type { Cell, MoneyCell, ReportTable } from "./render.js";

/**
 * Statuses whose money is committed from the contract's funding: owed, being paid, paid, or failed (a failed
 * payout stays committed to the participant, as the payments area keeps contracts.committed_minor).
 */
export const COMMITTED_STATUSES = ["unclaimed", "claimed", "paid", "failed"] as const;

/** A SQL sum of minor units, read back exactly (as text, then BigInt). */
const exactSum = (column: typeof payments.amountMinor | typeof fundingDeposits.amountMinor) =>
  sql<string>`coalesce(sum(${column}), 0)::text`;

const TRIAL_HEADER = [
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
];

/**
 * Every payment of a trial, with a total per status and the committed total (unclaimed + claimed + paid), read
 * from live data. Totals are summed by PostgreSQL over integer minor units. Null when there is no such trial.
 */
export async function trialPaymentReport(db: Executor, trialId: string): Promise<ReportTable | null> {
  const [trial] = await db
    .select({ id: trials.id, protocolId: trials.protocolId, currency: contracts.currency })
    .from(trials)
    .innerJoin(contracts, eq(contracts.id, trials.contractId))
    .where(eq(trials.id, trialId));
  if (!trial) return null;
  const rows = await db
    .select({
      id: payments.id,
      createdAt: payments.createdAt,
      subjectId: enrollments.subjectId,
      site: sites.name,
      kind: payments.kind,
      milestone: milestones.name,
      category: payments.category,
      status: payments.status,
      amountMinor: payments.amountMinor,
      currency: payments.currency,
    })
    .from(payments)
    .innerJoin(enrollments, eq(enrollments.id, payments.enrollmentId))
    .innerJoin(trialSites, eq(trialSites.id, enrollments.trialSiteId))
    .innerJoin(sites, eq(sites.id, trialSites.siteId))
    .leftJoin(milestones, eq(milestones.id, payments.milestoneId))
    .where(eq(enrollments.trialId, trialId))
    .orderBy(asc(payments.createdAt), asc(payments.id));
  const totals = await db
    .select({ status: payments.status, currency: payments.currency, sum: exactSum(payments.amountMinor) })
    .from(payments)
    .innerJoin(enrollments, eq(enrollments.id, payments.enrollmentId))
    .where(eq(enrollments.trialId, trialId))
    .groupBy(payments.status, payments.currency);

  // A trial's payments are all in its contract's currency (the payments' foreign key ties them to it).
  const currency = trial.currency;
  const money = (minor: bigint): MoneyCell => ({ minor, currency });
  const byStatus = new Map<string, bigint>();
  for (const total of totals)
    byStatus.set(total.status, (byStatus.get(total.status) ?? 0n) + BigInt(total.sum));
  const summaryRow = (label: string, status: string, minor: bigint): Cell[] => [
    label,
    null,
    null,
    null,
    null,
    null,
    null,
    status,
    money(minor),
    currency,
  ];
  const committed = COMMITTED_STATUSES.reduce((sum, status) => sum + (byStatus.get(status) ?? 0n), 0n);
  return {
    name: `trial-payments-${trial.protocolId}`,
    sheetName: "Trial payments",
    header: TRIAL_HEADER,
    rows: [
      ...rows.map((p): Cell[] => [
        p.id,
        p.createdAt,
        p.subjectId,
        p.site,
        p.kind,
        p.milestone,
        p.category,
        p.status,
        { minor: p.amountMinor, currency: p.currency },
        p.currency,
      ]),
      ...paymentStatus.enumValues.map((status) =>
        summaryRow(`Total ${status}`, status, byStatus.get(status) ?? 0n),
      ),
      summaryRow("Total committed", COMMITTED_STATUSES.join("+"), committed),
    ],
  };
}

const FUNDING_HEADER = [
  "Entry",
  "ID",
  "Date",
  "Trial",
  "Subject ID",
  "Kind",
  "Status",
  "Note",
  "Amount",
  "Currency",
];

/**
 * A contract's funding: its deposits and its payments, then the deposited, committed and remaining totals summed
 * by PostgreSQL from the ledgers at download time. Null when there is no such contract.
 */
export async function fundingReport(db: Executor, contractId: string): Promise<ReportTable | null> {
  const [contract] = await db
    .select({ id: contracts.id, name: contracts.name, currency: contracts.currency })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  if (!contract) return null;
  const deposits = await db
    .select()
    .from(fundingDeposits)
    .where(eq(fundingDeposits.contractId, contractId))
    .orderBy(asc(fundingDeposits.createdAt), asc(fundingDeposits.id));
  const paymentRows = await db
    .select({
      id: payments.id,
      createdAt: payments.createdAt,
      trial: trials.protocolId,
      subjectId: enrollments.subjectId,
      kind: payments.kind,
      status: payments.status,
      note: payments.note,
      amountMinor: payments.amountMinor,
      currency: payments.currency,
    })
    .from(payments)
    .innerJoin(enrollments, eq(enrollments.id, payments.enrollmentId))
    .innerJoin(trials, eq(trials.id, enrollments.trialId))
    .where(eq(payments.contractId, contractId))
    .orderBy(asc(payments.createdAt), asc(payments.id));
  const [deposited] = await db
    .select({ sum: exactSum(fundingDeposits.amountMinor) })
    .from(fundingDeposits)
    .where(eq(fundingDeposits.contractId, contractId));
  const [committed] = await db
    .select({ sum: exactSum(payments.amountMinor) })
    .from(payments)
    .where(
      sql`${payments.contractId} = ${contractId} AND ${inArray(payments.status, [...COMMITTED_STATUSES])}`,
    );

  const currency = contract.currency;
  const depositedMinor = BigInt(deposited?.sum ?? "0");
  const committedMinor = BigInt(committed?.sum ?? "0");
  const totalRow = (label: string, minor: bigint): Cell[] => [
    "Total",
    label,
    null,
    null,
    null,
    null,
    null,
    null,
    { minor, currency },
    currency,
  ];
  return {
    name: `funding-${contract.name}`,
    sheetName: "Funding",
    header: FUNDING_HEADER,
    rows: [
      ...deposits.map((d): Cell[] => [
        "Deposit",
        d.id,
        d.createdAt,
        null,
        null,
        null,
        null,
        d.note,
        { minor: d.amountMinor, currency: d.currency },
        d.currency,
      ]),
      ...paymentRows.map((p): Cell[] => [
        "Payment",
        p.id,
        p.createdAt,
        p.trial,
        p.subjectId,
        p.kind,
        p.status,
        p.note,
        { minor: p.amountMinor, currency: p.currency },
        p.currency,
      ]),
      totalRow("Deposited", depositedMinor),
      totalRow("Committed", committedMinor),
      totalRow("Remaining", depositedMinor - committedMinor),
    ],
  };
}
