import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { contractFundingWatchers, contracts, fundingAlerts, grants, users } from "../../db/schema/index.js";
import { type Actor, recordAudit } from "../core/audit.js";
import { badInput, notFound, parseInput } from "../core/errors.js";
import { type MoneyValue, toDecimal } from "../core/money.js";
import { queueEmail } from "../core/outbox.js";
import { isAdminSql } from "../core/roles.js";
import { lockContract } from "./contracts.js";
import * as rules from "./inputs.js";
import type { Contract } from "./refs.js";

/*
 * A contract's low-balance threshold and its alerts. The threshold is a fixed amount or a percentage of the
 * deposits. contracts.low_balance_since says whether remaining funding is below it: every statement that changes
 * deposited or committed funding (under the contract's row lock) sets it with lowBalanceSet, so a payment that
 * takes funding below the threshold finds it NULL exactly once per crossing, however many run at once, in however
 * many processes. A deposit that brings funding back to the threshold clears it.
 */

/**
 * SQL for contracts.low_balance_since after a change, in an UPDATE of contracts: kept (or now()) when remaining
 * funding (deposited − committed, as given) is below the threshold (by default the row's own), NULL otherwise.
 */
export function lowBalanceSet(
  committed: SQL,
  deposited: SQL = sql`deposited_minor`,
  threshold: { minor: SQL; percent: SQL } = {
    minor: sql`low_balance_minor`,
    percent: sql`low_balance_percent`,
  },
) {
  const remaining = sql`((${deposited}) - (${committed}))`;
  return sql`CASE
    WHEN ${threshold.minor} IS NOT NULL AND ${remaining} < ${threshold.minor}
      OR ${threshold.percent} IS NOT NULL AND ${remaining} * 100 < (${deposited}) * ${threshold.percent}
    THEN coalesce(low_balance_since, now()) END`;
}

/** SQL for a contract row's threshold in minor units now (a percentage rounded up: below it means below the exact share). */
export const thresholdMinorSql = sql`CASE
  WHEN low_balance_minor IS NOT NULL THEN low_balance_minor
  WHEN low_balance_percent IS NOT NULL THEN ceil(deposited_minor * low_balance_percent / 100)::bigint END`;

/** A contract's threshold as the API shows it, or null when it has none. */
export function lowBalanceThresholdOf(contract: Contract) {
  if (contract.lowBalanceMinor === null && contract.lowBalancePercent === null) return null;
  const percent = contract.lowBalancePercent;
  // The same rounding as thresholdMinorSql, in exact integers (the percent has two decimals).
  const amountMinor =
    contract.lowBalanceMinor ??
    (contract.depositedMinor * BigInt(Math.round(Number(percent) * 100)) + 9999n) / 10000n;
  return {
    amount: { amountMinor, currency: contract.currency } as MoneyValue,
    percentOfDeposits: percent === null ? null : String(Number(percent)),
    belowSince: contract.lowBalanceSince,
  };
}
export type LowBalanceThreshold = NonNullable<ReturnType<typeof lowBalanceThresholdOf>>;

/** The threshold as audit entries show it. */
function auditView(minor: bigint | null, percent: string | null, currency: string) {
  if (minor !== null) return `${toDecimal(minor, currency)} ${currency}`;
  if (percent !== null) return `${Number(percent)}% of deposits`;
  return null;
}

/**
 * Sets (or, with neither an amount nor a percent, clears) a contract's low-balance threshold, audited. Setting it
 * alerts no one: a threshold already above remaining funding counts as crossed, and the next alert comes when
 * funding has risen back to it and falls below it again.
 */
export async function setLowBalanceThreshold(
  tx: Executor,
  actor: Actor,
  contractId: string,
  input: unknown,
): Promise<Contract> {
  const { amount, percent } = parseInput(rules.lowBalanceThreshold, input);
  const before = await lockContract(tx, contractId);
  let minor: bigint | null = null;
  if (amount) {
    if (amount.currency !== before.currency.trim()) {
      throw badInput([
        { field: "amount.currency", message: `must be ${before.currency}, the currency of this contract` },
      ]);
    }
    minor = amount.amountMinor;
  }
  const minorSql = minor === null ? sql`NULL::bigint` : sql`${minor.toString()}::bigint`;
  const percentSql = percent === null ? sql`NULL::numeric` : sql`${percent}::numeric`;
  const [contract] = await tx
    .update(contracts)
    .set({
      lowBalanceMinor: minor,
      lowBalancePercent: percent,
      lowBalanceSince: lowBalanceSet(sql`committed_minor`, sql`deposited_minor`, {
        minor: minorSql,
        percent: percentSql,
      }),
    })
    .where(eq(contracts.id, contractId))
    .returning();
  const currency = before.currency.trim();
  await recordAudit(tx, actor, {
    action: "set_low_balance_threshold",
    resourceType: "contract",
    resourceId: contractId,
    changes: {
      lowBalanceThreshold: {
        from: auditView(before.lowBalanceMinor, before.lowBalancePercent, currency),
        to: auditView(minor, percent, currency),
      },
    },
  });
  return contract!;
}

