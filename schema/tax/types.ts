import DataLoader from "dataloader";
import { inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import { claimHolds, taxpayerDetails } from "../../db/schema/index.js";
import { AddressRef } from "../accounts/types.js";
import { builder } from "../core/builder.js";
import { parseInput } from "../core/errors.js";
import { MoneyRef } from "../core/money.js";
import { actsForParticipant } from "../core/participant-access.js";
import { perRequest } from "../core/request-cache.js";
import { ClientRef } from "../organizations/refs.js";
import { ParticipantRef } from "../participants/refs.js";
import { paymentsVisibleSql } from "../payments/lists.js";
import { PaymentRef } from "../payments/refs.js";
import type { TaxPolicy, TaxThreshold } from "./settings.js";
import { clientTaxPolicy, taxYear } from "./settings.js";
import { maskTin, type TaxpayerDetails } from "./taxpayer.js";
import { participantsTaxYear, type TaxYearTotal, thresholdStatus } from "./totals.js";

export const TaxPolicyEnum = builder.enumType("TaxPolicy", {
  description:
    "What a payer (client) does when a participant's reportable income from it reaches the tax year's reporting threshold and no taxpayer details (TIN) are on file.",
  values: {
    WARN: {
      value: "warn",
      description: "Flag it (thresholdStatus REACHED, no details on file) and keep paying.",
    },
    HOLD_CLAIMS: {
      value: "hold_claims",
      description:
        "Hold new claims of reportable payments (refused with HELD_FOR_TAXPAYER_DETAILS, shown as held) until the details are given; giving them releases the held claims.",
    },
  } as const satisfies Record<string, { value: TaxPolicy; description: string }>,
});

export const TinKindEnum = builder.enumType("TinKind", {
  description: "The kind of US taxpayer identification number.",
  values: {
    SSN: { value: "ssn", description: "Social Security Number." },
    ITIN: { value: "itin", description: "Individual Taxpayer Identification Number (starts with 9)." },
    EIN: { value: "ein", description: "Employer Identification Number." },
  } as const,
});

export const ThresholdStatusEnum = builder.enumType("TaxThresholdStatus", {
  description:
    "Where a participant's reportable income from a payer stands against the tax year's threshold.",
  values: {
    NO_THRESHOLD: {
      value: "no_threshold",
      description: "No threshold is configured for the year and currency.",
    },
    BELOW: { value: "below", description: "Below the approaching fraction of the threshold." },
    APPROACHING: {
      value: "approaching",
      description: "At or above the threshold's approaching percentage, below the threshold.",
    },
    REACHED: { value: "reached", description: "At or above the threshold: the payer reports this income." },
  } as const,
});

export const TaxThresholdRef = builder.objectRef<TaxThreshold>("TaxThreshold").implement({
  description:
    "The income reporting threshold of a tax year in a currency (configuration kept by Mural admins, as the law changes it).",
  fields: (t) => ({
    taxYear: t.exposeInt("taxYear", { description: "The calendar year (UTC) payments are counted in." }),
    amount: t.field({
      type: MoneyRef,
      description: "Reportable income from one payer at or above this is reported.",
      resolve: (r) => ({ amountMinor: r.amountMinor, currency: r.currency.trim() }),
    }),
    approachingPercent: t.exposeInt("approachingPercent", {
      description: "From this percentage of the amount, a participant is flagged as approaching it.",
    }),
    source: t.exposeString("source", { description: "Where the figure comes from (the law or notice)." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When it was last set." }),
  }),
});

export const TaxpayerDetailsRef = builder.objectRef<TaxpayerDetails>("TaxpayerDetails").implement({
  description:
    "A participant's taxpayer details (W-9 style). The TIN is never shown whole, to anyone: only masked. Staff see that they exist, the masked TIN and the certification; the legal name and address only the participant and their caregivers.",
  fields: (t) => ({
    maskedTin: t.string({
      description: 'The TIN with all but its last four digits hidden, e.g. "***-**-1234".',
      resolve: (d) => maskTin(d.tinKind, d.tinLast4),
    }),
    tinKind: t.expose("tinKind", { type: TinKindEnum, description: "SSN, ITIN or EIN." }),
    legalName: t.exposeString("legalName", {
      description: "The legal name given with the TIN. The participant and their caregivers only.",
    }),
    address: t.field({
      type: AddressRef,
      nullable: true,
      description: "The address given with the TIN. The participant and their caregivers only.",
      resolve: (d) => d.addressId,
    }),
    certifiedAt: t.expose("certifiedAt", {
      type: "DateTime",
      description: "When the participant or caregiver certified the TIN as correct.",
    }),
  }),
});

const money = (minor: bigint, currency: string) => ({ amountMinor: minor, currency });

export const TaxYearTotalRef = builder.objectRef<TaxYearTotal>("TaxYearTotal").implement({
  description:
    "A participant's payments from one payer in one currency over a tax year (UTC calendar year of the claim), claimed or paid. Currencies are never converted: each has its own total and threshold.",
  fields: (t) => ({
    taxYear: t.exposeInt("taxYear", { description: "The calendar year." }),
    payerId: t.globalID({
      description: "The payer: the client whose contract funded the payments (its global id).",
      resolve: (r) => ({ type: ClientRef.name, id: r.clientId }),
    }),
    payerName: t.exposeString("payerName", { description: "The payer's name." }),
    reportable: t.field({
      type: MoneyRef,
      description:
        "Reportable income: milestone and manual payments, mileage, and reimbursements without a receipt.",
      resolve: (r) => money(r.reportableMinor, r.currency),
    }),
    nonReportable: t.field({
      type: MoneyRef,
      description: "Not income: reimbursements of receipted expenses.",
      resolve: (r) => money(r.nonReportableMinor, r.currency),
    }),
    paymentCount: t.exposeInt("count", { description: "How many payments the totals count." }),
    threshold: t.field({
      type: MoneyRef,
      nullable: true,
      description: "The year's reporting threshold in this currency; null when none is configured.",
      resolve: (r) => (r.thresholdMinor === null ? null : money(r.thresholdMinor, r.currency)),
    }),
    thresholdStatus: t.field({
      type: ThresholdStatusEnum,
      description:
        "Below, approaching or at/above the threshold: the flag shown to site staff and the participant.",
      resolve: thresholdStatus,
    }),
    taxpayerDetailsOnFile: t.exposeBoolean("hasTaxpayerDetails", {
      description: "Whether the participant has given taxpayer details (a TIN).",
    }),
    policy: t.field({
      type: TaxPolicyEnum,
      description: "The payer's policy when the threshold is reached without a TIN.",
      resolve: (r) => r.policy,
    }),
  }),
});

export interface ClaimHold {
  heldAt: Date;
  releasedAt: Date | null;
}

export const ClaimHoldRef = builder.objectRef<ClaimHold>("ClaimHold").implement({
  description:
    "A claim held for taxpayer details: the participant reached the payer's reporting threshold without a TIN under the HOLD_CLAIMS policy.",
  fields: (t) => ({
    heldAt: t.expose("heldAt", { type: "DateTime", description: "When the claim was held." }),
    releasedAt: t.expose("releasedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was released (the payment claimed); null while held.",
    }),
  }),
});

const holdOf = perRequest(
  (access) =>
    new DataLoader<string, ClaimHold | null>(async (ids) => {
      const rows = await access.db
        .select()
        .from(claimHolds)
        .where(inArray(claimHolds.paymentId, [...ids]));
      const byId = new Map(rows.map((r) => [r.paymentId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);

const detailsOf = perRequest(
  (access) =>
    new DataLoader<string, TaxpayerDetails | null>(async (ids) => {
      const rows = await access.db
        .select()
        .from(taxpayerDetails)
        .where(inArray(taxpayerDetails.participantId, [...ids]));
      const byId = new Map(rows.map((r) => [r.participantId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);

builder.objectField(PaymentRef, "claimHold", (t) =>
  t.field({
    type: ClaimHoldRef,
    nullable: true,
    description:
      "Set when a claim of this payment was held for taxpayer details (released or not); null when never held.",
    resolve: (payment, _args, ctx) => holdOf(ctx.access).load(payment.id),
  }),
);

interface TaxYearKey {
  participantId: string;
  year: number;
  /** Whether the viewer acts for the participant (and so counts all their payments). */
  own: boolean;
  /** Otherwise, the payments the viewer may see: the same for every participant of the request. */
  visible: SQL | undefined;
}

/** Participant.taxYear for a list of participants: one statement per year and kind of viewer, not one each. */
const taxYearsOf = perRequest(
  (access) =>
    new DataLoader<TaxYearKey, TaxYearTotal[], string>(
      async (keys) => {
        const groups = new Map<string, TaxYearKey[]>();
        for (const key of keys) {
          const group = `${key.year}:${key.own}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const rows = (
          await Promise.all(
            [...groups.values()].map((group) =>
              participantsTaxYear(
                access.db,
                group.map((k) => k.participantId),
                group[0]!.year,
                group[0]!.own ? undefined : group[0]!.visible,
              ),
            ),
          )
        ).flat();
        return keys.map((k) =>
          rows.filter((r) => r.participantId === k.participantId && r.taxYear === k.year),
        );
      },
      { cacheKeyFn: (k) => `${k.participantId}:${k.year}:${k.own}` },
    ),
);

builder.objectFields(ParticipantRef, (t) => ({
  taxpayerDetails: t.field({
    type: TaxpayerDetailsRef,
    nullable: true,
    description:
      "Their taxpayer details, masked; null when none were given. The participant, their caregivers and staff holding view_payments where the participant is seen.",
    resolve: (participant, _args, ctx) => detailsOf(ctx.access).load(participant.id),
  }),
  taxYear: t.field({
    type: [TaxYearTotalRef],
    description:
      "The yearly statement: reportable and non-reportable totals per payer and currency for a tax year, each with its threshold flag. The participant and their caregivers see all their payments; staff holding view_payments count only payments of trial sites where they hold it.",
    args: {
      year: t.arg.int({ description: "The tax year (a calendar year, 2000-2200)." }),
    },
    resolve: async (participant, { year }, ctx) => {
      const valid = parseInput(z.object({ year: taxYear }), { year });
      const own = await actsForParticipant(ctx.access, participant.id);
      const visible = own ? undefined : await paymentsVisibleSql(ctx.access);
      return taxYearsOf(ctx.access).load({ participantId: participant.id, year: valid.year, own, visible });
    },
  }),
}));

builder.objectField(ClientRef, "taxPolicy", (t) =>
  t.field({
    type: TaxPolicyEnum,
    description:
      "What this payer does when a participant reaches the reporting threshold without a TIN (WARN unless set). Needs view_clients.",
    resolve: (client, _args, ctx) => clientTaxPolicy(ctx.db, client.id),
  }),
);
