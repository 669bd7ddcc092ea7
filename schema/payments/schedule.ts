import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { contracts, milestones, milestoneVersions, trials } from "../../db/schema/index.js";
import { type Actor, recordAudit } from "../core/audit.js";
import {
  badInput,
  conflict,
  notFound,
  onViolation,
  PG_UNIQUE_VIOLATION,
  parseInput,
} from "../core/errors.js";
import { positiveAmount } from "../core/money.js";
import type { PaymentScheduleLine } from "../participants/schedule.js";

export interface AddMilestoneInput {
  trialSiteId: string;
  trialId: string;
  name: string;
  amount: { amount: string; currency: string };
  sortOrder?: number | null;
  repeatable?: boolean | null;
  effectiveAt?: Date | null;
}

/**
 * Adds a milestone to a trial site's payment schedule (the spec's add_milestone), or — when the name exists
 * there — a new amount version effective from `effectiveAt` (default now). Earlier payments keep their amount;
 * a version at the same instant is a CONFLICT. The currency must be the trial's contract currency.
 */
export async function addMilestone(
  tx: Executor,
  actor: Actor,
  input: AddMilestoneInput,
): Promise<PaymentScheduleLine> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw badInput([{ field: "name", message: "must be 1 to 200 characters" }]);
  const money = parseInput(positiveAmount, input.amount);
  const [contract] = await tx
    .select({ currency: contracts.currency })
    .from(trials)
    .innerJoin(contracts, eq(contracts.id, trials.contractId))
    .where(eq(trials.id, input.trialId));
  if (!contract) throw notFound("Trial");
  if (contract.currency.trim() !== money.currency) {
    throw badInput([
      {
        field: "amount.currency",
        message: `must be the trial's contract currency, ${contract.currency.trim()}`,
      },
    ]);
  }
  // Upsert the milestone (name is unique per trial site); an existing one keeps its id and may change order/repeatable.
  const [milestone] = await tx
    .insert(milestones)
    .values({
      trialSiteId: input.trialSiteId,
      name,
      sortOrder: input.sortOrder ?? 0,
      repeatable: input.repeatable ?? false,
    })
    .onConflictDoUpdate({
      target: [milestones.trialSiteId, milestones.name],
      set: {
        sortOrder: sql`coalesce(${input.sortOrder ?? null}::int, ${milestones.sortOrder})`,
        repeatable: sql`coalesce(${input.repeatable ?? null}::boolean, ${milestones.repeatable})`,
      },
    })
    .returning();
  const [version] = await onViolation(
    () =>
      tx
        .insert(milestoneVersions)
        .values({
          milestoneId: milestone!.id,
          amountMinor: money.amountMinor,
          currency: money.currency,
          effectiveAt: input.effectiveAt ?? sql`now()`,
          createdBy: actor.userId,
        })
        .returning(),
    {
      code: PG_UNIQUE_VIOLATION,
      constraint: "milestone_versions_effective_key",
      error: () => conflict(`Milestone "${name}" already has an amount effective at that instant.`),
    },
  );
  await recordAudit(tx, actor, {
    action: "add_milestone",
    resourceType: "milestone",
    resourceId: milestone!.id,
    changes: {
      name: { from: null, to: name },
      amountMinor: { from: null, to: money.amountMinor.toString() },
      currency: { from: null, to: money.currency },
      effectiveAt: { from: null, to: version!.effectiveAt.toISOString() },
    },
  });
  return {
    milestoneId: milestone!.id,
    trialSiteId: milestone!.trialSiteId,
    name: milestone!.name,
    sortOrder: milestone!.sortOrder,
    repeatable: milestone!.repeatable,
    amountMinor: version!.amountMinor,
    currency: version!.currency.trim(),
    effectiveAt: version!.effectiveAt,
  };
}
