import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import {
  clients,
  clientTaxPolicies,
  participants,
  payments,
  paymentTaxLines,
  taxpayerDetails,
  taxThresholds,
  users,
} from "../../db/schema/index.js";

/*
 * Tax-year totals, read from the payment_tax_lines view (the classification lives there, in SQL, and nowhere
 * else): per participant, payer (the client whose contract funded the payment), currency and tax year. Amounts are
 * never converted: each currency is its own total, compared with that currency's threshold only.
 */

export type ThresholdStatus = "no_threshold" | "below" | "approaching" | "reached";

export interface TaxYearTotal {
  participantId: string;
  clientId: string;
  currency: string;
  taxYear: number;
  reportableMinor: bigint;
  nonReportableMinor: bigint;
  count: number;
  thresholdMinor: bigint | null;
  approachingPercent: number | null;
  policy: "warn" | "hold_claims";
  hasTaxpayerDetails: boolean;
  tinLast4: string | null;
  tinKind: "ssn" | "itin" | "ein" | null;
  participantName: string;
  payerName: string;
}

/**
 * Where reportable income stands against the year's threshold in its currency: reached at or above it,
 * approaching from approachingPercent of it, below under that; no_threshold when none is configured.
 */
export function thresholdStatus(
  t: Pick<TaxYearTotal, "reportableMinor" | "thresholdMinor" | "approachingPercent">,
): ThresholdStatus {
  if (t.thresholdMinor === null) return "no_threshold";
  if (t.reportableMinor >= t.thresholdMinor) return "reached";
  if (t.reportableMinor * 100n >= t.thresholdMinor * BigInt(t.approachingPercent ?? 100))
    return "approaching";
  return "below";
}

/** Totals per participant, payer and currency of one tax year, for the lines `where` keeps (`l` is the view). */
async function totals(db: Executor, taxYear: number, where: SQL): Promise<TaxYearTotal[]> {
  const rows = await db.execute<{
    participant_id: string;
    client_id: string;
    currency: string;
    reportable: string;
    non_reportable: string;
    count: number;
    threshold: string | null;
    approaching_percent: number | null;
    policy: "warn" | "hold_claims" | null;
    tin_last4: string | null;
    tin_kind: "ssn" | "itin" | "ein" | null;
    participant_name: string;
    payer_name: string;
  }>(sql`
    SELECT l.participant_id, l.client_id, l.currency,
      sum(l.reportable_minor)::text AS reportable, sum(l.non_reportable_minor)::text AS non_reportable,
      count(*)::integer AS count, t.amount_minor::text AS threshold, t.approaching_percent, pol.policy,
      d.tin_last4, d.tin_kind, concat_ws(' ', u.first_name, u.last_name) AS participant_name, cl.name AS payer_name
    FROM ${paymentTaxLines} l
    JOIN ${participants} pa ON pa.id = l.participant_id
    JOIN ${users} u ON u.id = pa.user_id
    JOIN ${clients} cl ON cl.id = l.client_id
    LEFT JOIN ${taxThresholds} t ON t.tax_year = l.tax_year AND t.currency = l.currency
    LEFT JOIN ${clientTaxPolicies} pol ON pol.client_id = l.client_id
    LEFT JOIN ${taxpayerDetails} d ON d.participant_id = l.participant_id
    WHERE l.tax_year = ${taxYear} AND ${where}
    GROUP BY l.participant_id, l.client_id, l.currency, t.amount_minor, t.approaching_percent, pol.policy,
      d.tin_last4, d.tin_kind, u.first_name, u.last_name, cl.name
    ORDER BY participant_name, l.participant_id, l.client_id, l.currency`);
  return rows.map((r) => ({
    participantId: r.participant_id,
    clientId: r.client_id,
    currency: r.currency.trim(),
    taxYear,
    reportableMinor: BigInt(r.reportable),
    nonReportableMinor: BigInt(r.non_reportable),
    count: Number(r.count),
    thresholdMinor: r.threshold === null ? null : BigInt(r.threshold),
    approachingPercent: r.approaching_percent,
    policy: r.policy ?? "warn",
    hasTaxpayerDetails: r.tin_last4 !== null,
    tinLast4: r.tin_last4,
    tinKind: r.tin_kind,
    participantName: r.participant_name,
    payerName: r.payer_name,
  }));
}

/**
 * Participants' totals for a tax year, per payer and currency, in one statement. `visible` (a condition on
 * payments) keeps only the payments the viewer may see; undefined counts them all (the participant, their
 * caregiver, admins).
 */
export function participantsTaxYear(
  db: Executor,
  participantIds: readonly string[],
  taxYear: number,
  visible?: SQL,
) {
  const seen = visible
    ? sql`l.payment_id IN (SELECT ${payments.id} FROM ${payments} WHERE ${visible})`
    : sql`TRUE`;
  const ids = sql.join(
    participantIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return totals(db, taxYear, sql`l.participant_id IN (${ids}) AND ${seen}`);
}

/** Every participant's totals from one payer (client) for a tax year: the year-end report's rows. */
export const clientTaxYear = (db: Executor, clientId: string, taxYear: number) =>
  totals(db, taxYear, sql`l.client_id = ${clientId}`);

/**
 * The ledger's own sums for a payer's tax year, per currency, straight from the payments and their claim events
 * (not the view): what the year-end report's totals must equal.
 */
export async function clientLedgerTotals(db: Executor, clientId: string, taxYear: number) {
  const rows = await db.execute<{ currency: string; total: string; count: number }>(sql`
    SELECT p.currency, sum(p.amount_minor)::text AS total, count(*)::integer AS count
    FROM ${payments} p JOIN contracts c ON c.id = p.contract_id
    WHERE c.client_id = ${clientId} AND p.status IN ('claimed', 'paid')
      AND extract(year FROM (SELECT max(ev.created_at) FROM payment_events ev
        WHERE ev.payment_id = p.id AND ev.to_status = 'claimed') AT TIME ZONE 'UTC') = ${taxYear}
    GROUP BY p.currency ORDER BY p.currency`);
  return rows.map((r) => ({
    currency: r.currency.trim(),
    totalMinor: BigInt(r.total),
    count: Number(r.count),
  }));
}
