import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import {
  contracts,
  enrollments,
  fundingDeposits,
  milestones,
  paymentStatus,
  payments,
  sites,
  trials,
} from "../../db/schema/index.js";
import { withEnrollment } from "../participants/enrollments.js";
import { COMMITTED_STATUSES } from "../payments/refs.js";
import { funnelFilter, funnelTrend, referralLog, type TrendInterval } from "../prescreening/metrics.js";
import type { Cell, ReportTable } from "./render.js";

/** A SQL sum of minor units, read back exactly (as text, then BigInt). */
const exactSum = (column: typeof payments.amountMinor | typeof fundingDeposits.amountMinor) =>
  sql<string>`coalesce(sum(${column}), 0)::text`;

/**
 * A table's header and rows: `columns` gives each column's title, in order, under the key rows give its cell by;
 * a row leaves empty the cells it has no value for.
 */
function tableOf<K extends string>(columns: Record<K, string>, rows: Partial<Record<NoInfer<K>, Cell>>[]) {
  const keys = Object.keys(columns) as K[];
  return {
    header: keys.map((key) => columns[key]),
    rows: rows.map((row) => keys.map((key) => row[key] ?? null)),
  };
}

/** The payments `where` picks, oldest first, each with its enrollment's subject id, trial and site, and milestone. */
async function paymentLines(db: Executor, where: SQL) {
  const lines = await withEnrollment(
    db
      .select({
        id: payments.id,
        createdAt: payments.createdAt,
        trial: trials.protocolId,
        subjectId: enrollments.subjectId,
        site: sites.name,
        kind: payments.kind,
        milestone: milestones.name,
        category: payments.category,
        status: payments.status,
        note: payments.note,
        amountMinor: payments.amountMinor,
        currency: payments.currency,
      })
      .from(payments)
      .$dynamic(),
    payments.enrollmentId,
  )
    .leftJoin(milestones, eq(milestones.id, payments.milestoneId))
    .where(where)
    .orderBy(asc(payments.createdAt), asc(payments.id));
  return lines.map(({ amountMinor, ...line }) => ({
    ...line,
    amount: { minor: amountMinor, currency: line.currency },
  }));
}

/** The payments `where` picks, summed per status by PostgreSQL over integer minor units. */
async function totalsByStatus(db: Executor, where: SQL): Promise<Map<string, bigint>> {
  const totals = await db
    .select({ status: payments.status, sum: exactSum(payments.amountMinor) })
    .from(payments)
    .innerJoin(enrollments, eq(enrollments.id, payments.enrollmentId))
    .where(where)
    .groupBy(payments.status);
  return new Map(totals.map((total) => [total.status, BigInt(total.sum)]));
}

/** What is committed from the funding: the totals of COMMITTED_STATUSES. */
const committedOf = (byStatus: Map<string, bigint>) =>
  COMMITTED_STATUSES.reduce((sum, status) => sum + (byStatus.get(status) ?? 0n), 0n);

const TRIAL_COLUMNS = {
  id: "Payment ID",
  createdAt: "Date",
  subjectId: "Subject ID",
  site: "Site",
  kind: "Kind",
  milestone: "Milestone",
  category: "Category",
  status: "Status",
  amount: "Amount",
  currency: "Currency",
};

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
  const ofTrial = eq(enrollments.trialId, trialId);
  const lines = await paymentLines(db, ofTrial);
  const byStatus = await totalsByStatus(db, ofTrial);

  // A trial's payments are all in its contract's currency (the payments' foreign key ties them to it).
  const currency = trial.currency;
  const total = (label: string, status: string, minor: bigint) => ({
    id: label,
    status,
    amount: { minor, currency },
    currency,
  });
  return {
    name: `trial-payments-${trial.protocolId}`,
    sheetName: "Trial payments",
    ...tableOf(TRIAL_COLUMNS, [
      ...lines,
      ...paymentStatus.enumValues.map((status) =>
        total(`Total ${status}`, status, byStatus.get(status) ?? 0n),
      ),
      total("Total committed", COMMITTED_STATUSES.join("+"), committedOf(byStatus)),
    ]),
  };
}

