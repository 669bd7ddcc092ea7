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
    description: "The new trial's details.",
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef, description: "The contract the trial runs under." }),
      name: t.string({ description: "The trial's name (1-200 characters)." }),
      protocolId: t.string({ description: "Unique across all trials." }),
      status: t.field({ type: TrialStatusEnum, required: false, description: "DRAFT (default) or LIVE." }),
      phase: t.field({ type: TrialPhaseEnum, required: false, description: "The trial's phase, if known." }),
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
      "Creates a trial under a contract; a protocol id already used answers CONFLICT. Needs create_trial on the contract.",
    resolve: async (_root, { input }, ctx) => ({
      trial: await inTransaction(ctx, (tx, actor) =>
        createTrial(tx, actor, { ...input, contractId: input.contractId.id }),
      ),
    }),
  },
  {
    description: "The trial as saved.",
    outputFields: (t) => ({
      trial: t.field({ type: TrialRef, description: "The trial.", resolve: (p) => p.trial }),
    }),
  },
);

builder.relayMutationField(
  "editTrial",
  {
    description: "The trial and the details to change; omitted fields stay as they are.",
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef, description: "The trial's global id." }),
      name: t.string({ required: false, description: "A new name (1-200 characters); omit to keep." }),
      protocolId: t.string({
        required: false,
        description: "A new protocol id, unique across trials; omit to keep.",
      }),
      status: t.field({
        type: TrialStatusEnum,
        required: false,
        description: "DRAFT → LIVE ⇄ PAUSED → CLOSED; a closed trial stays closed.",
      }),
      phase: t.field({ type: TrialPhaseEnum, required: false, description: "null clears it." }),
      irbStatus: t.field({
        type: IrbStatusEnum,
        required: false,
        description: "A new IRB standing; omit to keep.",
      }),
    }),
  },
  {
    description:
      "Changes a trial's details (a status change the life cycle does not allow is BAD_USER_INPUT naming status; a protocol id in use, CONFLICT); omitted fields stay as they are. Needs edit_trial on the trial.",
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
  {
    description: "The trial as saved.",
    outputFields: (t) => ({
      trial: t.field({ type: TrialRef, description: "The trial.", resolve: (p) => p.trial }),
    }),
  },
);

builder.relayMutationField(
  "deleteTrial",
  {
    description: "The trial to delete.",
    inputFields: (t) => ({ trialId: t.globalID({ for: TrialRef, description: "The trial's global id." }) }),
  },
  {
    description:
      "Deletes a trial and its trial sites, refused with CONFLICT once anyone has been enrolled in it (close it instead). Needs delete_trial on the trial.",
    resolve: async (_root, { input }, ctx) => {
      const trial = await inTransaction(ctx, (tx, actor) => deleteTrial(tx, actor, input.trialId.id));
      return { deletedTrialId: trial.id };
    },
  },
  {
    description: "What was deleted.",
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
    description: "The trial and the site that joins it.",
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef, description: "The trial's global id." }),
      siteId: t.globalID({ for: SiteRef, description: "A site of the trial's client that you may see." }),
    }),
  },
  {
    description:
      "Adds a site to a trial (CONFLICT if it is already in it or the trial is closed). Needs add_trial_site on the trial and sight of the site.",
    resolve: async (_root, { input }, ctx) => ({
      trialSite: await inTransaction(ctx, (tx, actor) =>
        addTrialSite(tx, actor, { trialId: input.trialId.id, siteId: input.siteId.id }),
      ),
    }),
  },
  {
    description: "The new trial site.",
    outputFields: (t) => ({
      trialSite: t.field({
        type: TrialSiteRef,
        description: "The site's place in the trial.",
        resolve: (p) => p.trialSite,
      }),
    }),
  },
);

// createSite lives here, beside trials, because a new site may join a trial in the same transaction.
builder.relayMutationField(
  "createSite",
  {
    description: "The new site's details.",
    inputFields: (t) => ({
      clientId: t.globalID({
        for: ClientRef,
        description: "The client the site belongs to (its global id).",
      }),
      name: t.string({ description: "The site's name (1-200 characters)." }),
      address: t.field({ type: AddressInput, required: false, description: "The site's postal address." }),
      phone: t.string({
        required: false,
        description: "The number participants call (E.164 or national digits).",
      }),
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
      "Creates a site of a client. Needs create_site on the client; with a trial, the site joins it at once.",
    resolve: async (_root, { input: { clientId, trialId, ...input } }, ctx) => {
      const site = await inTransaction(ctx, async (tx, actor) => {
        const created = await createSite(tx, actor, clientId.id, input);
        if (trialId) await addTrialSite(tx, actor, { trialId: trialId.id, siteId: created.id });
        return created;
      });
      return { site };
    },
  },
  {
    description: "The site as saved.",
    outputFields: (t) => ({
      site: t.field({ type: SiteRef, description: "The site.", resolve: (p) => p.site }),
    }),
  },
);
