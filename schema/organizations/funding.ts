import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/connection.js";
import { contracts, fundingDeposits, payments, trials } from "../../db/schema/index.js";
import { type Actor, recordAudit } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import {
  badInput,
  DomainError,
  notFound,
  onViolation,
  PG_CHECK_VIOLATION,
  parseInput,
} from "../core/errors.js";
import { type MoneyValue, toDecimal } from "../core/money.js";
import { lockContract } from "./contracts.js";
import * as rules from "./inputs.js";
import { alertLowBalance, lowBalanceSet, thresholdMinorSql } from "./low-balance.js";
import type { Contract } from "./refs.js";

export type FundingDeposit = typeof fundingDeposits.$inferSelect;

/** A contract's funding: money deposited, committed to payments, and what remains (deposits − committed). */
export function fundingOf(contract: Contract) {
  const money = (amountMinor: bigint): MoneyValue => ({ amountMinor, currency: contract.currency });
  return {
    contractId: contract.id,
    deposited: money(contract.depositedMinor),
    committed: money(contract.committedMinor),
    remaining: money(contract.depositedMinor - contract.committedMinor),
  };
}
export type ContractFunding = ReturnType<typeof fundingOf>;

/**
 * Records a deposit into a contract's fiduciary account. The ledger row and the running total change in the
 * same transaction under the contract's row lock, so the total always equals the sum of the ledger.
 */
export async function addFunding(
  tx: Executor,
  actor: Actor,
  contractId: string,
  input: unknown,
): Promise<{ contract: Contract; deposit: FundingDeposit }> {
  const deposit = parseInput(rules.deposit, input);
  const before = await lockContract(tx, contractId);
  const { amountMinor, currency } = deposit.amount;
  if (currency !== before.currency) {
    throw badInput([
      { field: "amount.currency", message: `must be ${before.currency}, the currency of this contract` },
    ]);
  }
  const [row] = await tx
    .insert(fundingDeposits)
    .values({ contractId, amountMinor, currency, note: deposit.note ?? null, createdBy: actor.realUserId })
    .returning();
  const [contract] = await tx
    .update(contracts)
    .set({
      depositedMinor: sql`${contracts.depositedMinor} + ${amountMinor.toString()}::bigint`,
      lowBalanceSince: lowBalanceSet(
        sql`committed_minor`,
        sql`deposited_minor + ${amountMinor.toString()}::bigint`,
      ),
    })
    .where(eq(contracts.id, contractId))
    .returning();
  await recordAudit(tx, actor, {
    action: "add_funding",
    resourceType: "contract",
    resourceId: contractId,
    changes: {
      deposited: {
        from: toDecimal(before.depositedMinor, currency),
        to: toDecimal(contract!.depositedMinor, currency),
      },
      deposit: {
        from: null,
        to: { id: row!.id, amount: toDecimal(amountMinor, currency), currency, note: row!.note },
      },
    },
  });
  return { contract: contract!, deposit: row! };
}

/** The answer to a payment the contract's remaining funding cannot cover. */
export function insufficientFunds(remaining: MoneyValue) {
  const amount = toDecimal(remaining.amountMinor, remaining.currency);
  return new DomainError(
    "INSUFFICIENT_FUNDS",
    `The contract's remaining funding is ${amount} ${remaining.currency}.`,
    { remaining: amount, currency: remaining.currency },
  );
}

/**
 * Commits funding of a contract to payments, in one statement that locks the contract's row until the transaction
 * ends: the longest run of `amounts`, in order from the first, that the remaining funding covers (all of them, some,
 * or none). The amounts are given, or are those of the payments named (`{ paymentIds }`, in that order) that
 * exist when the statement runs: a caller may then send it right behind the statement inserting them, without
 * waiting for what that inserted (PostgreSQL runs a transaction's statements in the order sent). Returns how many
 * were committed and what remains after them. Every change of committed funding takes this row lock, so a caller
 * that runs it last, just before COMMIT, holds the lock for the shortest time. The CHECK contracts_never_overdrawn
 * is the last word: its violation answers INSUFFICIENT_FUNDS.
 */
