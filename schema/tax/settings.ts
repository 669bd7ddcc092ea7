import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";
import { clients, clientTaxPolicies, taxThresholds } from "../../db/schema/index.js";
import { type Actor, recordAudit } from "../core/audit.js";
import { notFound, parseInput } from "../core/errors.js";
import { positiveAmount, toDecimal } from "../core/money.js";

export type TaxThreshold = typeof taxThresholds.$inferSelect;
export type TaxPolicy = (typeof clientTaxPolicies.$inferSelect)["policy"];

/** The tax years a threshold or a total may name. */
export const taxYear = z.number().int().min(2000).max(2200);

const thresholdInput = z.object({
  taxYear,
  amount: positiveAmount,
  approachingPercent: z.number().int().min(1).max(100).nullish(),
  source: z.string().trim().min(1).max(500),
});

/**
 * Sets the reporting threshold of a tax year in a currency (a law changes it; the code holds no figure), with
 * where the figure comes from; audited with old → new.
 */
export async function setTaxThreshold(
  tx: Executor,
  actor: Actor,
  input: {
    taxYear: number;
    amount: { amount: string; currency: string };
    approachingPercent?: number | null;
    source: string;
  },
): Promise<TaxThreshold> {
  const { amount, ...rest } = parseInput(thresholdInput, input);
  const key = and(eq(taxThresholds.taxYear, rest.taxYear), eq(taxThresholds.currency, amount.currency));
  const [before] = await tx.select().from(taxThresholds).where(key).for("update");
  const values = {
    amountMinor: amount.amountMinor,
    approachingPercent: rest.approachingPercent ?? before?.approachingPercent ?? 80,
    source: rest.source,
    updatedBy: actor.userId,
  };
  const [after] = before
    ? await tx.update(taxThresholds).set(values).where(key).returning()
    : await tx
        .insert(taxThresholds)
        .values({ taxYear: rest.taxYear, currency: amount.currency, ...values })
        .returning();
  const shown = (t: TaxThreshold | undefined) =>
    t
      ? { amount: toDecimal(t.amountMinor, t.currency), percent: t.approachingPercent, source: t.source }
      : null;
  const from = shown(before);
  const to = shown(after)!;
  await recordAudit(tx, actor, {
    action: "set_tax_threshold",
    resourceType: "tax_threshold",
    resourceId: `${rest.taxYear}:${amount.currency}`,
    changes: {
      amount: { from: from?.amount ?? null, to: to.amount },
      approachingPercent: { from: from?.percent ?? null, to: to.percent },
      source: { from: from?.source ?? null, to: to.source },
    },
  });
  return after!;
}

/** The configured thresholds, newest tax year first; optionally one year's. */
export function taxThresholdList(db: Executor, year?: number | null): Promise<TaxThreshold[]> {
  const where: SQL | undefined = year == null ? undefined : eq(taxThresholds.taxYear, year);
  return db
    .select()
    .from(taxThresholds)
    .where(where)
    .orderBy(desc(taxThresholds.taxYear), asc(taxThresholds.currency))
    .limit(500);
}

/** Sets what a payer does when a participant reaches the threshold without a TIN; audited. */
export async function setClientTaxPolicy(
  tx: Executor,
  actor: Actor,
  clientId: string,
  policy: TaxPolicy,
): Promise<TaxPolicy> {
  const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
  if (!client) throw notFound("Client");
  const [before] = await tx
    .select()
    .from(clientTaxPolicies)
    .where(eq(clientTaxPolicies.clientId, clientId))
    .for("update");
  await tx
    .insert(clientTaxPolicies)
    .values({ clientId, policy, updatedBy: actor.userId })
    .onConflictDoUpdate({ target: clientTaxPolicies.clientId, set: { policy, updatedBy: actor.userId } });
  await recordAudit(tx, actor, {
    action: "set_client_tax_policy",
    resourceType: "client",
    resourceId: clientId,
    changes: { taxPolicy: { from: before?.policy ?? "warn", to: policy } },
  });
  return policy;
}

/** A payer's policy (warn when none was set). */
export async function clientTaxPolicy(db: Executor, clientId: string): Promise<TaxPolicy> {
  const [row] = await db
    .select({ policy: clientTaxPolicies.policy })
    .from(clientTaxPolicies)
    .where(eq(clientTaxPolicies.clientId, clientId));
  return row?.policy ?? "warn";
}
