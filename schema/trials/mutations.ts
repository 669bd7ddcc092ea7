import { AddressInput } from "../accounts/mutations.js";
import { builder } from "../core/builder.js";
import { inTransaction } from "../core/transaction.js";
import { ClientRef, ContractRef, SiteRef } from "../organizations/refs.js";
import { createSite } from "../organizations/sites.js";
import { TrialRef, TrialSiteRef } from "./refs.js";
import { addTrialSite } from "./trial-sites.js";
import { createTrial, deleteTrial, editTrial } from "./trials.js";
import { IrbStatusEnum, TrialPhaseEnum, TrialStatusEnum } from "./types.js";

const undefinedIfNull = <T>(value: T | null | undefined) => value ?? undefined;

builder.relayMutationField(
  "createTrial",
  {
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef, description: "The contract the trial runs under." }),
      name: t.string(),
      protocolId: t.string({ description: "Unique across all trials." }),
      status: t.field({ type: TrialStatusEnum, required: false, description: "DRAFT (default) or LIVE." }),
      phase: t.field({ type: TrialPhaseEnum, required: false }),
      irbStatus: t.field({ type: IrbStatusEnum, required: false, description: "NOT_SUBMITTED by default." }),
      sandbox: t.boolean({
        required: false,
        description:
          "A sandbox trial holds demo or test data and is the only kind sandbox API credentials reach; false by default, fixed once created.",
      }),
    }),
  },
  {
    description:
      "Creates a trial under a contract (the spec's create_trial). Needs create_trial on the contract.",
    resolve: async (_root, { input }, ctx) => ({
      trial: await inTransaction(ctx, (tx, actor) =>
        createTrial(tx, actor, { ...input, contractId: input.contractId.id }),
      ),
    }),
  },
  { outputFields: (t) => ({ trial: t.field({ type: TrialRef, resolve: (p) => p.trial }) }) },
);

builder.relayMutationField(
  "editTrial",
  {
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef }),
      name: t.string({ required: false }),
      protocolId: t.string({ required: false }),
      status: t.field({
        type: TrialStatusEnum,
        required: false,
        description: "DRAFT → LIVE ⇄ PAUSED → CLOSED; a closed trial stays closed.",
      }),
      phase: t.field({ type: TrialPhaseEnum, required: false, description: "null clears it." }),
      irbStatus: t.field({ type: IrbStatusEnum, required: false }),
    }),
  },
  {
    description:
      "Changes a trial's details (the spec's edit_trial); omitted fields stay as they are. Needs edit_trial on the trial.",
    resolve: async (_root, { input }, ctx) => ({
      trial: await inTransaction(ctx, (tx, actor) =>
        editTrial(tx, actor, input.trialId.id, {
          name: undefinedIfNull(input.name),
          protocolId: undefinedIfNull(input.protocolId),
          status: undefinedIfNull(input.status),
          phase: input.phase,
          irbStatus: undefinedIfNull(input.irbStatus),
        }),
      ),
    }),
  },
  { outputFields: (t) => ({ trial: t.field({ type: TrialRef, resolve: (p) => p.trial }) }) },
);

builder.relayMutationField(
  "deleteTrial",
  { inputFields: (t) => ({ trialId: t.globalID({ for: TrialRef }) }) },
  {
    description:
      "Deletes a trial and its trial sites (the spec's delete_trial), refused while anyone is enrolled in it. Needs delete_trial on the trial.",
    resolve: async (_root, { input }, ctx) => {
      const trial = await inTransaction(ctx, (tx, actor) => deleteTrial(tx, actor, input.trialId.id));
      return { deletedTrialId: trial.id };
    },
  },
  {
    outputFields: (t) => ({
      deletedTrialId: t.globalID({
        description: "The id the deleted trial had.",
        resolve: (p) => ({ type: TrialRef.name, id: p.deletedTrialId }),
      }),
    }),
  },
);

builder.relayMutationField(
  "addTrialSite",
  {
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef }),
      siteId: t.globalID({ for: SiteRef, description: "A site of the trial's client that you may see." }),
    }),
  },
  {
    description:
      "Adds a site to a trial (the spec's add_trial_site). Needs add_trial_site on the trial and sight of the site.",
    resolve: async (_root, { input }, ctx) => ({
      trialSite: await inTransaction(ctx, (tx, actor) =>
        addTrialSite(tx, actor, { trialId: input.trialId.id, siteId: input.siteId.id }),
      ),
    }),
  },
  { outputFields: (t) => ({ trialSite: t.field({ type: TrialSiteRef, resolve: (p) => p.trialSite }) }) },
);

// createSite lives here, beside trials, because a new site may join a trial in the same transaction.
builder.relayMutationField(
  "createSite",
  {
    inputFields: (t) => ({
      clientId: t.globalID({ for: ClientRef }),
      name: t.string(),
      address: t.field({ type: AddressInput, required: false }),
      timeZone: t.string({ required: false, description: "IANA time zone; America/New_York when omitted." }),
      trialId: t.globalID({
        required: false,
        for: TrialRef,
        description: "A trial the site joins at once (needs add_trial_site on it).",
      }),
    }),
  },
  {
    description:
      "Creates a site of a client (the spec's create_site). Needs create_site on the client; with a trial, the site joins it at once.",
    resolve: async (_root, { input: { clientId, trialId, ...input } }, ctx) => {
      const site = await inTransaction(ctx, async (tx, actor) => {
        const created = await createSite(tx, actor, clientId.id, input);
        if (trialId) await addTrialSite(tx, actor, { trialId: trialId.id, siteId: created.id });
        return created;
      });
      return { site };
    },
  },
  { outputFields: (t) => ({ site: t.field({ type: SiteRef, resolve: (p) => p.site }) }) },
);
