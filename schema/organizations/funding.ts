import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/connection.js";
import { contracts, fundingDeposits, trials } from "../../db/schema/index.js";
import { type Actor, recordAudit } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import { badInput, notFound, parseInput } from "../core/errors.js";
import { type MoneyValue, toDecimal } from "../core/money.js";
import { lockContract } from "./contracts.js";
import * as rules from "./inputs.js";
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
    .set({ depositedMinor: sql`${contracts.depositedMinor} + ${amountMinor.toString()}::bigint` })
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