/** Starts or stops the actor's low-balance alerts for a contract (shield: they hold view_contract on it), audited. */
export async function watchContractFunding(
  tx: Executor,
  actor: Actor & { userId: string },
  contractId: string,
  watching: boolean,
): Promise<Contract> {
  // Not locked: a watcher changes nothing that payments read, and must not wait for them.
  const [contract] = await tx.select().from(contracts).where(eq(contracts.id, contractId));
  if (!contract) throw notFound("Contract");
  const changed = watching
    ? await tx
        .insert(contractFundingWatchers)
        .values({ contractId, userId: actor.userId })
        .onConflictDoNothing()
        .returning()
    : await tx
        .delete(contractFundingWatchers)
        .where(
          and(
            eq(contractFundingWatchers.contractId, contractId),
            eq(contractFundingWatchers.userId, actor.userId),
          ),
        )
        .returning();
  if (changed.length) {
    await recordAudit(tx, actor, {
      action: watching ? "watch_contract_funding" : "unwatch_contract_funding",
      resourceType: "contract",
      resourceId: contractId,
      changes: { watcher: { from: watching ? null : actor.userId, to: watching ? actor.userId : null } },
    });
  }
  return contract;
}

/** Whether each of `contractIds` is watched by `userId`, in one statement. */
export async function watchedBy(db: Executor, userId: string, contractIds: readonly string[]) {
  const rows = await db
    .select({ contractId: contractFundingWatchers.contractId })
    .from(contractFundingWatchers)
    .where(
      and(
        eq(contractFundingWatchers.userId, userId),
        sql`${contractFundingWatchers.contractId} = ANY(${sql.param([...contractIds])}::text[])`,
      ),
    );
  const watched = new Set(rows.map((row) => row.contractId));
  return contractIds.map((id) => watched.has(id));
}

/**
 * Records a crossing below the threshold and e-mails the contract's watchers, in the transaction of the payment
 * that crossed it. A watcher is told only if they still hold view_contract on the contract (checked now, so one
 * who lost it hears nothing) and accept e-mail.
 */
export async function alertLowBalance(
  tx: Executor,
  alert: { contractId: string; contractName: string; remaining: MoneyValue; threshold: MoneyValue },
) {
  const recipients = await tx
    .select({ userId: users.id, email: users.email })
    .from(contractFundingWatchers)
    .innerJoin(users, eq(users.id, contractFundingWatchers.userId))
    .innerJoin(contracts, eq(contracts.id, contractFundingWatchers.contractId))
    .where(
      and(
        eq(contractFundingWatchers.contractId, alert.contractId),
        eq(users.emailEnabled, true),
        sql`(${isAdminSql(users.id)} OR EXISTS (
          SELECT 1 FROM ${grants} g WHERE g.user_id = ${users.id} AND g.permission_name = 'view_contract'
            AND (num_nonnulls(g.client_id, g.contract_id, g.trial_id, g.site_id, g.trial_site_id) = 0
              OR g.client_id = ${contracts.clientId} OR g.contract_id = ${contracts.id})))`,
      ),
    )
    .orderBy(users.id);
  const { remaining, threshold } = alert;
  await tx.insert(fundingAlerts).values({
    contractId: alert.contractId,
    remainingMinor: remaining.amountMinor,
    thresholdMinor: threshold.amountMinor,
    currency: remaining.currency,
    notified: recipients.length,
  });
  const left = `${toDecimal(remaining.amountMinor, remaining.currency)} ${remaining.currency}`;
  const below = `${toDecimal(threshold.amountMinor, threshold.currency)} ${threshold.currency}`;
  for (const recipient of recipients) {
    await queueEmail(tx, {
      userId: recipient.userId,
      to: recipient.email,
      template: "low_balance",
      subject: `Funding of ${alert.contractName} is running low`,
      body: `The remaining funding of the contract ${alert.contractName} is ${left}, below its low-balance threshold of ${below}. Add funding to keep paying participants.`,
      payload: { contractId: alert.contractId },
    });
  }
}
