import { sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import type { MoneyValue } from "../core/money.js";

/**
 * A runway: what a contract's remaining funding (or, for a trial, its contract's) covers of what is owed now and
 * what the payment schedules will still owe. projected = remaining − owedPending − scheduledStillOwed; unclaimed
 * payments are already committed, so remaining has them taken off and they are shown only for information.
 */
export interface Runway {
  remaining: MoneyValue;
  owedPending: MoneyValue;
  owedUnclaimed: MoneyValue;
  scheduledStillOwed: MoneyValue;
  projected: MoneyValue;
  currency: string;
  asOf: Date;
}

type Row = {
  key: string;
  currency: string;
  remaining: string;
  pending: string;
  unclaimed: string;
  scheduled: string;
  as_of: Date;
};

/**
 * The runways of contracts (or of trials), in one statement whatever their number and size. Still owed by the
 * schedule: for each enrollment still enrolled, each milestone of its trial site's schedule that has no payment
 * for it yet (rejected ones do not count; a repeatable milestone once paid counts as paid), at the amount of the
 * version in effect now (a milestone with no version in effect yet owes nothing yet).
 */
export async function runwaysOf(
  db: Executor,
  of: "contract" | "trial",
  ids: readonly string[],
): Promise<(Runway | null)[]> {
  const keys = sql.param([...ids]);
  // Each part keyed by the contract or trial asked about.
  const scope =
    of === "contract"
      ? sql`SELECT c.id AS key, c.id AS contract_id FROM contracts c WHERE c.id = ANY(${keys}::text[])`
      : sql`SELECT t.id AS key, t.contract_id FROM trials t WHERE t.id = ANY(${keys}::text[])`;
  const enrolled =
    of === "contract"
      ? sql`SELECT t.contract_id AS key, e.id, e.trial_site_id FROM enrollments e JOIN trials t ON t.id = e.trial_id
          WHERE t.contract_id = ANY(${keys}::text[]) AND e.status = 'enrolled'`
      : sql`SELECT e.trial_id AS key, e.id, e.trial_site_id FROM enrollments e
          WHERE e.trial_id = ANY(${keys}::text[]) AND e.status = 'enrolled'`;
  const owedPayments =
    of === "contract"
      ? sql`SELECT p.contract_id AS key, p.status, p.amount_minor FROM payments p
          WHERE p.contract_id = ANY(${keys}::text[]) AND p.status IN ('pending', 'unclaimed')`
      : sql`SELECT e.trial_id AS key, p.status, p.amount_minor FROM payments p JOIN enrollments e ON e.id = p.enrollment_id
          WHERE e.trial_id = ANY(${keys}::text[]) AND p.status IN ('pending', 'unclaimed')`;
  const rows = await db.execute<Row>(sql`
    WITH scope AS (${scope}),
    enrolled AS MATERIALIZED (${enrolled}),
    current_amount AS (
      SELECT DISTINCT ON (v.milestone_id) v.milestone_id, m.trial_site_id, v.amount_minor
      FROM milestone_versions v JOIN milestones m ON m.id = v.milestone_id
      WHERE m.trial_site_id IN (SELECT trial_site_id FROM enrolled) AND v.effective_at <= now()
      ORDER BY v.milestone_id, v.effective_at DESC
    ),
    scheduled AS (
      SELECT e.key, sum(a.amount_minor) AS amount
      FROM enrolled e JOIN current_amount a ON a.trial_site_id = e.trial_site_id
      WHERE NOT EXISTS (
        SELECT 1 FROM payments p
        WHERE p.enrollment_id = e.id AND p.milestone_id = a.milestone_id AND p.status <> 'rejected')
      GROUP BY e.key
    ),
    owed AS (
      SELECT key, sum(amount_minor) FILTER (WHERE status = 'pending') AS pending,
        sum(amount_minor) FILTER (WHERE status = 'unclaimed') AS unclaimed
      FROM (${owedPayments}) p GROUP BY key
    )
    SELECT s.key, c.currency, (c.deposited_minor - c.committed_minor)::text AS remaining,
      coalesce(o.pending, 0)::text AS pending, coalesce(o.unclaimed, 0)::text AS unclaimed,
      coalesce(d.amount, 0)::text AS scheduled, now() AS as_of
    FROM scope s JOIN contracts c ON c.id = s.contract_id
    LEFT JOIN owed o ON o.key = s.key LEFT JOIN scheduled d ON d.key = s.key`);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return ids.map((id) => {
    const row = byKey.get(id);
    if (!row) return null;
    const currency = row.currency.trim();
    const money = (amountMinor: bigint): MoneyValue => ({ amountMinor, currency });
    const remaining = BigInt(row.remaining);
    const pending = BigInt(row.pending);
    const scheduled = BigInt(row.scheduled);
    return {
      remaining: money(remaining),
      owedPending: money(pending),
      owedUnclaimed: money(BigInt(row.unclaimed)),
      scheduledStillOwed: money(scheduled),
      projected: money(remaining - pending - scheduled),
      currency,
      asOf: new Date(row.as_of),
    };
  });
}