const FUNDING_COLUMNS = {
  entry: "Entry",
  id: "ID",
  createdAt: "Date",
  trial: "Trial",
  subjectId: "Subject ID",
  kind: "Kind",
  status: "Status",
  note: "Note",
  amount: "Amount",
  currency: "Currency",
};

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
  const ofContract = eq(payments.contractId, contractId);
  const lines = await paymentLines(db, ofContract);
  const [deposited] = await db
    .select({ sum: exactSum(fundingDeposits.amountMinor) })
    .from(fundingDeposits)
    .where(eq(fundingDeposits.contractId, contractId));
  const committedMinor = committedOf(await totalsByStatus(db, ofContract));

  const currency = contract.currency;
  const depositedMinor = BigInt(deposited?.sum ?? "0");
  const total = (label: string, minor: bigint) => ({
    entry: "Total",
    id: label,
    amount: { minor, currency },
    currency,
  });
  return {
    name: `funding-${contract.name}`,
    sheetName: "Funding",
    ...tableOf(FUNDING_COLUMNS, [
      ...deposits.map((deposit) => ({
        entry: "Deposit",
        id: deposit.id,
        createdAt: deposit.createdAt,
        note: deposit.note,
        amount: { minor: deposit.amountMinor, currency: deposit.currency },
        currency: deposit.currency,
      })),
      ...lines.map((line) => ({ entry: "Payment", ...line })),
      total("Deposited", depositedMinor),
      total("Committed", committedMinor),
      total("Remaining", depositedMinor - committedMinor),
    ]),
  };
}

/** The trial's protocol id, to name a report after; null when there is no such trial. */
async function protocolOf(db: Executor, trialId: string) {
  const [trial] = await db
    .select({ protocolId: trials.protocolId })
    .from(trials)
    .where(eq(trials.id, trialId));
  return trial?.protocolId ?? null;
}

const REFERRAL_COLUMNS = {
  referredAt: "Referred at",
  site: "Site",
  partner: "Partner",
  partnerClientId: "Partner client id",
  source: "Referrer token",
  status: "Status",
};

/** A trial's whole referral log, newest first (no personal data: the log's own columns). Null without the trial. */
export async function referralLogReport(db: Executor, trialId: string): Promise<ReportTable | null> {
  const protocolId = await protocolOf(db, trialId);
  if (protocolId === null) return null;
  const rows = await referralLog(db, trialId);
  return {
    name: `referrals-${protocolId}`,
    sheetName: "Referrals",
    ...tableOf(
      REFERRAL_COLUMNS,
      rows.map((row) => ({
        referredAt: row.referredAt,
        site: row.siteName,
        partner: row.partnerName,
        partnerClientId: row.partnerClientId,
        source: row.source,
        status: row.status,
      })),
    ),
  };
}

const TREND_COLUMNS = {
  periodStart: "Period start",
  starts: "Starts",
  completions: "Completions",
  dropouts: "Dropouts",
  inProgress: "In progress",
  eligible: "Eligible",
  referred: "Referred",
  enrolled: "Enrolled",
  matchRate: "Match rate",
};

/** A trial's whole pre-screening trend by day or week: the metrics' trend, every candidate, start groups and all. Null without the trial. */
export async function prescreeningTrendReport(
  db: Executor,
  trialId: string,
  interval: TrendInterval,
): Promise<ReportTable | null> {
  const protocolId = await protocolOf(db, trialId);
  if (protocolId === null) return null;
  const periods = await funnelTrend(db, funnelFilter(trialId, {}), interval);
  return {
    name: `prescreening-${interval === "day" ? "daily" : "weekly"}-${protocolId}`,
    sheetName: "Pre-screening trend",
    ...tableOf(
      TREND_COLUMNS,
      periods.map(({ matchRate, ...counts }) => ({
        ...Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, String(value)])),
        matchRate,
      })),
    ),
  };
}
