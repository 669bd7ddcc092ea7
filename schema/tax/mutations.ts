import { AddressInput } from "../accounts/mutations.js";
import { builder } from "../core/builder.js";
import { MoneyInput } from "../core/money.js";
import { inTransaction } from "../core/transaction.js";
import { ClientRef } from "../organizations/refs.js";
import { ParticipantRef } from "../participants/refs.js";
import { PaymentRef } from "../payments/refs.js";
import { setClientTaxPolicy, setTaxThreshold } from "./settings.js";
import { setTaxpayerDetails } from "./taxpayer.js";
import { TaxPolicyEnum, TaxpayerDetailsRef, TaxThresholdRef, TinKindEnum } from "./types.js";

builder.relayMutationField(
  "setTaxThreshold",
  {
    description: "The tax year, currency and threshold.",
    inputFields: (t) => ({
      taxYear: t.int({ description: "The calendar year (2000-2200)." }),
      amount: t.field({ type: MoneyInput, description: "The threshold, positive, in its currency." }),
      approachingPercent: t.int({
        required: false,
        description:
          "From this percentage (1-100) a participant is flagged as approaching; kept (or 80) when omitted.",
      }),
      source: t.string({ description: "Where the figure comes from (the law or notice), 1-500 characters." }),
    }),
  },
  {
    description:
      "Sets (or replaces) the income reporting threshold of a tax year in a currency. Audited. Mural admins only.",
    resolve: (_root, { input }, ctx) =>
      inTransaction(ctx, async (tx, actor) => ({ threshold: await setTaxThreshold(tx, actor, input) })),
  },
  {
    description: "The threshold as now set.",
    outputFields: (t) => ({
      threshold: t.field({
        type: TaxThresholdRef,
        description: "The threshold.",
        resolve: (r) => r.threshold,
      }),
    }),
  },
);

builder.relayMutationField(
  "setClientTaxPolicy",
  {
    description: "The payer and its policy.",
    inputFields: (t) => ({
      clientId: t.globalID({ for: ClientRef, description: "The client's global id." }),
      policy: t.field({ type: TaxPolicyEnum, description: "WARN or HOLD_CLAIMS." }),
    }),
  },
  {
    description:
      "Sets what a payer does when a participant's reportable income from it reaches the threshold without a TIN. Audited. Mural admins only.",
    resolve: (_root, { input }, ctx) =>
      inTransaction(ctx, async (tx, actor) => ({
        policy: await setClientTaxPolicy(tx, actor, input.clientId.id, input.policy),
      })),
  },
  {
    description: "The policy as now set.",
    outputFields: (t) => ({
      policy: t.field({ type: TaxPolicyEnum, description: "The policy.", resolve: (r) => r.policy }),
    }),
  },
);

builder.relayMutationField(
  "setTaxpayerDetails",
  {
    description: "Whose details, and the details with their certification.",
    inputFields: (t) => ({
      participantId: t.globalID({
        for: ParticipantRef,
        description: "The participant (yourself, or the one you are caregiver of).",
      }),
      tinKind: t.field({ type: TinKindEnum, description: "SSN, ITIN or EIN." }),
      tin: t.string({
        description:
          "The TIN: 9 digits, dashes and spaces ignored. Stored encrypted; never shown again except masked.",
      }),
      legalName: t.string({ description: "The legal name the TIN belongs to (1-200 characters)." }),
      address: t.field({ type: AddressInput, description: "The taxpayer's postal address." }),
      certified: t.boolean({
        description:
          "Must be true: under penalties of perjury, the TIN is correct and the taxpayer is a US person (W-9 certification). Its time is recorded.",
      }),
    }),
  },
  {
    description:
      "Gives (or replaces) a participant's taxpayer details. Only the participant or their caregiver. The TIN is checked (SSN: not 000, 666 or 9xx first; ITIN; EIN prefix), stored encrypted and audited masked. Claims held for taxpayer details are released (claimed, payouts started) in the same transaction.",
    resolve: async (_root, { input }, ctx) => {
      const { participantId, ...details } = input;
      const result = await inTransaction(ctx, (tx, actor) =>
        setTaxpayerDetails(tx, actor, ctx.config, participantId.id, details),
      );
      return { details: result.details, released: result.released.claimed };
    },
  },
  {
    description: "The details, masked, and the claims released.",
    outputFields: (t) => ({
      taxpayerDetails: t.field({
        type: TaxpayerDetailsRef,
        description: "The details as now on file.",
        resolve: (r) => r.details,
      }),
      released: t.field({
        type: [PaymentRef],
        description: "Held payments claimed now that the details are on file.",
        resolve: (r) => r.released,
      }),
    }),
  },
);
