import { eq } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { contracts, trials } from "../../db/schema/index.js";
import { type Actor, recordAudit } from "../core/audit.js";
import { badInput, parseInput } from "../core/errors.js";
import { positiveAmount, toDecimal } from "../core/money.js";
import { lockTrial } from "../trials/trials.js";

export type DistanceUnit = "mile" | "km";

/** The longest trip a mileage payment records, in the trial's unit. */
export const MAX_DISTANCE = 10_000;

/** A distance as stored: a decimal string with at most 2 decimals, above 0 and at most MAX_DISTANCE. */
export function parseDistance(distance: string | null | undefined): string | null {
  if (distance == null) return null;
  const text = distance.trim();
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(text) || Number(text) <= 0 || Number(text) > MAX_DISTANCE) {
    throw badInput([
      {
        field: "distance",
        message: `must be a decimal above 0 and at most ${MAX_DISTANCE.toLocaleString("en-US")} with at most 2 decimals, such as "12.5"`,
      },
    ]);
  }
  return text;
}

/**
 * Sets (or, with null, removes) a trial's mileage rate. Its currency must be the trial's contract currency, the
 * only one its mileage is paid in, so distance × rate always compares with the amount. Payments already made keep
 * the rate they were made with.
 */
export async function setMileageRate(
  tx: Executor,
  actor: Actor,
  trialId: string,
  rate: { amount: string; currency: string; unit: DistanceUnit } | null | undefined,
) {
  const money = rate ? parseInput(positiveAmount, { amount: rate.amount, currency: rate.currency }) : null;
  const before = await lockTrial(tx, trialId);
  const [contract] = await tx
    .select({ currency: contracts.currency })
    .from(contracts)
    .where(eq(contracts.id, before.contractId));
  const currency = contract!.currency.trim();
  if (money && money.currency !== currency) {
    throw badInput([
      { field: "rate.currency", message: `must be the trial's contract currency, ${currency}` },
    ]);
  }
  const describe = (minor: bigint | null, unit: DistanceUnit | null) =>
    minor === null ? null : `${toDecimal(minor, currency)} ${currency} per ${unit}`;
  const from = describe(before.mileageRateMinor, before.mileageRateUnit);
  const to = describe(money?.amountMinor ?? null, rate?.unit ?? null);
  if (from === to) return before;
  const [trial] = await tx
    .update(trials)
    .set({ mileageRateMinor: money?.amountMinor ?? null, mileageRateUnit: money ? rate!.unit : null })
    .where(eq(trials.id, trialId))
    .returning();
  await recordAudit(tx, actor, {
    action: "set_mileage_rate",
    resourceType: "trial",
    resourceId: trialId,
    changes: { mileageRate: { from, to } },
  });
  return trial!;
}