export async function commitFunding(
  tx: Executor,
  contractId: string,
  amounts: readonly bigint[] | { paymentIds: readonly string[] },
): Promise<{ committed: number; remaining: MoneyValue }> {
  const inOrder =
    "paymentIds" in amounts
      ? sql`
          SELECT p.amount_minor AS amount, i.position
          FROM unnest(${sql.param(amounts.paymentIds)}::text[]) WITH ORDINALITY AS i(id, position)
          JOIN ${payments} p ON p.id = i.id`
      : sql`
          SELECT amount::bigint, position
          FROM unnest(${sql.param(amounts.map(String))}::text[]) WITH ORDINALITY AS a(amount, position)`;
  // The locking read in `locked` waits for a concurrent commitment and then sees its result; the UPDATE's row is
  // that same latest version (already locked by this statement), so `fit` is computed from what is updated. The
  // same statement notes a fall below the low-balance threshold (lowBalanceSet), so detecting it costs nothing more.
  // Committing nothing (none of the payments named exists) leaves the contract as it was.
  const [row] = await onViolation(
    () =>
      tx.execute<{
        committed: number;
        remaining: string;
        currency: string;
        crossed: boolean;
        threshold: string | null;
        name: string;
      }>(sql`
        WITH locked AS (
          SELECT deposited_minor - committed_minor AS remaining, low_balance_since IS NULL AS was_above
          FROM ${contracts} WHERE id = ${contractId} FOR NO KEY UPDATE
        ), fit AS (
          SELECT count(*)::int AS n, coalesce(max(running), 0) AS total
          FROM locked, (
            SELECT sum(amount) OVER (ORDER BY position) AS running FROM (${inOrder}) a
          ) prefix
          WHERE running <= locked.remaining
        )
        UPDATE ${contracts} SET committed_minor = committed_minor + fit.total,
          updated_at = CASE WHEN fit.n > 0 THEN now() ELSE updated_at END,
          low_balance_since = ${lowBalanceSet(sql`committed_minor + fit.total`)}
        FROM fit, locked WHERE ${contracts.id} = ${contractId}
        RETURNING fit.n AS committed, (deposited_minor - committed_minor)::text AS remaining, currency,
          locked.was_above AND low_balance_since IS NOT NULL AS crossed,
          ${thresholdMinorSql}::text AS threshold, name`),
    {
      code: PG_CHECK_VIOLATION,
      constraint: "contracts_never_overdrawn",
      error: () => new DomainError("INSUFFICIENT_FUNDS", "The contract's remaining funding is too low."),
    },
  );
  if (!row) throw notFound("Contract");
  const currency = row.currency.trim();
  const remaining = { amountMinor: BigInt(row.remaining), currency };
  if (row.crossed && row.committed > 0) {
    await alertLowBalance(tx, {
      contractId,
      contractName: row.name,
      remaining,
      threshold: { amountMinor: BigInt(row.threshold!), currency },
    });
  }
  return { committed: row.committed, remaining };
}

/** Commits one amount of a contract's funding, or answers INSUFFICIENT_FUNDS (see commitFunding). */
export async function commitAmount(tx: Executor, contractId: string, amountMinor: bigint) {
  const { committed, remaining } = await commitFunding(tx, contractId, [amountMinor]);
  if (!committed) throw insufficientFunds(remaining);
}

/** The deposits of each contract, oldest first (ledger order), in one statement. */
export async function depositsOf(db: Executor, contractIds: readonly string[]): Promise<FundingDeposit[]> {
  return db
    .select()
    .from(fundingDeposits)
    .where(inArray(fundingDeposits.contractId, [...contractIds]))
    .orderBy(asc(fundingDeposits.createdAt), asc(fundingDeposits.id));
}

/**
 * Remaining funding of a contract, named directly or through one of its trials. Needs view_contract on the
 * contract: NOT_FOUND when the viewer cannot see it (or it does not exist), FORBIDDEN when they see it only.
 */
export async function remainingFunding(
  db: Database,
  access: Access,
  target: { contractId: string } | { trialId: string },
): Promise<MoneyValue> {
  let contractId: string;
  if ("trialId" in target) {
    await access.requireVisible({ type: "trial", id: target.trialId }, "Trial");
    const [trial] = await db
      .select({ contractId: contracts.id })
      .from(trials)
      .innerJoin(contracts, eq(contracts.id, trials.contractId))
      .where(eq(trials.id, target.trialId));
    if (!trial) throw notFound("Trial");
    contractId = trial.contractId;
  } else {
    contractId = target.contractId;
  }
  await access.require("view_contract", { type: "contract", id: contractId }, "Contract");
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId));
  if (!contract) throw notFound("Contract");
  return fundingOf(contract).remaining;
}
