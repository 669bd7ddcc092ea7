import { builder } from "../core/builder.js";
import { MoneyRef } from "../core/money.js";
import { ContractRef } from "../organizations/refs.js";
import { TrialRef } from "../trials/refs.js";
import type { DistanceUnit } from "./mileage.js";
import { PaymentRef } from "./refs.js";

export const DistanceUnitEnum = builder.enumType("DistanceUnit", {
  description: "The unit of a mileage rate and of the distances paid at it.",
  values: {
    MILE: { value: "mile", description: "Statute miles." },
    KM: { value: "km", description: "Kilometres." },
  } as const,
});

interface MileageRate {
  amountMinor: bigint;
  currency: string;
  unit: DistanceUnit;
}

const MileageRateRef = builder.objectRef<MileageRate>("MileageRate").implement({
  description:
    "What a trial reimburses per unit of distance travelled: mileage paid within distance × rate is a reimbursement, not reportable income.",
  fields: (t) => ({
    amount: t.field({
      type: MoneyRef,
      description: "Per unit, in the trial's contract currency.",
      resolve: (r) => ({ amountMinor: r.amountMinor, currency: r.currency }),
    }),
    unit: t.expose("unit", { type: DistanceUnitEnum, description: "Per mile or per kilometre." }),
  }),
});

export const MileageRateInput = builder.inputType("MileageRateInput", {
  description: "A mileage rate: an amount per mile or per kilometre.",
  fields: (t) => ({
    amount: t.string({
      description: 'Positive decimal string per unit, e.g. "0.70"; at most the currency\'s minor digits.',
    }),
    currency: t.string({ description: "ISO 4217 code: must be the trial's contract currency." }),
    unit: t.field({ type: DistanceUnitEnum, description: "The unit the rate is per." }),
  }),
});

const rateOf = (minor: bigint | null, unit: DistanceUnit | null, currency: string): MileageRate | null =>
  minor !== null && unit !== null ? { amountMinor: minor, currency: currency.trim(), unit } : null;

builder.objectField(TrialRef, "mileageRate", (t) =>
  t.field({
    type: MileageRateRef,
    nullable: true,
    description:
      "The mileage rate (setMileageRate), or null when the trial has none, when all mileage is reportable income. Staff with view_trials on the trial.",
    resolve: async (trial, _args, ctx) => {
      if (trial.mileageRateMinor === null) return null;
      const contract = await ContractRef.getDataloader(ctx).load(trial.contractId);
      return rateOf(trial.mileageRateMinor, trial.mileageRateUnit, contract.currency);
    },
  }),
);

builder.objectFields(PaymentRef, (t) => ({
  distance: t.exposeString("mileageDistance", {
    nullable: true,
    description: "Mileage: the distance travelled, in mileageRate's unit, when given; null for other kinds.",
  }),
  mileageRate: t.field({
    type: MileageRateRef,
    nullable: true,
    description:
      "Mileage: the trial's rate when it was paid, which its classification keeps (distance × rate is a reimbursement, the rest reportable income); null without a distance or a rate.",
    resolve: (p) => rateOf(p.mileageRateMinor, p.mileageRateUnit, p.currency),
  }),
}));
